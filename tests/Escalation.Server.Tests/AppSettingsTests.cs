namespace Escalation.Server.Tests;

public sealed class AppSettingsTests
{
    [Fact]
    public async Task Start_FromTheRepositoryRoot_ReadsTheAppSettingsBesideTheServer()
    {
        // The test server runs from the repository root, as `dotnet run --project src/Escalation.Server` does. Only the
        // default level comes from the environment here; appsettings.json keeps ASP.NET Core's per-request lines at Warning.
        await using var server = await ServerProcess.StartAsync(settings: new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Information" });

        (await server.Client.GetAsync("/api/health")).EnsureSuccessStatusCode();
        await Task.Delay(300); // let the console logger write what it has

        Assert.Contains("Content root path: " + Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory), server.Output);
        Assert.DoesNotContain("Request finished", server.Output);
    }
}

namespace Escalation.Server.Tests;

public sealed class DataFolderTests
{
    [Fact]
    public async Task Start_SecondServerOnTheSameDataFolder_RefusesWithAClearMessage()
    {
        await using var first = await ServerProcess.StartAsync();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(dataDirectory: first.DataDirectory));

        Assert.Contains("The service cannot start", ex.Message);
        Assert.Contains("Another process is writing", ex.Message);
        Assert.True((await first.Client.GetAsync("/api/health")).IsSuccessStatusCode);
    }
}

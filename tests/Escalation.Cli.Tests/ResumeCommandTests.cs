namespace Escalation.Cli.Tests;

public class ResumeCommandTests
{
    private static async Task<(int Exit, string Error)> RunAsync(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await CliApp.RunAsync(args, TextReader.Null, stdout, stderr);
        return (exit, stderr.ToString());
    }

    [Fact]
    public async Task Resume_NeitherCaseIdsNorAll_ExitsTwoWithUsage()
    {
        var (exit, error) = await RunAsync("resume");

        Assert.Equal(2, exit);
        Assert.Contains("give CASE_ID... or --all", error);
        Assert.Contains("escalation resume [<CASE_ID>...] [options]", error);
    }

    [Fact]
    public async Task Resume_CaseIdsAndAllTogether_ExitsTwo()
    {
        Assert.Equal(2, (await RunAsync("resume", "case-1", "--all")).Exit);
    }

    [Fact]
    public async Task Resume_ServerNotAnHttpAddress_ExitsTwoNamingTheOption()
    {
        var (exit, error) = await RunAsync("resume", "case-1", "--server", "ftp://example");

        Assert.Equal(2, exit);
        Assert.Contains("--server", error);
    }

    [Fact]
    public async Task Resume_NothingListensAtTheServer_ExitsTwoNamingTheServer()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // the port is free now: the connection is refused

        var (exit, error) = await RunAsync("resume", "--all", "--server", $"http://127.0.0.1:{port}");

        Assert.Equal(2, exit);
        Assert.Contains($"127.0.0.1:{port}", error);
    }
}

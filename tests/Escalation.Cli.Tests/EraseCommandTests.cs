namespace Escalation.Cli.Tests;

public class EraseCommandTests
{
    private static async Task<(int Exit, string Error)> RunAsync(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await CliApp.RunAsync(args, TextReader.Null, stdout, stderr);
        return (exit, stderr.ToString());
    }

    [Theory]
    [InlineData("erase")]
    [InlineData("erase", "--customer", "cus_014")]
    [InlineData("erase", "--by", "dpo@lumen.example")]
    [InlineData("erase", "cus_014", "--customer", "cus_014", "--by", "dpo")]
    public async Task Erase_WithoutCustomerOrRequester_ExitsTwoWithUsage(params string[] args)
    {
        var (exit, error) = await RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains("escalation erase [options]", error);
        Assert.Contains("--customer <ID> (REQUIRED)", error);
    }

    [Fact]
    public async Task Erase_NothingListensAtTheServer_ExitsTwoNamingTheServer()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (exit, error) = await RunAsync("erase", "--customer", "cus_014", "--by", "dpo", "--server", $"http://127.0.0.1:{port}");

        Assert.Equal(2, exit);
        Assert.Contains($"127.0.0.1:{port}", error);
    }
}

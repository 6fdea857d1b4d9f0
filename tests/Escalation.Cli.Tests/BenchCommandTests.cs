using Escalation.Cli;

namespace Escalation.Cli.Tests;

public class BenchCommandTests
{
    [Fact]
    public async Task Bench_TooShortMeasurement_IsRefused()
    {
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(["bench", "--seconds", "0.1"], TextReader.Null, new StringWriter(), stderr);
        Assert.Equal(2, code);
        Assert.Contains("--seconds", stderr.ToString());
    }
}

public class BenchServerOptionTests
{
    [Fact]
    public async Task Bench_ServerNotAnHttpUrl_IsRefusedBeforeMeasuring()
    {
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(["bench", "--server", "ftp://example"], TextReader.Null, new StringWriter(), stderr);
        Assert.Equal(2, code);
        Assert.Contains("--server", stderr.ToString());
    }
}

namespace Escalation.Bench.Tests;

public class BenchCommandTests
{
    [Theory]
    [InlineData("bench", "--help")]
    [InlineData("bench", "--scale", "1000", "-h")]
    [InlineData("cost", "--help")]
    [InlineData("drill", "tokens", "--help")]
    public async Task Help_AfterACommand_PrintsItsUsageAndRunsNothing(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await BenchApp.RunAsync(args, stdout, stderr);

        Assert.Equal(0, code);
        Assert.StartsWith("usage: escalation-bench <command>", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("  " + args[0] + " ", stdout.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("machine:", stdout.ToString(), StringComparison.Ordinal); // the bench's first line: no run began
        Assert.DoesNotContain(args[0] == "bench" ? "  cost " : "  bench ", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal("", stderr.ToString());
    }

    [Fact]
    public async Task Bench_TooShortMeasurement_IsRefused()
    {
        var stderr = new StringWriter();
        var code = await BenchApp.RunAsync(["bench", "--seconds", "0.1"], new StringWriter(), stderr);
        Assert.Equal(2, code);
        Assert.Contains("--seconds", stderr.ToString());
    }

    [Theory]
    [InlineData("0.5")]
    [InlineData("ten")]
    public async Task Bench_HttpWindowNotANumberOfSeconds_IsRefusedBeforeMeasuring(string value)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await BenchApp.RunAsync(["bench", "--http-only", "--http-seconds", value], stdout, stderr);
        Assert.Equal(2, code);
        Assert.Contains("--http-seconds", stderr.ToString());
        Assert.Equal("", stdout.ToString());
    }
}

public class BenchServerOptionTests
{
    [Fact]
    public async Task Bench_ServerNotAnHttpUrl_IsRefusedBeforeMeasuring()
    {
        var stderr = new StringWriter();
        var code = await BenchApp.RunAsync(["bench", "--server", "ftp://example"], new StringWriter(), stderr);
        Assert.Equal(2, code);
        Assert.Contains("--server", stderr.ToString());
    }
}

public class BenchSectionOptionTests
{
    [Fact]
    public async Task Bench_HttpOnlyAndNoHttp_IsRefused()
    {
        var stderr = new StringWriter();
        var code = await BenchApp.RunAsync(["bench", "--http-only", "--no-http"], new StringWriter(), stderr);
        Assert.Equal(2, code);
        Assert.Contains("--http-only", stderr.ToString());
    }

    [Fact]
    public async Task Bench_HttpOnlyAgainstNoServer_PrintsOnlyTheHttpLinesAndNoLatencies()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there any more: every request fails fast

        var stdout = new StringWriter();
        var code = await BenchApp.RunAsync(["bench", "--http-only", "--quick", "--server", $"http://127.0.0.1:{port}"], stdout, new StringWriter());

        Assert.Equal(0, code);
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain(lines, l => l.StartsWith("signals", StringComparison.Ordinal) || l.StartsWith("durable", StringComparison.Ordinal));
        var measured = lines.Where(l => l.StartsWith("http submit-to-decision", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, measured.Count);
        Assert.All(measured, l => Assert.Contains("no response from the server", l));
        Assert.All(measured, l => Assert.DoesNotContain("p50", l));
        Assert.Contains(lines, l => l.StartsWith("http warm-up", StringComparison.Ordinal));
    }
}

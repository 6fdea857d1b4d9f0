using Escalation.Cli;

namespace Escalation.Cli.Tests;

public class CliAppTests
{
    [Theory]
    [InlineData("kpis", "--help")]
    [InlineData("kpis", "rebuild", "-h")]
    public async Task Help_AfterACommand_PrintsItsUsageAndRunsNothing(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await CliApp.RunAsync(args, TextReader.Null, stdout, stderr);

        Assert.Equal(0, code);
        Assert.StartsWith("usage: escalation <command>", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("  " + args[0] + " ", stdout.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("  triage ", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal("", stderr.ToString());
    }

    [Theory]
    [InlineData("bench")]
    [InlineData("bench", "--help")]
    [InlineData("drill", "tokens")]
    [InlineData("cost", "--model-tokens", "800,300")]
    public async Task BenchDrillAndCost_MovedToEscalationBench_SayWhereAndExitTwo(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await CliApp.RunAsync(args, TextReader.Null, stdout, stderr);

        Assert.Equal(2, code);
        Assert.Equal("", stdout.ToString());
        var line = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("escalation-bench", line, StringComparison.Ordinal);
        Assert.Contains("-- " + args[0], line, StringComparison.Ordinal);
    }
}

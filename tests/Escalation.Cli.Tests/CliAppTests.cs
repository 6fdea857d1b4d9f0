using Escalation.Cli;

namespace Escalation.Cli.Tests;

public class CliAppTests
{
    [Theory]
    [InlineData("kpis", "--help")]
    [InlineData("kpis", "rebuild", "-h")]
    [InlineData("erase", "--help")]
    public async Task Help_AfterACommand_PrintsItsUsageAndRunsNothing(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await CliApp.RunAsync(args, TextReader.Null, stdout, stderr);

        Assert.Equal(0, code);
        var command = string.Join(' ', args[..^1]);
        Assert.Contains("Usage:\n  escalation " + command + " [", stdout.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("triage", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal("", stderr.ToString());
    }

    [Fact]
    public async Task NoCommand_ExitsTwoListingEveryCommand()
    {
        var stderr = new StringWriter();

        var code = await CliApp.RunAsync([], TextReader.Null, new StringWriter(), stderr);

        Assert.Equal(2, code);
        Assert.All(["workspace", "triage", "signals", "kpis", "verify", "simulate", "gaps", "resume", "erase"],
            command => Assert.Contains("  " + command + " ", stderr.ToString(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("kpis", "--now", "yesterday-ish")]
    [InlineData("gaps", "--since", "13/13/2026")]
    [InlineData("triage", "x.json", "--now", "soon")]
    public async Task BadInstant_ExitsTwoNamingTheOptionAndTheValue(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await CliApp.RunAsync(args, TextReader.Null, stdout, stderr);

        Assert.Equal(2, code);
        Assert.Equal("", stdout.ToString());
        Assert.StartsWith($"{args[^2]}: not an ISO date or instant: {args[^1]}", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownOption_ExitsTwoAndRunsNothing()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await CliApp.RunAsync(["kpis", "--dta", "elsewhere"], TextReader.Null, stdout, stderr);

        Assert.Equal(2, code);
        Assert.Equal("", stdout.ToString());
        Assert.Contains("--dta", stderr.ToString(), StringComparison.Ordinal);
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

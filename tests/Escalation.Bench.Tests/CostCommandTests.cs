namespace Escalation.Bench.Tests;

public class CostCommandTests
{
    [Fact]
    public async Task Cost_BadModelTokens_IsRefused()
    {
        var stderr = new StringWriter();
        var code = await BenchApp.RunAsync(["cost", "--model-tokens", "lots"], new StringWriter(), stderr);

        Assert.Equal(2, code);
        Assert.Contains("--model-tokens", stderr.ToString());
    }
}

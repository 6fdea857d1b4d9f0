using Escalation.Cli;

namespace Escalation.Cli.Tests;

public class CostCommandTests
{
    [Fact]
    public async Task Cost_BadModelTokens_IsRefused()
    {
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(["cost", "--model-tokens", "lots"], TextReader.Null, new StringWriter(), stderr);

        Assert.Equal(2, code);
        Assert.Contains("--model-tokens", stderr.ToString());
    }
}

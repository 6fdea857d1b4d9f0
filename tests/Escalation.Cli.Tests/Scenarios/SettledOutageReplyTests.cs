using Escalation.Core.Actions;

namespace Escalation.Cli.Tests.Scenarios;

/// <summary>An outage the customer calls settled is context: today's ask is answered without apologising for it again.</summary>
public sealed class SettledOutageReplyTests
{
    [Fact]
    public void Decide_RefundBesideASettledOutage_NoOutageApologyNoBugReport()
    {
        var d = ScenarioSuiteTests.Decide(ScenarioSuiteTests.Scenario("p32-en24"));

        Assert.DoesNotContain("outage", d.Draft, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(d.Actions, a => a.Kind == ActionKinds.BugReport);
        Assert.Equal(120m, Assert.Single(d.Actions, a => a.Kind == ActionKinds.Refund).Amount);
    }
}

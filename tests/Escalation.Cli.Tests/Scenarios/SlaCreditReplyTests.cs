using Escalation.Core.Actions;
using Escalation.Core.Decisions;

namespace Escalation.Cli.Tests.Scenarios;

/// <summary>An SLA claim is credited by the SLA formula from the downtime read, never by a goodwill percentage.</summary>
public sealed class SlaCreditReplyTests
{
    [Theory]
    [InlineData("p31-en90", "€67.50")]
    [InlineData("p31-es90", "67,50 €")]
    [InlineData("p31-de90", "67,50 €")]
    public void Decide_OutageToldByItsStartAndEnd_CreditsThreeHoursByTheFormula(string id, string amount)
    {
        var d = ScenarioSuiteTests.Decide(ScenarioSuiteTests.Scenario(id));

        Assert.Contains(amount, d.Draft, StringComparison.Ordinal);
        var credit = Assert.Single(d.Actions, a => a.Kind == ActionKinds.Credit);
        Assert.Equal(67.50m, credit.Amount);
        Assert.Equal("credit-formula", credit.Rule);
    }

    [Fact]
    public void Decide_SlaClaimWithoutTheDowntime_ProposesNoGoodwillFigureAndPromisesNoCredit()
    {
        var d = ScenarioSuiteTests.Decide(ScenarioSuiteTests.Scenario("p31-en91"));

        Assert.Equal(Routes.DraftForReview, d.Route);
        Assert.DoesNotContain("I have added a credit", d.Draft, StringComparison.Ordinal);
        Assert.DoesNotContain(d.Actions, a => a.Kind == ActionKinds.Credit);
    }
}

using Escalation.Core.Actions;
using Escalation.Core.Decisions;

namespace Escalation.Cli.Tests.Scenarios;

/// <summary>
/// An add-on or pack asked to be taken off, in any covered language and in the customer's own words, is removed by an
/// action named as the customer named it, and the reply says so; a refund goes to the charge the refund sentence names.
/// </summary>
public sealed class AddOnRemovalReplyTests
{
    [Theory]
    [InlineData("p33-en29", "extra seat pack")] // "I only want the extra seat pack gone"
    [InlineData("p33-en21", "Reporting Plus")] // "we bought Reporting Plus … remove the add-on"
    [InlineData("p33-pt04", "pacote de lugares extra")] // "Podem retirá-lo"
    [InlineData("p33-fr04", "option Reporting Plus")] // "l'option Reporting Plus … la retirer"
    [InlineData("p33-it04", "componente aggiuntivo Reporting Plus")] // "Il 6/11 … rimuoverlo"
    [InlineData("p33-nl04", "extra stoelenpakket")] // "gekocht op 21-11"
    public void Decide_RemovalInTheCustomersWords_RemovesTheNamedAddOnAndSaysSo(string id, string name)
    {
        var d = ScenarioSuiteTests.Decide(ScenarioSuiteTests.Scenario(id));

        Assert.Equal(Routes.DraftAndSend, d.Route);
        Assert.Contains(d.Actions, a => a.Kind == ActionKinds.Refund);
        Assert.Contains(d.Actions, a => a.Kind == ActionKinds.RemoveAddOn && a.Summary == name);
        Assert.Contains(name, d.Draft, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_DuplicateChargeNamedInTheRefundSentence_RefundsThatCharge()
    {
        var d = ScenarioSuiteTests.Decide(ScenarioSuiteTests.Scenario("p33-pt03"));

        var refund = Assert.Single(d.Actions, a => a.Kind == ActionKinds.Refund);
        Assert.Equal(new DateOnly(2026, 11, 4), refund.ChargeDate);
        Assert.Contains("4 de novembro", d.Draft, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_CancellationAndTheRemainingMonthsToAFriend_NothingIsCancelledWithoutAPerson()
    {
        var d = ScenarioSuiteTests.Decide(ScenarioSuiteTests.Scenario("p33-fr09"));

        Assert.Equal(Routes.DraftForReview, d.Route);
        Assert.Contains(d.Reasons, r => r.Code == ReasonCodes.AskNotCovered && r.Text.Contains("transférer", StringComparison.Ordinal));
    }
}

using Escalation.Core.Actions;
using Escalation.Core.Decisions;

namespace Escalation.Cli.Tests.Scenarios;

/// <summary>A cancellation within authority is carried out with the reply that says so; beyond it a person decides.</summary>
public sealed class CancellationReplyTests
{
    [Theory]
    [InlineData("p29-01", "I have cancelled your plan. It stays active until 6 October 2027")]
    [InlineData("p29-02", "J'ai résilié votre abonnement. Il reste actif jusqu'au 6 octobre 2027")]
    [InlineData("p29-03", "Ich habe Ihren Tarif gekündigt. Er bleibt bis zum 6. Oktober 2027 aktiv")]
    [InlineData("p29-07", "Ik heb uw abonnement opgezegd. Het blijft actief tot 6 oktober 2027")]
    public void Decide_CancellationWithinAuthority_SaysItIsDoneAndCarriesItOutOnSend(string id, string said)
    {
        var d = ScenarioSuiteTests.Decide(ScenarioSuiteTests.Scenario(id));

        Assert.Equal(Routes.DraftAndSend, d.Route);
        Assert.Contains(said, d.Draft, StringComparison.Ordinal);
        var cancel = Assert.Single(d.Actions, a => a.Kind == ActionKinds.CancelSubscription);
        Assert.False(cancel.NeedsApproval); // executed when the reply is sent, not waiting for an approval nobody gives
        Assert.Equal("2027-10-06", cancel.Effective);
    }

    [Fact]
    public void Decide_CancellationFromALongStandingCustomer_WaitsForARetentionReviewAndPromisesNothing()
    {
        var s = ScenarioSuiteTests.Scenario("p29-01");
        s.Customer = "cus_002"; // a customer since 2019: above the retention thresholds

        var d = ScenarioSuiteTests.Decide(s);

        Assert.Equal(Routes.DraftForReview, d.Route);
        Assert.Contains(d.Reasons, r => r.Code == ReasonCodes.RetentionReview);
        Assert.True(Assert.Single(d.Actions, a => a.Kind == ActionKinds.CancelSubscription).NeedsApproval);
        Assert.DoesNotContain("I have cancelled", d.Draft, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("p31-en75", "I have cancelled your plan. It stays active until 23 November 2026")]
    [InlineData("p31-es75", "He cancelado su plan. Seguirá activo hasta el 23 de noviembre de 2026")]
    public void Decide_CancellationWithTheRefundOfThePeriod_EndsTodayNotAtARenewalAYearAway(string id, string said)
    {
        var d = ScenarioSuiteTests.Decide(ScenarioSuiteTests.Scenario(id));

        Assert.Equal(Routes.DraftAndSend, d.Route);
        Assert.Contains(said, d.Draft, StringComparison.Ordinal);
        Assert.Equal("2026-11-23", Assert.Single(d.Actions, a => a.Kind == ActionKinds.CancelSubscription).Effective);
    }

    [Theory]
    [InlineData("p31-en72")]
    [InlineData("p31-es72")]
    [InlineData("p31-fr72")]
    public void Decide_CancellationAskedForAnotherDate_APersonAgreesTheDateAndTheReasonQuotesIt(string id)
    {
        var s = ScenarioSuiteTests.Scenario(id);

        var d = ScenarioSuiteTests.Decide(s);

        var reason = Assert.Single(d.Reasons, r => r.Code == ReasonCodes.AskNotCovered);
        Assert.Contains("a human agrees the date", reason.Text, StringComparison.Ordinal);
        Assert.Contains(s.Text[..20], reason.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("p31-en72", "I have cancelled", "You would like your plan to end straight away. Your current term runs until")]
    [InlineData("p31-es72", "He cancelado", "Nos ha pedido cancelar su plan. Su periodo actual dura hasta el")]
    public void Decide_CancellationAskedForAnotherDate_TheHeldDraftSaysBothDatesAndCancelsNothing(string id, string notSaid, string said)
    {
        var d = ScenarioSuiteTests.Decide(ScenarioSuiteTests.Scenario(id));

        Assert.Equal(Routes.DraftForReview, d.Route);
        Assert.DoesNotContain(notSaid, d.Draft, StringComparison.Ordinal);
        Assert.Contains(said, d.Draft, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_CancellationAskedForADateOfTheirOwn_TheHeldDraftNamesThatDate()
    {
        var s = ScenarioSuiteTests.Scenario("p31-en72");
        s.Text = "Please cancel our subscription effective 31 December 2026. Our new tool starts on 1 January.";

        var d = ScenarioSuiteTests.Decide(s);

        Assert.Equal(Routes.DraftForReview, d.Route);
        Assert.Contains("You would like your plan to end on 31 December 2026.", d.Draft, StringComparison.Ordinal);
        Assert.DoesNotContain("I have cancelled", d.Draft, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("p31-de95")]
    [InlineData("p31-fr95")]
    public void Decide_ChargedAfterCancelling_RefundsTheChargeDateNotTheCancellationDateAndCancelsNothingNew(string id)
    {
        var d = ScenarioSuiteTests.Decide(ScenarioSuiteTests.Scenario(id));

        Assert.Equal(new DateOnly(2026, 11, 15), Assert.Single(d.Actions, a => a.Kind == ActionKinds.Refund).ChargeDate);
        Assert.DoesNotContain(d.Actions, a => a.Kind == ActionKinds.CancelSubscription);
    }

    [Theory]
    [InlineData("p29-01", "Your current term runs until then, so your regular payments continue until that date.")]
    [InlineData("p29-02", "vos paiements réguliers continuent donc jusqu'à cette date")]
    [InlineData("p29-03", "daher laufen Ihre regelmäßigen Zahlungen bis zu diesem Datum weiter")]
    public void Decide_CancellationAtATermEndMonthsAway_SaysThePaymentsContinueUntilThen(string id, string said)
    {
        var d = ScenarioSuiteTests.Decide(ScenarioSuiteTests.Scenario(id));

        Assert.Equal(Routes.DraftAndSend, d.Route);
        Assert.Contains(said, d.Draft, StringComparison.Ordinal);
        Assert.DoesNotContain("not be charged again", d.Draft, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hi, please cancel our plan so we're not billed again. Thanks")]
    [InlineData("Hola, cancelad mi suscripción, que no se me vuelva a cobrar nada. Gracias")]
    [InlineData("Bitte kündigen Sie unser Abo, es soll nichts mehr abgebucht werden.")]
    public void Decide_CancellationAskingNothingMoreBeChargedWithMonthsOfTermLeft_APersonAgreesIt(string text)
    {
        var s = ScenarioSuiteTests.Scenario("p29-01");
        s.Text = text;

        var d = ScenarioSuiteTests.Decide(s);

        Assert.Equal(Routes.DraftForReview, d.Route);
        Assert.Contains(d.Reasons, r => r.Code == ReasonCodes.AskNotCovered && r.Text.Contains("2027-10-06", StringComparison.Ordinal));
    }
}

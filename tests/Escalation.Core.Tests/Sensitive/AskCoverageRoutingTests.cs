using Escalation.Core.Decisions;
using Escalation.Core.Sensitive;
using Escalation.Core.Signals;

namespace Escalation.Core.Tests.Sensitive;

/// <summary>
/// A reply is sent only when it answers the whole message: another ask, a question rather than a request, a refund
/// asked to go elsewhere or a partial refund with no amount go to review, quoting what the reply would not answer.
/// </summary>
public sealed class AskCoverageRoutingTests
{
    private static SensitiveCaseResult Run(string text) => TestWorkspace.Decide(text);

    private static RouteReason Reason(SensitiveCaseResult r, string code) => Assert.Single(r.Decision.Reasons, x => x.Code == code);

    [Theory]
    [InlineData("Please refund the €35 charged on 2026-11-19, and could you also move our team to the annual plan?", "move our team to the annual plan")]
    [InlineData("Refund the €35 from 2026-11-19 please. Also, can you add two more admins to our workspace?", "add two more admins")]
    [InlineData("Por favor, reembolsen los 35 € cobrados el 19 de noviembre y, de paso, ¿me activan el módulo de informes?", "módulo de informes")]
    [InlineData("Bitte erstatten Sie die 35 € vom 19. November und schicken Sie mir die Zugangsdaten für den neuen Kollegen.", "Zugangsdaten")]
    [InlineData("Remboursez les 35 € prélevés le 19 novembre. Pourquoi avez-vous augmenté vos prix sans prévenir ?", "Pourquoi")]
    [InlineData("Two things:\n1. refund the €35 charged on 2026-11-19\n2. extend our trial by another month", "extend our trial")]
    [InlineData("Dos cosas:\n- reembolsen los 35 € del 19 de noviembre\n- cambien el nombre de la empresa en la cuenta", "cambien el nombre")]
    [InlineData("Please refund the €35 charged on 2026-11-19 and move us back to the Starter plan.", "move us back")]
    [InlineData("Please refund the €35 charged on 2026-11-19 and delete our workspace.", "delete our workspace")]
    public void Route_AnotherAskBesideTheRefund_ReviewQuotesIt(string text, string quoted)
    {
        var r = Run(text);

        Assert.Equal(Routes.DraftForReview, r.Decision.Route);
        Assert.Contains(quoted, Reason(r, ReasonCodes.AskNotCovered).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("If I downgrade now, would I get a refund for the €35 charged on 2026-11-19?")]
    [InlineData("Si cancelo hoy, ¿me devolverían los 35 € del 19 de noviembre?")]
    [InlineData("Quick question, if I cancel today would the €35 charged on 2026-11-19 come back to me?")]
    [InlineData("Bonjour, petite question : si j'annulais, pourrais-je être remboursé des 35 € du 19/11/2026 ? Je ne demande rien pour l'instant.")]
    [InlineData("Could the €35 from 2026-11-19 be refunded if we leave? Not asking for anything yet, just wondering.")]
    public void Route_QuestionAboutARefund_IsAnsweredByAHumanNotActedOn(string text)
    {
        var r = Run(text);

        Assert.Equal(Routes.DraftForReview, r.Decision.Route);
        Reason(r, ReasonCodes.QuestionNotRequest);
        Assert.Empty(r.Decision.Actions); // approving the answer must not refund or cancel what was only asked about
        Assert.DoesNotContain("I have refunded", r.Decision.Draft, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Please refund the €35 charged on 2026-11-19 to my PayPal, the card has expired.")]
    [InlineData("Erstatten Sie die 35 € vom 19. November bitte per Überweisung, die Karte ist gesperrt.")]
    [InlineData("I do the books for one of my clients, who has a separate account with you. Please refund the €35 charged on 2026-11-19 on their subscription.")]
    public void Route_RefundAskedToGoElsewhere_ReviewRefundDestination(string text)
    {
        var r = Run(text);

        Assert.Equal(Routes.DraftForReview, r.Decision.Route);
        Reason(r, ReasonCodes.RefundDestination);
    }

    [Fact]
    public void Route_PartialRefundWithoutAnAmount_AmountNotUnderstood()
    {
        var r = Run("The €35 on 2026-11-19 covered a month but we left after a week. Please refund the unused portion.");

        Assert.Equal(Routes.DraftForReview, r.Decision.Route);
        Assert.Contains("no amount is named", Reason(r, ReasonCodes.AmountAmbiguous).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hi! I was charged €35 on 2026-11-19 for a plan I no longer need. Could you refund it? Thanks a lot, Mia")]
    [InlineData("Please refund the €35 charged on 2026-11-19 and remove the add-on from our account. Thank you!")]
    [InlineData("If you could refund the €35 charged on 2026-11-19, that would be great. Thanks!")]
    [InlineData("I forgot to cancel before it renewed. Please refund the €35 charged on 2026-11-19, I had downgraded already.")]
    public void Route_EverythingAskedIsTheRefundOrItsActions_StillSent(string text)
    {
        var r = Run(text);

        Assert.True(r.Decision.Route == Routes.DraftAndSend, string.Join("; ", r.Decision.Reasons.Select(x => x.Text)));
    }

    [Fact]
    public void Route_RefundAndRemoveTheNamedAddOn_ReplySaysItIsRemovedAndTheActionCarriesItOut()
    {
        var r = Run("Please refund the €35 SMS add-on charged on 2026-11-19 and remove it, we never used it.");

        Assert.Equal(Routes.DraftAndSend, r.Decision.Route);
        Assert.Contains("removed this from your subscription, so it will not be charged again: SMS add-on", r.Decision.Draft, StringComparison.Ordinal);
        Assert.Contains(r.Decision.Actions, a => a.Kind == Core.Actions.ActionKinds.RemoveAddOn && a.Summary == "SMS add-on");
    }

    [Theory]
    [InlineData("I do NOT want to cancel my plan. I only want the extra seat pack gone and refunded (€35, bought 19 Nov 2026). Thank you!", "extra seat pack")]
    [InlineData("Hi, we bought Reporting Plus for €35 on 19 November hoping it would fix the exports, but it did not. Please refund the €35 and remove the add-on.", "Reporting Plus")]
    public void Route_AddOnAskedGoneOrNamedWhereBought_IsRemovedAndNamedAsTheCustomerWroteIt(string text, string name)
    {
        var r = Run(text);

        Assert.True(r.Decision.Route == Routes.DraftAndSend, string.Join("; ", r.Decision.Reasons.Select(x => x.Text)));
        Assert.Contains(r.Decision.Actions, a => a.Kind == Core.Actions.ActionKinds.RemoveAddOn && a.Summary == name);
        Assert.Contains(name, r.Decision.Draft, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("You charged us twice, €35 on 18 November and €35 on 19 November. Please refund the second one, from 19 November.")]
    public void Route_TwoChargesAndTheRefundSentenceNamesOne_RefundsThatCharge(string text)
    {
        var r = Run(text);

        var refund = Assert.Single(r.Decision.Actions, a => a.Kind == Core.Actions.ActionKinds.Refund);
        Assert.Equal(new DateOnly(2026, 11, 19), refund.ChargeDate);
    }

    [Theory]
    [InlineData("Please cancel our plan and transfer the remaining months to my colleague's agency.")]
    [InlineData("Bitte kündigen Sie mein Abo und übertragen Sie die restlichen Monate auf meinen Kollegen.")]
    public void Route_CancellationWithTheRestHandedToSomeoneElse_GoesToReviewQuotingIt(string text)
    {
        var r = Run(text);

        Assert.Equal(Routes.DraftForReview, r.Decision.Route);
        Assert.Contains(r.Decision.Reasons, x => x.Code == ReasonCodes.AskNotCovered && (x.Text.Contains("months", StringComparison.Ordinal) || x.Text.Contains("Monate", StringComparison.Ordinal)));
    }

    [Fact]
    public void Route_SlaCreditAskedOnTheNextInvoice_IsTheCreditItself()
    {
        var r = Run("Our office was stuck during your outage on Nov 2nd (09:10-12:10 UTC, 3 hours according to your status page). We're owed an SLA credit for that. Please put it on the next invoice.");

        Assert.DoesNotContain(r.Decision.Reasons, x => x.Code == ReasonCodes.AskNotCovered);
        Assert.NotEqual("P0", r.Decision.Priority);
    }
}

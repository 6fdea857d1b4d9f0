using Escalation.Core.Actions;
using Escalation.Core.Cases;
using Escalation.Core.Decisions;
using Escalation.Core.Knowledge;
using Escalation.Core.Sensitive;
using Escalation.Core.Signals;
using Escalation.Core.Tests.Sensitive;
using Escalation.Core.Tickets;

namespace Escalation.Core.Tests.Cases;

/// <summary>
/// Asks read through the way people write e-mail (eighteenth and nineteenth probe batches): a removal verb with its
/// pronouns attached, an add-on's name before "de la cuenta", a German zu-infinitive, "by mistake", and a mail forwarded
/// below the writer's sign-off.
/// </summary>
public sealed class EmailNoiseTests
{
    private static CaseFacts Extract(string text) =>
        new CaseFactsExtractor().Extract(TestWorkspace.Ticket(text), TestWorkspace.Build(), TestWorkspace.Now);

    [Theory]
    [InlineData("Hola, solo quiero que me devolváis los 39 € del complemento de SMS que compré el 14 de noviembre. Y quitádmelo de la cuenta, porfa.")]
    [InlineData("Hola, compré el complemento de SMS (39 €) el 14 de noviembre por error. Reembólsenmelo y quítenmelo, por favor.")]
    public void Extract_ARemovalVerbWithItsPronouns_NamesTheAddOn(string text) =>
        Assert.Equal("complemento de SMS", Extract(text).RemoveAddOn);

    [Fact]
    public void Extract_QuitarElComplementoDeLaCuenta_NamesTheAddOnNotTheAccount() =>
        Assert.Equal("complemento Reporting Plus", Extract("El 16/11 contratamos por error el complemento Reporting Plus (99 €). ¿Podrían reembolsarnos los 99 € y quitar el complemento de la cuenta?").RemoveAddOn);

    [Fact]
    public void Extract_QuiteInEnglish_IsNoRemoval() =>
        Assert.Null(Extract("I'm quite happy with the product, but please refund the €49 seat pack from 12 November.").RemovalAsk);

    [Fact]
    public void Extract_AGermanZuInfinitive_IsAnInvoiceReissue() =>
        Assert.NotNull(Extract("Dann bitte ich Sie, die Rechnung Nr. 2026-1187 vom 05.11.2026 mit unserer USt-IdNr. DE298765432 neu auszustellen.").InvoiceReissue);

    [Fact]
    public void Extract_AnItalianDateAfterAnElidedArticle_IsTheChargeDate() =>
        Assert.Equal(new DateOnly(2026, 11, 11), Extract("Buongiorno, vorrei il rimborso dei 49 € addebitati l'11/11, abbonamento duplicato.").PurchaseDate);

    [Theory]
    [InlineData("Hi team, could you please add our VAT ID DE312345678 to the November invoice (€450, dated 1 Nov) and re-issue it? Thanks, Kai", true)]
    [InlineData("Could you re-issue our October invoice in GBP instead of EUR?", false)]
    public void Route_AReissueOfCompanyDetails_IsTheInvoiceCorrectionRuleAndACurrencyChangeIsNot(string text, bool understood)
    {
        var ws = TestWorkspace.Build(TestWorkspace.Policies().Select(p => p.Category == PolicyCategories.Refund
            ? p with { Rules = [new PolicyRule(ActionPlanner.InvoiceCorrectionRule, "Re-issue an invoice with corrected company details, VAT number or purchase-order reference on request; no approval needed.")] }
            : p));
        var r = new SensitiveCasePipeline(CaseDetectors.From(new DetectStage()), new ComposerDraftWriter())
            .Run(TestWorkspace.Ticket(text, "cus_100"), ws, TestWorkspace.Now);

        Assert.Equal(understood, !r.Decision.Reasons.Any(x => x.Code == ReasonCodes.IntentUnrecognised));
    }

    [Theory]
    [InlineData("El 16/11 contratamos por error el complemento Reporting Plus (99 €). ¿Podrían reembolsarnos los 99 €?")]
    [InlineData("You charged us €49 in error on 12 November, please refund it.")]
    public void Priority_APurchaseByMistake_IsNoProductError(string text) =>
        Assert.NotEqual(PriorityRules.P1, TestWorkspace.Decide(text).Decision.Priority);

    [Fact]
    public void OwnWords_AMailForwardedBelowTheSignOff_IsPartOfTheRequest()
    {
        const string text = "Hi,\n\nForwarding this from our finance team - can you help?\n\nThanks\nNoah\n\n---------- Forwarded message ---------\n"
            + "From: Finance <finance@fischerco.example>\nDate: Fri, 20 Nov 2026 at 16:02\nSubject: Lumen Desk charge\n\n"
            + "There's a €49 line from Lumen Desk on 10/11 for an 'Analytics add-on'. If we did not order it please get it refunded and removed.";

        Assert.Contains("refunded and removed", CaseText.OwnWords(text), StringComparison.Ordinal);
    }
}

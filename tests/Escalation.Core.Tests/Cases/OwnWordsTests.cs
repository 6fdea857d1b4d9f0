using Escalation.Core.Cases;
using Escalation.Core.Tests.Sensitive;

namespace Escalation.Core.Tests.Cases;

/// <summary>Facts are read from the customer's own words, not from the quoted thread, sign-off or disclaimer below them.</summary>
public sealed class OwnWordsTests
{
    private static CaseFacts Extract(string text, string? language = null) =>
        new CaseFactsExtractor().Extract(TestWorkspace.Ticket(text, "cus_100"), TestWorkspace.Build(), TestWorkspace.Now, language);

    [Theory]
    [InlineData("Thanks, that's all sorted now!\n\nOn Mon, 16 Nov 2026 at 09:12, Lea Fontaine wrote:\n> You charged me €99 twice on 14 November. Refund the duplicate.", "en")]
    [InlineData("Gracias, ya está resuelto.\n\nEl lun, 16 nov 2026 a las 9:12, Lea escribió:\n> Me cobraron 99 € dos veces. Devuélvanme el duplicado.", "es")]
    [InlineData("Danke, hat sich erledigt.\n\nAm 16.11.2026 um 09:12 schrieb Lea Fontaine:\n> Sie haben 99 € doppelt abgebucht. Bitte erstatten.", "de")]
    [InlineData("Merci, c'est réglé.\n\nLe 16 nov. 2026 à 09:12, Lea Fontaine a écrit :\n> Vous avez prélevé 99 € deux fois. Remboursez-moi.", "fr")]
    [InlineData("Obrigada, já está resolvido.\n\n-----Mensagem original-----\nFoi cobrado 99 € duas vezes. Podem reembolsar?", "pt")]
    [InlineData("Grazie, risolto.\n\nDa: Lea Fontaine\nInviato: 16 novembre 2026\nMi avete addebitato 99 € due volte. Rimborsatemi.", "it")]
    [InlineData("Bedankt, het is opgelost.\n\nOp 16 nov. 2026 om 09:12 heeft Lea het volgende geschreven:\n> Er is twee keer 99 € afgeschreven. Graag terugbetalen.", "nl")]
    public void Extract_RefundOnlyInTheQuotedThread_IsNoAskAndNoAmount(string text, string language)
    {
        var f = Extract(text, language);

        Assert.DoesNotContain(CaseAsks.Refund, f.Asks);
        Assert.Null(f.Amount);
    }

    [Fact]
    public void Extract_MessageForwardedUnderTheCustomersWords_IsPartOfTheRequest()
    {
        var f = Extract("Forwarding this from our finance team - can you help?\n\n---------- Forwarded message ---------\nFrom: Finance <finance@example.com>\nDate: Fri, 20 Nov 2026 at 16:02\nSubject: Charge\n\nWe were charged €49 on 10 November for the Analytics add-on we never ordered. Please get it refunded and removed.", "en");

        Assert.Contains(CaseAsks.Refund, f.Asks);
        Assert.Equal(49m, f.Amount);
        Assert.Equal(new DateOnly(2026, 11, 10), f.PurchaseDate); // not the forwarded header's date
    }

    [Fact]
    public void Extract_MailForwardedFromTheFirstLine_ItsBodyIsTheRequest()
    {
        var f = Extract("From: Mark Davies\nSent: 22 November 2026 19:03\nTo: support@lumendesk.example\nSubject: FW: Final notice\n\n"
            + "Please refund the €2,388 annual renewal you took on 5 November.\n\nSent from my iPhone", "en");

        Assert.Contains(CaseAsks.Refund, f.Asks);
        Assert.Equal(2388m, f.Amount);
    }

    [Fact]
    public void Extract_ForwardedReplyOfOurSupport_IsNotTheRequest()
    {
        var f = Extract("See below, what now?\n\n---------- Forwarded message ---------\nFrom: Lumen Desk Support <support@lumendesk.example>\nDate: Fri, 20 Nov 2026\n\nI have refunded €12.00 for the unused SMS credits.", "en");

        Assert.DoesNotContain(CaseAsks.Refund, f.Asks);
        Assert.Null(f.Amount);
    }

    [Fact]
    public void Extract_QuotedReplyNamesAnotherSum_OnlyTheCustomersSumIsRead()
    {
        var f = Extract("Hola, ¿me pueden devolver los 49 € del 14 de noviembre?\n\nEl lun, 10 nov 2026, Lumen Desk escribió:\n> Su plan se renueva el 14 de octubre por 990 €.", "es");

        Assert.Equal(49m, f.Amount);
        Assert.False(f.AmountAmbiguous);
    }

    [Fact]
    public void Extract_SignatureAndDisclaimer_AreNotAsked()
    {
        var f = Extract("Bitte erstatten Sie die 49 € vom 14. November.\n\nMit freundlichen Grüßen\nLea Fontaine | Geschäftsführerin\n\nDiese E-Mail enthält vertrauliche Informationen. Wenn Sie nicht der richtige Adressat sind, informieren Sie bitte sofort den Absender und vernichten Sie diese E-Mail.", "de");

        Assert.Equal([CaseAsks.Refund], f.Asks);
    }

    [Fact]
    public void Extract_PostScriptAfterTheSignOff_IsStillRead()
    {
        var f = Extract("Please refund the €49 from 14 November.\n\nKind regards,\nLea\n\nP.S. Please also cancel my subscription.");

        Assert.Contains(CaseAsks.Cancel, f.Asks);
    }

    [Theory]
    [InlineData("Graag de 49 euro van 14 november terug, ik had opgezegd.", "nl")]
    [InlineData("Ich möchte die 49 € vom 14. November zurück, ich hatte gekündigt.", "de")]
    [InlineData("Quero os meus €49 de 14 de novembro de volta, tinha cancelado.", "pt")]
    public void Extract_MoneyAskedBackWithoutARefundWord_IsARefundAsk(string text, string language)
    {
        Assert.Contains(CaseAsks.Refund, Extract(text, language).Asks);
    }

    [Fact]
    public void Extract_CallMeBackAboutASum_IsNoRefundAsk()
    {
        Assert.DoesNotContain(CaseAsks.Refund, Extract("Bitte rufen Sie mich wegen der 49 € vom 14. November zurück.", "de").Asks);
    }
}

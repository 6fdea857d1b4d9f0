using Escalation.Core.Cases;
using Escalation.Core.Signals;
using Escalation.Core.Tests.Sensitive;
using Escalation.Core.Tickets;

namespace Escalation.Core.Tests.Decisions;

/// <summary>
/// Tickets typed in a hurry (twenty-sixth probe batch): no accents or umlauts, a letter wrong, "add on" with a space,
/// "nvm", a "porque" clause before the ask, a date without its closing dot.
/// </summary>
public sealed class RushedWritingTests
{
    private static CaseFacts Facts(string text, string? subject = null, TierOneHandoff? handoff = null) =>
        new CaseFactsExtractor().Extract(TestWorkspace.Ticket(text, "cus_100", subject, handoff), TestWorkspace.Build(), TestWorkspace.Now);

    [Fact]
    public void Extract_ARefundAskedAfterABecauseClauseWithANegation_IsStillAsked()
    {
        var f = Facts("cancelen mi cuenta ya pq no la usamos y devuelvanme los 99 euros q me cobraron el 6 de noviembre porfa");

        Assert.Contains(CaseAsks.Refund, f.Asks);
        Assert.Contains(CaseAsks.Cancel, f.Asks);
        Assert.True(f.CancelNow);
    }

    [Fact]
    public void Extract_ARefusalInTheAsksOwnClause_IsStillARefusal() =>
        Assert.DoesNotContain(CaseAsks.Refund, Facts("We don't want a refund, we want the export fixed.").Asks);

    [Theory]
    [InlineData("hallo, bitte rueckerstattung fuer das zusatzpaket (49 euro, gekauft am 16.11), brauchen wir doch nicht. danke")]
    [InlineData("ola buenas, kiero el reenbolso de los 49 euros del paquete de asientos q compre el 16 de noviembre")]
    [InlineData("bonjour je voudrais le rembourcement des 49 euros du pack acheté le 16 novembre merci")]
    public void Extract_ARefundWordMisspeltOrWithoutItsUmlaut_IsARefundAsk(string text) =>
        Assert.Contains(CaseAsks.Refund, Facts(text).Asks);

    [Fact]
    public void Extract_AGermanDayAndMonthWithoutTheClosingDot_IsTheChargeDate() =>
        Assert.Equal(new DateOnly(2026, 11, 16), Facts("hallo, bitte rückerstattung für das zusatzpaket (49 euro, gekauft am 16.11), brauchen wir doch nicht").PurchaseDate);

    [Fact]
    public void Extract_AnAddOnWrittenWithASpace_IsTheOneToRemove() =>
        Assert.NotNull(Facts("hi could u refund the 49 euros for the reporting add on we bought on 20 november, pls remove it too. cheers").RemoveAddOn);

    [Fact]
    public void Extract_NvmAboutCancelling_TakesTheSubjectsCancellationBack()
    {
        var f = Facts("nvm about cancelling we sorted it internally. actually just need our october invoice re issued with our new VAT number GB123456789 pls", subject: "Cancel subscription");

        Assert.DoesNotContain(CaseAsks.Cancel, f.Asks);
        Assert.NotNull(f.InvoiceReissue);
    }

    [Fact]
    public void Extract_SieteStatiGiu_ReadsTheItalianDowntime() =>
        Assert.Equal(3, Facts("il 2 novembre siete stati giu 3 ore (c'è sulla vostra pagina di stato), vorrei il credito sla grazie").OutageHours);

    [Fact]
    public void Analyze_AConditionalComplaintToProcon_IsALegalThreatNotADenial()
    {
        var t = new LexiconSignalAnalyzer().AnalyzeText("se nao resolverem hj vou abrir reclamação no procon");

        Assert.True(t.Legal);
        Assert.False(t.LegalDenied);
    }

    [Fact]
    public void Extract_TheOnlyAdminTypedWithoutApostropheAndNon_ClosesTheWayBackToTierOne()
    {
        var handoff = TestWorkspace.Handoff("cx unica admin bloccata fuori, reset pwd fallito", "reset password inviato", "errore 500 sulla pagina di reset", "accesso backend x sbloccare", "entrare oggi", "account");

        Assert.NotNull(Facts("sono l unica amministratrice e nn riesco piu ad entrare, il reset password da errore. aiuto", handoff: handoff).TierOneBlocked);
    }
}

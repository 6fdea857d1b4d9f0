using Escalation.Core.Cases;
using Escalation.Core.Decisions;
using Escalation.Core.Signals;
using Escalation.Core.Tests.Sensitive;

namespace Escalation.Core.Tests.Decisions;

/// <summary>
/// Several things in one message (thirtieth probe batch): the second ask an automatic reply would have ignored, an Italian
/// cancellation answered in Spanish, a manager asked for after a German-quoted name, downtime given as a clock span.
/// </summary>
public sealed class SeveralAsksTests
{
    [Theory]
    [InlineData("Am 2. November war Lumen Desk von 9:10 bis 12:10 UTC nicht erreichbar. Wir bitten um die SLA-Gutschrift. Zusätzlich benötigen wir eine Kopie der November-Rechnung mit unserer Bestellnummer 4711-2026.")]
    [InlineData("Op 2 november was Lumen Desk van 9:10 tot 12:10 UTC onbereikbaar. Graag het SLA-tegoed. Daarnaast hebben we een kopie van de novemberfactuur nodig met ons inkoopordernummer PO-NL-5521.")]
    [InlineData("Op 8 november hebben we de add-on Planning (€85) genomen. Graag de €85 terug. Kunnen jullie de verlengingsdatum verschuiven naar 1 juli?")]
    [InlineData("We bought the Planning add-on for €85 on 8 November; please refund it. Could you also move our renewal date to 1 July?")]
    [InlineData("Bitte erstatten Sie die am 8. November gebuchten 85 €. Können Sie außerdem unser Verlängerungsdatum auf den 1. Juli verschieben?")]
    public void Extract_ASecondAskBesideTheRoutineOne_IsAnAskNotCovered(string text) =>
        Assert.NotEmpty(TestWorkspace.Facts(text).OtherAsks);

    [Theory]
    [InlineData("Op 20 november hebben we per ongeluk de add-on 'Extra opslag' (€25) aangezet. We hebben die extra opslag helemaal niet nodig. Kunnen jullie de €25 terugstorten?")]
    [InlineData("Op 12-11 hebben we per ongeluk het seat pack van € 49,- gekocht. We hebben maar één extra gebruiker nodig. Kunnen jullie de € 49,- terugstorten?")]
    public void Extract_WhatTheCustomerSaysTheyDoNotNeed_IsNoFurtherAsk(string text) =>
        Assert.Empty(TestWorkspace.Facts(text).OtherAsks);

    [Fact]
    public void Decide_ARefundAndARenewalDateMove_IsNotAutoSentWithOnlyTheRefund()
    {
        var r = TestWorkspace.Decide("We bought the Planning add-on for €85 on 18 November but our planners stay with their old tool; please refund the €85. Also, our contract renews on 1 April but our fiscal year starts in July. Could you move the renewal date to 1 July?");

        Assert.Equal(Routes.DraftForReview, r.Decision.Route);
        Assert.Contains(r.Decision.Reasons, x => x.Code == ReasonCodes.AskNotCovered);
    }

    [Fact]
    public void Identify_AnItalianCancellationWithFewOfItsFunctionWords_IsItalian() =>
        Assert.Equal("it", LanguageIdentifier.Identify("Buongiorno,\n\nvorremmo disdire l'abbonamento a Lumen Desk alla scadenza del periodo in corso: lo studio si riorganizza e gestiremo le richieste in altro modo. Mi confermate la disdetta e fino a quando avremo accesso?\n\nCordiali saluti,\nChiara Bianchi").Code);

    [Theory]
    [InlineData("Wir haben das Zusatzmodul „Zeiterfassung“ für 79 € gebucht. Bitte erstatten Sie uns die 79 €.\n\nAußerdem möchte ich bitte mit Ihrem Teamleiter sprechen.")]
    [InlineData("Wir haben das Modul „Zeiterfassung gebucht. Bitte erstatten Sie die 79 €.\n\nAußerdem möchte ich bitte mit Ihrem Teamleiter sprechen.")]
    public void Analyze_AManagerAskedForAfterAQuotedName_IsAManagerRequest(string text) =>
        Assert.True(new LexiconSignalAnalyzer().AnalyzeText(text).ManagerRequest);

    [Fact]
    public void Analyze_AManagerNamedInsideQuotes_IsStillQuoted() =>
        Assert.False(new LexiconSignalAnalyzer().AnalyzeText("Your agent wrote „ask your manager“ and closed the ticket. Please refund the €79 charged on 9 November.").ManagerRequest);

    [Fact]
    public void Extract_MailNotArrivingDuringAClockSpan_IsTheDowntime() =>
        Assert.Equal(1, TestWorkspace.Facts("Buongiorno, il 17 novembre dalle 11:20 alle 12:20 UTC non ci sono arrivate le email in Lumen Desk (l'incidente è riportato sulla vostra pagina di stato). Potete applicare il credito SLA?").OutageHours);

    [Theory]
    [InlineData("Como vamos sair, peço também que apaguem todos os nossos dados: tickets, contactos e anexos.")]
    [InlineData("Como nos vamos, os pido también que borren todos nuestros datos.")]
    [InlineData("Nous partons : merci de supprimer toutes nos données.")]
    public void Analyze_AllOurDataToBeDeleted_IsADataRequest(string text) =>
        Assert.Contains(LegalKinds.DataRequest, new LexiconSignalAnalyzer().AnalyzeText(text).LegalKinds);

    [Fact]
    public void Extract_TheFinanceTeamNeedsTheInvoiceReissued_IsAReissueBesideTheRefund()
    {
        var f = TestWorkspace.Facts("Hi, we bought the Live Chat add-on for €95 on 2026-11-03 but chose another widget. Could we get a refund of the €95? Also, our finance team needs the November invoice re-issued with our PO number 4500-7781 on it - they can't pay it without one. Thanks, Chloe");

        Assert.Contains(CaseAsks.Refund, f.Asks);
        Assert.NotNull(f.InvoiceReissue);
    }
}

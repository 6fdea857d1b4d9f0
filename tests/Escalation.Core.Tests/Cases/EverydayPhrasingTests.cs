using Escalation.Core.Cases;
using Escalation.Core.Signals;
using Escalation.Core.Tests.Sensitive;

namespace Escalation.Core.Tests.Cases;

/// <summary>Everyday phrasings of plain requests (eighth probe batch): read as what they are, so they can be answered.</summary>
public sealed class EverydayPhrasingTests
{
    private static CaseFacts Extract(string text) =>
        new CaseFactsExtractor().Extract(TestWorkspace.Ticket(text), TestWorkspace.Build(), TestWorkspace.Now);

    [Theory]
    [InlineData("Am 3.11. wurden 35 € abgebucht, bitte zurückerstatten.", 11, 3)]
    [InlineData("Op 3.11. is 35 euro afgeschreven, kunnen jullie dat terugstorten?", 11, 3)]
    public void Extract_DayAndMonthWithoutYear_IsTheChargeDateAndTheRefundIsAsked(string text, int month, int day)
    {
        var f = Extract(text);

        Assert.Equal(new DateOnly(TestWorkspace.Now.Year, month, day), f.PurchaseDate);
        Assert.Contains(CaseAsks.Refund, f.Asks);
    }

    [Fact]
    public void Extract_ThePlanNamedAfterTheAmount_DatesTheCharge() =>
        Assert.Equal(new DateOnly(TestWorkspace.Now.Year, 11, 3), Extract("Please refund the €35 from 3 November.").PurchaseDate);

    [Fact]
    public void Extract_CouldNotSyncForHours_IsAnOutageWithItsDuration()
    {
        var f = Extract("Our workspace couldn't sync for about 4 hours on 3 November (your status page confirmed it). What SLA credit do we get?");

        Assert.Equal(4, f.OutageHours);
        Assert.Contains(CaseAsks.Credit, f.Asks);
    }

    [Theory]
    [InlineData("I had switched to Free the day before the renewal.")]
    [InlineData("We moved to the Growth plan last month.")]
    public void Analyze_SwitchingToOneOfTheProductsPlans_IsNoChurnThreat(string text) =>
        Assert.False(new LexiconSignalAnalyzer().AnalyzeText(text).ChurnThreat, text);

    [Theory]
    [InlineData("I was charged €35 on 3 November. I don't want a refund, I want the export to work.")]
    [InlineData("Me cobraron 35 € el 3 de noviembre. No quiero un reembolso, quiero que funcione.")]
    [InlineData("Am 3. November wurden 35 € abgebucht. Ich will keine Erstattung, sondern eine Lösung.")]
    [InlineData("Not asking for my money back - just fix the sync.")]
    public void Extract_RefundTheCustomerRefuses_IsNoRefundAsk(string text) => Assert.DoesNotContain(CaseAsks.Refund, Extract(text).Asks);

    [Theory]
    [InlineData("If you don't refund the €35 from 3 November I will dispute it.")]
    [InlineData("I want a refund, not a credit, for the €35 from 3 November.")]
    [InlineData("Please don't charge me again, and refund the €35 from 3 November.")]
    public void Extract_RefundAskedBesideANegation_IsStillARefundAsk(string text) => Assert.Contains(CaseAsks.Refund, Extract(text).Asks);

    [Theory]
    [InlineData("We pay for 6 seats at €15 each since 3 November, but only 4 people use it. Refund the unused seats.")]
    [InlineData("Nos cobran 15 € por usuario desde el 3 de noviembre y sobran dos usuarios. Devuélvanlos.")]
    [InlineData("Seit dem 3. November zahlen wir 15 € pro Nutzer, zwei davon brauchen wir nicht. Bitte erstatten.")]
    public void Extract_PricePerSeat_IsNoTotalToRefund(string text) =>
        Assert.Contains("price per unit", Extract(text).AmountAmbiguity ?? "", StringComparison.Ordinal);

    [Fact]
    public void Extract_MonthlyPrice_IsTheCharge() =>
        Assert.Null(Extract("Our plan is €35 per month; please refund the €35 charged on 3 November.").AmountAmbiguity);

    [Theory]
    [InlineData("You charged me €35 yesterday for a renewal I cancelled. Refund please.", 1)]
    [InlineData("Ayer me cobraron 35 € por una renovación cancelada. Devuélvanlo.", 1)]
    [InlineData("Vor drei Tagen wurden 35 € abgebucht. Bitte erstatten.", 3)]
    [InlineData("Il y a deux semaines, vous avez prélevé 35 €. Remboursez-moi.", 14)]
    [InlineData("Cobraram 35 € há 5 dias. Devolvam, por favor.", 5)]
    [InlineData("Mi avete addebitato 35 € due mesi fa. Rimborsatemi.", 60)]
    [InlineData("Twee weken geleden is 35 euro afgeschreven. Graag terugbetalen.", 14)]
    public void Extract_ChargeDateToldRelativeToTheDayOfWriting_IsCounted(string text, int daysBack) =>
        Assert.Equal(DateOnly.FromDateTime(TestWorkspace.Now.UtcDateTime).AddDays(-1 - daysBack), Extract(text).PurchaseDate); // the message was written the day before Now
}

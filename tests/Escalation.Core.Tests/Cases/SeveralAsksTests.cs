using Escalation.Core.Cases;
using Escalation.Core.Tests.Sensitive;

namespace Escalation.Core.Tests.Cases;

/// <summary>
/// Tickets that carry several asks or only half of one (fourteenth probe batch): a cancellation on a condition, a part of
/// a charge, a contract term and a refund asked as a question are read as what they are.
/// </summary>
public sealed class SeveralAsksTests
{
    private static CaseFacts Extract(string text, string? subject = null) =>
        new CaseFactsExtractor().Extract(TestWorkspace.Ticket(text, subject: subject), TestWorkspace.Build(), TestWorkspace.Now);

    [Theory]
    [InlineData("Disdetta o sconto", "Vorremmo disdire l'abbonamento alla fine del periodo, a meno che non possiate farci uno sconto sul rinnovo dell'anno prossimo.")]
    [InlineData("Cancel or discount?", "We'd like to cancel the plan at the end of the term, unless you can give us a discount on next year's renewal.")]
    public void Extract_CancellationOnACondition_IsNoCancellationYetAndTheConditionIsQuoted(string subject, string text)
    {
        var f = Extract(text, subject);

        Assert.DoesNotContain(CaseAsks.Cancel, f.Asks);
        Assert.NotNull(f.CancelOnCondition);
    }

    [Theory]
    [InlineData("Hallo, we willen per direct opzeggen. Kunnen jullie het resterende deel van deze maand terugbetalen?")]
    [InlineData("We're closing the shop. Please cancel today and refund the rest of this month.")]
    [InlineData("Cancelamos hoy. ¿Pueden devolvernos el resto del mes?")]
    public void Extract_TheRestOfTheMonthAskedBack_IsAPartOfTheChargeNotAllOfIt(string text) =>
        Assert.NotNull(Extract(text).PartialAsk);

    [Fact]
    public void Extract_ARightToTerminateInTheContract_IsNoCancellation() =>
        Assert.DoesNotContain(CaseAsks.Cancel, Extract("Before we expand to 20 seats we need two changes in our contract: a 99.95% uptime commitment and a right to terminate with 60 days' notice. Can you add those?").Asks);

    [Theory]
    [InlineData("Please refund the €99 from 15 November, we signed up for the wrong plan. And can someone call me back on +44 7700 900123 this afternoon?")]
    [InlineData("Bitte erstatten Sie die 99 € vom 15. November. Können Sie mich bitte heute Nachmittag unter 0171 2345678 zurückrufen oder mir einen Rückruf geben?")]
    public void Extract_ACallBackAskedBesideARefund_IsAnAskTheRefundReplyDoesNotCover(string text) =>
        Assert.Contains(Extract(text).OtherAsks, a => a.Contains("call", StringComparison.OrdinalIgnoreCase) || a.Contains("Rückruf", StringComparison.Ordinal));

    [Fact]
    public void Extract_CouldTheMoneyComeBack_IsARefundAsk() =>
        Assert.Contains(CaseAsks.Refund, Extract("Hi team, could you maybe look at whether the €49 could come back? It was the Reporting Plus add-on charged on 18 November by accident.").Asks);
}

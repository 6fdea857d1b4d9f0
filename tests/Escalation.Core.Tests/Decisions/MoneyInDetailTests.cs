using Escalation.Core.Cases;
using Escalation.Core.Signals;
using Escalation.Core.Tests.Sensitive;
using Escalation.Core.Tickets;

namespace Escalation.Core.Tests.Decisions;

/// <summary>
/// Money in detail (twenty-seventh probe batch): tier 1 finding no duplicate however the customer put it, a sum corrected
/// with "not €79", half or the unused seats of a charge, a charge the customer did not make, a credit instead of a refund.
/// </summary>
public sealed class MoneyInDetailTests
{
    private static CaseFacts Facts(string text, TierOneHandoff? handoff = null) =>
        new CaseFactsExtractor().Extract(TestWorkspace.Ticket(text, "cus_100", handoff: handoff), TestWorkspace.Build(), TestWorkspace.Now);

    [Theory]
    [InlineData("I see two payments of €149 on 12 November on my card. Please refund one of them.", "Only one charge of EUR 149.00 on 2026-11-12; the other was a pending authorisation that was released")]
    [InlineData("Vejo dois pagamentos de 149 € no dia 12/11. Podem devolver um deles?", "Só há uma cobrança de 149 € em 12/11; nenhuma duplicada")]
    public void Extract_TierOneFoundNoDuplicate_IsAConflictWhateverTheCustomersWords(string text, string finding) =>
        Assert.True(Facts(text, TestWorkspace.Handoff("Customer says charged twice", "Checked billing", finding, "Refund one", "Refund")).AmountConflict);

    [Fact]
    public void Extract_ASumCorrectedWithNotTheOther_IsTheCorrectedSum() =>
        Assert.Equal(69m, Facts("Please refund the €79 add-on from 12 November. Sorry, I meant €69. It's €69, not €79.").Amount);

    [Theory]
    [InlineData("Podem fazer o reembolso de metade do valor do pacote de 120 € comprado a 10/11?")]
    [InlineData("On 10 November we bought 5 extra seats at €30 each (€150 in total). Could you refund only the 3 unused seats?")]
    [InlineData("Kunnen jullie alleen de ongebruikte licenties terugbetalen? 4 licenties voor €25 per stuk, gekocht op 10 november.")]
    public void Plan_HalfOrTheUnusedSeatsOfACharge_ProposesNoRefund(string text)
    {
        var f = Facts(text);

        Assert.NotNull(f.PartialAsk);
        Assert.True(Core.Sensitive.UnderstandingGate.PartUnsure(f));
    }

    [Theory]
    [InlineData("There is a €59 charge from 16 November that I did not make.")]
    [InlineData("Er staat een afschrijving van € 59 die ik niet heb gedaan.")]
    [InlineData("Die Abbuchung über 59 € vom 16.11. habe ich nicht veranlasst.")]
    [InlineData("Je vois un prélèvement de 59 € que je n'ai pas effectué.")]
    [InlineData("C'è un addebito di 59 € che non ho fatto io.")]
    [InlineData("Há uma cobrança de 59 € que eu não fiz.")]
    public void Analyze_AChargeTheCustomerDidNotMake_IsFraud(string text) =>
        Assert.True(new LexiconSignalAnalyzer().AnalyzeText(text).Fraud, text);

    [Fact]
    public void Extract_ACreditInsteadOfARefund_AsksTheCreditOnly()
    {
        var f = Facts("Plutôt qu'un remboursement sur la carte, nous préférons garder ces 199 € en avoir pour le mois prochain.");

        Assert.DoesNotContain(CaseAsks.Refund, f.Asks);
        Assert.Contains(CaseAsks.Credit, f.Asks);
    }
}

using Escalation.Core.Cases;
using Escalation.Core.Tests.Sensitive;

namespace Escalation.Core.Tests.Cases;

/// <summary>Money as customers write it: European formats, codes before or after, words in seven languages, several sums.</summary>
public sealed class AmountExtractionTests
{
    private static CaseFacts Extract(string text) =>
        new CaseFactsExtractor().Extract(TestWorkspace.Ticket(text), TestWorkspace.Build(), TestWorkspace.Now);

    [Theory]
    [InlineData("Please refund the 1.250,00 € you took from my account.", 1250, "EUR")]
    [InlineData("Op 15-09-2026 € 199 afgeschreven, graag terugbetalen.", 199, "EUR")]
    [InlineData("Please refund the 1 250 € you took from my account.", 1250, "EUR")]
    [InlineData("Please refund the 1.250,00 EUR you took from my account.", 1250, "EUR")]
    [InlineData("Please refund EUR 1.250,50 to my card.", 1250.50, "EUR")]
    [InlineData("Please refund € 49,90 to my card.", 49.90, "EUR")]
    [InlineData("Please refund the 12,5 € fee.", 12.5, "EUR")]
    [InlineData("Please refund USD 2,400.00 now.", 2400, "USD")]
    [InlineData("Bitte erstatten Sie mir 1.250 Euro.", 1250, "EUR")]
    [InlineData("Refund CHF 300 please.", 300, "CHF")]
    public void Extract_EuropeanAndCodeFormats_ReadsTheSum(string text, double amount, string currency)
    {
        var f = Extract(text);

        Assert.Equal((decimal)amount, f.Amount);
        Assert.Equal(currency, f.Currency);
        Assert.False(f.AmountAmbiguous);
    }

    [Theory]
    [InlineData("I want a refund of two thousand euros for the broken export.", 2000)]
    [InlineData("I want my money back: two thousand five hundred and fifty euros.", 2550)]
    [InlineData("Quiero un reembolso de dos mil euros por el fallo.", 2000)]
    [InlineData("Exijo la devolución de quinientos cincuenta euros.", 550)]
    [InlineData("Ich verlange die Erstattung von zweitausend Euro.", 2000)]
    [InlineData("Ich verlange zweitausendfünfhundert Euro zurück, bitte erstatten.", 2500)]
    [InlineData("Je demande le remboursement de deux mille euros.", 2000)]
    [InlineData("Je demande le remboursement de quatre-vingt-dix euros.", 90)]
    [InlineData("Quero o reembolso de dois mil euros.", 2000)]
    [InlineData("Chiedo il rimborso di duemila euro.", 2000)]
    [InlineData("Chiedo il rimborso di ventuno euro.", 21)]
    [InlineData("Ik wil een terugbetaling van tweeduizend euro.", 2000)]
    [InlineData("Ik wil een terugbetaling van eenentwintig euro.", 21)]
    [InlineData("Quiero un reembolso de 2 mil euros.", 2000)]
    public void Extract_AmountInWords_ReadsTheSum(string text, double amount)
    {
        var f = Extract(text);

        Assert.Equal((decimal)amount, f.Amount);
        Assert.Equal("EUR", f.Currency);
    }

    [Fact]
    public void Extract_TwoChargesAndRequestNamesOne_ChoosesTheOneAskedAbout()
    {
        var f = Extract("You charged €49 on 2026-11-01 and then €980 on 2026-11-15 for an upgrade I never asked for. Please refund the upgrade.");

        Assert.Equal(980m, f.Amount);
        Assert.True(f.AmountRequested);
        Assert.False(f.AmountAmbiguous);
        Assert.Contains(CaseAsks.Refund, f.Asks);
    }

    [Fact]
    public void Extract_SameSumRepeated_IsNotAmbiguous()
    {
        var f = Extract("I paid €49 for the add-on. The €49 was taken twice from my card.");

        Assert.Equal(49m, f.Amount);
        Assert.False(f.AmountAmbiguous);
        Assert.Empty(f.AmountCandidates);
    }

    [Fact]
    public void Extract_SeveralSumsAndNothingSaysWhich_IsAmbiguousWithCandidates()
    {
        var f = Extract("My invoice shows €120 and €340. Something is off, please look into it and fix the billing.");

        Assert.True(f.AmountAmbiguous);
        Assert.Equal(340m, f.Amount);
        Assert.Equal([120m, 340m], f.AmountCandidates.Select(c => c.Amount).Order());
        Assert.Contains(f.Trace, t => t.Text.Contains("not clear", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_CuedSumAmongOthers_TakesTheCuedOne()
    {
        var f = Extract("Our plan is €1.200 per year. Please refund €119,40 for the outage.");

        Assert.Equal(119.40m, f.Amount);
        Assert.True(f.AmountRequested);
        Assert.False(f.AmountAmbiguous);
    }
}

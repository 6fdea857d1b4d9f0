using Escalation.Core.Cases;
using Escalation.Core.Tests.Sensitive;

namespace Escalation.Core.Tests.Cases;

/// <summary>A customer who corrects a date or a sum mid-message is read at their correction, in the covered languages.</summary>
public sealed class SelfCorrectionTests
{
    private static CaseFacts Extract(string text, string? language = null) =>
        new CaseFactsExtractor().Extract(TestWorkspace.Ticket(text, "cus_100"), TestWorkspace.Build(), TestWorkspace.Now, language);

    [Theory]
    [InlineData("You charged me €99 on 14 May, sorry, I meant 14 November. Please refund it.", "en", 11, 14)]
    [InlineData("You charged me €99 on 14 November, sorry, I meant 14 May. Please refund it.", "en", 5, 14)]
    [InlineData("Me cobraron 99 € el 14 de mayo, quise decir el 14 de noviembre. ¿Me lo devuelven?", "es", 11, 14)]
    [InlineData("Sie haben am 14. Mai 99 € abgebucht, ich meinte den 14. November. Bitte erstatten.", "de", 11, 14)]
    [InlineData("Vous avez prélevé 99 € le 14 mai, pardon, je voulais dire le 14 novembre. Remboursez-moi.", "fr", 11, 14)]
    [InlineData("Foi cobrado 99 € em 14 de maio, quis dizer 14 de novembro. Podem reembolsar?", "pt", 11, 14)]
    [InlineData("Mi avete addebitato 99 € il 14 maggio, volevo dire il 14 novembre. Rimborsatemi.", "it", 11, 14)]
    [InlineData("Op 14 mei is 99 € afgeschreven, ik bedoel 14 november. Graag terugbetalen.", "nl", 11, 14)]
    public void Extract_DateCorrected_ReadsTheCorrectedDate(string text, string language, int month, int day)
    {
        var f = Extract(text, language);

        Assert.Equal(new DateOnly(2026, month, day), f.PurchaseDate);
    }

    [Theory]
    [InlineData("Me cobraron 99 € el 14 de noviembre, perdón, quise decir 49 €, por un complemento. ¿Me lo devuelven?", "es", 49)]
    [InlineData("You charged me €49 on 14 November, sorry, I meant €149. Please refund it.", "en", 149)]
    [InlineData("Am 14. November wurden 99 € abgebucht, Korrektur: 59 €. Bitte erstatten.", "de", 59)]
    public void Extract_AmountCorrected_ReadsTheCorrectedSumUnambiguously(string text, string language, double amount)
    {
        var f = Extract(text, language);

        Assert.Equal((decimal)amount, f.Amount);
        Assert.False(f.AmountAmbiguous);
    }

    [Fact]
    public void Extract_CorrectionFollowedByAnotherSum_StaysAmbiguous()
    {
        var f = Extract("Mi avete addebitato 99 € il 14 novembre, volevo dire 99 € più IVA, 120,78 € in tutto. Rimborsatemi.", "it");

        Assert.True(f.AmountAmbiguous);
    }

    [Fact]
    public void Extract_IMeanAsAFiller_IsNoCorrection()
    {
        var f = Extract("I mean, you charged me €99 on 14 November and €49 on 2 November. Refund the €49 please.");

        Assert.Equal(49m, f.Amount);
    }
}

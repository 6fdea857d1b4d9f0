using Escalation.Core.Signals;

namespace Escalation.Core.Tests.Signals;

public sealed class LanguageIdentifierTests
{
    [Theory]
    [InlineData("en", "Hello, could you refund the extra seat pack we bought last week by mistake?")]
    [InlineData("es", "Hola, quiero un reembolso de la última factura, por favor.")]
    [InlineData("de", "Hallo, ich möchte eine Rückerstattung für die letzte Rechnung, bitte.")]
    [InlineData("fr", "Bonjour, je voudrais un remboursement de la dernière facture, s'il vous plaît.")]
    [InlineData("pt", "Olá, gostaria de um reembolso da última fatura, por favor.")]
    [InlineData("it", "Ciao, vorrei un rimborso per l'ultima fattura, per favore.")]
    [InlineData("nl", "Hallo, ik wil graag een terugbetaling voor de laatste factuur, alstublieft.")]
    public void Identify_OneSentenceInACoveredLanguage_NamesItAsCovered(string code, string text)
    {
        var language = LanguageIdentifier.Identify(text);

        Assert.Equal(code, language.Code);
        Assert.True(language.Covered);
        Assert.True(language.Determined);
    }

    [Theory]
    [InlineData("pl", "Polish", "Dzień dobry, proszę o zwrot pieniędzy za ostatnią fakturę, dziękuję.")]
    [InlineData("ja", "Japanese", "こんにちは、先月の請求について返金をお願いします。")]
    public void Identify_UncoveredLanguage_NamesItAsNotCovered(string code, string name, string text)
    {
        var language = LanguageIdentifier.Identify(text);

        Assert.Equal(code, language.Code);
        Assert.False(language.Covered);
        Assert.Equal($"{code} ({name}, not covered)", language.Label);
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("Refund €49 pls")]
    [InlineData("")]
    public void Identify_TextTooShortToTell_IsUndeterminedAndCovered(string text)
    {
        var language = LanguageIdentifier.Identify(text);

        Assert.Equal(SignalLanguages.Undetermined, language.Code);
        Assert.False(language.Determined);
        Assert.True(language.Covered);
        Assert.Contains("too short", language.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Identify_SpanishTheModelTakesForItalian_FunctionWordsSettleIt()
    {
        var language = LanguageIdentifier.Identify("Nos han cobrado 1.250,00 € el 12 de noviembre en lugar de la cuota habitual. Por favor, devuélvannos ese importe.");

        Assert.Equal("es", language.Code);
        Assert.Contains("function words are Spanish's", language.Why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("es", "Cancela mi plan, por favor.")]
    [InlineData("de", "Bitte das Abo kündigen, ich brauche es nicht mehr.")]
    public void Identify_ShortTextWithAnotherLanguagesFunctionWords_NamesThatLanguage(string code, string text)
    {
        var language = LanguageIdentifier.Identify(text);

        Assert.Equal(code, language.Code);
    }

    [Theory]
    [InlineData("Kündigen bitte.")]
    [InlineData("Cancelar plan")]
    public void Identify_ShortTextWithNoEnglishWord_IsUndeterminedButNotEnglish(string text)
    {
        var language = LanguageIdentifier.Identify(text);

        Assert.False(language.Determined);
        Assert.True(language.NotEnglish);
    }

    [Theory]
    [InlineData("Please cancel.")]
    [InlineData("Refund €49 pls")]
    public void Identify_ShortEnglishText_MayStillBeAnsweredInEnglish(string text)
    {
        Assert.False(LanguageIdentifier.Identify(text).NotEnglish);
    }
}

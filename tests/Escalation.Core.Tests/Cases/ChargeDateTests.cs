using Escalation.Core.Cases;
using Escalation.Core.Tests.Sensitive;

namespace Escalation.Core.Tests.Cases;

/// <summary>Issue 25: the charge date is the one the request is about, in any covered language.</summary>
public sealed class ChargeDateTests
{
    private static CaseFacts Extract(string text, string? language = null) =>
        new CaseFactsExtractor().Extract(TestWorkspace.Ticket(text, "cus_100"), TestWorkspace.Build(), TestWorkspace.Now, language);

    [Fact]
    public void Extract_DateToldBeforeTheChargeVerb_IsTheChargeDate()
    {
        var facts = Extract("Bonjour, le 15 novembre 2026, 149,00 € m'ont été facturés pour un pack inutile. Merci de me rembourser.");

        Assert.Equal(new DateOnly(2026, 11, 15), facts.PurchaseDate);
    }

    [Theory]
    [InlineData("You charged €49 on 2026-11-01 and then €980 on 2026-11-15 for an upgrade I never asked for. Please refund the upgrade.", "en")]
    [InlineData("Me cobraron 49 € el 1 de noviembre y luego 980 € el 15 de noviembre por una mejora que nunca pedí. Quiero que me devuelvan la mejora.", "es")]
    public void Extract_TwoChargesTwoDates_TheDateOfTheAmountAskedAbout(string text, string language)
    {
        var facts = Extract(text, language);

        Assert.Equal(980m, facts.Amount);
        Assert.Equal(new DateOnly(2026, 11, 15), facts.PurchaseDate);
    }

    [Fact]
    public void Extract_EnglishTicketReadAsEnglish_GermanChargeWordIsNotACue()
    {
        // The English-only patterns for an English ticket: "abgebucht" is not read, so no date comes from it.
        Assert.Null(Extract("Hello, 99 € abgebucht am 10. November, please refund.", "en").PurchaseDate);
        Assert.Equal(new DateOnly(2026, 11, 10), Extract("Hello, 99 € abgebucht am 10. November, please refund.").PurchaseDate);
    }
}

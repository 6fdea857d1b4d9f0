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
    public void Extract_TicketReadAsEnglish_ForeignNamedDateIsNotReadButADottedOneIs()
    {
        // English text reads no day-first month names ("10. November" may be a heading); "15.11." is day first anywhere.
        Assert.Null(Extract("Hello, 99 € abgebucht am 10. November, please refund.", "en").PurchaseDate);
        Assert.Equal(new DateOnly(2026, 11, 10), Extract("Hello, 99 € abgebucht am 10. November, please refund.").PurchaseDate);
        Assert.Equal(new DateOnly(2026, 11, 15), Extract("Hi, please remove the Reporting Plus add-on und erstatten Sie die 99 € vom 15.11. Danke!", "en").PurchaseDate);
    }

    [Theory]
    [InlineData("I added the SMS reminders add-on (€29) on 12/11/2026 by mistake. Could you remove it and refund the €29?", "en", 2026, 11, 12)] // 11 December has not come
    [InlineData("I'd like a refund of the €49 charged on the third of November.", "en", 2026, 11, 3)]
    [InlineData("Buenas tardes: el día 3/11 nos cobraron 49,00 €. ¿Me pueden devolver el importe?", "es", 2026, 11, 3)]
    [InlineData("Moin, könnt ihr mir bitte die 49,- € vom 14.11. zurückerstatten?", "de", 2026, 11, 14)]
    [InlineData("Ik heb op 12 november de sms-add-on (€29) genomen, maar die werkt niet. Graag terugstorten.", "nl", 2026, 11, 12)]
    public void Extract_DateWrittenAsPeopleWriteIt_IsTheChargeDate(string text, string language, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), Extract(text, language).PurchaseDate);
    }

    [Fact]
    public void Extract_SlashedDateWhoseTwoReadingsHaveBothPassed_StaysUnread()
    {
        Assert.Null(Extract("Please refund the €49 charged on 01/11/2026.", "en").PurchaseDate);
    }

    [Theory]
    [InlineData("hey, can I get a refund for the 49 we paid on nov 14? thx", 49)]
    [InlineData("refund 49 pls, charged 14 nov, didnt end up using it", 49)]
    public void Extract_BareNumberThatIsTheMonthlyFee_IsTheAmountInTheCustomersCurrency(string text, decimal amount)
    {
        var facts = Extract(text, "en");

        Assert.Equal(amount, facts.Amount);
        Assert.Equal("EUR", facts.Currency);
    }

    [Theory]
    [InlineData("hey, can I get a refund for the 48 we paid on nov 14? thx")]
    [InlineData("refund please, we have 49 users and were charged on 14 nov")]
    public void Extract_BareNumberThatIsNotTheFee_IsNoAmount(string text)
    {
        Assert.Null(Extract(text, "en").Amount);
    }

    [Theory]
    [InlineData("Please refund the €49.00 charge from Nov 15.", 2026, 11, 15)]
    [InlineData("Please refund the €49.00 charged on Dec 1, 2025.", 2025, 12, 1)]
    public void Extract_CentsBeforeAMonthFirstDate_ReadNoDayZeroAndNeverThrow(string text, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), Extract(text, "en").PurchaseDate);
        Assert.Null(DateParsing.FirstDate("€49.00 Nov", DateOnly.FromDateTime(TestWorkspace.Now.UtcDateTime), foreign: false));
    }

    [Theory]
    [InlineData("looks like ur billing ran twice - two charges of EUR 49.00, one on Nov 14 and another on Nov 15. pls refund the second one", "en")]
    [InlineData("Me habéis cobrado dos veces: 49 € el 14 de noviembre y 49 € el 15 de noviembre. Devolvedme la segunda, por favor.", "es")]
    public void Extract_TwoChargesAndTheSecondOneAskedBack_IsTheLaterCharge(string text, string language)
    {
        Assert.Equal(new DateOnly(2026, 11, 15), Extract(text, language).PurchaseDate);
    }
}

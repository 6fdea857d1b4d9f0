using Escalation.Core.Cases;
using Escalation.Core.Tests.Sensitive;
using Escalation.Core.Tickets;

namespace Escalation.Core.Tests.Cases;

public sealed class CaseFactsExtractorTests
{
    private static CaseFacts Extract(string text) =>
        new CaseFactsExtractor().Extract(TestWorkspace.Ticket(text), TestWorkspace.Build(), TestWorkspace.Now);

    [Fact]
    public void Extract_DelegateZeroText_ReadsAmountDateWindowOutageAndAsk()
    {
        var f = Extract(TestWorkspace.DelegateZeroText);

        Assert.Equal(450m, f.Amount);
        Assert.Equal("EUR", f.Currency);
        Assert.Equal(new DateOnly(2026, 10, 8), f.PurchaseDate);
        Assert.Equal(45, f.DaysSincePurchase); // to the customer's message, a day before the test's now
        Assert.Equal(15, f.DaysPastWindow);
        Assert.Equal(9, f.OutageHours);
        Assert.Equal(CaseCauses.Outage, f.Cause);
        Assert.Contains(CaseAsks.Refund, f.Asks);
        Assert.Contains(f.Evidence, e => e.Signal == "amount" && e.Text == "€450");
    }

    [Theory]
    [InlineData("Your outage on 2 November from 09:10 to 12:10 UTC stopped us. Please apply the SLA credit.", 3)]
    [InlineData("The outage went on from 22:30 until 01:00, please credit us.", 2.5)]
    [InlineData("La caída duró de 9h10 à 12h10, queremos el crédito del SLA.", 3)]
    public void Extract_OutageToldByItsStartAndEnd_HoursAreTheSpan(string text, double hours)
    {
        Assert.Equal(hours, Extract(text).OutageHours);
    }

    [Fact]
    public void Extract_OutageOverARangeOfDates_IsNoClockSpan()
    {
        Assert.Null(Extract("The outage from 12.11 to 14.11 cost us a week of orders, please credit us.").OutageHours);
    }

    [Theory]
    [InlineData("Please refund the 450 EUR you took", 450, "EUR")]
    [InlineData("I paid $49 and want my money back", 49, "USD")]
    [InlineData("charged £1,200.50 by mistake", 1200.50, "GBP")]
    public void Extract_AmountWrittenDifferently_ReadsAmountAndCurrency(string text, double amount, string currency)
    {
        var f = Extract(text);

        Assert.Equal((decimal)amount, f.Amount);
        Assert.Equal(currency, f.Currency);
    }

    [Fact]
    public void Extract_PurchaseWithinWindow_ReportsZeroDaysPast()
    {
        var f = Extract("I was charged on 2026-11-10 and want a refund, I changed my mind.");

        Assert.Equal(12, f.DaysSincePurchase);
        Assert.Equal(0, f.DaysPastWindow);
        Assert.Equal(CaseCauses.ChangedMind, f.Cause);
    }

    [Fact]
    public void Extract_DecidedWeeksAfterTheCustomerAsked_KeepsTheWindowTheyAskedIn()
    {
        var ticket = TestWorkspace.Ticket("I was charged on 2026-11-10 and want a refund, I changed my mind.");

        var later = new CaseFactsExtractor().Extract(ticket, TestWorkspace.Build(), TestWorkspace.Now.AddDays(40));

        Assert.Equal(12, later.DaysSincePurchase);
        Assert.Equal(0, later.DaysPastWindow);
        Assert.Contains(later.Trace, t => t.Text.Contains("customer asked on 2026-11-22", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_NoDatedCustomerMessage_CountsToTheDayTheCaseWasReceived()
    {
        var ticket = TestWorkspace.Ticket("I was charged on 2026-11-10 and want a refund, I changed my mind.");
        ticket = ticket with { Messages = [ticket.Messages[0] with { At = null }, new TicketMessage { From = "agent", At = TestWorkspace.Now.AddDays(-20), Text = "Looking into it." }] };

        var f = new CaseFactsExtractor().Extract(ticket, TestWorkspace.Build(), TestWorkspace.Now.AddDays(40));

        Assert.Equal(53, f.DaysSincePurchase);
        Assert.Equal(23, f.DaysPastWindow);
    }

    [Fact]
    public void Extract_DaysAgo_ComputesPurchaseDate()
    {
        var f = Extract("We were billed 50 days ago and the export is broken, refund please.");

        Assert.Equal(50, f.DaysSincePurchase); // "50 days ago" in a message is counted from that message
        Assert.Equal(20, f.DaysPastWindow);
        Assert.Equal(CaseCauses.Defect, f.Cause);
    }

    [Fact]
    public void Extract_DataRequestAndManager_ListsBothAsks()
    {
        var f = Extract("Under GDPR send me a copy of my data. I want to talk to your manager.");

        Assert.Contains(CaseAsks.DataAccess, f.Asks);
        Assert.Contains(CaseAsks.Manager, f.Asks);
    }

    [Fact]
    public void Extract_ExtraWhitespace_GivesSameFacts()
    {
        var a = Extract(TestWorkspace.DelegateZeroText);
        var b = Extract("  " + TestWorkspace.DelegateZeroText.Replace(" ", "   \n ", StringComparison.Ordinal) + "\n\n");

        Assert.Equal((a.Amount, a.PurchaseDate, a.OutageHours, a.Cause), (b.Amount, b.PurchaseDate, b.OutageHours, b.Cause));
        Assert.Equal(a.Asks, b.Asks);
    }

    [Theory]
    [InlineData("The sync outage meant we couldn't use the inbox for 6 hours. I know it's past 30 days, but please refund the €199.", 6)]
    [InlineData("Refund of €199 requested after 48 days; confirmed sync outage of 19 hours in the charged period.", 19)]
    [InlineData("The outage 3 days ago took us offline for 2 hours.", 2)]
    public void Extract_RefundWindowOrAgeBesideTheOutage_IsNotTheDowntime(string text, double hours)
    {
        Assert.Equal(hours, Extract(text).OutageHours);
    }
}

using Escalation.Core.Knowledge;

namespace Escalation.Core.Tests.Cases;

public sealed class RetentionDiscountsTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static CustomerEntity Customer(params string[] openIssues) => new() { Id = "cus_1", Name = "Ines", Tier = "Operator", OpenIssues = openIssues };

    [Fact]
    public void Latest_NoteNamesTheMonths_CoversThoseWholeMonths()
    {
        var accepted = RetentionDiscounts.Latest(Customer("Accepted a 20% retention discount for 3 months on 2026-09-15 (September to November)"), Today);

        Assert.Equal((new DateOnly(2026, 9, 1), new DateOnly(2026, 11, 30)), (accepted!.From, accepted.To));
    }

    [Fact]
    public void Latest_NoteCountsMonthsFromADate_CoversThemFromThatDay()
    {
        var accepted = RetentionDiscounts.Latest(Customer("Customer agreed to a 15% discount for 2 months on 2026-10-05."), Today);

        Assert.Equal((new DateOnly(2026, 10, 5), new DateOnly(2026, 12, 4)), (accepted!.From, accepted.To));
        Assert.True(accepted.Covers(new DateOnly(2026, 11, 12)));
    }

    [Fact]
    public void Latest_HistoryEntryWithoutADateInItsText_UsesTheEntrysDate()
    {
        var customer = Customer() with
        {
            History = [new CustomerHistoryEntry { Date = new DateOnly(2026, 8, 1), Kind = "complaint", Topic = "billing", Summary = "Accepted the retention discount for 3 months" }],
        };

        Assert.Equal(new DateOnly(2026, 10, 31), RetentionDiscounts.Latest(customer, Today)!.To);
    }

    [Theory]
    [InlineData("Offered a retention discount; declined.")]
    [InlineData("Asked about discounts for nonprofits.")]
    [InlineData("Card declined twice, account briefly suspended.")]
    public void Latest_NoAcceptedDiscount_IsNull(string note)
    {
        Assert.Null(RetentionDiscounts.Latest(Customer(note), Today));
    }
}

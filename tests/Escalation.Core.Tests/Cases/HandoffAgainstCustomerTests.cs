using Escalation.Core.Cases;
using Escalation.Core.Tests.Sensitive;
using Escalation.Core.Tickets;

namespace Escalation.Core.Tests.Cases;

/// <summary>Money goes back only when tier 1's figures and the customer's own words agree.</summary>
public sealed class HandoffAgainstCustomerTests
{
    private static TierOneHandoff Handoff(string summary, string needed) => new()
    {
        Summary = summary, Category = "billing", Priority = "P3",
        WhatTried = [new HandoffAttempt { Action = "Looked up invoice", Result = "found it" }],
        WhatNeeded = needed, CustomerExpectation = "Refund.",
    };

    private static CaseFacts Extract(string text, TierOneHandoff handoff) =>
        new CaseFactsExtractor().Extract(TestWorkspace.Ticket(text, handoff: handoff), TestWorkspace.Build(), TestWorkspace.Now);

    [Fact]
    public void Extract_SummaryNamesAnotherSumAndDayThanTheCustomer_BothAreUnsettled()
    {
        var f = Extract("Hi, we were charged €89 on 10 November for the Automations add-on. Can we get a refund?",
            Handoff("Customer wants refund of €98 charged 2026-11-01 for Automations add-on.", "Refund €89."));

        Assert.True(f.AmountAmbiguous);
        Assert.Contains("€98", f.AmountAmbiguity, StringComparison.Ordinal);
        Assert.Contains("€89", f.AmountAmbiguity, StringComparison.Ordinal);
        Assert.Contains("10 November", f.PurchaseDateConflict, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_HandoffRepeatsTheCustomersFigures_NothingIsUnsettled()
    {
        var f = Extract("Hi, we were charged €89 on 10 November for the Automations add-on. Can we get a refund?",
            Handoff("Customer wants a refund of €89 charged 2026-11-10 for the Automations add-on.", "Refund €89."));

        Assert.False(f.AmountAmbiguous);
        Assert.Equal(89m, f.Amount);
        Assert.Null(f.PurchaseDateConflict);
        Assert.Equal(new DateOnly(2026, 11, 10), f.PurchaseDate);
    }

    [Fact]
    public void Extract_CustomerNamedNoSum_TierOnesFromTheInvoiceStands()
    {
        var f = Extract("Hi, the add-on we bought on 10 November does not do what we need. Can we get a refund?",
            Handoff("Customer wants a refund of the €89 add-on charged 2026-11-10.", "Refund €89."));

        Assert.False(f.AmountAmbiguous);
        Assert.Equal(89m, f.Amount);
    }

    [Fact]
    public void Extract_TierOnesSumNamedWithTheChargeNotTheAsk_DiffersFromTheCustomers_IsUnsettled()
    {
        var f = Extract("I cancelled on October 29th, I have the confirmation email. You still took €199 on 1 November. Please refund it.",
            Handoff("Customer charged EUR 149 on 2026-11-01 after cancelling on 2026-10-29; wants refund.", "Refund the charge"));

        Assert.True(f.AmountAmbiguous);
        Assert.True(f.AmountConflict);
        Assert.Contains("€199", f.AmountAmbiguity, StringComparison.Ordinal);
    }
}

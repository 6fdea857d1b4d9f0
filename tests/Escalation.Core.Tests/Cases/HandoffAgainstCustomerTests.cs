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

    [Theory]
    [InlineData("you charged me €120 on 6 November for extra seats I removed the day before. please refund the €120.", "Charge on 2026-11-06 was EUR 102.00 (prorated seats), not EUR 120", "EUR 102.00")]
    [InlineData("il 9 novembre mi avete addebitato 79 euro per un componente aggiuntivo mai attivato. Chiedo il rimborso di 79 euro.", "Add-on charge on 2026-11-09 was EUR 49.00, not 79", "EUR 49.00")]
    [InlineData("Refund the €199 you charged on 1 November, please.", "Billing log: invoice 2026-11-01 billed €149", "€149")]
    public void Extract_TierOnesCheckFoundAnotherSumCharged_TheCustomersSumIsUnsettled(string text, string finding, string theirs)
    {
        var handoff = new TierOneHandoff
        {
            Summary = "Customer disputes a charge", Category = "billing", Priority = "P3",
            WhatTried = [new HandoffAttempt { Action = "Checked billing log", Result = finding }],
            WhatNeeded = "Refund the charge", CustomerExpectation = "Refund.",
        };

        var f = Extract(text, handoff);

        Assert.True(f.AmountConflict);
        Assert.True(f.AmountAmbiguous);
        Assert.Contains(theirs, f.AmountAmbiguity, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Checked billing log", "Charge of EUR 149.00 on 2026-11-14 confirmed, matches customer")]
    [InlineData("Checked invoice", "Invoice 2026-11-01: plan €199 + add-on €49 billed")]
    [InlineData("Offered a goodwill credit", "€20 offered, customer declined")]
    public void Extract_TierOnesCheckAgreesOrNamesNoOtherCharge_TheCustomersSumStands(string action, string finding)
    {
        var handoff = new TierOneHandoff
        {
            Summary = "Customer asks a refund", Category = "billing", Priority = "P3",
            WhatTried = [new HandoffAttempt { Action = action, Result = finding }],
            WhatNeeded = "Refund", CustomerExpectation = "Refund.",
        };
        var sum = finding.Contains("149", StringComparison.Ordinal) ? "€149" : "€49";

        var f = Extract($"Please refund the {sum} you charged on 14 November for the add-on.", handoff);

        Assert.False(f.AmountConflict);
        Assert.Equal(decimal.Parse(sum[1..], System.Globalization.CultureInfo.InvariantCulture), f.Amount);
    }

    [Fact]
    public void Extract_TierOneFindsTheChargeTheCustomerAlsoNamed_ThePartAskedBackStands()
    {
        var handoff = new TierOneHandoff
        {
            Summary = "3 seats added 2026-11-16; proration did not apply.", Category = "billing", Priority = "P3",
            WhatTried = [new HandoffAttempt { Action = "Checked the seat change and the charge", Result = "EUR 135.00 charged 2026-11-16; proration flag missing" }],
            WhatNeeded = "Refund EUR 67.50 of the 2026-11-16 charge.", CustomerExpectation = "EUR 67.50 back.",
        };

        var f = Extract("We added 3 seats on 16 November and you charged the full €135 for the month. Seats added mid-month are prorated, so it should have been €67.50. Please refund the €67.50 difference.", handoff);

        Assert.False(f.AmountConflict);
        Assert.Equal(67.50m, f.Amount);
    }

    [Fact]
    public void Extract_CustomerNamesTwoDaysAndTierOneConfirmsOne_ThatDayIsTheCharges()
    {
        var handoff = new TierOneHandoff
        {
            Summary = "Duplicate charge: two charges of EUR 299.00 on 2026-11-01 confirmed in billing log.", Category = "billing", Priority = "P2",
            WhatTried = [new HandoffAttempt { Action = "Checked billing log", Result = "Two charges of EUR 299.00 on 2026-11-01, one is a duplicate" }],
            WhatNeeded = "Refund the duplicate EUR 299.00 charge of 2026-11-01.", CustomerExpectation = "Duplicate refunded.",
        };

        var f = Extract("Hi, two charges of €299.00 each on November 1st. Our plan is €299 a month plus the €29 add-on that was billed on the 15th, so one of the €299 is a duplicate. Please refund it.", handoff);

        Assert.Equal(new DateOnly(2026, 11, 1), f.PurchaseDate);
    }
}

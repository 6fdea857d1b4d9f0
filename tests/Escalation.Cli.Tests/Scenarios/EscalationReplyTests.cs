using Escalation.Core.Actions;
using Escalation.Core.Decisions;

namespace Escalation.Cli.Tests.Scenarios;

/// <summary>What a resolved or escalated handoff says to the customer, and what it proposes, follows what was decided.</summary>
public sealed class EscalationReplyTests
{
    [Fact]
    public void Decide_WithinAuthorityCancellationTierOneCouldNotDo_ResolvedReplySaysItIsCancelled()
    {
        // Tier 1: "Tried to cancel in admin → No billing permission"; the customer wants it at the end of the term.
        var d = SubmissionSuiteTests.Decide("p39-H11");

        Assert.Equal(Routes.ResolveInPlace, d.Route);
        Assert.Contains(d.Actions, a => a.Kind == ActionKinds.CancelSubscription && !a.NeedsApproval);
        Assert.Contains("I have cancelled your plan.", d.Draft, StringComparison.Ordinal);
        Assert.DoesNotContain("get back to you", d.Draft, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_SlaCreditWhereTierOneNamesTheMonthlyFee_ReplyDoesNotSayTheCustomerAskedForTheFee()
    {
        // Handoff: "Customer pays €450/month"; the customer only asks what credit they get.
        var d = SubmissionSuiteTests.Decide("p39-H07");

        Assert.Contains("I have added a credit of €67.50", d.Draft, StringComparison.Ordinal);
        Assert.DoesNotContain("€450", d.Draft, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_TierOnesSumContradictsTheCustomers_NoRefundIsProposedOrStated()
    {
        // Customer: "You charged me €149 on 5 November"; tier 1: "Refund €199 charged 2026-11-05".
        var d = SubmissionSuiteTests.Decide("p39-H03");

        Assert.Equal(Routes.Escalate, d.Route);
        Assert.DoesNotContain(d.Actions, a => a.Kind == ActionKinds.Refund);
        Assert.DoesNotContain("€199", d.Draft, StringComparison.Ordinal);
        Assert.DoesNotContain("I have refunded", d.Draft, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_RefundTierOneAlreadyMade_HeldDraftDoesNotRefundAgain()
    {
        // Tier 1: "Refunded €99 for 2026-11-10 charge → Done on 2026-11-20"; the customer thanks and asks when it arrives.
        var d = SubmissionSuiteTests.Decide("p39-H25");

        Assert.DoesNotContain(d.Actions, a => a.Kind == ActionKinds.Refund);
        Assert.DoesNotContain("J'ai remboursé", d.Draft, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("p41-E04", "€120")] // tier 1: "Charge on 2026-11-06 was EUR 102.00 (prorated seats), not EUR 120"
    [InlineData("p41-E31", "79")] // tier 1: "Add-on charge on 2026-11-09 was EUR 49.00, not 79"
    public void Decide_TierOnesCheckFoundAnotherChargedSum_NothingIsRefundedOrStated(string id, string customersSum)
    {
        var d = SubmissionSuiteTests.Decide(id);

        Assert.Equal(Routes.Escalate, d.Route);
        Assert.Contains(d.Reasons, r => r.Code == ReasonCodes.AmountAmbiguous);
        Assert.DoesNotContain(d.Actions, a => a.Kind == ActionKinds.Refund);
        Assert.DoesNotContain(customersSum, d.Draft, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_TierOneConfirmsThreeOfTheSixHoursClaimed_TheHeldCreditAndReplyCountThree()
    {
        var d = SubmissionSuiteTests.Decide("p41-E26");

        Assert.NotEqual(Routes.ResolveInPlace, d.Route);
        Assert.Equal(67.50m, Assert.Single(d.Actions, a => a.Kind == ActionKinds.Credit).Amount);
        Assert.Contains("3 heures", d.Draft, StringComparison.Ordinal);
        Assert.DoesNotContain("6 heures", d.Draft, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ForwardedMailSaysSolicitorsAreInstructed_LegalAndNoRefundIsHeld()
    {
        var d = SubmissionSuiteTests.Decide("p41-E13");

        Assert.Contains(d.Reasons, r => r.Code == ReasonCodes.LegalSensitive);
        Assert.Empty(d.Actions);
        Assert.DoesNotContain("I have refunded", d.Draft, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_LiveOutageNobodyConfirmed_ProposesNoCreditForTheClockTime()
    {
        // "fora do ar desde as 10h": since ten o'clock, not ten hours; the status page shows nothing.
        var d = SubmissionSuiteTests.Decide("p41-E29");

        Assert.Equal("P0", d.Priority);
        Assert.DoesNotContain(d.Actions, a => a.Kind == ActionKinds.Credit);
        Assert.DoesNotContain("10 horas", d.Draft, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_RefundThankedAndAnInvoiceToReissue_NoSecondRefundAndNoLegalPolicyFromReissue()
    {
        // "thanks so much for sorting the refund yesterday! … can you reissue it?"; tier 1: "Refunded EUR 49 … → Done".
        var d = SubmissionSuiteTests.Decide("p41-E05");

        Assert.DoesNotContain(d.Actions, a => a.Kind == ActionKinds.Refund);
        Assert.Contains(d.Actions, a => a.Kind == ActionKinds.ReissueInvoice);
        Assert.DoesNotContain(d.Trace, e => e.Stage == "retrieve-policy" && e.Text.Contains("legal-and-compliance", StringComparison.Ordinal));
    }
}

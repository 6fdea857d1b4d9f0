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
}

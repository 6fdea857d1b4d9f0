using Escalation.Core.Decisions;
using Escalation.Core.Sensitive;
using Escalation.Core.Signals;

namespace Escalation.Core.Tests.Sensitive;

public sealed class SensitiveCasePipelineTests
{
    private static SensitiveCaseResult Run(string text, CaseSignals signals, string customer = "cus_014") =>
        new SensitiveCasePipeline((_, _, _, _) => signals, new ComposerDraftWriter())
            .Run(TestWorkspace.Ticket(text, customer), TestWorkspace.Build(), TestWorkspace.Now);

    private static readonly TextSignals AngryOutage = new()
    {
        Negative = true, Sentiment = -0.6, Intensity = 0.5, Complaint = true, Outage = true, CustomerTone = "angry",
    };

    [Fact]
    public void Run_DelegateZero_DraftForReviewProposesTheExceptionRefund()
    {
        var r = Run(TestWorkspace.DelegateZeroText, TestWorkspace.Signals(AngryOutage, "P1", commercial: true));

        Assert.Equal(Routes.DraftForReview, r.Decision.Route);
        Assert.Contains(r.Decision.Reasons, x => x.Code == ReasonCodes.PolicyConflict);
        Assert.Contains(r.Decision.Reasons, x => x.Code == ReasonCodes.OutsideWindow);
        Assert.Contains(r.Decision.Reasons, x => x.Code == ReasonCodes.AboveCap);
        Assert.Equal(ReviewerQueues.Senior, r.Decision.ReviewerQueue);
        Assert.Equal(TestWorkspace.Now.AddHours(4), r.Decision.SlaDeadline);
        Assert.Contains("pr-046-day-refund", r.Decision.PrecedentIds);
        Assert.Contains(r.Decision.Citations, c => c.StartsWith("refund@2026.3#", StringComparison.Ordinal));
        var rationale = r.Decision.ExceptionRationale!;
        Assert.Contains("outage of 9 hours", rationale, StringComparison.Ordinal);
        Assert.Contains("14 months", rationale, StringComparison.Ordinal);
        Assert.Contains("renews in 21 days", rationale, StringComparison.Ordinal);
        Assert.Contains("pr-046-day-refund", rationale, StringComparison.Ordinal);
        Assert.StartsWith("Hi Dana,", r.Decision.Draft, StringComparison.Ordinal);

        // The held draft is the answer once approved: the exception refund with its reason, not "passed to a colleague".
        Assert.Contains("I have made an exception for you, because the outage hit the period you paid for.", r.Decision.Draft, StringComparison.Ordinal);
        Assert.Contains("I have refunded €450 to the card or account you paid with.", r.Decision.Draft, StringComparison.Ordinal);
        Assert.Contains("within 5 business days", r.Decision.Draft, StringComparison.Ordinal);
        Assert.Contains("I'm sorry", r.Decision.Draft, StringComparison.Ordinal);
        Assert.DoesNotContain("colleague", r.Decision.Draft, StringComparison.Ordinal);
        Assert.DoesNotContain("23 November", r.Decision.Draft, StringComparison.Ordinal);

        // What the customer may hear meanwhile is a separate message, with the review deadline.
        Assert.Contains("Monday 23 November 2026 at 16:00 UTC", r.Decision.Acknowledgement, StringComparison.Ordinal);
        Assert.True(r.ToneCheck.Passed, string.Join("; ", r.ToneCheck.Violations.Select(v => v.Text)));
    }

    [Fact]
    public void Run_LegalThreatOnSmallAmount_Escalates()
    {
        var legal = new TextSignals { Legal = true, LegalKinds = [LegalKinds.Lawyer], Negative = true, Intensity = 0.3 };
        var r = Run("My lawyer will hear about the $49 you took. Refund it.", TestWorkspace.Signals(legal), "cus_100");

        Assert.Equal(Routes.Escalate, r.Decision.Route);
        Assert.Equal(ReasonCodes.LegalSensitive, r.Decision.Reasons[0].Code);
        Assert.Equal(ReviewerQueues.Senior, r.Decision.ReviewerQueue);
    }

    [Fact]
    public void Run_ManagerRequest_EscalatesNeverRefuses()
    {
        var r = Run("I want to speak to a manager about my refund of $49, charged on 2026-11-20.",
            TestWorkspace.Signals(new TextSignals { ManagerRequest = true }), "cus_100");

        Assert.Equal(Routes.Escalate, r.Decision.Route);
        Assert.Contains(r.Decision.Reasons, x => x.Code == ReasonCodes.ManagerRequest);
        Assert.Contains("manager", r.Decision.Draft, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_CalmRefundWithinWindowUnderCap_DraftAndSend()
    {
        var r = Run("Hello, I was charged €49 on 2026-11-20 but I changed my mind. Could I get a refund?",
            TestWorkspace.Signals(new TextSignals { CustomerTone = "formal" }, "P3"), "cus_100");

        Assert.Equal(Routes.DraftAndSend, r.Decision.Route);
        Assert.Null(r.Decision.SlaDeadline);
        Assert.Equal(ReviewerQueues.None, r.Decision.ReviewerQueue);
        Assert.True(r.ToneCheck.Passed);
        Assert.Contains("I have refunded €49 to the card or account you paid with. It will reach you within 5 business days.", r.Decision.Draft, StringComparison.Ordinal);
        Assert.Null(r.Decision.Acknowledgement);
    }

    [Fact]
    public void Run_WriterSendsHoldingReplyOnResolvableCase_IsNeverAutoSent()
    {
        var r = new SensitiveCasePipeline((_, _, _, _) => TestWorkspace.Signals(new TextSignals { CustomerTone = "formal" }, "P3"), new HoldingReplyWriter())
            .Run(TestWorkspace.Ticket("Hello, I was charged €49 on 2026-11-20 but I changed my mind. Could I get a refund?", "cus_100"), TestWorkspace.Build(), TestWorkspace.Now);

        Assert.Equal(Routes.DraftForReview, r.Decision.Route);
        Assert.Contains(r.Decision.Reasons, x => x.Code == ReasonCodes.ToneCheckFailed);
        Assert.True(r.Decision.ToneScore < ToneCheckStage.PassScore, $"score {r.Decision.ToneScore}");
    }

    /// <summary>A writer (a chat model, say) that answers every case with a holding reply and cannot revise.</summary>
    private sealed class HoldingReplyWriter : IDraftWriter
    {
        public string Name => "holding";

        public bool CanRevise => false;

        public ValueTask<Draft> WriteAsync(DraftRequest request, Knowledge.Workspace workspace, CancellationToken cancellationToken = default) => new(new Draft
        {
            Writer = Name,
            Text = "Hello Sam,\n\nThank you for contacting us. You asked for a refund of $49. I have checked your account. " +
                "I will get back to you within one business day with the next step. Thank you for reaching out. If anything else comes up, just reply to this email.\n\nPriya",
        });
    }

    [Fact]
    public void Run_IntensityAtReviewThreshold_DraftForReview()
    {
        var r = Run("This is really frustrating, where is my refund of $49 charged on 2026-11-20?",
            TestWorkspace.Signals(new TextSignals { Negative = true, Intensity = 0.4 }), "cus_100");

        Assert.Equal(Routes.DraftForReview, r.Decision.Route);
        Assert.Contains(r.Decision.Reasons, x => x.Code == ReasonCodes.ElevatedIntensity);
    }
}

using Escalation.Core.Decisions;
using Escalation.Core.Tracing;
using Escalation.Core.Workflow;

namespace Escalation.Core.Tests.Workflow;

public sealed class CaseFinishTests
{
    private static readonly ReviewDecision Approved = new(ReviewActions.Approve, "lead@example.com", null, null);

    [Fact]
    public void Sent_OnTheDecision_RecordsTheAgentsDecisionAndTheDraft()
    {
        var finish = CaseFinish.Sent(Routes.DraftAndSend, ReplyArtifacts.Draft);

        Assert.Equal((CaseStatuses.Sent, DeliveryEvents.ReplySent, TraceRecordKinds.Decision, TraceActors.Agent, "draft"),
            (finish.Status, finish.DeliveryEvent, finish.Record, finish.Actor, finish.ReplyArtifact));
        Assert.Null(finish.ReviewOutcome);
    }

    [Fact]
    public void Sent_AfterAReview_RecordsTheReviewOutcomeByTheReviewer()
    {
        var finish = CaseFinish.Sent(Routes.DraftForReview, "review-edit-abc", Approved with { Action = ReviewActions.Edit, EditedReplyArtifact = "review-edit-abc" });

        Assert.Equal((TraceRecordKinds.ReviewOutcome, "lead@example.com", "review-edit-abc", ReviewActions.Edit),
            (finish.Record, finish.Actor, finish.ReplyArtifact, finish.ReviewOutcome));
        Assert.Equal(Routes.DraftForReview, finish.Route);
    }

    [Fact]
    public void Escalated_AtTheSlaDeadline_RecordsTheTimeoutAndTheDeadline()
    {
        var deadline = new DateTime(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);

        var finish = CaseFinish.Escalated(slaTimedOutAt: deadline);

        Assert.Equal((Routes.Escalate, CaseStatuses.Escalated, TraceRecordKinds.SlaTimeout, TraceActors.Agent, "sla-timeout"),
            (finish.Route, finish.Status, finish.Record, finish.Actor, finish.ReviewOutcome));
        Assert.Equal(deadline, finish.SlaDeadline);
        Assert.Null(finish.ReplyArtifact);
    }

    [Fact]
    public void Escalated_ByAReviewer_NamesThemAndSendsNoReply()
    {
        var finish = CaseFinish.Escalated(Approved with { Action = ReviewActions.Escalate });

        Assert.Equal((TraceRecordKinds.ReviewOutcome, "lead@example.com", DeliveryEvents.Escalated, ReviewActions.Escalate),
            (finish.Record, finish.Actor, finish.DeliveryEvent, finish.ReviewOutcome));
        Assert.Null(finish.ReplyArtifact);
        Assert.Null(finish.SlaDeadline);
    }

    [Fact]
    public void RejectedAndReturned_SendNoReply()
    {
        var rejected = CaseFinish.Rejected(Routes.DraftForReview, Approved with { Action = ReviewActions.Reject, Note = "wrong amount" });
        var returned = CaseFinish.ReturnedToTierOne(Routes.ReturnToTierOne);

        Assert.Equal((CaseStatuses.Rejected, DeliveryEvents.ReviewRejected, "lead@example.com"), (rejected.Status, rejected.DeliveryEvent, rejected.Actor));
        Assert.Equal((CaseStatuses.ReturnedToTier1, DeliveryEvents.ReturnedToTier1, TraceRecordKinds.Decision), (returned.Status, returned.DeliveryEvent, returned.Record));
        Assert.Null(rejected.ReplyArtifact);
        Assert.Null(returned.ReplyArtifact);
    }
}

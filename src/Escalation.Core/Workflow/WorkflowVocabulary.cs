namespace Escalation.Core.Workflow;

/// <summary>What a help-desk callback says happened (<see cref="DeliverReplyInput.Event"/>).</summary>
public static class DeliveryEvents
{
    /// <summary>The reply was sent to the customer (the note carries it and the actions it states).</summary>
    public const string ReplySent = "reply-sent";

    /// <summary>The case waits for a reviewer; no reply yet.</summary>
    public const string AwaitingReview = "awaiting-review";

    /// <summary>A senior human has the case.</summary>
    public const string Escalated = "escalated";

    /// <summary>Tier 1 has the case back, with the playbook steps.</summary>
    public const string ReturnedToTier1 = "returned-to-tier-1";

    /// <summary>A reviewer rejected the draft; nothing was sent.</summary>
    public const string ReviewRejected = "review-rejected";
}

/// <summary>Why reviewers are emailed (<see cref="NotifyReviewersInput.Reason"/>): a review link, or a handoff saying why.</summary>
public static class NotificationReasons
{
    /// <summary>A draft waits for review: the email carries a signed review link.</summary>
    public const string Review = "review";

    /// <summary>The decision escalated the case.</summary>
    public const string Escalated = "escalated";

    /// <summary>Nobody reviewed before the SLA deadline.</summary>
    public const string SlaTimeout = "sla-timeout";

    /// <summary>A reviewer escalated the case.</summary>
    public const string ReviewerEscalated = "reviewer-escalated";

    /// <summary>Approved, but an action (refund, credit…) failed; no reply was sent.</summary>
    public const string ActionFailed = "action-failed";
}

/// <summary>Who a trace record names as its actor when no reviewer decided.</summary>
public static class TraceActors
{
    public const string Agent = "agent";
}

/// <summary>
/// How a case ends, as one value: the route and status recorded, the help-desk event, the trace record, who decided,
/// the stored reply sent (if any), the review it follows (if any) and the SLA deadline that passed (after a timeout).
/// </summary>
public sealed record CaseFinish(string Route, string Status, string DeliveryEvent, string Record, string Actor)
{
    public string? ReplyArtifact { get; init; }
    public ReviewDecision? Review { get; init; }
    public DateTime? SlaDeadline { get; init; }

    /// <summary>The reply in <paramref name="replyArtifact"/> was sent, on the decision alone or after <paramref name="review"/>.</summary>
    public static CaseFinish Sent(string route, string replyArtifact, ReviewDecision? review = null) =>
        new(route, CaseStatuses.Sent, DeliveryEvents.ReplySent, RecordOf(review), review?.Reviewer ?? TraceActors.Agent)
        {
            ReplyArtifact = replyArtifact,
            Review = review,
        };

    /// <summary>A senior human has the case: by the decision, after <paramref name="review"/>, or at the SLA deadline.</summary>
    public static CaseFinish Escalated(ReviewDecision? review = null, DateTime? slaTimedOutAt = null) =>
        new(Decisions.Routes.Escalate, CaseStatuses.Escalated, DeliveryEvents.Escalated,
            slaTimedOutAt is null ? RecordOf(review) : Tracing.TraceRecordKinds.SlaTimeout, review?.Reviewer ?? TraceActors.Agent)
        {
            Review = review,
            SlaDeadline = slaTimedOutAt,
        };

    /// <summary>The escalation goes back to tier 1 with the playbook steps.</summary>
    public static CaseFinish ReturnedToTierOne(string route) =>
        new(route, CaseStatuses.ReturnedToTier1, DeliveryEvents.ReturnedToTier1, Tracing.TraceRecordKinds.Decision, TraceActors.Agent);

    /// <summary>The reviewer rejected the draft.</summary>
    public static CaseFinish Rejected(string route, ReviewDecision review) =>
        new(route, CaseStatuses.Rejected, DeliveryEvents.ReviewRejected, Tracing.TraceRecordKinds.ReviewOutcome, review.Reviewer) { Review = review };

    /// <summary>What the case index records as the review's outcome: the action, <c>sla-timeout</c>, or null.</summary>
    public string? ReviewOutcome => Record == Tracing.TraceRecordKinds.SlaTimeout ? ReviewClaim.SlaTimeoutAction : Review?.Action;

    private static string RecordOf(ReviewDecision? review) =>
        review is null ? Tracing.TraceRecordKinds.Decision : Tracing.TraceRecordKinds.ReviewOutcome;
}

/// <summary>Stored reply texts the workflow names when it sends one.</summary>
public static class ReplyArtifacts
{
    /// <summary>The decision's draft, as decided (or as a reviewer approved it).</summary>
    public const string Draft = "draft";
}

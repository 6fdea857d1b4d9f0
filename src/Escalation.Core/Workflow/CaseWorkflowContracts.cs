namespace Escalation.Core.Workflow;

/// <summary>Input of the case orchestration: ids only; the submission itself lives in storage.</summary>
/// <param name="CaseId">Orchestration instance id, derived from ticket id and revision.</param>
/// <param name="Kind"><c>sensitive</c> or <c>escalation</c>.</param>
/// <param name="TicketId">The help desk's ticket id (for logs and status).</param>
/// <param name="SubmissionHash">SHA-256 of the stored submission, so every stage reads exactly what was submitted.</param>
public sealed record CaseWorkflowInput(string CaseId, string Kind, string TicketId, string SubmissionHash);

/// <summary>Input of every pipeline-stage activity: the case; the stage reads earlier results from storage.</summary>
public sealed record StageInput(string CaseId);

/// <summary>
/// What a pipeline stage tells the orchestrator: a few words, and on the deciding stage the route, priority,
/// reviewer queue and SLA. Drafts and full stage results stay in storage.
/// </summary>
public sealed record StageSummary
{
    public required string Stage { get; init; }
    public string Summary { get; init; } = "";
    public string? Route { get; init; }
    public string? Priority { get; init; }

    /// <summary><c>senior</c> or <c>standard</c>.</summary>
    public string? ReviewQueue { get; init; }

    /// <summary>How many actions the decision carries (the orchestration executes them only when there are some).</summary>
    public int Actions { get; init; }

    /// <summary>Hours a reviewer has for this case's priority.</summary>
    public double? ReviewSlaHours { get; init; }
    public IReadOnlyList<string> Reasons { get; init; } = [];
}

/// <summary>Ask the notifier to email reviewers (or the senior queue) a signed review link.</summary>
public sealed record NotifyReviewersInput(string CaseId, string Queue, string Reason, DateTime? DeadlineUtc, string IdempotencyKey);

/// <summary>Post to the help desk: the reply to send, or an internal note about the routing or the outcome.</summary>
/// <param name="Event">
/// <c>reply-sent</c>, <c>awaiting-review</c>, <c>escalated</c>, <c>returned-to-tier-1</c>, <c>review-rejected</c>.
/// </param>
/// <param name="ReplyArtifact">Name of the stored reply text to send (<c>draft</c> or <c>review-edit</c>), when one is sent.</param>
public sealed record DeliverReplyInput(string CaseId, string Event, string? ReplyArtifact, string IdempotencyKey);

/// <summary>Write one immutable trace record of the case (the chain grows by one).</summary>
/// <param name="Record"><c>decision</c>, <c>review-outcome</c> or <c>sla-timeout</c>.</param>
/// <param name="Actor"><c>agent</c> or the reviewer's id.</param>
/// <param name="SentReplyArtifact">The stored reply text the outcome sent, whose hash the record holds; null when none was sent.</param>
public sealed record WriteTraceInput(string CaseId, string Record, string Actor, ReviewDecision? Review, DateTime AtUtc, string? SentReplyArtifact = null);

/// <summary>Record the case's status in the case index.</summary>
/// <param name="ReviewOutcome">After a review: the action, or <c>sla-timeout</c>; null otherwise.</param>
/// <param name="Reviewer">Who reviewed, when someone did.</param>
public sealed record RecordOutcomeInput(string CaseId, string Status, string Route, string? TraceId, DateTime? SlaDeadlineUtc, DateTime AtUtc, string? ReviewOutcome = null, string? Reviewer = null);

/// <summary>
/// Execute the decision's actions through the action port, before the reply that says they were done: without a review,
/// those a policy authorises now; after a reviewer's approval, every action the reviewer kept, at the reviewer's amounts.
/// </summary>
public sealed record ExecuteActionsInput(string CaseId, ReviewDecision? Review, DateTime AtUtc);

/// <summary>What executing a case's actions came to; <paramref name="Failure"/> names each action that failed and why.</summary>
public sealed record ActionsOutcome(bool Succeeded, int Executed, string? Failure);

/// <summary>The case whose review SLA timer fired, and the deadline it fired at.</summary>
public sealed record ReviewTimeoutInput(string CaseId, DateTime DeadlineUtc);

/// <summary>A delivery attempt's outcome (callbacks never throw; failures are recorded on the case).</summary>
public sealed record DeliveryResult(bool Delivered, string Detail);

/// <summary>The decision a reviewer made on the review page; raised as the <c>ReviewDecision</c> event.</summary>
/// <param name="Action"><c>approve</c>, <c>edit</c>, <c>reject</c> or <c>escalate</c>.</param>
/// <param name="Reviewer">Who decided (from the signed link).</param>
/// <param name="Note">Reviewer's note (required for reject).</param>
/// <param name="EditedReplyArtifact">
/// For <c>edit</c>: the stored artifact holding the edited reply, named by its SHA-256 (<c>review-edit-{sha256}</c>;
/// a decision raised by an older build names the shared <c>review-edit</c>).
/// </param>
/// <param name="ActionChanges">The reviewer's changes to the proposed actions (dropped, or a lower amount); null for none.</param>
public sealed record ReviewDecision(string Action, string Reviewer, string? Note, string? EditedReplyArtifact, IReadOnlyList<Actions.ActionChange>? ActionChanges = null);

/// <summary>Review actions.</summary>
public static class ReviewActions
{
    public const string Approve = "approve";
    public const string Edit = "edit";
    public const string Reject = "reject";
    public const string Escalate = "escalate";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Approve, Edit, Reject, Escalate };
}

/// <summary>What <c>GET /api/cases/{id}</c> shows while the orchestration runs.</summary>
/// <param name="DeadlineUtc">The review deadline; while the case needs attention, when it tries again on its own.</param>
public sealed record CaseProgress(string Stage, string? Route, string? Priority, DateTime? DeadlineUtc)
{
    /// <summary>The stage a finished orchestration shows.</summary>
    public const string Done = "done";

    /// <summary>While the case needs attention: the activity that failed and why.</summary>
    public string? Failure { get; init; }
}

/// <summary>
/// Mark the case <c>needs-attention</c> in the index (<paramref name="Failure"/> says why), or, with a null failure, put
/// it back at the status it had before.
/// </summary>
public sealed record NeedsAttentionInput(string CaseId, string? Failure, DateTime AtUtc);

/// <summary>The orchestration's result.</summary>
public sealed record CaseOutcome(string CaseId, string Status, string Route, string? TraceId);

/// <summary>Case statuses in the case index.</summary>
public static class CaseStatuses
{
    public const string Received = "received";
    public const string Processing = "processing";

    /// <summary>The route is decided; the orchestration is recording it (trace, notifications) before the next status.</summary>
    public const string Decided = "decided";
    public const string AwaitingReview = "awaiting-review";
    public const string Sent = "sent";
    public const string Escalated = "escalated";
    public const string Resolved = "resolved";
    public const string ReturnedToTier1 = "returned-to-tier-1";
    public const string Rejected = "rejected";
    public const string Failed = "failed";

    /// <summary>An activity failed after its retries (e.g. storage refused writes): the case waits and resumes by itself.</summary>
    public const string NeedsAttention = "needs-attention";

    /// <summary>
    /// The statuses the case index stores, in the order a case moves through them (it only moves to a later one, except
    /// to <see cref="NeedsAttention"/> and back).
    /// </summary>
    public static readonly IReadOnlyList<string> InLifecycleOrder =
        [Received, Processing, NeedsAttention, AwaitingReview, Sent, Escalated, Resolved, ReturnedToTier1, Rejected, Failed];
}

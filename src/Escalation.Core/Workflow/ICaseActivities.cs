namespace Escalation.Core.Workflow;

/// <summary>
/// The activities of the case orchestration. Each host binds every activity name to one of these methods
/// (the embedded engine's registry; one <c>[ActivityTrigger]</c> function each in Azure Functions).
/// Activities run at least once: side effects carry idempotency keys.
/// </summary>
public interface ICaseActivities
{
    /// <summary>Runs one pipeline stage (a name from <see cref="CaseActivityNames"/>), storing its full result.</summary>
    Task<StageSummary> RunStageAsync(string stage, StageInput input, CancellationToken cancellationToken = default);

    /// <summary>Writes the next immutable trace of the case; returns its trace id.</summary>
    Task<string> WriteTraceAsync(WriteTraceInput input, CancellationToken cancellationToken = default);

    /// <summary>Emails the reviewers of a queue a signed review link.</summary>
    Task<bool> NotifyReviewersAsync(NotifyReviewersInput input, CancellationToken cancellationToken = default);

    /// <summary>Posts the reply or an internal note to the help desk callback.</summary>
    Task<DeliveryResult> DeliverReplyAsync(DeliverReplyInput input, CancellationToken cancellationToken = default);

    /// <summary>Records the case's status in the case index.</summary>
    Task<bool> RecordOutcomeAsync(RecordOutcomeInput input, CancellationToken cancellationToken = default);

    /// <summary>
    /// When the review SLA timer fired: the decision a reviewer claimed before it (whose event may come late, or was
    /// lost with a crash), or null after claiming the case for the timer. Without review claims (a benchmark): null.
    /// </summary>
    Task<ReviewDecision?> ClaimReviewTimeoutAsync(ReviewTimeoutInput input, CancellationToken cancellationToken = default) =>
        Task.FromResult<ReviewDecision?>(null);

    /// <summary>
    /// Executes the decision's actions through the action port, each with its deterministic idempotency key, and records
    /// each outcome on the case. A host without an action port (a benchmark) executes nothing and reports success.
    /// </summary>
    Task<ActionsOutcome> ExecuteActionsAsync(ExecuteActionsInput input, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ActionsOutcome(true, 0, null));

    /// <summary>Marks the case needs-attention in the index, or puts it back at its earlier status.</summary>
    Task<bool> MarkNeedsAttentionAsync(NeedsAttentionInput input, CancellationToken cancellationToken = default);
}

namespace Escalation.Core.Workflow;

/// <summary>
/// Starts and queries case orchestrations: the embedded engine locally, <c>DurableTaskClient</c> in Azure.
/// The HTTP handlers use only this, so both hosts answer the same way.
/// </summary>
public interface ICaseOrchestrationClient
{
    /// <summary>Starts the case's orchestration unless one with that id exists; true when this call started it.</summary>
    Task<bool> StartIfNewAsync(CaseWorkflowInput input, CancellationToken cancellationToken = default);

    /// <summary>The orchestration's state, or null when there is none.</summary>
    Task<CaseOrchestrationState?> GetAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>Raises the <c>ReviewDecision</c> event; false when the case is not running.</summary>
    Task<bool> RaiseReviewDecisionAsync(string caseId, ReviewDecision decision, CancellationToken cancellationToken = default);

    /// <summary>Raises the <c>Resume</c> event: a case waiting as needs-attention tries again now; false when it is not running.</summary>
    Task<bool> ResumeAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>Waits up to <paramref name="timeout"/> for the case to finish or to wait for a reviewer.</summary>
    Task<CaseOrchestrationState?> WaitForDecisionAsync(string caseId, TimeSpan timeout, CancellationToken cancellationToken = default);
}

/// <summary>Host-neutral view of an orchestration instance.</summary>
/// <param name="RuntimeStatus"><c>pending</c>, <c>running</c>, <c>waiting</c>, <c>completed</c> or <c>failed</c>.</param>
public sealed record CaseOrchestrationState(
    string CaseId,
    string RuntimeStatus,
    CaseProgress? Progress,
    CaseOutcome? Outcome,
    string? Failure,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt)
{
    /// <summary>Finished, or waiting for a reviewer (a decision has been made), or waiting out a fault as needs-attention.</summary>
    public bool HasDecision => RuntimeStatus is "completed" or "failed" || Progress?.Stage is CaseStatuses.AwaitingReview or CaseStatuses.NeedsAttention;
}

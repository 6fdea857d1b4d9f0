using Escalation.Core.Workflow;

namespace Escalation.Infrastructure.Workflow;

/// <summary><see cref="ICaseOrchestrationClient"/> over the embedded engine.</summary>
public sealed class EmbeddedCaseOrchestrationClient(EmbeddedWorkflowEngine engine) : ICaseOrchestrationClient
{
    public Task<bool> StartIfNewAsync(CaseWorkflowInput input, CancellationToken cancellationToken = default) =>
        engine.StartNewAsync(CaseWorkflow.Name, input.CaseId, input);

    public Task<CaseOrchestrationState?> GetAsync(string caseId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Map(engine.GetInstance(caseId)));

    public Task<bool> RaiseReviewDecisionAsync(string caseId, ReviewDecision decision, CancellationToken cancellationToken = default) =>
        engine.RaiseEventAsync(caseId, CaseWorkflow.ReviewDecisionEvent, decision);

    public Task<bool> ResumeAsync(string caseId, CancellationToken cancellationToken = default) =>
        engine.RaiseEventAsync(caseId, CaseWorkflow.ResumeEvent, "resume");

    public async Task<CaseOrchestrationState?> WaitForDecisionAsync(string caseId, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Map(await engine.WaitForIdleAsync(caseId, timeout, cancellationToken).ConfigureAwait(false));

    private static CaseOrchestrationState? Map(WorkflowInstanceState? s) => s is null ? null : new CaseOrchestrationState(
        s.InstanceId,
        s.Status.ToString().ToLowerInvariant(),
        WorkflowRegistry.Deserialize<CaseProgress>(s.CustomStatusJson),
        WorkflowRegistry.Deserialize<CaseOutcome>(s.OutputJson),
        s.Error,
        new DateTimeOffset(s.CreatedAt, TimeSpan.Zero),
        new DateTimeOffset(s.LastUpdatedAt, TimeSpan.Zero));
}

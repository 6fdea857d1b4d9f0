using Escalation.Core.Workflow;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Escalation.Functions.Orchestration;

/// <summary>
/// <see cref="ICaseOrchestrationClient"/> over the Durable Functions client binding. The instance id is the case id,
/// so a duplicate submission finds the existing orchestration instead of starting a second one.
/// </summary>
public sealed class DurableCaseOrchestrationClient(DurableTaskClient client, TimeProvider? timeProvider = null) : ICaseOrchestrationClient
{
    /// <summary>How often <see cref="WaitForDecisionAsync"/> looks at the instance.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public async Task<bool> StartIfNewAsync(CaseWorkflowInput input, CancellationToken cancellationToken = default)
    {
        if (await client.GetInstanceAsync(input.CaseId, false, cancellationToken).ConfigureAwait(false) is not null)
        {
            return false;
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                new TaskName(CaseWorkflow.Name), input, new StartOrchestrationOptions { InstanceId = input.CaseId, Version = CaseWorkflow.Version }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Lost a race with a concurrent submission of the same case: the instance exists now, so this call did not start it.
            if (await client.GetInstanceAsync(input.CaseId, false, cancellationToken).ConfigureAwait(false) is not null)
            {
                return false;
            }

            throw;
        }
    }

    public async Task<CaseOrchestrationState?> GetAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var metadata = await client.GetInstanceAsync(caseId, true, cancellationToken).ConfigureAwait(false);
        return metadata is null ? null : Map(metadata);
    }

    public async Task<bool> RaiseReviewDecisionAsync(string caseId, ReviewDecision decision, CancellationToken cancellationToken = default)
    {
        var metadata = await client.GetInstanceAsync(caseId, false, cancellationToken).ConfigureAwait(false);
        if (metadata is null || !IsActive(metadata.RuntimeStatus))
        {
            return false;
        }

        await client.RaiseEventAsync(caseId, CaseWorkflow.ReviewDecisionEvent, decision, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<bool> ResumeAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var metadata = await client.GetInstanceAsync(caseId, false, cancellationToken).ConfigureAwait(false);
        if (metadata is null || !IsActive(metadata.RuntimeStatus))
        {
            return false;
        }

        await client.RaiseEventAsync(caseId, CaseWorkflow.ResumeEvent, "resume", cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<CaseOrchestrationState?> WaitForDecisionAsync(string caseId, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var started = _time.GetTimestamp();
        while (true)
        {
            var state = await GetAsync(caseId, cancellationToken).ConfigureAwait(false);
            var remaining = timeout - _time.GetElapsedTime(started);
            if (state?.HasDecision == true || remaining <= TimeSpan.Zero)
            {
                return state;
            }

            await Task.Delay(remaining < PollInterval ? remaining : PollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Host-neutral state of a Durable instance fetched with inputs and outputs.</summary>
    internal static CaseOrchestrationState Map(OrchestrationMetadata metadata)
    {
        var progress = metadata.ReadCustomStatusAs<CaseProgress>();
        var status = metadata.RuntimeStatus;
        var name = status switch
        {
            OrchestrationRuntimeStatus.Pending => "pending",
            OrchestrationRuntimeStatus.Completed => "completed",
            OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated => "failed",
            _ => progress?.Stage is CaseStatuses.AwaitingReview or CaseStatuses.NeedsAttention ? "waiting" : "running",
        };
        var failure = status switch
        {
            OrchestrationRuntimeStatus.Failed => metadata.FailureDetails?.ErrorMessage ?? "failed",
            OrchestrationRuntimeStatus.Terminated => "terminated",
            _ => null,
        };
        return new CaseOrchestrationState(
            metadata.InstanceId,
            name,
            progress,
            status == OrchestrationRuntimeStatus.Completed ? metadata.ReadOutputAs<CaseOutcome>() : null,
            failure,
            metadata.CreatedAt,
            metadata.LastUpdatedAt);
    }

    private static bool IsActive(OrchestrationRuntimeStatus status) =>
        status is OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended;
}

namespace Escalation.Core.Workflow;

/// <summary>
/// The activity calls of one case orchestration. A call that still fails after its retries (storage refusing writes,
/// the mail server down) does not end the case: it waits as <c>needs-attention</c> — recorded in the case index when
/// the index takes the write — until a <see cref="CaseWorkflow.ResumeEvent"/> or a back-off timer, then calls again.
/// Deterministic: the waits are durable timers and events; a run without failures makes exactly the calls it made
/// before this existed, so instances already waiting replay unchanged.
/// </summary>
public sealed class CaseRun(IWorkflowContext context, string caseId)
{
    /// <summary>How long the case waits before calling again on its own: doubling from one minute, at most ten.</summary>
    public static TimeSpan Backoff(int round) => TimeSpan.FromMinutes(Math.Min(10, 1 << Math.Min(round, 4)));

    private static readonly ActivityRetry MarkRetry = new(3, TimeSpan.FromSeconds(1));
    private CaseProgress? _progress;

    /// <summary>Sets the status callers see (and the one a resumed case shows again).</summary>
    public void SetStatus(CaseProgress progress)
    {
        _progress = progress;
        context.SetCustomStatus(progress);
    }

    /// <summary>Calls <paramref name="activity"/>; on failure after its retries, waits as needs-attention and calls again.</summary>
    public async Task<T> CallAsync<T>(string activity, object input, ActivityRetry retry)
    {
        var marked = false;
        for (var round = 0; ; round++)
        {
            string failure;
            try
            {
                var result = await context.CallActivityAsync<T>(activity, input, retry);
                if (marked)
                {
                    // Back in the index at the status it had; a failure here waits and calls again (activities are idempotent).
                    await context.CallActivityAsync<bool>(CaseActivityNames.MarkNeedsAttention, new NeedsAttentionInput(caseId, null, context.CurrentUtcDateTime), MarkRetry);
                    if (_progress is not null)
                    {
                        context.SetCustomStatus(_progress);
                    }
                }

                return result;
            }
            catch (Exception ex) when (IsActivityFailure(ex))
            {
                failure = $"{activity}: {ex.Message}";
            }

            try
            {
                marked |= await context.CallActivityAsync<bool>(CaseActivityNames.MarkNeedsAttention, new NeedsAttentionInput(caseId, failure, context.CurrentUtcDateTime), MarkRetry);
            }
            catch (Exception ex) when (IsActivityFailure(ex))
            {
                // The index refuses writes too: the orchestration's status still says needs-attention.
            }

            var resumeAt = context.CurrentUtcDateTime + Backoff(round);
            context.SetCustomStatus(new CaseProgress(CaseStatuses.NeedsAttention, _progress?.Route, _progress?.Priority, resumeAt) { Failure = failure });
            await context.WaitForExternalEventAsync<string>(CaseWorkflow.ResumeEvent, resumeAt);
        }
    }

    /// <summary>An activity's failure, as opposed to the engine stopping or an orchestrator that broke determinism.</summary>
    private static bool IsActivityFailure(Exception ex) => ex is not (OperationCanceledException or WorkflowNonDeterminismException);
}

/// <summary>The orchestrator's code does not match its recorded history; the instance must fail, not wait.</summary>
public class WorkflowNonDeterminismException(string message) : Exception(message);

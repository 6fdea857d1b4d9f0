using Escalation.Core.Workflow;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Escalation.Functions.Orchestration;

/// <summary>
/// The core's workflow-context port over Durable Functions' <see cref="TaskOrchestrationContext"/>.
/// Runs on the orchestrator thread: no <c>ConfigureAwait(false)</c>, no clock, no I/O.
/// </summary>
public sealed class DurableWorkflowContext(TaskOrchestrationContext context) : IWorkflowContext
{
    public string InstanceId => context.InstanceId;

    public DateTime CurrentUtcDateTime => context.CurrentUtcDateTime;

    public string Version => context.Version ?? "";

    public bool IsReplaying => context.IsReplaying;

    public Task<TResult> CallActivityAsync<TResult>(string name, object? input, ActivityRetry? retry = null) =>
        context.CallActivityAsync<TResult>(new TaskName(name), input, ToTaskOptions(retry));

    /// <summary>
    /// Waits for the event and a durable timer at <paramref name="deadlineUtc"/> together; whichever loses is cancelled,
    /// so a finished orchestration leaves no pending timer behind.
    /// </summary>
    public async Task<ExternalEventResult<T>> WaitForExternalEventAsync<T>(string eventName, DateTime deadlineUtc)
    {
        using var timerCancellation = new CancellationTokenSource();
        using var eventCancellation = new CancellationTokenSource();
        var timer = context.CreateTimer(deadlineUtc, timerCancellation.Token);
        var received = context.WaitForExternalEvent<T>(eventName, eventCancellation.Token);

        var winner = await Task.WhenAny(received, timer);
        if (winner == received)
        {
            timerCancellation.Cancel();
            return new ExternalEventResult<T>(false, await received);
        }

        eventCancellation.Cancel();
        return new ExternalEventResult<T>(true, default);
    }

    public Guid NewGuid() => context.NewGuid();

    public void SetCustomStatus(object? status) => context.SetCustomStatus(status);

    public ILogger CreateReplaySafeLogger(string categoryName) => context.CreateReplaySafeLogger(categoryName);

    /// <summary>Durable Task options for a port retry policy; null when the call has none.</summary>
    internal static TaskOptions? ToTaskOptions(ActivityRetry? retry) => retry is null
        ? null
        : TaskOptions.FromRetryPolicy(new RetryPolicy(retry.MaxAttempts, retry.FirstRetryInterval, retry.BackoffCoefficient));
}

using Microsoft.Extensions.Logging;

namespace Escalation.Core.Workflow;

/// <summary>
/// The part of the Durable Task orchestration API the case workflows use. Implemented over
/// <c>TaskOrchestrationContext</c> in Azure Functions and by the embedded replay engine here.
/// Orchestrator code takes its clock, ids and waits from this context only.
/// </summary>
public interface IWorkflowContext
{
    /// <summary>The orchestration instance id (= case id).</summary>
    string InstanceId { get; }

    /// <summary>Deterministic current time: the time the current replay step was first reached.</summary>
    DateTime CurrentUtcDateTime { get; }

    /// <summary>
    /// The orchestration version this instance started with, kept for its whole life so a deploy that changes the
    /// workflow can branch on it (see <see cref="WorkflowVersions"/>). Empty for an instance started before versions
    /// were recorded, which reads as version 1.
    /// </summary>
    string Version { get; }

    /// <summary>True while re-executing recorded history.</summary>
    bool IsReplaying { get; }

    /// <summary>Runs an activity (at least once) and returns its result; retries per <paramref name="retry"/>.</summary>
    Task<TResult> CallActivityAsync<TResult>(string name, object? input, ActivityRetry? retry = null);

    /// <summary>
    /// Waits for an external event until <paramref name="deadlineUtc"/>; returns the payload, or
    /// <c>default</c> with <c>TimedOut = true</c> when the durable timer fired first.
    /// </summary>
    Task<ExternalEventResult<T>> WaitForExternalEventAsync<T>(string eventName, DateTime deadlineUtc);

    /// <summary>A deterministic GUID (the same on every replay).</summary>
    Guid NewGuid();

    /// <summary>Sets the status shown to callers of the status API.</summary>
    void SetCustomStatus(object? status);

    /// <summary>A logger that writes only when not replaying.</summary>
    ILogger CreateReplaySafeLogger(string categoryName);
}

/// <summary>Retry policy of an activity call (mirrors Durable Task's <c>RetryPolicy</c>).</summary>
public sealed record ActivityRetry(int MaxAttempts, TimeSpan FirstRetryInterval, double BackoffCoefficient = 2.0)
{
    /// <summary>Three attempts, 2 s then 4 s apart.</summary>
    public static ActivityRetry Default { get; } = new(3, TimeSpan.FromSeconds(2));
}

/// <summary>Outcome of waiting for an external event raced against a durable timer.</summary>
public sealed record ExternalEventResult<T>(bool TimedOut, T? Payload);

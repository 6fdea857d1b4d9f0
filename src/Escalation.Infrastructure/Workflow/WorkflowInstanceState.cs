namespace Escalation.Infrastructure.Workflow;

/// <summary>Runtime status of an embedded orchestration instance.</summary>
public enum WorkflowRuntimeStatus
{
    Pending,
    Running,

    /// <summary>Suspended until an external event arrives or its timer fires.</summary>
    Waiting,
    Completed,
    Failed,
}

/// <summary>What the engine knows about an instance (the embedded equivalent of Durable's <c>OrchestrationMetadata</c>).</summary>
public sealed record WorkflowInstanceState(
    string InstanceId,
    string Name,
    WorkflowRuntimeStatus Status,
    string? CustomStatusJson,
    string? OutputJson,
    string? Error,
    DateTime CreatedAt,
    DateTime LastUpdatedAt,
    string? WaitingForEvent,
    DateTime? WaitDeadline,
    int HistoryEvents,
    long HistoryBytes)
{
    public bool IsFinished => Status is WorkflowRuntimeStatus.Completed or WorkflowRuntimeStatus.Failed;
}

namespace Escalation.Infrastructure.Workflow;

/// <summary>Durable storage of orchestration histories for the embedded engine.</summary>
public interface IWorkflowHistoryStore
{
    /// <summary>Appends events to an instance's history; returns once they are durable (fsync'd).</summary>
    Task AppendAsync(string instanceId, IReadOnlyList<HistoryEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Every instance's history, as persisted (used at start-up to resume work).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<HistoryEvent>>> LoadAllAsync(CancellationToken cancellationToken = default);
}

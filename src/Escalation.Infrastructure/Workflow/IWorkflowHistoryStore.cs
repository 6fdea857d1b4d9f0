namespace Escalation.Infrastructure.Workflow;

/// <summary>Durable storage of orchestration histories for the embedded engine.</summary>
public interface IWorkflowHistoryStore
{
    /// <summary>Appends events to an instance's history; returns once they are durable (fsync'd).</summary>
    Task AppendAsync(string instanceId, IReadOnlyList<HistoryEvent> events, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends events a crash may take back without harm — the result of an activity the engine can simply run again —
    /// in order with every other append to this store, without waiting for the disk: the next durable append (or the
    /// store's own next flush) carries them. By default, the same as <see cref="AppendAsync"/>.
    /// </summary>
    Task AppendRecomputableAsync(string instanceId, IReadOnlyList<HistoryEvent> events, CancellationToken cancellationToken = default) =>
        AppendAsync(instanceId, events, cancellationToken);

    /// <summary>Every instance's history, as persisted (used at start-up to resume work).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<HistoryEvent>>> LoadAllAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Drops what nothing reads again: every event of the <paramref name="purged"/> instances (those that completed — the
    /// case index and the traces keep what they decided — and stray events of an instance whose start is gone), and from the
    /// histories of the <paramref name="finished"/> ones everything but their start, custom statuses and end, from which the
    /// engine still reads their status and failure. Returns how many events were dropped. By default nothing is dropped.
    /// </summary>
    Task<int> CompactAsync(IReadOnlySet<string> finished, IReadOnlySet<string> purged, CancellationToken cancellationToken = default) =>
        Task.FromResult(0);
}

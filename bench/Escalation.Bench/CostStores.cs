using System.Text;
using System.Text.Json;
using Escalation.Core.Storage;
using Escalation.Infrastructure.Workflow;

namespace Escalation.Bench;

/// <summary>
/// Storage operations counted the way Azure bills them: blob writes (put, create-only put, list) and reads, table
/// transactions, and bytes stored. Shared by the counting decorators of one cost run.
/// </summary>
public sealed class CostMeter
{
    private long _blobWrites, _blobReads, _table, _bytes, _historyEvents, _historyBytes, _activities, _events, _timers;

    public long BlobWrites => Interlocked.Read(ref _blobWrites);
    public long BlobReads => Interlocked.Read(ref _blobReads);
    public long TableTransactions => Interlocked.Read(ref _table);
    public long StoredBytes => Interlocked.Read(ref _bytes);
    public long HistoryEvents => Interlocked.Read(ref _historyEvents);
    public long HistoryBytes => Interlocked.Read(ref _historyBytes);
    public long Activities => Interlocked.Read(ref _activities);
    public long Events => Interlocked.Read(ref _events);
    public long Timers => Interlocked.Read(ref _timers);

    internal void BlobWrite(long bytes = 0) { Interlocked.Increment(ref _blobWrites); Interlocked.Add(ref _bytes, bytes); }
    internal void BlobRead() => Interlocked.Increment(ref _blobReads);
    internal void Table(long bytes = 0) { Interlocked.Increment(ref _table); Interlocked.Add(ref _bytes, bytes); }

    internal void History(IReadOnlyList<HistoryEvent> events)
    {
        foreach (var e in events)
        {
            Interlocked.Increment(ref _historyEvents);
            Interlocked.Add(ref _historyBytes, JsonSerializer.SerializeToUtf8Bytes(e).Length);
            switch (e.Kind)
            {
                case HistoryEventKind.ActivityScheduled: Interlocked.Increment(ref _activities); break;
                case HistoryEventKind.EventRaised: Interlocked.Increment(ref _events); break;
                case HistoryEventKind.TimerCreated: Interlocked.Increment(ref _timers); break;
            }
        }
    }

    /// <summary>Counters of <paramref name="after"/> minus those of <paramref name="before"/>.</summary>
    public static CostMeter Delta(CostMeter after, CostMeter before)
    {
        var d = new CostMeter();
        (d._blobWrites, d._blobReads, d._table, d._bytes) = (after.BlobWrites - before.BlobWrites, after.BlobReads - before.BlobReads, after.TableTransactions - before.TableTransactions, after.StoredBytes - before.StoredBytes);
        (d._historyEvents, d._historyBytes, d._activities, d._events, d._timers) = (after.HistoryEvents - before.HistoryEvents, after.HistoryBytes - before.HistoryBytes, after.Activities - before.Activities, after.Events - before.Events, after.Timers - before.Timers);
        return d;
    }

    /// <summary>A copy of the counters, to subtract from a later one.</summary>
    public CostMeter Snapshot()
    {
        var s = new CostMeter();
        (s._blobWrites, s._blobReads, s._table, s._bytes) = (BlobWrites, BlobReads, TableTransactions, StoredBytes);
        (s._historyEvents, s._historyBytes, s._activities, s._events, s._timers) = (HistoryEvents, HistoryBytes, Activities, Events, Timers);
        return s;
    }
}

/// <summary>Counts case index calls (one table transaction each).</summary>
public sealed class CountingCaseIndex(ICaseIndex inner, CostMeter meter) : ICaseIndex
{
    public Task<VersionedCase?> GetAsync(string caseId, CancellationToken cancellationToken = default) { meter.Table(); return inner.GetAsync(caseId, cancellationToken); }

    public Task<string> UpsertAsync(CaseRecord record, string? ifMatch, CancellationToken cancellationToken = default)
    {
        meter.Table(JsonSerializer.SerializeToUtf8Bytes(record).Length);
        return inner.UpsertAsync(record, ifMatch, cancellationToken);
    }

    public Task<IReadOnlyList<CaseRecord>> QueryByStatusAsync(string status, CancellationToken cancellationToken = default) { meter.Table(); return inner.QueryByStatusAsync(status, cancellationToken); }

    public Task<IReadOnlyList<CaseRecord>> QueryByCustomerAsync(string customerId, CancellationToken cancellationToken = default) { meter.Table(); return inner.QueryByCustomerAsync(customerId, cancellationToken); }
}

/// <summary>Counts trace store calls as blob operations (put and claim: writes; list: a list, priced as a write; get: a read).</summary>
public sealed class CountingTraceStore(ITraceStore inner, CostMeter meter) : ITraceStore
{
    public Task<string> PutAsync(byte[] canonicalBytes, CancellationToken cancellationToken = default) { meter.BlobWrite(canonicalBytes.Length); return inner.PutAsync(canonicalBytes, cancellationToken); }

    public Task<byte[]?> GetAsync(string traceId, CancellationToken cancellationToken = default) { meter.BlobRead(); return inner.GetAsync(traceId, cancellationToken); }

    public Task<IReadOnlyList<ChainLink>> ListChainAsync(string caseId, CancellationToken cancellationToken = default) { meter.BlobWrite(); return inner.ListChainAsync(caseId, cancellationToken); }

    public Task<bool> TryClaimSequenceAsync(string caseId, int sequence, string traceId, CancellationToken cancellationToken = default)
    {
        meter.BlobWrite(traceId.Length);
        return inner.TryClaimSequenceAsync(caseId, sequence, traceId, cancellationToken);
    }
}

/// <summary>Counts artifact calls as blob operations.</summary>
public sealed class CountingArtifactStore(IStageArtifactStore inner, CostMeter meter) : IStageArtifactStore
{
    public Task PutAsync(string caseId, string name, string json, CancellationToken cancellationToken = default) { meter.BlobWrite(Encoding.UTF8.GetByteCount(json)); return inner.PutAsync(caseId, name, json, cancellationToken); }

    public Task PutUtf8Async(string caseId, string name, ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken = default) { meter.BlobWrite(utf8Json.Length); return inner.PutUtf8Async(caseId, name, utf8Json, cancellationToken); }

    public Task<string?> GetAsync(string caseId, string name, CancellationToken cancellationToken = default) { meter.BlobRead(); return inner.GetAsync(caseId, name, cancellationToken); }

    public Task<IReadOnlyList<string>> ListAsync(string caseId, CancellationToken cancellationToken = default) { meter.BlobWrite(); return inner.ListAsync(caseId, cancellationToken); }
}

/// <summary>Counts history events, their bytes, and the activity calls, events and timers they record.</summary>
public sealed class CountingHistoryStore(IWorkflowHistoryStore inner, CostMeter meter) : IWorkflowHistoryStore
{
    public Task AppendAsync(string instanceId, IReadOnlyList<HistoryEvent> events, CancellationToken cancellationToken = default)
    {
        meter.History(events);
        return inner.AppendAsync(instanceId, events, cancellationToken);
    }

    public Task AppendRecomputableAsync(string instanceId, IReadOnlyList<HistoryEvent> events, CancellationToken cancellationToken = default)
    {
        meter.History(events);
        return inner.AppendRecomputableAsync(instanceId, events, cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<HistoryEvent>>> LoadAllAsync(CancellationToken cancellationToken = default) => inner.LoadAllAsync(cancellationToken);
}

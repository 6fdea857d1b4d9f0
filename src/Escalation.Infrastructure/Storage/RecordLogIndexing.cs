namespace Escalation.Infrastructure.Storage;

/// <summary>
/// The writer's index thread. A written batch is acknowledged once it is on disk; its positions (and the case table's
/// rows) reach the index database afterwards, on this thread, in transactions that may cover several batches. Until then
/// its records stay in memory (<c>_entries</c>), where look-ups and key lists find them; queries that read the index
/// alone (case lists, the KPI counters, compaction) first wait for it with <see cref="WhenIndexedAsync"/>. A crash
/// between the two loses nothing: the index's watermark stays behind, and the next opening reads those frames again.
/// </summary>
public sealed partial class RecordLog
{
    /// <summary>How many written frames may wait for the index before the writer waits for it.</summary>
    private const int MaxIndexLag = 4 * GroupCommitQueue<Frame>.MaxWrites;

    private readonly GroupCommitQueue<Frame> _indexing = new();
    private readonly List<(long Target, TaskCompletionSource Done)> _indexWaiters = [];
    private Task? _indexer;
    private long _appended; // frames given a position (under _gate)
    private long _handed; // frames handed to the index thread (under _gate)
    private long _indexed; // frames in the index (under _gate)

    /// <summary>
    /// Completes once the index holds every record appended before the call (at once for a read-only log, and once the
    /// log failed: queries then read what the index has).
    /// </summary>
    internal Task WhenIndexedAsync()
    {
        lock (_gate)
        {
            if (_index is null || _indexed >= _appended || _failed is not null)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _indexWaiters.Add((_appended, done));
            return done.Task;
        }
    }

    /// <summary>Gives a written batch to the index thread (the writer's thread), waiting while the index is far behind.</summary>
    private void HandToIndexer(List<Frame> batch)
    {
        if (_index is null)
        {
            return;
        }

        lock (_gate)
        {
            while (_failed is null && _handed - _indexed > MaxIndexLag)
            {
                Monitor.Wait(_gate);
            }

            _handed += batch.Count;
        }

        foreach (var frame in batch)
        {
            _indexing.TryWrite(frame);
        }
    }

    private void IndexLoop()
    {
        var batch = new List<Frame>();
        while (_indexing.Take(batch))
        {
            lock (_gate)
            {
                if (_failed is not null)
                {
                    continue; // the index no longer follows; the next opening reads these frames again
                }
            }

            try
            {
                IndexBatch(batch);
            }
            catch (Exception ex)
            {
                lock (_gate)
                {
                    _failed ??= ex;
                }

                ReleaseIndexWaiters();
                continue;
            }

            lock (_gate)
            {
                foreach (var frame in batch)
                {
                    if (_entries.TryGetValue(frame.Key, out var latest) && ReferenceEquals(latest, frame.Entry))
                    {
                        _entries.Remove(frame.Key); // indexed on disk: the memory holds only what is in flight
                    }
                }

                _indexed += batch.Count;
                Monitor.PulseAll(_gate);
            }

            ReleaseIndexWaiters();
        }
    }

    /// <summary>Completes the waiters whose records are indexed (all of them once the log failed).</summary>
    private void ReleaseIndexWaiters()
    {
        List<TaskCompletionSource>? ready = null;
        lock (_gate)
        {
            for (var i = _indexWaiters.Count - 1; i >= 0; i--)
            {
                if (_indexWaiters[i].Target <= _indexed || _failed is not null)
                {
                    (ready ??= []).Add(_indexWaiters[i].Done);
                    _indexWaiters.RemoveAt(i);
                }
            }

            if (_failed is not null)
            {
                Monitor.PulseAll(_gate);
            }
        }

        ready?.ForEach(done => done.TrySetResult());
    }

    /// <summary>Adds written frames' positions (and the projection's rows) to the index in one transaction.</summary>
    private void IndexBatch(List<Frame> batch)
    {
        using var tx = _index!.Begin();
        foreach (var frame in batch)
        {
            var entry = frame.Entry;
            if (entry.Deleted)
            {
                _index.Delete(frame.Key);
            }
            else
            {
                _index.Put(frame.Key, entry.Segment, entry.Offset, entry.KeyLength, entry.Length);
            }

            _projection?.Apply(tx, frame.Key, entry.Deleted ? default : frame.Bytes.AsSpan(HeaderBytes + entry.KeyLength));
        }

        var last = batch[^1].Entry;
        _index.Mark(last.Segment, last.Offset + last.Length);
        if (_projection is null)
        {
            tx.Commit();
        }
        else
        {
            _projection.Commit(tx);
        }
    }
}

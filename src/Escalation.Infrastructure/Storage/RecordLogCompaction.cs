namespace Escalation.Infrastructure.Storage;

/// <summary>Compaction: the oldest segments, once mostly superseded or deleted records, are rewritten and removed.</summary>
public sealed partial class RecordLog
{
    /// <summary>
    /// Copies the live records of the oldest sealed segments whose live bytes are under <paramref name="liveFraction"/>
    /// of their size to the end of the log (durably), then deletes those segment files. Only a run of segments from the
    /// first one is compacted, so a deletion record never goes while an older record of its key stays. Returns how many
    /// segments were removed. The writer only (a read-only log has nothing to compact).
    /// </summary>
    public async Task<int> CompactAsync(double liveFraction = 0.5, CancellationToken cancellationToken = default)
    {
        if (_index is null)
        {
            throw new InvalidOperationException("Only the writer of a record log compacts it.");
        }

        int writing;
        lock (_gate)
        {
            writing = _segment;
        }

        await WhenIndexedAsync().ConfigureAwait(false); // the index alone says what each segment still holds
        var live = _index.LiveBytes();
        var removed = 0;
        var segments = Directory.EnumerateFiles(_directory, "records-*.log").Select(p => (Number: SegmentNumber(p), Path: p)).Where(s => s.Number > 0).OrderBy(s => s.Number).ToList();
        foreach (var (number, path) in segments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (number == writing || number > _lastExisting && writing == 0)
            {
                break;
            }

            var size = new FileInfo(path).Length;
            if (size > 0 && live.GetValueOrDefault(number) >= size * liveFraction)
            {
                break; // a prefix only: the segments after this one stay too
            }

            var copies = new List<Task>();
            foreach (var (key, offset, _, _) in _index.KeysInSegment(number))
            {
                if (Get(key) is not { } payload)
                {
                    continue; // damaged since: nothing readable to keep
                }

                lock (_gate)
                {
                    // Copied only while this segment still holds the key's latest record (no newer write is in flight).
                    if (_entries.ContainsKey(key) || _index.Find(key) is not { } at || at.Segment != number || at.Offset != offset)
                    {
                        continue;
                    }

                    copies.Add(Write(key, payload, durable: true, deleted: false)); // the lock is re-entrant: no write slips in between
                }
            }

            await Task.WhenAll(copies).ConfigureAwait(false);
            await WhenIndexedAsync().ConfigureAwait(false);
            if (_index.KeysInSegment(number).Count > 0)
            {
                break; // a write raced the copy: leave the segment for the next pass
            }

            if (_readers.TryRemove(number, out var handle))
            {
                handle.Dispose();
            }

            File.Delete(path);
            removed++;
        }

        if (removed > 0)
        {
            await DiskCommit.WhenDurableAsync(_directory).ConfigureAwait(false);
        }

        return removed;
    }
}

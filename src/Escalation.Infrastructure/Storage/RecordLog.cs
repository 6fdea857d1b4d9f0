using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Escalation.Infrastructure.Storage;

/// <summary>
/// Keyed records in append-only segment files (<c>records-000001.log</c>, …) with group commit: the local host's case
/// index, artifacts and decision traces live here instead of in a file each, so storing a case creates no file (no inode to allocate,
/// rename or free) and the writes of every case in flight share one flush. The latest record of a key wins. The writer's index of
/// key → position is an SQLite database beside the segments, kept by its own thread (RecordLogIndexing.cs); a read-only
/// opening builds one in memory by reading the segments.
/// <para>
/// Each record is framed as <c>"ESR1"</c>, key length, payload length (little-endian 32-bit), the first 8 bytes of the
/// SHA-256 of key + payload, then the key (UTF-8) and the payload. A short or bad frame at the very end of the last
/// segment is the torn tail of a crash, whose writes were never acknowledged: the writer that opens the log next moves
/// it aside and starts a new segment, so it never appends after it. Bad bytes anywhere else are damage: the scan
/// resynchronises on the next valid frame, keeps every readable record and reports each damaged range through
/// <see cref="Problem"/> and <see cref="Damage"/> (see RecordLogScan.cs).
/// </para>
/// <para>
/// One process writes a log (the host that owns the data folder); others may open it read-only and see the records
/// complete when they opened it.
/// </para>
/// </summary>
public sealed partial class RecordLog : IAsyncDisposable, IStorageHealth
{
    /// <summary>The folder of a data directory that holds the log.</summary>
    public const string FolderName = "store";

    private const string LockFileName = ".writer.lock";
    private const int HeaderBytes = 20;
    private const int MaxKeyBytes = 1024;
    private static ReadOnlySpan<byte> Magic => "ESR1"u8;

    private readonly string _directory;
    private readonly long _segmentBytes;
    private readonly object _gate = new();
    private Task? _disposing; // the close the first DisposeAsync began
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _groups = new(StringComparer.Ordinal); // "a/case-1/" → its keys
    private readonly ConcurrentDictionary<int, SafeFileHandle> _readers = new();
    private readonly GroupCommitQueue<Frame> _queue = new();
    private readonly int _lastExisting;
    private Task? _writer;
    private int _segment;
    private long _offset;
    private Exception? _failed;
    private readonly FileStream? _lock;
    private readonly RecordLogIndex? _index;
    private readonly IRecordProjection? _projection;
    private Task? _verifying;

    /// <summary>The first character of the stored key of a deletion record (no key of the stores starts with it).</summary>
    private const string TombstoneMark = "\u0000";

    private RecordLog(string directory, bool readOnly, long segmentBytes, Action<string>? report = null)
    {
        _directory = directory;
        _segmentBytes = segmentBytes;
        IsReadOnly = readOnly;
        if (!readOnly)
        {
            Directory.CreateDirectory(directory);
            try
            {
                // One writer per log: a second server on the same data folder would not see this one's records.
                _lock = new FileStream(Path.Combine(directory, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException ex)
            {
                throw new IOException($"Another process is writing {directory} (is a server already running on this data folder?).", ex);
            }

            _index = RecordLogIndex.Open(directory);
            Cases = new LogCaseTable();
            Cases.Create(_index.Writer);
            Cases.Attach(() => _index);
            _projection = Cases;
        }

        if (Directory.Exists(directory))
        {
            var segments = Directory.EnumerateFiles(directory, "records-*.log").Select(p => (SegmentNumber(p), p)).Where(s => s.Item1 > 0).OrderBy(s => s.Item1).ToList();
            _lastExisting = segments.Count > 0 ? segments[^1].Item1 : 0;
            if (readOnly)
            {
                foreach (var (number, path) in segments)
                {
                    Scan(number, path, last: number == segments[^1].Item1, (position, frame, body) =>
                    {
                        var deleted = frame.Key.StartsWith(TombstoneMark, StringComparison.Ordinal);
                        Index(deleted ? frame.Key[TombstoneMark.Length..] : frame.Key, new Entry(number, position + HeaderBytes + frame.KeyLength, frame.KeyLength, frame.PayloadLength) { Deleted = deleted });
                    });
                }
            }
            else
            {
                OpenIndexed(segments, _projection, report);
            }
        }
    }

    /// <inheritdoc />
    public string? Problem
    {
        get
        {
            lock (_gate)
            {
                var failed = _failed is null ? null : $"The record log could not write ({_failed.Message}); restart the host to reopen it.";
                return DamageProblem() is { } damage ? (failed is null ? damage : failed + " " + damage) : failed;
            }
        }
    }

    /// <summary>
    /// Opens (or creates) the log of a data directory for writing: one process per data directory. <paramref name="report"/>
    /// hears the one-off lines of an opening (a folder indexed for the first time).
    /// </summary>
    public static RecordLog Open(string dataDirectory, long segmentBytes = 64L * 1024 * 1024, Action<string>? report = null) =>
        new(Path.Combine(dataDirectory, FolderName), readOnly: false, segmentBytes, report);

    /// <summary>The writer's case table (kept with the index), or null for a read-only log.</summary>
    internal LogCaseTable? Cases { get; }

    /// <summary>Opens the log of a data directory to read what it holds now (another process may be writing it).</summary>
    public static RecordLog OpenReadOnly(string dataDirectory) => new(Path.Combine(dataDirectory, FolderName), readOnly: true, long.MaxValue);

    /// <summary>True when opened with <see cref="OpenReadOnly"/>.</summary>
    public bool IsReadOnly { get; }

    /// <summary>How many keys the log holds.</summary>
    public int Count
    {
        get
        {
            if (_index is null)
            {
                lock (_gate)
                {
                    return _entries.Count;
                }
            }

            List<KeyValuePair<string, Entry>> pending;
            lock (_gate)
            {
                pending = [.. _entries];
            }

            // Pending keys the index does not hold yet add one each; pending deletions of indexed keys take one away.
            var count = _index.Count();
            foreach (var (key, entry) in pending)
            {
                var indexed = _index.Find(key) is not null;
                count += entry.Deleted ? (indexed ? -1 : 0) : (indexed ? 0 : 1);
            }

            return (int)count;
        }
    }

    /// <summary>
    /// Stores <paramref name="payload"/> as the latest record of <paramref name="key"/>. Readers of this log see it as
    /// soon as the call returns; the task completes once it is on disk (when <paramref name="durable"/> is false it
    /// completes at once and the record reaches the disk with the next flush: a process crash keeps it, a power loss
    /// may not).
    /// </summary>
    public Task AppendAsync(string key, ReadOnlySpan<byte> payload, bool durable = true)
    {
        if (key.StartsWith(TombstoneMark))
        {
            throw new ArgumentException("A record key does not start with a NUL character.", nameof(key));
        }

        return Write(key, payload, durable, deleted: false);
    }

    /// <summary>
    /// Removes <paramref name="key"/> (a no-op when the log holds none): a small record that says so, so the key stays
    /// gone at every later opening. Its earlier records' bytes go when <see cref="CompactAsync"/> rewrites their segment.
    /// </summary>
    public Task DeleteAsync(string key, bool durable = true) => Write(key, [], durable, deleted: true);

    private Task Write(string key, ReadOnlySpan<byte> payload, bool durable, bool deleted)
    {
        if (IsReadOnly)
        {
            throw new InvalidOperationException("This record log was opened read-only.");
        }

        var stored = deleted ? TombstoneMark + key : key;
        var keyLength = Encoding.UTF8.GetByteCount(stored);
        if (key.Length == 0 || keyLength > MaxKeyBytes)
        {
            throw new ArgumentException($"A record key must be 1–{MaxKeyBytes} bytes.", nameof(key));
        }

        var frame = new byte[HeaderBytes + keyLength + payload.Length];
        Magic.CopyTo(frame);
        BinaryPrimitives.WriteInt32LittleEndian(frame.AsSpan(4), keyLength);
        BinaryPrimitives.WriteInt32LittleEndian(frame.AsSpan(8), payload.Length);
        Encoding.UTF8.GetBytes(stored, frame.AsSpan(HeaderBytes));
        payload.CopyTo(frame.AsSpan(HeaderBytes + keyLength));
        Checksum(frame.AsSpan(HeaderBytes)).CopyTo(frame.AsSpan(12));
        var done = durable ? new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) : null;
        lock (_gate)
        {
            if (_failed is not null)
            {
                throw new IOException(Problem, _failed);
            }

            if (_segment == 0 || (_offset > 0 && _offset + frame.Length > _segmentBytes))
            {
                _segment = Math.Max(_segment, _lastExisting) + 1;
                _offset = 0;
            }

            var entry = new Entry(_segment, _offset + HeaderBytes + keyLength, keyLength, payload.Length) { Pending = frame, Deleted = deleted };
            if (!_queue.TryWrite(new Frame(_segment, key, frame, entry, done)))
            {
                throw new ObjectDisposedException(nameof(RecordLog));
            }

            Index(key, entry);

            _offset += frame.Length;
            _writer ??= Task.Factory.StartNew(WriteLoop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            if (_index is not null)
            {
                _appended++;
                _indexer ??= Task.Factory.StartNew(IndexLoop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            }
        }

        return done?.Task ?? Task.CompletedTask;
    }

    /// <summary>The latest payload of <paramref name="key"/>, or null when the log holds none (or its bytes no longer match their checksum).</summary>
    public byte[]? Get(string key)
    {
        Entry? entry;
        lock (_gate)
        {
            _entries.TryGetValue(key, out entry);
        }

        if (entry is null && _index?.Find(key) is { } found)
        {
            entry = new Entry(found.Segment, found.Offset, found.KeyLength, found.Length);
        }

        if (entry is null || entry.Deleted)
        {
            return null;
        }

        if (entry.Pending is { } pending)
        {
            return pending.AsSpan(pending.Length - entry.Length).ToArray();
        }

        // The whole frame, checked against its checksum: bytes damaged since they were indexed are not served.
        var start = entry.Offset - HeaderBytes - entry.KeyLength;
        var bytes = new byte[HeaderBytes + entry.KeyLength + entry.Length];
        var handle = Reader(entry.Segment);
        if (handle is null)
        {
            return null;
        }

        var read = 0;
        while (read < bytes.Length)
        {
            var n = RandomAccess.Read(handle, bytes.AsSpan(read), start + read);
            if (n == 0)
            {
                throw new IOException($"Record '{key}' is cut short in {SegmentPath(entry.Segment)}.");
            }

            read += n;
        }

        if (!bytes.AsSpan(0, 4).SequenceEqual(Magic) || !Checksum(bytes.AsSpan(HeaderBytes)).SequenceEqual(bytes.AsSpan(12, 8)))
        {
            // Damaged since it was indexed: what the log held before it is still served, as an opening that met the damage
            // would (it keeps every readable record), rather than a key that vanishes. The damage is reported.
            ReportDamage(entry.Segment, start, bytes.Length, key);
            return PreviousIntact(key, entry.Segment, start);
        }

        return bytes.AsSpan(HeaderBytes + entry.KeyLength).ToArray();
    }

    private void ReportDamage(int segment, long offset, long length, string key)
    {
        var range = new DamagedRange(Path.GetFileName(SegmentPath(segment)), offset, length, key);
        lock (_gate)
        {
            // An opening (or its background check) may have reported these bytes already, as part of a longer range.
            if (!_damage.Exists(d => d.Segment == range.Segment && d.Offset < offset + length && offset < d.Offset + d.Length))
            {
                _damage.Add(range);
            }
        }
    }

    /// <summary>
    /// The payload of the latest intact frame of <paramref name="key"/> before position <paramref name="before"/> of
    /// segment <paramref name="segment"/> (searching that segment, then the earlier ones); null when there is none or it
    /// is a deletion. Only read when a record fails its checksum, so a scan is affordable.
    /// </summary>
    private byte[]? PreviousIntact(string key, int segment, long before)
    {
        var tombstone = TombstoneMark + key;
        for (var number = segment; number >= 1; number--)
        {
            var path = SegmentPath(number);
            if (!File.Exists(path))
            {
                continue;
            }

            byte[]? found = null;
            var deleted = false;
            using (var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                var reader = new FrameReader(handle);
                long position = 0;
                var end = number == segment ? before : reader.Length;
                while (position < end)
                {
                    if (reader.TryRead(position) is { } frame)
                    {
                        if (frame.Key == key || frame.Key == tombstone)
                        {
                            deleted = frame.Key == tombstone;
                            found = deleted ? null : reader.Body(frame)[frame.KeyLength..].ToArray();
                        }

                        position += frame.Size;
                        continue;
                    }

                    var next = reader.NextFrame(position + 1);
                    if (next < 0)
                    {
                        break;
                    }

                    position = next;
                }
            }

            if (found is not null || deleted)
            {
                return found;
            }
        }

        return null;
    }

    private SafeFileHandle? Reader(int segment)
    {
        try
        {
            return _readers.GetOrAdd(segment, n => File.OpenHandle(SegmentPath(n), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        }
        catch (FileNotFoundException)
        {
            return null; // compacted away between the look-up and the read: the caller asks again
        }
    }

    /// <summary>The keys that start with <paramref name="prefix"/>, in no particular order.</summary>
    public IReadOnlyList<string> KeysStartingWith(string prefix)
    {
        if (_index is null)
        {
            lock (_gate)
            {
                return [.. _entries.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))];
            }
        }

        return WithPending(() => _index.KeysStartingWith(prefix), k => k.StartsWith(prefix, StringComparison.Ordinal));
    }

    /// <summary>
    /// The keys made of <paramref name="group"/> (ending with <c>/</c>) and a name without <c>/</c> — the artifacts of a
    /// case under <c>a/case-1/</c>, say — in no particular order, without a scan.
    /// </summary>
    public IReadOnlyList<string> KeysIn(string group)
    {
        if (!group.EndsWith('/'))
        {
            throw new ArgumentException("A group ends with '/'.", nameof(group));
        }

        if (_index is null)
        {
            lock (_gate)
            {
                return _groups.TryGetValue(group, out var keys) ? [.. keys] : [];
            }
        }

        return WithPending(() => _index.KeysIn(group), k => k.StartsWith(group, StringComparison.Ordinal) && k.IndexOf('/', group.Length) < 0);
    }

    /// <summary>Indexed keys with the pending writes and deletions that match applied.</summary>
    private List<string> WithPending(Func<List<string>> indexed, Func<string, bool> matches)
    {
        // The pending records first: one the indexer takes out of memory meanwhile is in the index read after.
        List<(string Key, bool Deleted)> pending;
        lock (_gate)
        {
            pending = _entries.Count == 0 ? [] : [.. _entries.Where(e => matches(e.Key)).Select(e => (e.Key, e.Value.Deleted))];
        }

        var found = indexed();
        if (pending.Count == 0)
        {
            return found;
        }

        var keys = found.ToHashSet(StringComparer.Ordinal);
        foreach (var (key, deleted) in pending)
        {
            _ = deleted ? keys.Remove(key) : keys.Add(key);
        }

        return [.. keys];
    }

    /// <summary>
    /// Writes what is queued, then closes the files. Appends after this throw. A second call (the host disposes the log
    /// once per service it is registered as) waits for the first and does nothing more.
    /// </summary>
    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _disposing ??= CloseAsync();
            return new ValueTask(_disposing);
        }
    }

    private async Task CloseAsync()
    {
        await Task.Yield(); // not under the caller's lock
        Task? writer;
        lock (_gate)
        {
            _queue.Complete();
            writer = _writer;
        }

        if (writer is not null)
        {
            await writer.ConfigureAwait(false);
        }

        Task? indexer;
        lock (_gate)
        {
            indexer = _indexer;
        }

        if (indexer is not null)
        {
            await indexer.ConfigureAwait(false);
        }

        if (_verifying is not null)
        {
            await _verifying.ConfigureAwait(false);
        }

        foreach (var handle in _readers.Values)
        {
            handle.Dispose();
        }

        if (_index is not null && Cases is not null)
        {
            bool failed;
            lock (_gate)
            {
                failed = _failed is not null;
            }

            if (!failed)
            {
                Cases.SaveSnapshot(_index); // the next opening need not recount every case
            }
        }

        _index?.Dispose();
        _lock?.Dispose();
    }

    private void WriteLoop()
    {
        var batch = new List<Frame>();
        var joined = new MemoryStream();
        FileStream? output = null;
        var outputSegment = 0;
        var newSegment = false;
        try
        {
            while (_queue.Take(batch))
            {
                Exception? failed;
                lock (_gate)
                {
                    failed = _failed;
                }

                if (failed is not null)
                {
                    // After a failed write the file no longer matches the positions given out: write nothing more.
                    foreach (var frame in batch)
                    {
                        frame.Done?.TrySetException(failed);
                    }

                    ReleaseIndexWaiters();
                    continue;
                }

                try
                {
                    // Frames arrive in the order their positions were given: write each segment's run in one call.
                    var i = 0;
                    while (i < batch.Count)
                    {
                        var segment = batch[i].Segment;
                        joined.SetLength(0);
                        for (; i < batch.Count && batch[i].Segment == segment; i++)
                        {
                            joined.Write(batch[i].Bytes);
                        }

                        if (outputSegment != segment)
                        {
                            output?.Flush(flushToDisk: true);
                            output?.Dispose();
                            output = new FileStream(SegmentPath(segment), FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1, FileOptions.None);
                            outputSegment = segment;
                            newSegment = true;
                        }

                        output!.Write(joined.GetBuffer(), 0, (int)joined.Length);
                    }

                    // Only a batch someone waits for is forced to disk; the next such batch's fsync covers what came before it.
                    if (batch.Exists(frame => frame.Done is not null))
                    {
                        output!.Flush(flushToDisk: true);
                        if (newSegment && DiskCommit.Groups)
                        {
                            // A new file's name is durable once its folder is: syncfs covers it (once per segment).
                            DiskCommit.WhenDurableAsync(_directory).GetAwaiter().GetResult();
                        }

                        newSegment = false;
                    }
                    else
                    {
                        output!.Flush(flushToDisk: false); // in the file before the index points at it
                    }

                    lock (_gate)
                    {
                        foreach (var frame in batch)
                        {
                            frame.Entry.Pending = null; // in the file: readers go there from now on
                        }
                    }

                    foreach (var frame in batch)
                    {
                        frame.Done?.TrySetResult();
                    }

                    // The index follows on its own thread: a writer waits for the disk, not for the index (RecordLogIndexing.cs).
                    HandToIndexer(batch);
                }
                catch (Exception ex)
                {
                    lock (_gate)
                    {
                        _failed = ex;
                    }

                    foreach (var frame in batch)
                    {
                        frame.Done?.TrySetException(ex);
                    }

                    ReleaseIndexWaiters();
                }
            }
        }
        finally
        {
            bool failed;
            lock (_gate)
            {
                failed = _failed is not null;
            }

            if (!failed)
            {
                output?.Flush(flushToDisk: true); // a stop leaves nothing behind that nobody waited for
            }

            output?.Dispose();
            _indexing.Complete();
        }
    }

    /// <summary>Records the latest position of a key (under the gate, or while the constructor scans).</summary>
    private void Index(string key, Entry entry)
    {
        if (_index is not null)
        {
            _entries[key] = entry; // the writer's pending records: the index on disk has the rest
            return;
        }

        if (entry.Deleted)
        {
            if (_entries.Remove(key) && _groups.TryGetValue(key[..(key.LastIndexOf('/') + 1)], out var members))
            {
                members.Remove(key);
            }

            return;
        }

        if (_entries.TryAdd(key, entry))
        {
            var group = key[..(key.LastIndexOf('/') + 1)];
            if (!_groups.TryGetValue(group, out var keys))
            {
                _groups[group] = keys = [];
            }

            keys.Add(key);
        }
        else
        {
            _entries[key] = entry;
        }
    }

    private static byte[] Checksum(ReadOnlySpan<byte> keyAndPayload) => SHA256.HashData(keyAndPayload)[..8];

    private string SegmentPath(int number) => Path.Combine(_directory, $"records-{number:D6}.log");

    private static int SegmentNumber(string path) =>
        int.TryParse(Path.GetFileNameWithoutExtension(path).AsSpan("records-".Length), out var n) ? n : 0;

    private sealed record Frame(int Segment, string Key, byte[] Bytes, Entry Entry, TaskCompletionSource? Done);

    /// <summary>Where a key's latest payload is; <see cref="Pending"/> holds its frame until it is written.</summary>
    private sealed class Entry(int segment, long offset, int keyLength, int length)
    {
        public int Segment { get; } = segment;
        public long Offset { get; } = offset;
        public int KeyLength { get; } = keyLength;
        public int Length { get; } = length;
        public bool Deleted { get; init; }
        public volatile byte[]? Pending;
    }
}

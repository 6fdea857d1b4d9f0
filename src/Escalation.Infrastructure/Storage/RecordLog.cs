using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Escalation.Infrastructure.Storage;

/// <summary>
/// Keyed records in append-only segment files (<c>records-000001.log</c>, …) with group commit: the local host's case
/// index, artifacts and decision traces live here instead of in a file each, so storing a case creates no file (no inode to allocate,
/// rename or free) and the writes of every case in flight share one flush. The latest record of a key wins; an index of
/// key → position is kept in memory and rebuilt by reading the segments when the log is opened.
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

    private RecordLog(string directory, bool readOnly, long segmentBytes)
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
        }

        if (Directory.Exists(directory))
        {
            var segments = Directory.EnumerateFiles(directory, "records-*.log").Select(p => (SegmentNumber(p), p)).Where(s => s.Item1 > 0).OrderBy(s => s.Item1).ToList();
            foreach (var (number, path) in segments)
            {
                Scan(number, path, last: number == segments[^1].Item1);
                _lastExisting = number;
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

    /// <summary>Opens (or creates) the log of a data directory for writing: one process per data directory.</summary>
    public static RecordLog Open(string dataDirectory, long segmentBytes = 64L * 1024 * 1024) =>
        new(Path.Combine(dataDirectory, FolderName), readOnly: false, segmentBytes);

    /// <summary>Opens the log of a data directory to read what it holds now (another process may be writing it).</summary>
    public static RecordLog OpenReadOnly(string dataDirectory) => new(Path.Combine(dataDirectory, FolderName), readOnly: true, long.MaxValue);

    /// <summary>True when opened with <see cref="OpenReadOnly"/>.</summary>
    public bool IsReadOnly { get; }

    /// <summary>How many keys the log holds.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
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
        if (IsReadOnly)
        {
            throw new InvalidOperationException("This record log was opened read-only.");
        }

        var keyLength = Encoding.UTF8.GetByteCount(key);
        if (keyLength is 0 or > MaxKeyBytes)
        {
            throw new ArgumentException($"A record key must be 1–{MaxKeyBytes} bytes.", nameof(key));
        }

        var frame = new byte[HeaderBytes + keyLength + payload.Length];
        Magic.CopyTo(frame);
        BinaryPrimitives.WriteInt32LittleEndian(frame.AsSpan(4), keyLength);
        BinaryPrimitives.WriteInt32LittleEndian(frame.AsSpan(8), payload.Length);
        Encoding.UTF8.GetBytes(key, frame.AsSpan(HeaderBytes));
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

            var entry = new Entry(_segment, _offset + HeaderBytes + keyLength, payload.Length) { Pending = frame };
            if (!_queue.TryWrite(new Frame(_segment, frame, entry, done)))
            {
                throw new ObjectDisposedException(nameof(RecordLog));
            }

            Index(key, entry);

            _offset += frame.Length;
            _writer ??= Task.Factory.StartNew(WriteLoop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        return done?.Task ?? Task.CompletedTask;
    }

    /// <summary>The latest payload of <paramref name="key"/>, or null when the log holds none.</summary>
    public byte[]? Get(string key)
    {
        Entry? entry;
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out entry))
            {
                return null;
            }
        }

        if (entry.Pending is { } pending)
        {
            return pending.AsSpan(pending.Length - entry.Length).ToArray();
        }

        var bytes = new byte[entry.Length];
        var handle = _readers.GetOrAdd(entry.Segment, n => File.OpenHandle(SegmentPath(n), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        var read = 0;
        while (read < bytes.Length)
        {
            var n = RandomAccess.Read(handle, bytes.AsSpan(read), entry.Offset + read);
            if (n == 0)
            {
                throw new IOException($"Record '{key}' is cut short in {SegmentPath(entry.Segment)}.");
            }

            read += n;
        }

        return bytes;
    }

    /// <summary>The keys that start with <paramref name="prefix"/>, in no particular order (a scan of every key).</summary>
    public IReadOnlyList<string> KeysStartingWith(string prefix)
    {
        lock (_gate)
        {
            return [.. _entries.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))];
        }
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

        lock (_gate)
        {
            return _groups.TryGetValue(group, out var keys) ? [.. keys] : [];
        }
    }

    /// <summary>Writes what is queued, then closes the files. Appends after this throw.</summary>
    public async ValueTask DisposeAsync()
    {
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

        foreach (var handle in _readers.Values)
        {
            handle.Dispose();
        }

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

                    foreach (var frame in batch)
                    {
                        frame.Entry.Pending = null; // on disk: readers go to the file from now on
                        frame.Done?.TrySetResult();
                    }
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
        }
    }

    /// <summary>Records the latest position of a key (under the gate, or while the constructor scans).</summary>
    private void Index(string key, Entry entry)
    {
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

    private sealed record Frame(int Segment, byte[] Bytes, Entry Entry, TaskCompletionSource? Done);

    /// <summary>Where a key's latest payload is; <see cref="Pending"/> holds its frame until it is written.</summary>
    private sealed class Entry(int segment, long offset, int length)
    {
        public int Segment { get; } = segment;
        public long Offset { get; } = offset;
        public int Length { get; } = length;
        public volatile byte[]? Pending;
    }
}

using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Escalation.Infrastructure.Storage;

namespace Escalation.Infrastructure.Workflow;

/// <summary>
/// Workflow histories in append-only JSON-lines segment files with group commit: concurrent appends from many
/// instances are written together and made durable with one fsync, so throughput stays close to the disk's
/// fsync rate however many activities a case runs. A torn last line (crash mid-write) is ignored on load.
/// A write that fails stops the log: every later append fails too (until the host restarts and reopens it), so a
/// history on disk never skips events that came before ones it holds.
/// <para>
/// Finished cases would otherwise make the log, and the start-up that reads it, grow with every case ever handled. Each
/// opening writes to a new segment, so every earlier one is closed; a closed segment is compacted: rewritten without the
/// events of completed instances (what they decided is in the case index and the traces) and, for failed ones, without
/// the events nothing replays (activities, timers, events), keeping their start, custom statuses and end. The engine asks
/// for it at start (<see cref="CompactAsync"/>); while the log runs, each time the writer moves to a new segment the
/// instances that completed meanwhile are purged from the closed ones in the background. Segments are rewritten oldest
/// first, each whole to a temporary file renamed over the old one, so a crash leaves an instance either whole, or without
/// its start (which loading ignores) — never a start without its end, which would run the case again. A segment left
/// empty is deleted. Start-up reads the open cases' events and at most about a segment more, however many came before.
/// </para>
/// </summary>
public sealed class FileHistoryLog : IWorkflowHistoryStore, IAsyncDisposable, IStorageHealth
{
    private const long DefaultSegmentBytes = 16L * 1024 * 1024;
    private const int MaxScratchBytes = 256 * 1024;
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    // A line is read back by this class only: payloads (JSON themselves) keep their quotes as \" rather than \u0022.
    private static readonly JsonWriterOptions LineOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly string _directory;
    private readonly GroupCommitQueue<Pending> _queue = new();
    private readonly Task _writer;
    private FileStream? _segment;
    private bool _segmentIsNew;
    private int _segmentNumber;
    private readonly int _openedAt;
    private readonly HashSet<string> _completedInSegment = new(StringComparer.Ordinal); // the writer's: completed since the last roll
    private readonly SemaphoreSlim _compacting = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private Task _rollCompaction = Task.CompletedTask;
    private volatile Exception? _failed;

    /// <summary>Size at which the writer starts a new segment file.</summary>
    public long SegmentBytes { get; init; } = DefaultSegmentBytes;

    /// <summary>A segment rewritten by compaction must shrink by at least this share, or it is left as it is.</summary>
    private const double CompactionGain = 0.25;

    public FileHistoryLog(string directory)
    {
        _directory = directory;
        Directory.CreateDirectory(directory);
        _segmentNumber = Directory.EnumerateFiles(directory, "history-*.jsonl").Select(SegmentNumber).DefaultIfEmpty(0).Max();
        _openedAt = _segmentNumber + 1; // every segment there is closed: this process writes to new ones
        // Its own thread: the loop blocks in write and fsync, which must not hold one of the thread pool's few threads.
        _writer = Task.Factory.StartNew(WriteLoop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <inheritdoc />
    public string? Problem => _failed is { } failed ? $"The history log could not write ({failed.Message}); restart the host to reopen it." : null;

    /// <summary>Lines to write; <c>Started</c>/<c>Completed</c> name the instance when they hold its start or completion.</summary>
    private sealed record Pending(ReadOnlyMemory<byte> Bytes, TaskCompletionSource? Done, string? Started = null, string? Completed = null);

    /// <summary>The background compaction the last move to a new segment began (completed when there was none).</summary>
    public Task RollCompaction => Volatile.Read(ref _rollCompaction);

    /// <summary>A thread's buffer and JSON writer for composing lines; the bytes are copied out before the thread moves on.</summary>
    private sealed class Scratch
    {
        public ArrayBufferWriter<byte> Bytes { get; } = new(4096);

        public Utf8JsonWriter Writer { get; }

        public Scratch() => Writer = new Utf8JsonWriter(Bytes, LineOptions);
    }

    [ThreadStatic]
    private static Scratch? _scratch;

    private sealed record Line(string I, HistoryEvent E);

    public Task AppendAsync(string instanceId, IReadOnlyList<HistoryEvent> events, CancellationToken cancellationToken = default) =>
        Enqueue(instanceId, events, durable: true, cancellationToken);

    /// <summary>Queued in order with every other append; on disk with the next flush, which this call does not wait for.</summary>
    public Task AppendRecomputableAsync(string instanceId, IReadOnlyList<HistoryEvent> events, CancellationToken cancellationToken = default) =>
        Enqueue(instanceId, events, durable: false, cancellationToken);

    private Task Enqueue(string instanceId, IReadOnlyList<HistoryEvent> events, bool durable, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return Task.CompletedTask;
        }

        if (_failed is { } failed)
        {
            throw new IOException(Problem, failed);
        }

        // The lines are composed in this thread's scratch buffer and queued as one exact-size copy: no buffer grown by
        // doubling and no JSON writer per append (a case appends about ten times).
        var scratch = _scratch ??= new Scratch();
        scratch.Bytes.ResetWrittenCount();
        foreach (var e in events)
        {
            scratch.Writer.Reset(scratch.Bytes);
            WriteLine(scratch.Writer, instanceId, e);
            scratch.Writer.Flush();
            scratch.Bytes.Write("\n"u8);
        }

        var bytes = scratch.Bytes.WrittenSpan.ToArray();
        if (scratch.Bytes.Capacity > MaxScratchBytes)
        {
            _scratch = null; // one unusually large append does not pin its buffer to the thread for good
        }

        var done = durable ? new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) : null;
        var started = events.Any(e => e.Kind == HistoryEventKind.ExecutionStarted) ? instanceId : null;
        var completed = events.Any(e => e.Kind == HistoryEventKind.ExecutionCompleted) ? instanceId : null;
        if (!_queue.TryWrite(new Pending(bytes, done, started, completed)))
        {
            throw new ObjectDisposedException(nameof(FileHistoryLog));
        }

        return done?.Task.WaitAsync(cancellationToken) ?? Task.CompletedTask;
    }

    /// <summary>One line as <see cref="Line"/> reads it back (members that are null are left out).</summary>
    private static void WriteLine(Utf8JsonWriter writer, string instanceId, HistoryEvent e)
    {
        writer.WriteStartObject();
        writer.WriteString("I", instanceId);
        writer.WriteStartObject("E");
        writer.WriteNumber("k", (int)e.Kind);
        writer.WriteNumber("s", e.Seq);
        if (e.Name is not null)
        {
            writer.WriteString("n", e.Name);
        }

        if (e.Data is not null)
        {
            writer.WriteString("d", e.Data);
        }

        writer.WriteString("t", e.At);
        if (e.FireAt is { } fireAt)
        {
            writer.WriteString("f", fireAt);
        }

        if (e.Version is not null)
        {
            writer.WriteString("v", e.Version);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<HistoryEvent>>> LoadAllAsync(CancellationToken cancellationToken = default)
    {
        var all = new Dictionary<string, List<HistoryEvent>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(_directory, "history-*.jsonl").OrderBy(SegmentNumber))
        {
            using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
            while (await reader.ReadLineAsync(cancellationToken) is { } text)
            {
                Line? line;
                try
                {
                    line = JsonSerializer.Deserialize<Line>(text, Json);
                }
                catch (JsonException)
                {
                    continue; // a torn write from a crash: the events after it were never acknowledged
                }

                if (line?.I is null || line.E is null)
                {
                    continue;
                }

                if (!all.TryGetValue(line.I, out var list))
                {
                    all[line.I] = list = [];
                }

                list.Add(line.E);
            }
        }

        return all.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<HistoryEvent>)kv.Value, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public Task<int> CompactAsync(IReadOnlySet<string> finished, IReadOnlySet<string> purged, CancellationToken cancellationToken = default) =>
        CompactBelowAsync(_openedAt, finished, purged, cancellationToken);

    /// <summary>Compacts the segments numbered below <paramref name="below"/> (all closed), oldest first, one compaction at a time.</summary>
    private async Task<int> CompactBelowAsync(int below, IReadOnlySet<string> finished, IReadOnlySet<string> purged, CancellationToken cancellationToken)
    {
        if (finished.Count == 0 && purged.Count == 0)
        {
            return 0;
        }

        await _compacting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var dropped = 0;
            var closed = Directory.EnumerateFiles(_directory, "history-*.jsonl").Where(f => SegmentNumber(f) < below).OrderBy(SegmentNumber).ToList();
            foreach (var file in closed)
            {
                dropped += await CompactSegmentAsync(file, finished, purged, cancellationToken).ConfigureAwait(false);
            }

            return dropped;
        }
        finally
        {
            _compacting.Release();
        }
    }

    private static async Task<int> CompactSegmentAsync(string file, IReadOnlySet<string> finished, IReadOnlySet<string> purged, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var kept = new MemoryStream();
        long total = 0;
        var drop = 0;
        var purges = false;
        using (var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete)))
        {
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } text)
            {
                total += text.Length + 1;
                var keep = text.Length == 0 ? Keep.Not : Keeps(text, finished, purged);
                if (keep != Keep.Line)
                {
                    drop++;
                    purges |= keep == Keep.Purged;
                    continue;
                }

                kept.Write(System.Text.Encoding.UTF8.GetBytes(text));
                kept.WriteByte((byte)'\n');
            }
        }

        // A purged instance's events go from every segment, however little that saves: one left behind in an older
        // segment while its end went from a newer one would be a start without an end, a case run again.
        if (drop == 0 || (!purges && kept.Length > total * (1 - CompactionGain)))
        {
            return 0;
        }

        if (kept.Length == 0)
        {
            File.Delete(file); // a closed segment: the writer never appends to it again
        }
        else
        {
            await Storage.AtomicFile.ReplaceAsync(file, kept.ToArray(), cancellationToken).ConfigureAwait(false);
        }

        return drop;
    }

    private enum Keep
    {
        Line,
        Not,
        Purged,
    }

    /// <summary>Whether compaction keeps a line: not an event of a purged instance, nor one of a finished instance that
    /// nothing reads again, nor a torn line.</summary>
    private static Keep Keeps(string text, IReadOnlySet<string> finished, IReadOnlySet<string> purged)
    {
        Line? line;
        try
        {
            line = JsonSerializer.Deserialize<Line>(text, Json);
        }
        catch (JsonException)
        {
            return Keep.Not; // a torn write from a crash: loading skips it too
        }

        if (line?.I is null || line.E is null)
        {
            return Keep.Not;
        }

        if (purged.Contains(line.I))
        {
            return Keep.Purged;
        }

        return !finished.Contains(line.I) || line.E.Kind is HistoryEventKind.ExecutionStarted or HistoryEventKind.CustomStatus
            or HistoryEventKind.ExecutionCompleted or HistoryEventKind.ExecutionFailed ? Keep.Line : Keep.Not;
    }

    private static int SegmentNumber(string path) =>
        int.TryParse(Path.GetFileNameWithoutExtension(path).AsSpan("history-".Length), out var n) ? n : 0;

    private FileStream Segment()
    {
        if (_segment is null || _segment.Length >= SegmentBytes)
        {
            var rolled = _segment is not null;
            _segment?.Flush(flushToDisk: true); // what a batch nobody waited for left unflushed: the next fsync is another file's
            _segment?.Dispose();
            _segmentNumber++;
            if (rolled && _completedInSegment.Count > 0)
            {
                // Every event of the instances that completed so far is in a closed segment now: purge them there.
                var purged = _completedInSegment.ToHashSet(StringComparer.Ordinal);
                _completedInSegment.Clear();
                var below = _segmentNumber;
                var previous = _rollCompaction;
                Volatile.Write(ref _rollCompaction, Task.Run(async () =>
                {
                    await previous.ConfigureAwait(false);
                    await PurgeQuietlyAsync(below, purged).ConfigureAwait(false);
                }));
            }

            var path = Path.Combine(_directory, $"history-{_segmentNumber:D6}.jsonl");
            _segmentIsNew = !File.Exists(path);
            _segment = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 1, FileOptions.None);
            if (_segment.Length > 0)
            {
                // Start on a fresh line in case the previous process died in the middle of one.
                _segment.Write("\n"u8);
            }
        }

        return _segment;
    }

    private void WriteLoop()
    {
        var batch = new List<Pending>();
        var joined = new ArrayBufferWriter<byte>(64 * 1024);
        while (_queue.Take(batch))
        {
            if (_failed is { } failed)
            {
                // After a failed write, nothing more is written: a later event on disk must not outlive an earlier lost one.
                foreach (var p in batch)
                {
                    p.Done?.TrySetException(failed);
                }

                continue;
            }

            try
            {
                var segment = Segment();
                joined.ResetWrittenCount();
                var waitedFor = false;
                foreach (var p in batch)
                {
                    joined.Write(p.Bytes.Span);
                    waitedFor |= p.Done is not null;
                }

                segment.Write(joined.WrittenSpan); // one write call for the whole batch

                // Only a batch someone waits for is forced to disk; the next such batch's fsync covers what came before it.
                if (waitedFor)
                {
                    segment.Flush(flushToDisk: true);
                    if (_segmentIsNew && DiskCommit.Groups)
                    {
                        // A new file's name is durable once its folder is: syncfs covers it (once per segment).
                        DiskCommit.WhenDurableAsync(_directory).GetAwaiter().GetResult();
                    }

                    _segmentIsNew = false;
                }

                foreach (var p in batch)
                {
                    // In the order written: an id started again after it completed is a new run, not one to purge.
                    if (p.Started is { } started)
                    {
                        _completedInSegment.Remove(started);
                    }

                    if (p.Completed is { } completed)
                    {
                        _completedInSegment.Add(completed);
                    }

                    p.Done?.TrySetResult();
                }
            }
            catch (Exception ex)
            {
                _failed = ex; // an append nobody waited for fails the log too: the events after it must not be written
                foreach (var p in batch)
                {
                    p.Done?.TrySetException(ex);
                }
            }
        }
    }

    /// <summary>
    /// A purge while running that fails or is cut short by a stop leaves what it did not reach: instances whole, or
    /// without their start (newer segments not yet rewritten); the next start loads them as completed or startless and
    /// purges them.
    /// </summary>
    private async Task PurgeQuietlyAsync(int below, IReadOnlySet<string> purged)
    {
        try
        {
            await CompactBelowAsync(below, new HashSet<string>(), purged, _closing.Token).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Housekeeping never breaks the log: whatever stopped it, the instances it did not reach are purged at the next start.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Complete();
        await _writer.ConfigureAwait(false);
        await _closing.CancelAsync().ConfigureAwait(false);
        await RollCompaction.ConfigureAwait(false);
        var segment = Interlocked.Exchange(ref _segment, null); // a second dispose finds nothing to do
        if (_failed is null)
        {
            segment?.Flush(flushToDisk: true); // a stop leaves nothing to recompute: what nobody waited for goes to disk too
        }

        segment?.Dispose();
    }
}

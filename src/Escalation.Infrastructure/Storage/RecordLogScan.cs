using System.Buffers.Binary;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Escalation.Infrastructure.Storage;

/// <summary>A stretch of a segment that holds no readable record, found when the log was opened.</summary>
/// <param name="Segment">The segment's file name (<c>records-000001.log</c>).</param>
/// <param name="Offset">Where the unreadable bytes start in that file.</param>
/// <param name="Length">How many bytes up to the next readable record (or the end of the segment).</param>
/// <param name="Key">The key the damaged record's header names, when that part is still legible (a hint, not checked).</param>
public sealed record DamagedRange(string Segment, long Offset, long Length, string? Key)
{
    public override string ToString() =>
        $"{RecordLog.FolderName}/{Segment} at offset {Offset} ({Length} bytes unreadable{(Key is null ? "" : $", record '{Key}'")})";
}

/// <summary>Opening a log: reading its segments, resynchronising after damage, setting a torn tail aside.</summary>
public sealed partial class RecordLog
{
    private const int SearchChunk = 64 * 1024;

    private readonly List<DamagedRange> _damage = [];

    /// <summary>
    /// The ranges of bytes that were not readable records when the log was opened, other than the torn tail of a crash:
    /// every record before and after each range is kept, the records inside it are lost. A writer that opens a large log
    /// checks the segments it has indexed before in the background (<see cref="Verified"/>): until then this list holds
    /// what the check found so far.
    /// </summary>
    public IReadOnlyList<DamagedRange> Damage
    {
        get
        {
            lock (_gate)
            {
                return [.. _damage];
            }
        }
    }

    /// <summary>Completes once every segment was read and checked since the log was opened.</summary>
    public Task Verified => _verifying ?? Task.CompletedTask;

    /// <summary>
    /// Past this many bytes of segments indexed at an earlier opening, the writer checks them in the background (4 MB: a test folder, not a help desk's) instead of
    /// before the log opens (the opening then costs the frames after the watermark only, whatever the number of records).
    /// </summary>
    internal static long SynchronousCheckBytes { get; set; } = 4L * 1024 * 1024;

    /// <summary>
    /// The writer's opening: the frames after the index's watermark go into the index (and the projection) in one
    /// transaction; the segments before it are only checked for damage, at once when they are small, else in the background.
    /// </summary>
    private void OpenIndexed(List<(int Number, string Path)> segments, IRecordProjection? projection, Action<string>? report)
    {
        var index = _index!;
        var mark = index.Watermark ?? (0, 0L);
        if (index.Watermark is null && segments.Count > 0)
        {
            report?.Invoke($"Indexing the record log in {_directory} once ({segments.Count} segment(s)): later openings read only what was written after the last indexed record.");
        }

        var checkLater = new List<(int Number, string Path)>();
        using (var tx = index.Begin())
        {
            var end = mark;
            var indexed = 0;
            foreach (var (number, path) in segments)
            {
                var last = number == segments[^1].Number;
                if (number < mark.Item1)
                {
                    checkLater.Add((number, path));
                    continue;
                }

                var from = number == mark.Item1 ? mark.Item2 : 0;
                end = (number, Scan(number, path, last, (position, frame, body) =>
                {
                    if (position < from)
                    {
                        return; // indexed at an earlier opening: only checked
                    }

                    indexed++;
                    var deleted = frame.Key.StartsWith(TombstoneMark, StringComparison.Ordinal);
                    var key = deleted ? frame.Key[TombstoneMark.Length..] : frame.Key;
                    if (deleted)
                    {
                        index.Delete(key);
                    }
                    else
                    {
                        index.Put(key, number, position + HeaderBytes + frame.KeyLength, frame.KeyLength, frame.PayloadLength);
                    }

                    projection?.Apply(tx, key, deleted ? default : body[frame.KeyLength..]);
                }));
            }

            index.ForgetFrom(end.Item1, end.Item2); // a torn tail, or frames indexed that never reached the disk
            index.Mark(end.Item1, end.Item2);
            if (projection is null)
            {
                tx.Commit();
            }
            else
            {
                projection.Commit(tx);
            }
        }

        var bytes = checkLater.Sum(s => new FileInfo(s.Path).Length);
        if (bytes <= SynchronousCheckBytes)
        {
            CheckSegments(checkLater);
        }
        else
        {
            _verifying = Task.Factory.StartNew(() => CheckSegments(checkLater), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
    }

    private void CheckSegments(List<(int Number, string Path)> segments)
    {
        foreach (var (number, path) in segments)
        {
            if (File.Exists(path))
            {
                Scan(number, path, last: false, null);
            }
        }
    }

    /// <summary>
    /// Scans one segment, telling <paramref name="onFrame"/> each valid frame (its position, header and key + payload
    /// bytes). A frame that is short or fails its checksum is followed by a search for the next valid frame; when one is
    /// found the bytes in between are damage (acknowledged records sit after them, so this is no crash), when none is
    /// found in the last segment they are the torn tail of a crash. Returns where the readable records end.
    /// </summary>
    private long Scan(int number, string path, bool last, FrameSeen? onFrame)
    {
        long tornAt;
        long position = 0;
        using (var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            var reader = new FrameReader(handle);
            tornAt = -1;
            while (position < reader.Length)
            {
                if (reader.TryRead(position) is { } frame)
                {
                    onFrame?.Invoke(position, frame, reader.Body(frame));
                    position += frame.Size;
                    continue;
                }

                var next = reader.NextFrame(position + 1);
                if (next < 0 && last)
                {
                    tornAt = position;
                    break;
                }

                var end = next < 0 ? reader.Length : next;
                var range = new DamagedRange(Path.GetFileName(path), position, end - position, reader.KeyHint(position, end));
                lock (_gate)
                {
                    _damage.Add(range);
                }

                position = end;
            }
        }

        if (tornAt >= 0 && !IsReadOnly)
        {
            SetTornTailAside(path, number, tornAt);
        }

        return position;
    }

    private delegate void FrameSeen(long position, ReadFrame frame, ReadOnlySpan<byte> body);

    /// <summary>
    /// Moves a torn tail out of the last segment into <c>torn-&lt;segment&gt;-&lt;offset&gt;.bin</c> next to it. The
    /// writer starts a new segment after this one; left in place, the tail would sit before that segment's records
    /// at the next opening and read as damage. Its bytes are kept, not deleted: nobody was told they were stored, but
    /// a damaged last record looks the same.
    /// </summary>
    private void SetTornTailAside(string path, int number, long offset)
    {
        using var segment = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        var tail = new byte[segment.Length - offset];
        segment.Position = offset;
        segment.ReadExactly(tail);
        using (var aside = new FileStream(Path.Combine(_directory, $"torn-{number:D6}-{offset}.bin"), FileMode.Create, FileAccess.Write))
        {
            aside.Write(tail);
            aside.Flush(flushToDisk: true);
        }

        segment.SetLength(offset);
        segment.Flush(flushToDisk: true);
    }

    /// <summary>The <see cref="Problem"/> sentence for damage found at opening, or null.</summary>
    private string? DamageProblem()
    {
        if (_damage.Count == 0)
        {
            return null;
        }

        var more = _damage.Count > 1 ? $" and {_damage.Count - 1} more range{(_damage.Count > 2 ? "s" : "")}" : "";
        return $"The record log is damaged: {_damage[0]}{more}; every readable record is still served. "
            + $"Keep a copy of the data folder, run 'escalation verify --data <folder>' to list the damage and restore the segment (docs/storage.md).";
    }

    private readonly record struct ReadFrame(string Key, int KeyLength, int PayloadLength, long Size);

    /// <summary>Reads and checks frames of one segment at given positions.</summary>
    private sealed class FrameReader(SafeFileHandle handle)
    {
        private readonly byte[] _header = new byte[HeaderBytes];
        private byte[] _body = [];

        public long Length { get; } = RandomAccess.GetLength(handle);

        /// <summary>The key and payload bytes of the frame <see cref="TryRead"/> returned last.</summary>
        public ReadOnlySpan<byte> Body(ReadFrame frame) => _body.AsSpan(0, frame.KeyLength + frame.PayloadLength);

        /// <summary>The frame at <paramref name="position"/> when it is whole and matches its checksum.</summary>
        public ReadFrame? TryRead(long position)
        {
            if (position + HeaderBytes > Length || RandomAccess.Read(handle, _header, position) != HeaderBytes || !_header.AsSpan(0, 4).SequenceEqual(Magic))
            {
                return null;
            }

            var keyLength = BinaryPrimitives.ReadInt32LittleEndian(_header.AsSpan(4));
            var payloadLength = BinaryPrimitives.ReadInt32LittleEndian(_header.AsSpan(8));
            if (keyLength is <= 0 or > MaxKeyBytes || payloadLength < 0 || position + HeaderBytes + keyLength + payloadLength > Length)
            {
                return null;
            }

            var size = keyLength + payloadLength;
            if (_body.Length < size)
            {
                _body = new byte[Math.Max(size, _body.Length * 2)];
            }

            if (RandomAccess.Read(handle, _body.AsSpan(0, size), position + HeaderBytes) != size
                || !Checksum(_body.AsSpan(0, size)).SequenceEqual(_header.AsSpan(12, 8)))
            {
                return null;
            }

            return new ReadFrame(Encoding.UTF8.GetString(_body, 0, keyLength), keyLength, payloadLength, HeaderBytes + size);
        }

        /// <summary>The position of the first valid frame at or after <paramref name="from"/>, or -1.</summary>
        public long NextFrame(long from)
        {
            var chunk = new byte[SearchChunk];
            for (var start = from; start + HeaderBytes <= Length;)
            {
                var n = RandomAccess.Read(handle, chunk, start);
                var span = chunk.AsSpan(0, n);
                for (var i = 0; i < n && span[i..].IndexOf(Magic) is var hit and >= 0; i += hit + 1)
                {
                    if (TryRead(start + i + hit) is not null)
                    {
                        return start + i + hit;
                    }
                }

                if (n < chunk.Length)
                {
                    break;
                }

                start += n - (Magic.Length - 1); // a magic cut by the chunk's end is found in the next one
            }

            return -1;
        }

        /// <summary>The key a damaged frame's header names, when its lengths fit the range and the key is plain text.</summary>
        public string? KeyHint(long start, long end)
        {
            if (start + HeaderBytes > end || RandomAccess.Read(handle, _header, start) != HeaderBytes || !_header.AsSpan(0, 4).SequenceEqual(Magic))
            {
                return null;
            }

            var keyLength = BinaryPrimitives.ReadInt32LittleEndian(_header.AsSpan(4));
            if (keyLength is <= 0 or > MaxKeyBytes || start + HeaderBytes + keyLength > end)
            {
                return null;
            }

            var key = new byte[keyLength];
            if (RandomAccess.Read(handle, key, start + HeaderBytes) != keyLength)
            {
                return null;
            }

            try
            {
                var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(key);
                return text.All(c => c is >= ' ' and < '\u007f') ? text : null;
            }
            catch (DecoderFallbackException)
            {
                return null;
            }
        }
    }
}

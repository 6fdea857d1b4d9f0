using System.Text;
using Escalation.Infrastructure.Storage;

namespace Escalation.Infrastructure.Tests.Storage;

public sealed class RecordLogTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string? Text(RecordLog log, string key) => log.Get(key) is { } b ? Encoding.UTF8.GetString(b) : null;

    private string[] Segments() => [.. Directory.GetFiles(Path.Combine(_dir.Path, RecordLog.FolderName), "records-*.log").Order()];

    [Fact]
    public async Task Append_SameKeyTwiceThenReopen_LatestWins()
    {
        await using (var log = RecordLog.Open(_dir.Path))
        {
            await log.AppendAsync("c/1", Bytes("first"));
            await log.AppendAsync("c/2", Bytes("other"));
            await log.AppendAsync("c/1", Bytes("second"));
            Assert.Equal("second", Text(log, "c/1"));
        }

        await using var reopened = RecordLog.Open(_dir.Path);

        Assert.Equal("second", Text(reopened, "c/1"));
        Assert.Equal("other", Text(reopened, "c/2"));
        Assert.Null(reopened.Get("c/3"));
        Assert.Equal(2, reopened.Count);
    }

    [Fact]
    public async Task Open_AfterACrashMidRecord_KeepsEveryWholeRecordAndWritesAfterTheTornOne()
    {
        await using (var log = RecordLog.Open(_dir.Path))
        {
            await log.AppendAsync("a/1", Bytes("kept"));
            await log.AppendAsync("a/2", Bytes("torn by the crash"));
        }

        // The crash: the last record's bytes only partly reached the disk.
        var segment = Segments().Single();
        using (var file = new FileStream(segment, FileMode.Open))
        {
            file.SetLength(file.Length - 5);
        }

        await using (var log = RecordLog.Open(_dir.Path))
        {
            Assert.Equal("kept", Text(log, "a/1"));
            Assert.Null(log.Get("a/2"));
            await log.AppendAsync("a/2", Bytes("written again"));
        }

        await using var reopened = RecordLog.Open(_dir.Path);
        Assert.Equal("written again", Text(reopened, "a/2"));
        Assert.Equal(2, Segments().Length); // the writer started a new segment instead of appending after the torn tail
        // The tail, now before another segment's records, is not taken for damage: it was set aside, not deleted.
        Assert.Null(reopened.Problem);
        Assert.Empty(reopened.Damage);
        Assert.Single(Directory.GetFiles(Path.Combine(_dir.Path, RecordLog.FolderName), "torn-000001-*.bin"));
    }

    [Fact]
    public async Task Open_ByteChangedInAMiddleRecord_KeepsEveryOtherRecordAndReportsWhere()
    {
        var starts = new List<long>();
        await using (var log = RecordLog.Open(_dir.Path))
        {
            for (var i = 0; i < 10; i++)
            {
                starts.Add(new FileInfo(Path.Combine(_dir.Path, RecordLog.FolderName, "records-000001.log")) is { Exists: true } f ? f.Length : 0);
                await log.AppendAsync($"a/{i}", Bytes($"payload number {i}"));
            }
        }

        Flip(Segments().Single(), starts[3] + 25); // inside record 4's payload

        await using var reopened = RecordLog.Open(_dir.Path);
        Assert.Null(reopened.Get("a/3"));
        Assert.Equal([.. Enumerable.Range(0, 10).Where(i => i != 3).Select(i => $"payload number {i}")], Enumerable.Range(0, 10).Where(i => i != 3).Select(i => Text(reopened, $"a/{i}")));
        var damage = Assert.Single(reopened.Damage);
        Assert.Equal(("records-000001.log", starts[3], starts[4] - starts[3], "a/3"), (damage.Segment, damage.Offset, damage.Length, damage.Key));
        Assert.Contains($"store/records-000001.log at offset {starts[3]}", reopened.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_DamagedHeaderAndDamagedLastRecordOfAnEarlierSegment_ResynchronisesAndReportsBoth()
    {
        await using (var log = RecordLog.Open(_dir.Path, segmentBytes: 200))
        {
            for (var i = 0; i < 12; i++)
            {
                await log.AppendAsync($"a/{i}", Bytes(new string((char)('a' + i), 60)));
            }
        }

        var segments = Segments();
        Flip(segments[0], 0); // the magic of the first record
        Flip(segments[1], new FileInfo(segments[1]).Length - 2); // the last record of a segment that is not the last

        await using var reopened = RecordLog.OpenReadOnly(_dir.Path);
        Assert.Equal(2, reopened.Damage.Count);
        Assert.Equal(10, reopened.Count);
        Assert.Equal(new string('l', 60), Text(reopened, "a/11"));
        Assert.Contains("and 1 more range", reopened.Problem, StringComparison.Ordinal);
    }

    private static void Flip(string path, long offset)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[offset] ^= 0x20;
        File.WriteAllBytes(path, bytes);
    }

    [Fact]
    public async Task Open_RecordWithDamagedBytes_IsNotReturned()
    {
        await using (var log = RecordLog.Open(_dir.Path))
        {
            await log.AppendAsync("a/1", Bytes("payload-one"));
        }

        var segment = Segments().Single();
        var bytes = File.ReadAllBytes(segment);
        bytes[^3] ^= 0x20;
        File.WriteAllBytes(segment, bytes);

        await using var reopened = RecordLog.Open(_dir.Path);
        Assert.Null(reopened.Get("a/1"));
    }

    [Fact]
    public async Task Get_LatestVersionDamagedAfterItWasIndexed_ServesThePreviousVersionAndReportsTheDamage()
    {
        await using (var log = RecordLog.Open(_dir.Path, segmentBytes: 200))
        {
            await log.AppendAsync("c/1", Bytes("version one of the case"));
            for (var i = 0; i < 4; i++)
            {
                await log.AppendAsync($"other/{i}", Bytes(new string('x', 60))); // pushes the next version into a later segment
            }

            await log.AppendAsync("c/1", Bytes("version two of the case"));
            await log.AppendAsync("after", Bytes("a record after it: the damage is no torn tail"));
        }

        var holding = Segments().Single(f => Encoding.UTF8.GetString(File.ReadAllBytes(f)).Contains("version two", StringComparison.Ordinal));
        Assert.NotEqual(Segments()[0], holding);
        Flip(holding, Encoding.UTF8.GetString(File.ReadAllBytes(holding)).IndexOf("version two", StringComparison.Ordinal) + 3); // the latest version's payload

        await using var reopened = RecordLog.Open(_dir.Path);
        Assert.Equal("version one of the case", Text(reopened, "c/1"));
        Assert.Contains(reopened.Damage, d => d.Key == "c/1");
        Assert.NotNull(reopened.Problem);
    }

    [Fact]
    public async Task Get_LatestVersionDamagedAfterADeletion_StaysDeleted()
    {
        await using (var log = RecordLog.Open(_dir.Path))
        {
            await log.AppendAsync("c/1", Bytes("before the deletion"));
            await log.DeleteAsync("c/1");
            await log.AppendAsync("c/1", Bytes("written again"));
            await log.AppendAsync("after", Bytes("a record after it: the damage is no torn tail"));
        }

        var segment = Segments().Single();
        Flip(segment, Encoding.UTF8.GetString(File.ReadAllBytes(segment)).IndexOf("written again", StringComparison.Ordinal) + 3);

        await using var reopened = RecordLog.Open(_dir.Path);
        Assert.Null(reopened.Get("c/1"));
    }

    [Fact]
    public async Task Open_FolderWrittenBeforeTheIndexExisted_IndexesItOnceAndSaysSo()
    {
        await using (var log = RecordLog.Open(_dir.Path, segmentBytes: 200))
        {
            for (var i = 0; i < 12; i++)
            {
                await log.AppendAsync($"a/{i % 3}/{i}", Bytes($"value {i}"));
            }
        }

        File.Delete(Path.Combine(_dir.Path, RecordLog.FolderName, "index.db")); // as the previous version left a folder
        foreach (var side in Directory.GetFiles(Path.Combine(_dir.Path, RecordLog.FolderName), "index.db-*"))
        {
            File.Delete(side);
        }

        var lines = new List<string>();
        await using (var migrated = RecordLog.Open(_dir.Path, report: lines.Add))
        {
            Assert.Equal(12, migrated.Count);
            Assert.Equal(4, migrated.KeysIn("a/1/").Count);
            Assert.Equal("value 7", Text(migrated, "a/1/7"));
        }

        Assert.Contains("Indexing the record log", Assert.Single(lines));
        lines.Clear();
        await using var again = RecordLog.Open(_dir.Path, report: lines.Add);
        Assert.Empty(lines); // once
        Assert.Equal("value 11", Text(again, "a/2/11"));
    }

    [Fact]
    public async Task Delete_ThenReopenAndCompact_KeyStaysGoneAndOldSegmentsAreRemoved()
    {
        await using (var log = RecordLog.Open(_dir.Path, segmentBytes: 200))
        {
            for (var i = 0; i < 12; i++)
            {
                await log.AppendAsync($"a/{i}", Bytes(new string((char)('a' + i), 60)));
            }

            for (var i = 0; i < 10; i++)
            {
                await log.DeleteAsync($"a/{i}");
            }

            Assert.Null(log.Get("a/3"));
            Assert.Equal(2, log.Count);
        }

        var before = Segments().Length;
        await using (var log = RecordLog.Open(_dir.Path, segmentBytes: 200))
        {
            Assert.Null(log.Get("a/3"));
            Assert.True(await log.CompactAsync() > 0);
            Assert.Equal(new string('k', 60), Text(log, "a/10"));
        }

        Assert.True(Segments().Length < before, $"{Segments().Length} segments, {before} before");
        await using var reader = RecordLog.OpenReadOnly(_dir.Path); // reads the segments alone: deletions hold there too
        Assert.Equal(["a/10", "a/11"], reader.KeysStartingWith("a/").Order(StringComparer.Ordinal));
        Assert.Equal(new string('l', 60), Text(reader, "a/11"));
    }

    [Fact]
    public async Task Append_PastTheSegmentSize_RollsOverAndReadsAcrossSegments()
    {
        await using (var log = RecordLog.Open(_dir.Path, segmentBytes: 200))
        {
            for (var i = 0; i < 20; i++)
            {
                await log.AppendAsync($"a/{i}", Bytes(new string((char)('a' + i), 60)));
            }

            Assert.Equal(new string('c', 60), Text(log, "a/2"));
        }

        Assert.True(Segments().Length >= 5);
        await using var reopened = RecordLog.Open(_dir.Path);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => new string((char)('a' + i), 60)), Enumerable.Range(0, 20).Select(i => Text(reopened, $"a/{i}")));
    }

    [Fact]
    public async Task Append_ManyConcurrentWriters_EveryAcknowledgedRecordIsThereAfterReopen()
    {
        await using (var log = RecordLog.Open(_dir.Path))
        {
            await Task.WhenAll(Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
            {
                for (var i = 0; i < 50; i++)
                {
                    await log.AppendAsync($"a/{w}/{i}", Bytes($"{w}:{i}"));
                }
            })));
        }

        await using var reopened = RecordLog.Open(_dir.Path);
        Assert.Equal(800, reopened.Count);
        Assert.Equal("7:49", Text(reopened, "a/7/49"));
        Assert.Equal(50, reopened.KeysIn("a/3/").Count);
        Assert.Equal(800, reopened.KeysStartingWith("a/").Count);
        Assert.Empty(reopened.KeysIn("a/"));
    }

    [Fact]
    public async Task Get_RightAfterANonDurableAppend_ReturnsItAndDisposeWritesIt()
    {
        var log = RecordLog.Open(_dir.Path);
        var task = log.AppendAsync("a/w", Bytes("working copy"), durable: false);

        Assert.True(task.IsCompleted);
        Assert.Equal("working copy", Text(log, "a/w"));
        await log.DisposeAsync();

        await using var reopened = RecordLog.Open(_dir.Path);
        Assert.Equal("working copy", Text(reopened, "a/w"));
    }

    [Fact]
    public async Task OpenReadOnly_WhileAWriterIsOpen_SeesAcknowledgedRecordsAndCreatesNothing()
    {
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, RecordLog.FolderName)));
        await using (var empty = RecordLog.OpenReadOnly(_dir.Path))
        {
            Assert.Equal(0, empty.Count);
        }

        Assert.False(Directory.Exists(Path.Combine(_dir.Path, RecordLog.FolderName)));
        await using var writer = RecordLog.Open(_dir.Path);
        await writer.AppendAsync("c/1", Bytes("one"));

        await using var reader = RecordLog.OpenReadOnly(_dir.Path);
        Assert.Equal("one", Text(reader, "c/1"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => reader.AppendAsync("c/2", Bytes("two")));
    }

    [Fact]
    public async Task Open_WhileAnotherWriterHasIt_RefusesWithAClearError()
    {
        await using var first = RecordLog.Open(_dir.Path);

        var ex = Assert.Throws<IOException>(() => RecordLog.Open(_dir.Path));

        Assert.Contains("Another process is writing", ex.Message);
        await using var reader = RecordLog.OpenReadOnly(_dir.Path); // readers are welcome
    }

    [Fact]
    public async Task Append_AfterDispose_ThrowsAndLeavesNothingBehind()
    {
        var log = RecordLog.Open(_dir.Path);
        await log.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => log.AppendAsync("c/late", Bytes("late")));
        Assert.Null(log.Get("c/late"));
    }

    [Fact]
    public async Task Append_EmptyKey_IsRejected()
    {
        await using var log = RecordLog.Open(_dir.Path);

        await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync("", Bytes("x")));
    }

    [Fact]
    public async Task Append_AfterAWriteFailed_FailsAndTheLogReportsItsProblem()
    {
        // A folder stands where the first segment file would go: its creation fails.
        Directory.CreateDirectory(Path.Combine(_dir.Path, RecordLog.FolderName, "records-000001.log"));
        await using var log = RecordLog.Open(_dir.Path);
        Assert.Null(log.Problem);

        await Assert.ThrowsAnyAsync<IOException>(() => log.AppendAsync("a/case-1/decision", Bytes("{}")));
        var later = await Assert.ThrowsAsync<IOException>(() => log.AppendAsync("a/case-2/decision", Bytes("{}")));

        Assert.Contains("restart", later.Message, StringComparison.Ordinal);
        Assert.Contains("record log", log.Problem, StringComparison.Ordinal);
        Assert.Contains("restart", log.Problem, StringComparison.Ordinal);
    }
}

using System.Text;
using Escalation.Infrastructure.Storage;

namespace Escalation.Infrastructure.Tests.Storage;

/// <summary>
/// Runs alone: <see cref="DiskCommit.Flushes"/> counts every flush in the process, so another class writing through
/// the group commit at the same time would be counted too.
/// </summary>
[CollectionDefinition(nameof(DiskCommitTests), DisableParallelization = true)]
public sealed class DiskCommitAlone;

[Collection(nameof(DiskCommitTests))]
public sealed class DiskCommitTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("disk-commit-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Groups_OnLinux_IsAvailable()
    {
        Assert.Equal(OperatingSystem.IsLinux(), DiskCommit.Groups);
    }

    [SkippableFact]
    public async Task ReplaceAsync_ManyConcurrentGroupedWrites_AllLandWithFewerFlushesThanWrites()
    {
        Skip.IfNot(DiskCommit.Groups, "group commit needs syncfs (Linux)");
        const int writes = 200;
        var before = DiskCommit.Flushes;

        await Task.WhenAll(Enumerable.Range(0, writes).Select(i => Task.Run(() =>
            AtomicFile.ReplaceAsync(Path.Combine(_dir, "cases", $"c{i}.json"), [(byte)'{', (byte)(48 + i % 10), (byte)'}'], groupRoot: _dir))));

        var flushes = DiskCommit.Flushes - before;
        Assert.All(Enumerable.Range(0, writes), i => Assert.Equal($"{{{i % 10}}}", File.ReadAllText(Path.Combine(_dir, "cases", $"c{i}.json"))));
        Assert.InRange(flushes, 1, writes / 2);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_dir, "cases"), AtomicFile.TempPrefix + "*"));
    }

    [Fact]
    public async Task TryCreateExclusiveAsync_RacingGroupedWriters_ExactlyOneWinsAndItsBytesStay()
    {
        var path = Path.Combine(_dir, "chains", "case-1", "0000000000.link");

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
            AtomicFile.TryCreateExclusiveAsync(path, System.Text.Encoding.UTF8.GetBytes($"writer-{i:D2}"), groupRoot: _dir))));

        Assert.Single(results, won => won);
        var winner = Array.IndexOf(results, true);
        Assert.Equal($"writer-{winner:D2}", File.ReadAllText(path));
    }

    [Fact]
    public async Task TryCreateAsync_FileExists_ReturnsFalseAndKeepsTheFirstBytes()
    {
        var path = Path.Combine(_dir, "traces", "t.json");

        Assert.True(await AtomicFile.TryCreateAsync(path, "first"u8.ToArray(), groupRoot: _dir));
        Assert.False(await AtomicFile.TryCreateAsync(path, "second"u8.ToArray(), groupRoot: _dir));

        Assert.Equal("first", File.ReadAllText(path));
        Assert.Single(Directory.EnumerateFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public async Task TryCreateAsync_ManyWritersRacingOnOneName_ExactlyOneWinsAndItsBytesStay()
    {
        const int Writers = 16;

        // Each round, 16 threads start together on a fresh name. A check-then-rename publish lets two of them both see
        // the name free and both "win", the second replacing the first's file; a no-replace link lets exactly one in.
        for (var round = 0; round < 400; round++)
        {
            var path = Path.Combine(_dir, "race", $"r{round}.eml");
            var results = await StartTogetherAsync(Writers, i => AtomicFile.TryCreateAsync(path, Encoding.UTF8.GetBytes($"writer-{i:D2}"), groupRoot: _dir));

            Assert.Equal(1, results.Count(won => won));
            Assert.Equal($"writer-{Array.IndexOf(results, true):D2}", File.ReadAllText(path));
        }

        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_dir, "race"), AtomicFile.TempPrefix + "*"));
    }

    [Fact]
    public async Task TryCreateAsync_WritersRacingIntoAMissingFolder_AllCreateTheirFiles()
    {
        const int Writers = 16;

        // Each round, 16 threads start together on a folder that does not exist yet. When one creates it between
        // another's failed open and the runtime's look at the folder, that open reports the file (not the folder) as
        // missing; it must still be taken as "create the folder and try again".
        for (var round = 0; round < 200; round++)
        {
            var folder = Path.Combine(_dir, "fresh", $"r{round}");
            var results = await StartTogetherAsync(Writers, i => AtomicFile.TryCreateAsync(Path.Combine(folder, $"w{i}.json"), Encoding.UTF8.GetBytes($"writer-{i:D2}"), groupRoot: _dir));

            Assert.All(results, Assert.True);
            Assert.Equal(Writers, Directory.EnumerateFiles(folder).Count());
        }
    }

    [Fact]
    public async Task TryCreateAsync_StreamWriter_PublishesWhatItWroteAndIsNotCalledOnceTheFileExists()
    {
        var path = Path.Combine(_dir, "outbox", "m.eml");
        var calls = 0;
        void Write(Stream stream, string text)
        {
            calls++;
            stream.Write(Encoding.UTF8.GetBytes(text));
        }

        Assert.True(await AtomicFile.TryCreateAsync(path, s => Write(s, new string('x', 40_000)), groupRoot: _dir));
        Assert.False(await AtomicFile.TryCreateAsync(path, s => Write(s, "second"), groupRoot: _dir));

        Assert.Equal(1, calls);
        Assert.Equal(new string('x', 40_000), File.ReadAllText(path));
        Assert.Single(Directory.EnumerateFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public async Task TryCreateAsync_StreamWriterThrows_LeavesNoFileAndNoTemporaryFile()
    {
        var path = Path.Combine(_dir, "outbox", "broken.eml");

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => AtomicFile.TryCreateAsync(path, stream =>
        {
            stream.Write("half a message"u8);
            throw new InvalidOperationException("the message could not be built");
        }, groupRoot: _dir));

        Assert.Equal("the message could not be built", thrown.Message);
        Assert.False(File.Exists(path));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(path)!));
        Assert.True(await AtomicFile.TryCreateAsync(path, s => s.Write("whole"u8), groupRoot: _dir));
        Assert.Equal("whole", File.ReadAllText(path));
    }

    [Fact]
    public async Task ReplaceAsync_WithoutGroupRoot_FlushesTheFileItselfAndReplacesIt()
    {
        var path = Path.Combine(_dir, "plain", "a.json");

        await AtomicFile.ReplaceAsync(path, "v1"u8.ToArray());
        await AtomicFile.ReplaceAsync(path, "v2"u8.ToArray());

        Assert.Equal("v2", File.ReadAllText(path));
        Assert.Null(await AtomicFile.ReadOrNullAsync(Path.Combine(_dir, "plain", "missing.json")));
    }

    /// <summary>Runs <paramref name="write"/> on <paramref name="writers"/> threads released at once (a barrier), so their calls truly overlap.</summary>
    private static Task<bool[]> StartTogetherAsync(int writers, Func<int, Task<bool>> write)
    {
        var writes = new Task<bool>[writers];
        using var start = new Barrier(writers);
        var threads = Enumerable.Range(0, writers).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            writes[i] = write(i);
        })).ToArray();
        Array.ForEach(threads, t => t.Start());
        Array.ForEach(threads, t => t.Join());
        return Task.WhenAll(writes);
    }
}

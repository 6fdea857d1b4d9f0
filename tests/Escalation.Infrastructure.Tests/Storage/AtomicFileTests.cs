using Escalation.Infrastructure.Storage;

namespace Escalation.Infrastructure.Tests.Storage;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string PathOf(string name) => Path.Combine(_dir.Path, name);

    private static byte[] Fill(char c, int length) => Enumerable.Repeat((byte)c, length).ToArray();

    [Fact]
    public async Task TryCreateAsync_StreamWritesOfDifferentSizesInARow_EachFileHoldsExactlyItsOwnBytes()
    {
        byte[][] contents = [Fill('a', 20_000), Fill('b', 10), Fill('c', 300_000), Fill('d', 7), Fill('e', 0)];

        // Started one after another without awaiting in between: with no group commit each call completes on this thread,
        // so every write goes through the same thread's reused buffer — a small file after a large one must not carry its tail.
        var writes = contents.Select((bytes, i) => AtomicFile.TryCreateAsync(PathOf($"f{i}.eml"), stream => stream.Write(bytes))).ToArray();

        Assert.All(await Task.WhenAll(writes), Assert.True);
        for (var i = 0; i < contents.Length; i++)
        {
            Assert.Equal(contents[i], await File.ReadAllBytesAsync(PathOf($"f{i}.eml")));
        }
    }

    [Fact]
    public async Task TryCreateAsync_WriterThrows_CreatesNothingAndTheNextFileIsWhole()
    {
        var failing = AtomicFile.TryCreateAsync(PathOf("bad.eml"), stream =>
        {
            stream.Write(Fill('x', 5_000));
            throw new InvalidOperationException("the message could not be formatted");
        });
        var next = AtomicFile.TryCreateAsync(PathOf("good.eml"), stream => stream.Write(Fill('y', 3)));

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.True(await next);
        Assert.False(File.Exists(PathOf("bad.eml")));
        Assert.Equal(Fill('y', 3), await File.ReadAllBytesAsync(PathOf("good.eml")));
        Assert.Equal(["good.eml"], Directory.GetFiles(_dir.Path).Select(Path.GetFileName)); // no temporary file left behind
    }

    [Fact]
    public async Task TryCreateAsync_WriterDisposesTheStream_FailsThatFileAndTheNextIsWhole()
    {
        // The thread's reused buffer must not stay broken for every later file on that thread.
        var first = AtomicFile.TryCreateAsync(PathOf("a.eml"), stream =>
        {
            stream.Write(Fill('a', 4));
            stream.Dispose();
        });
        var second = AtomicFile.TryCreateAsync(PathOf("b.eml"), stream => stream.Write(Fill('b', 2)));

        await Assert.ThrowsAsync<ObjectDisposedException>(() => first);
        Assert.True(await second);
        Assert.False(File.Exists(PathOf("a.eml")));
        Assert.Equal(Fill('b', 2), await File.ReadAllBytesAsync(PathOf("b.eml")));
    }

    [Fact]
    public async Task TryCreateAsync_FileExists_DoesNotCallTheWriter()
    {
        await File.WriteAllTextAsync(PathOf("sent.eml"), "first");
        var called = false;

        var created = await AtomicFile.TryCreateAsync(PathOf("sent.eml"), _ => called = true);

        Assert.False(created);
        Assert.False(called);
        Assert.Equal("first", await File.ReadAllTextAsync(PathOf("sent.eml")));
    }
}

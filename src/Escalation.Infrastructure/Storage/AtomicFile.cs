using Microsoft.Win32.SafeHandles;

namespace Escalation.Infrastructure.Storage;

/// <summary>
/// Atomic file writes: the bytes go to a temporary file in the same folder, then are renamed (a create-only write:
/// linked) into place — readers see the old file or the new one, never half of one. A write is durable when the call
/// returns: with a <c>groupRoot</c> (the adapter's data directory) and <see cref="DiskCommit.Groups"/>, through the
/// group commit shared by every writer of that directory; otherwise the file is flushed to disk (fsync) before the rename.
/// The files are small (a case's JSON), so they are written and read synchronously: a thread-pool hop would cost more.
/// </summary>
public static class AtomicFile
{
    /// <summary>Prefix of temporary files; listings skip names that start with '.'.</summary>
    public const string TempPrefix = ".tmp-";

    /// <summary>The first size of the buffer <see cref="TryCreateAsync(string, Action{Stream}, CancellationToken, string?)"/> writes into: an e-mail fits.</summary>
    private const int StreamBufferBytes = 16 * 1024;

    /// <summary>A thread keeps its buffer up to this size; a larger one is left to the collector after use.</summary>
    private const int MaxKeptStreamBufferBytes = 256 * 1024;

    [ThreadStatic]
    private static MemoryStream? _streamBuffer;

    /// <summary>
    /// Writes <paramref name="path"/> only when it does not exist yet (false when it already does), atomically:
    /// readers never see a partial file, and of writers racing on one name exactly one publishes its bytes and gets
    /// true (the outbox relies on it: one file, one "sent" per idempotency key).
    /// </summary>
    public static Task<bool> TryCreateAsync(string path, byte[] bytes, CancellationToken cancellationToken = default, string? groupRoot = null) =>
        TryCreateAsync(path, (handle, flushToDisk) => WriteAll(handle, bytes, flushToDisk), cancellationToken, groupRoot);

    /// <summary>
    /// As <see cref="TryCreateAsync(string, byte[], CancellationToken, string?)"/>, with the content written by
    /// <paramref name="write"/> into a buffered stream over the new file, so a large message need not be assembled in
    /// memory first. <paramref name="write"/> is not called when the file already exists.
    /// </summary>
    public static Task<bool> TryCreateAsync(string path, Action<Stream> write, CancellationToken cancellationToken = default, string? groupRoot = null) =>
        TryCreateAsync(path, (handle, flushToDisk) => WriteStream(handle, write, flushToDisk), cancellationToken, groupRoot);

    private static async Task<bool> TryCreateAsync(string path, Action<SafeFileHandle, bool> write, CancellationToken cancellationToken, string? groupRoot)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (File.Exists(path))
        {
            return false;
        }

        var grouped = Grouped(groupRoot);
        var temp = WriteTemp(path, write, flushToDisk: !grouped);
        if (!PublishWithoutReplacing(temp, path))
        {
            return false;
        }

        await DurableAsync(grouped, groupRoot, cancellationToken);
        return true;
    }

    /// <summary>
    /// Creates <paramref name="path"/> exclusively (<see cref="FileMode.CreateNew"/>, O_EXCL): exactly one of
    /// any number of racing writers succeeds; false when the file already exists. The bytes are written right
    /// after; readers must tolerate a short, still-empty file for that instant.
    /// </summary>
    public static async Task<bool> TryCreateExclusiveAsync(string path, byte[] bytes, CancellationToken cancellationToken = default, string? groupRoot = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var grouped = Grouped(groupRoot);
        SafeFileHandle handle;
        try
        {
            handle = OpenNew(path, FileShare.Read);
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }

        using (handle)
        {
            RandomAccess.Write(handle, bytes, 0);
            if (!grouped)
            {
                FlushToDisk(handle);
            }
        }

        await DurableAsync(grouped, groupRoot, cancellationToken);
        return true;
    }

    /// <summary>
    /// Creates or replaces <paramref name="path"/> atomically; durably unless <paramref name="flushToDisk"/> is false
    /// (a process crash keeps the write, a power loss may take it back).
    /// </summary>
    public static async Task ReplaceAsync(string path, byte[] bytes, CancellationToken cancellationToken = default, bool flushToDisk = true, string? groupRoot = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var grouped = flushToDisk && Grouped(groupRoot);
        var temp = WriteTemp(path, (handle, flush) => WriteAll(handle, bytes, flush), flushToDisk && !grouped);
        try
        {
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        await DurableAsync(grouped, groupRoot, cancellationToken);
    }

    /// <summary>The file's bytes, or null when it does not exist.</summary>
    public static Task<byte[]?> ReadOrNullAsync(string path, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return Task.FromResult<byte[]?>(File.ReadAllBytes(path));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<byte[]?>(null);
        }
    }

    private static bool Grouped(string? groupRoot) => groupRoot is not null && DiskCommit.Groups;

    /// <summary>
    /// Gives the finished temporary file its name unless the name is taken: true when this call published it, false (and
    /// the temporary file is gone) when another file has the name. On Unix a hard link, which the kernel refuses atomically
    /// when the name exists — <see cref="File.Move(string, string, bool)"/> without overwrite checks the name and then
    /// renames, so two racing writers could both see it free and the second replace the first's file.
    /// </summary>
    private static bool PublishWithoutReplacing(string temp, string path)
    {
        try
        {
            if (HardLink.TryCreate(temp, path) is { } linked)
            {
                return linked;
            }

            // No hard links here (Windows, where this move fails atomically; or a file system without them).
            try
            {
                File.Move(temp, path, overwrite: false);
                return true;
            }
            catch (IOException) when (File.Exists(path))
            {
                return false;
            }
        }
        finally
        {
            File.Delete(temp); // gone after a move; after a link, the published file keeps the data
        }
    }

    private static Task DurableAsync(bool grouped, string? groupRoot, CancellationToken cancellationToken) =>
        grouped ? DiskCommit.WhenDurableAsync(groupRoot!, cancellationToken) : Task.CompletedTask;

    /// <summary>A new temporary file beside <paramref name="path"/> holding what <paramref name="write"/> wrote; removed again when writing fails.</summary>
    private static string WriteTemp(string path, Action<SafeFileHandle, bool> write, bool flushToDisk)
    {
        var temp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, TempPrefix + Guid.NewGuid().ToString("N"));
        var handle = OpenNew(temp, FileShare.None);
        try
        {
            using (handle)
            {
                write(handle, flushToDisk);
            }
        }
        catch
        {
            File.Delete(temp); // closed by now, so this works on Windows too
            throw;
        }

        return temp;
    }

    private static void WriteAll(SafeFileHandle handle, byte[] bytes, bool flushToDisk)
    {
        RandomAccess.Write(handle, bytes, 0);
        if (flushToDisk)
        {
            FlushToDisk(handle);
        }
    }

    private static void WriteStream(SafeFileHandle handle, Action<Stream> write, bool flushToDisk)
    {
        // The content is assembled in this thread's reused buffer and written in one call: a buffered FileStream per file
        // allocated its own buffer every time (the outbox writes one file per e-mail). `write` is synchronous, so the
        // buffer is this call's until it returns; an unusually large message's buffer is not kept.
        var buffer = _streamBuffer ??= new MemoryStream(StreamBufferBytes);
        buffer.SetLength(0);
        try
        {
            write(buffer);
            RandomAccess.Write(handle, buffer.GetBuffer().AsSpan(0, (int)buffer.Length), 0);
        }
        finally
        {
            if (!buffer.CanWrite || buffer.Capacity > MaxKeptStreamBufferBytes) // a writer that disposed it, or a large message
            {
                _streamBuffer = null;
            }
        }

        if (flushToDisk)
        {
            FlushToDisk(handle);
        }
    }

    /// <summary>Creates a new file (O_EXCL), creating its folder when it is missing.</summary>
    private static SafeFileHandle OpenNew(string path, FileShare share)
    {
        try
        {
            return File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, share);
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or FileNotFoundException)
        {
            // A create that finds no folder fails with ENOENT; the runtime reports it as a missing file instead when
            // another writer created the folder in the meantime. Either way: make sure the folder exists, try again.
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            return File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, share);
        }
    }

    private static void FlushToDisk(SafeFileHandle handle)
    {
        using var stream = new FileStream(handle, FileAccess.Write, 1);
        stream.Flush(flushToDisk: true);
    }
}

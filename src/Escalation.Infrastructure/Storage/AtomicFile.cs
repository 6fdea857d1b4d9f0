namespace Escalation.Infrastructure.Storage;

/// <summary>
/// Atomic file writes: the bytes go to a temporary file in the same folder, are flushed to disk
/// (fsync), then renamed into place — readers see the old file or the new one, never half of one.
/// </summary>
public static class AtomicFile
{
    /// <summary>Prefix of temporary files; listings skip names that start with '.'.</summary>
    public const string TempPrefix = ".tmp-";

    /// <summary>
    /// Writes <paramref name="path"/> only when it does not exist yet (false when it already does), atomically:
    /// readers never see a partial file. Two writers racing on the same name must be writing the same bytes
    /// (content-addressed names); use <see cref="TryCreateExclusiveAsync"/> when exactly one may win.
    /// </summary>
    public static async Task<bool> TryCreateAsync(string path, byte[] bytes, CancellationToken cancellationToken = default)
    {
        if (File.Exists(path))
        {
            return false;
        }

        var temp = await WriteTempAsync(path, bytes, cancellationToken);
        try
        {
            // No-overwrite move: on Unix a hard link + unlink, which fails atomically when the target exists.
            File.Move(temp, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>
    /// Creates <paramref name="path"/> exclusively (<see cref="FileMode.CreateNew"/>, O_EXCL): exactly one of
    /// any number of racing writers succeeds; false when the file already exists. The bytes are written and
    /// flushed to disk right after; readers must tolerate a short, still-empty file for that instant.
    /// </summary>
    public static async Task<bool> TryCreateExclusiveAsync(string path, byte[] bytes, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }

        await using (stream)
        {
            await stream.WriteAsync(bytes, cancellationToken);
            stream.Flush(flushToDisk: true);
        }

        return true;
    }

    /// <summary>Creates or replaces <paramref name="path"/> atomically.</summary>
    public static async Task ReplaceAsync(string path, byte[] bytes, CancellationToken cancellationToken = default, bool flushToDisk = true)
    {
        var temp = await WriteTempAsync(path, bytes, cancellationToken, flushToDisk);
        try
        {
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>The file's bytes, or null when it does not exist.</summary>
    public static async Task<byte[]?> ReadOrNullAsync(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static async Task<string> WriteTempAsync(string path, byte[] bytes, CancellationToken cancellationToken, bool flushToDisk = true)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, TempPrefix + Guid.NewGuid().ToString("N"));
        await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.None))
        {
            await stream.WriteAsync(bytes, cancellationToken);
            stream.Flush(flushToDisk);
        }

        return temp;
    }
}

using System.IO.Compression;

namespace Escalation.Infrastructure.Workspace;

/// <summary>
/// A workspace sent as a zip archive (a what-if candidate). The files may sit at the archive's root or in one folder
/// (zipping the workspace folder itself); hidden files and folders are skipped like on disk. Bounded, because the bytes
/// come from a caller: at most <see cref="MaxFiles"/> files and <see cref="MaxBytes"/> uncompressed.
/// </summary>
public sealed class ZipWorkspaceSource(ReadOnlyMemory<byte> zip) : IWorkspaceSource
{
    public const int MaxFiles = 2_000;
    public const long MaxBytes = 16 * 1024 * 1024;

    public string Description => "the uploaded zip archive";

    public async Task<IReadOnlyList<WorkspaceFile>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        using var archive = OpenArchive();
        var entries = archive.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
        if (entries.Count > MaxFiles)
        {
            throw new InvalidDataException($"the archive holds {entries.Count} files; a workspace has at most {MaxFiles}");
        }

        var paths = entries.Select(e => e.FullName.Replace('\\', '/')).ToList();
        if (paths.FirstOrDefault(p => p.StartsWith('/') || p.Split('/').Contains("..")) is { } unsafePath)
        {
            throw new InvalidDataException($"the archive names a file outside its root: {unsafePath}");
        }

        var root = CommonFolder(paths);
        var files = new List<WorkspaceFile>();
        long total = 0;
        foreach (var (entry, path) in entries.Zip(paths))
        {
            var relative = path[root.Length..];
            if (relative.Split('/').Any(part => part.StartsWith('.') || part == "__MACOSX"))
            {
                continue;
            }

            total += entry.Length;
            if (total > MaxBytes)
            {
                throw new InvalidDataException($"the archive unpacks to more than {MaxBytes / (1024 * 1024)} MB");
            }

            await using var stream = entry.Open();
            using var buffer = new MemoryStream((int)entry.Length);
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            files.Add(new WorkspaceFile(relative, buffer.ToArray()));
        }

        return files;
    }

    private ZipArchive OpenArchive()
    {
        try
        {
            return new ZipArchive(new MemoryStream(zip.ToArray(), writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException("the body is not a zip archive: " + ex.Message, ex);
        }
    }

    /// <summary><c>workspace/</c> when every file is under that one folder and the routing file is not at the root; else empty.</summary>
    private static string CommonFolder(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0 || paths.Contains(WorkspaceLoader.RoutingFile) || paths[0].IndexOf('/') is not (var slash and > 0))
        {
            return "";
        }

        var folder = paths[0][..(slash + 1)];
        return paths.All(p => p.StartsWith(folder, StringComparison.Ordinal)) ? folder : "";
    }
}

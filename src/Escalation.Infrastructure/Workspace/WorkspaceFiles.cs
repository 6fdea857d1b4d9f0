namespace Escalation.Infrastructure.Workspace;

/// <summary>One file of a workspace: its path relative to the workspace root (with '/') and its bytes.</summary>
public sealed record WorkspaceFile(string RelativePath, byte[] Content);

/// <summary>Where a workspace's files come from: a folder, a blob container…</summary>
public interface IWorkspaceSource
{
    /// <summary>Human-readable location for messages ("samples/workspace", "blob container workspace").</summary>
    string Description { get; }

    /// <summary>Every file of the workspace.</summary>
    Task<IReadOnlyList<WorkspaceFile>> ReadAllAsync(CancellationToken cancellationToken = default);
}

/// <summary>A workspace folder on disk.</summary>
public sealed class FolderWorkspaceSource(string root) : IWorkspaceSource
{
    public string Description => root;

    public async Task<IReadOnlyList<WorkspaceFile>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Workspace folder not found: {Path.GetFullPath(root)}");
        }

        var files = new List<WorkspaceFile>();
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (relative.Split('/').Any(part => part.StartsWith('.')))
            {
                continue;
            }

            files.Add(new WorkspaceFile(relative, await File.ReadAllBytesAsync(path, cancellationToken)));
        }

        return files;
    }
}

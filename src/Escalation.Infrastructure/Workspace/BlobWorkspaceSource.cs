using Azure.Storage.Blobs;

namespace Escalation.Infrastructure.Workspace;

/// <summary>
/// A workspace in a blob container, laid out like the folder (<c>routing.yaml</c>, <c>policies/…</c>),
/// optionally under a prefix. Loaded and validated by the same <see cref="WorkspaceLoader"/>.
/// </summary>
public sealed class BlobWorkspaceSource(BlobContainerClient container, string? prefix = null) : IWorkspaceSource
{
    private readonly string _prefix = string.IsNullOrEmpty(prefix) ? "" : prefix.TrimEnd('/') + "/";

    public string Description => $"blob container {container.Name}{(_prefix.Length > 0 ? "/" + _prefix.TrimEnd('/') : "")}";

    public async Task<IReadOnlyList<WorkspaceFile>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        if (!await container.ExistsAsync(cancellationToken))
        {
            throw new DirectoryNotFoundException($"Workspace container not found: {Description}");
        }

        var files = new List<WorkspaceFile>();
        await foreach (var item in container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = _prefix }, cancellationToken))
        {
            var relative = item.Name[_prefix.Length..];
            if (relative.Length == 0 || relative.Split('/').Any(part => part.StartsWith('.')))
            {
                continue;
            }

            var content = await container.GetBlobClient(item.Name).DownloadContentAsync(cancellationToken);
            files.Add(new WorkspaceFile(relative, content.Value.Content.ToArray()));
        }

        return files;
    }
}

using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Escalation.Core.Storage;

namespace Escalation.Infrastructure.Storage;

/// <summary>Stage artifacts in a blob container: <c>&lt;caseId&gt;/&lt;name&gt;.json</c>, create or replace.</summary>
public sealed class AzureStageArtifactStore : IStageArtifactStore
{
    public const string DefaultContainer = "artifacts";
    private readonly BlobContainerClient _container;
    private readonly Lazy<Task> _created;

    public AzureStageArtifactStore(BlobContainerClient container)
    {
        _container = container;
        _created = new Lazy<Task>(() => _container.CreateIfNotExistsAsync());
    }

    public AzureStageArtifactStore(AzureStorageAccount account, string containerName = DefaultContainer)
        : this(account.Blobs.GetBlobContainerClient(containerName))
    {
    }

    public Task PutAsync(string caseId, string name, string json, CancellationToken cancellationToken = default) =>
        UploadAsync(caseId, name, BinaryData.FromString(json), cancellationToken);

    public Task PutUtf8Async(string caseId, string name, ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken = default) =>
        UploadAsync(caseId, name, BinaryData.FromBytes(utf8Json), cancellationToken);

    private async Task UploadAsync(string caseId, string name, BinaryData json, CancellationToken cancellationToken)
    {
        await _created.Value;
        await _container.GetBlobClient(NameOf(caseId, name)).UploadAsync(
            json,
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
            cancellationToken);
    }

    public async Task<string?> GetAsync(string caseId, string name, CancellationToken cancellationToken = default)
    {
        await _created.Value;
        try
        {
            return (await _container.GetBlobClient(NameOf(caseId, name)).DownloadContentAsync(cancellationToken)).Value.Content.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<string>> ListAsync(string caseId, CancellationToken cancellationToken = default)
    {
        await _created.Value;
        var prefix = StorageNames.Require(caseId, "caseId") + "/";
        var names = new List<string>();
        await foreach (var item in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
        {
            if (item.Name.EndsWith(".json", StringComparison.Ordinal))
            {
                names.Add(item.Name[prefix.Length..^5]);
            }
        }

        return [.. names.Order(StringComparer.Ordinal)];
    }

    private static string NameOf(string caseId, string name) =>
        $"{StorageNames.Require(caseId, "caseId")}/{StorageNames.Require(name, "name")}.json";
}

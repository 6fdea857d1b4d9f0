using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Escalation.Core.Storage;
using Escalation.Core.Tracing;

namespace Escalation.Infrastructure.Storage;

/// <summary>
/// Decision traces in a blob container: <c>&lt;traceId&gt;.json</c> (content-addressed) and
/// <c>chains/&lt;caseId&gt;/&lt;sequence&gt;</c> (the chain index), all written with
/// <c>If-None-Match: *</c> so nothing is ever overwritten. In Azure the container also carries a
/// version-level immutability (WORM) policy.
/// </summary>
public sealed class AzureTraceStore : ITraceStore
{
    public const string DefaultContainer = "traces";
    private const string TraceIdMetadata = "traceid";
    private readonly BlobContainerClient _container;
    private readonly Lazy<Task> _created;

    public AzureTraceStore(BlobContainerClient container)
    {
        _container = container;
        _created = new Lazy<Task>(() => _container.CreateIfNotExistsAsync());
    }

    public AzureTraceStore(AzureStorageAccount account, string containerName = DefaultContainer)
        : this(account.Blobs.GetBlobContainerClient(containerName))
    {
    }

    /// <summary>The blob name of a trace.</summary>
    public static string BlobNameOf(string traceId) => traceId + ".json";

    /// <summary>The blob name of a chain slot.</summary>
    public static string LinkNameOf(string caseId, int sequence) => $"chains/{StorageNames.Require(caseId, "caseId")}/{sequence:D10}";

    public async Task<string> PutAsync(byte[] canonicalBytes, CancellationToken cancellationToken = default)
    {
        await _created.Value;
        var id = TraceCanonicalJson.IdOf(canonicalBytes);
        var blob = _container.GetBlobClient(BlobNameOf(id));
        if (!await TryCreateAsync(blob, canonicalBytes, new Dictionary<string, string> { [TraceIdMetadata] = id }, cancellationToken))
        {
            var existing = (await blob.DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
            if (!existing.AsSpan().SequenceEqual(canonicalBytes))
            {
                throw new TraceConflictException(id);
            }
        }

        return id;
    }

    public async Task<byte[]?> GetAsync(string traceId, CancellationToken cancellationToken = default)
    {
        if (!TraceCanonicalJson.IsTraceId(traceId))
        {
            return null;
        }

        await _created.Value;
        try
        {
            return (await _container.GetBlobClient(BlobNameOf(traceId)).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<ChainLink>> ListChainAsync(string caseId, CancellationToken cancellationToken = default)
    {
        await _created.Value;
        var prefix = LinkNameOf(caseId, 0)[..^10];
        var links = new List<ChainLink>();
        await foreach (var item in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix, Traits = BlobTraits.Metadata }, cancellationToken))
        {
            if (int.TryParse(item.Name[prefix.Length..], out var sequence) && item.Metadata.TryGetValue(TraceIdMetadata, out var id))
            {
                links.Add(new ChainLink(sequence, id));
            }
        }

        return [.. links.OrderBy(l => l.Sequence)];
    }

    public async Task<bool> TryClaimSequenceAsync(string caseId, int sequence, string traceId, CancellationToken cancellationToken = default)
    {
        await _created.Value;
        var blob = _container.GetBlobClient(LinkNameOf(caseId, sequence));
        return await TryCreateAsync(blob, Encoding.UTF8.GetBytes(traceId), new Dictionary<string, string> { [TraceIdMetadata] = traceId }, cancellationToken);
    }

    public async Task RecordSupersededAsync(string caseId, string traceId, CancellationToken cancellationToken = default)
    {
        await _created.Value;
        var blob = _container.GetBlobClient(SupersededNameOf(caseId, traceId));
        await TryCreateAsync(blob, Encoding.UTF8.GetBytes(traceId), new Dictionary<string, string> { [TraceIdMetadata] = traceId }, cancellationToken); // already there: recorded
    }

    public async Task<IReadOnlyList<string>> ListSupersededAsync(string caseId, CancellationToken cancellationToken = default)
    {
        await _created.Value;
        var prefix = $"superseded/{StorageNames.Require(caseId, "caseId")}/";
        var ids = new List<string>();
        await foreach (var item in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
        {
            ids.Add(item.Name[prefix.Length..]);
        }

        return [.. ids.Order(StringComparer.Ordinal)];
    }

    /// <summary>The blob that records a trace as superseded (stored for the case, outside its chain).</summary>
    public static string SupersededNameOf(string caseId, string traceId) =>
        TraceCanonicalJson.IsTraceId(traceId)
            ? $"superseded/{StorageNames.Require(caseId, "caseId")}/{traceId}"
            : throw new ArgumentException($"not a trace id: '{traceId}'", nameof(traceId));

    private static async Task<bool> TryCreateAsync(BlobClient blob, byte[] bytes, IDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        try
        {
            await blob.UploadAsync(
                BinaryData.FromBytes(bytes),
                new BlobUploadOptions
                {
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                    Metadata = metadata,
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
                },
                cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }
}

using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Escalation.Core.Storage;
using Escalation.Infrastructure.Storage;

namespace Escalation.Infrastructure.Workflow;

/// <summary>
/// Workflow histories in Azure Blob Storage for the embedded engine when it runs on Azure Storage: one append blob per
/// instance, one JSON line per event. Appends to one instance are chained so they land in the order they were made. A
/// completed instance's blob is deleted once its completion is appended (what the case decided is in the case index and
/// its traces), so start-up lists the open instances, not every case ever run; a crash in between leaves one the next
/// start's compaction deletes.
/// </summary>
public sealed class AzureBlobHistoryStore : IWorkflowHistoryStore
{
    public const string DefaultContainer = "workflow-history";
    private static readonly JsonSerializerOptions Json = new();
    private readonly BlobContainerClient _container;
    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);
    private int _created;

    public AzureBlobHistoryStore(BlobContainerClient container) => _container = container;

    public AzureBlobHistoryStore(AzureStorageAccount account, string containerName = DefaultContainer)
        : this(account.Blobs.GetBlobContainerClient(containerName))
    {
    }

    public Task AppendAsync(string instanceId, IReadOnlyList<HistoryEvent> events, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0)
        {
            return Task.CompletedTask;
        }

        var text = new StringBuilder();
        foreach (var e in events)
        {
            text.Append(JsonSerializer.Serialize(e, Json)).Append('\n');
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        lock (_tails)
        {
            var previous = _tails.GetValueOrDefault(instanceId) ?? Task.CompletedTask;
            var completed = events.Any(e => e.Kind == HistoryEventKind.ExecutionCompleted);
            var next = AppendAfterAsync(previous, instanceId, bytes, completed, cancellationToken);
            _tails[instanceId] = next;
            // The chain is only needed while appends are in flight: an idle instance's entry goes, so the map does not
            // keep one task per instance ever run.
            _ = next.ContinueWith(done =>
            {
                lock (_tails)
                {
                    if (_tails.TryGetValue(instanceId, out var tail) && tail == done)
                    {
                        _tails.Remove(instanceId);
                    }
                }
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return next;
        }
    }

    /// <summary>Deletes the purged instances' blobs; a failed instance's blob is kept whole (it is small and rare).</summary>
    public async Task<int> CompactAsync(IReadOnlySet<string> finished, IReadOnlySet<string> purged, CancellationToken cancellationToken = default)
    {
        var dropped = 0;
        foreach (var id in purged)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var blob = _container.GetBlobClient($"instances/{StorageNames.Require(id, "instanceId")}.jsonl");
            dropped += (await blob.DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value ? 1 : 0;
        }

        return dropped;
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<HistoryEvent>>> LoadAllAsync(CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken);
        var all = new Dictionary<string, IReadOnlyList<HistoryEvent>>(StringComparer.Ordinal);
        await foreach (var item in _container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = "instances/" }, cancellationToken))
        {
            var id = item.Name["instances/".Length..^".jsonl".Length];
            var content = await _container.GetBlobClient(item.Name).DownloadContentAsync(cancellationToken);
            var list = new List<HistoryEvent>();
            foreach (var line in content.Value.Content.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                try
                {
                    if (JsonSerializer.Deserialize<HistoryEvent>(line, Json) is { } e)
                    {
                        list.Add(e);
                    }
                }
                catch (JsonException)
                {
                    // A block that never completed; nothing after it was acknowledged.
                }
            }

            all[id] = list;
        }

        return all;
    }

    private async Task AppendAfterAsync(Task previous, string instanceId, byte[] bytes, bool completed, CancellationToken cancellationToken)
    {
        try
        {
            await previous.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The earlier append's caller saw its failure; this one still goes after it.
        }

        await EnsureContainerAsync(cancellationToken);
        var blob = _container.GetAppendBlobClient($"instances/{StorageNames.Require(instanceId, "instanceId")}.jsonl");
        await blob.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        using var stream = new MemoryStream(bytes);
        await blob.AppendBlockAsync(stream, cancellationToken: cancellationToken);
        if (completed)
        {
            await blob.DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _created) == 0)
        {
            await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            Volatile.Write(ref _created, 1);
        }
    }
}

using System.IO.Compression;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Escalation.Core.Metrics;
using Escalation.Core.Storage;

namespace Escalation.Infrastructure.Storage;

/// <summary>
/// The KPI counters of an Azure case index: <see cref="Count"/> shard entities in partition <c>kpi</c> of the lookup table
/// (rows <c>shard-0</c>…), each a <see cref="KpiState"/> of the cases whose id hashes to it (gzip JSON in binary
/// properties). A case write applies its change to its shard with an ETag-conditional replace, retried on conflict; the
/// shard keeps the last few <c>caseId|caseETag</c> it applied, so a retried request whose first answer was lost is not
/// counted twice. The summary reads the partition (one request) and sums the shards.
/// <para>
/// A rebuild also records, per shard, the versions of the cases it counted that were written in the last
/// <see cref="RecentWindow"/> (<c>Counted</c>, 8-byte hashes): a writer still between its case row and its shard when the
/// rebuild wrote the shard finds its version there and does not count the change twice.
/// </para>
/// <para>
/// A change that did not reach its shard (the counter write failed after the case row was written, or the process died
/// between the two writes) is repaired by <see cref="RebuildAsync"/>, which recomputes every shard from the case rows:
/// automatically on the next summary when the failed writer left its <c>stale</c> marker or a shard counted a removal it
/// never added (<see cref="KpiState.Unmatched"/>), otherwise by <c>escalation kpis rebuild</c>.
/// </para>
/// </summary>
public sealed class AzureKpiShards(TableClient lookup)
{
    /// <summary>How many shards: enough that concurrent case writes rarely meet on one entity.</summary>
    public const int Count = 8;

    private const string Partition = "kpi";
    private const string StaleRow = "stale";
    private const int ChunkBytes = 60_000;   // a binary property holds at most 64 KiB
    private const int MaxChunks = 15;        // an entity holds at most 1 MiB
    private const int AppliedKept = 16;
    private const int CountedKept = 2_000;   // 16 KB of hashes, well inside an entity

    /// <summary>How far back from the newest case row a rebuild records the versions it counted.</summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromMinutes(15);

    private readonly SemaphoreSlim[] _turns = [.. Enumerable.Range(0, Count).Select(_ => new SemaphoreSlim(1, 1))];
    private readonly KnownShard?[] _known = new KnownShard?[Count];

    /// <summary>
    /// A shard as this process last wrote it: its state, ETag (null: not created yet), last applied changes and the
    /// recent versions its last rebuild counted.
    /// </summary>
    private sealed record KnownShard(KpiState State, ETag? ETag, List<string> Applied, CountedVersions Counted);

    /// <summary>A case row as a rebuild reads it: the case, its version and when the table service wrote it.</summary>
    public readonly record struct ScannedCase(CaseRecord Case, string ETag, DateTimeOffset? Written);

    /// <summary>The shard of a case: a stable hash of its id (FNV-1a), the same in every process.</summary>
    public static int ShardOf(string caseId)
    {
        var hash = 2166136261u;
        foreach (var ch in caseId)
        {
            hash = (hash ^ ch) * 16777619u;
        }

        return (int)(hash % Count);
    }

    /// <summary>
    /// Applies the change of case <paramref name="caseId"/> from <paramref name="before"/> to <paramref name="after"/>,
    /// written as case-row ETag <paramref name="caseETag"/>, to its shard. Writers of one shard in this process take
    /// turns and reuse the version the last one wrote (one request per change); another process's write shows as a
    /// conflict, after which the shard is read again. When the shard cannot be written it leaves the stale marker
    /// instead, so the next summary rebuilds; it throws only when that marker cannot be written either.
    /// </summary>
    public async Task ApplyAsync(string caseId, string caseETag, CaseRecord? before, CaseRecord? after, CancellationToken cancellationToken)
    {
        var shard = ShardOf(caseId);
        var row = Row(shard);
        var key = caseId + "|" + caseETag;
        await _turns[shard].WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var known = _known[shard];
                _known[shard] = null; // until this write is confirmed, the next writer reads the shard
                if (known is null)
                {
                    var current = await lookup.GetEntityIfExistsAsync<TableEntity>(Partition, row, cancellationToken: cancellationToken).ConfigureAwait(false);
                    if (!current.HasValue)
                    {
                        known = new KnownShard(new KpiState(), null, [], CountedVersions.None);
                    }
                    else if (Read(current.Value!) is { } state)
                    {
                        known = new KnownShard(state, current.Value!.ETag, Applied(current.Value), CountedVersions.Of(current.Value));
                    }
                    else
                    {
                        _ = await MarkStaleAsync(caseId, cancellationToken).ConfigureAwait(false); // another layout: the next summary rebuilds
                        return;
                    }
                }

                if (known.Applied.Contains(key) || known.Counted.Contains(key))
                {
                    _known[shard] = known;
                    return; // a retry of a write whose answer was lost, or a version a rebuild counted already
                }

                new KpiCounters(known.State).Replace(before, after);
                List<string> applied = [.. known.Applied.TakeLast(AppliedKept - 1), key];
                var next = ToEntity(row, known.State, applied, known.Counted);
                try
                {
                    var response = known.ETag is { } etag
                        ? await lookup.UpdateEntityAsync(next, etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false)
                        : await lookup.AddEntityAsync(next, cancellationToken).ConfigureAwait(false);
                    if (response.Headers.ETag is { } written)
                    {
                        _known[shard] = known with { ETag = written, Applied = applied };
                    }

                    return;
                }
                catch (RequestFailedException ex) when (ex.Status is 409 or 412)
                {
                    // Another process counted a case of this shard since the read: read it again after a short pause.
                    await Task.Delay(Random.Shared.Next(1, 5 * Math.Min(attempt, 20)), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (RequestFailedException)
        {
            // The case row is written; the counters missed this change and the next summary rebuilds them.
            if (!await MarkStaleAsync(caseId, CancellationToken.None).ConfigureAwait(false))
            {
                throw;
            }
        }
        finally
        {
            _turns[shard].Release();
        }
    }

    /// <summary>
    /// Every shard's state (one partition read); null when a shard must be rebuilt first (the stale marker, a state in
    /// another layout, or a removal of something never counted).
    /// </summary>
    public async Task<IReadOnlyList<KpiState>?> ReadAllAsync(CancellationToken cancellationToken)
    {
        var states = new List<KpiState>();
        await foreach (var entity in lookup.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (entity.RowKey == StaleRow || Read(entity) is not { Unmatched: 0 } state)
            {
                return null;
            }

            states.Add(state);
        }

        return states;
    }

    /// <summary>
    /// Recomputes every shard from the case rows <paramref name="cases"/> yields and writes them, each conditional on the
    /// version read before the scan, so a shard a writer changed during the scan is not overwritten: the scan is made
    /// again (up to three times) for those. Each shard also records the versions of its recently written cases, for the
    /// writers still on their way to it. <paramref name="progress"/> hears the number of cases read every 10,000.
    /// Returns the recomputed states and how many shards could not be written (0 when all were).
    /// </summary>
    public async Task<(IReadOnlyList<KpiState> States, int Cases, int Unwritten)> RebuildAsync(
        Func<IAsyncEnumerable<ScannedCase>> cases, Action<int>? progress, CancellationToken cancellationToken)
    {
        var pending = Enumerable.Range(0, Count).ToHashSet();
        KpiCounters[] counters = [];
        var read = 0;
        for (var round = 0; round < 3 && pending.Count > 0; round++)
        {
            var before = new Dictionary<string, ETag>(StringComparer.Ordinal);
            await foreach (var entity in lookup.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                before[entity.RowKey] = entity.ETag;
            }

            counters = [.. Enumerable.Range(0, Count).Select(_ => new KpiCounters())];
            var recent = new CountedVersions.Builder[Count];
            for (var i = 0; i < Count; i++)
            {
                recent[i] = new CountedVersions.Builder(CountedKept);
            }

            read = 0;
            var newest = DateTimeOffset.MinValue;
            await foreach (var scanned in cases().WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var shardOfCase = ShardOf(scanned.Case.CaseId);
                counters[shardOfCase].Replace(null, scanned.Case);
                var written = scanned.Written ?? DateTimeOffset.MaxValue;
                newest = written > newest && written != DateTimeOffset.MaxValue ? written : newest;
                recent[shardOfCase].Add(scanned.Case.CaseId + "|" + scanned.ETag, written);
                if (++read % 10_000 == 0)
                {
                    progress?.Invoke(read);
                }
            }

            var since = newest == DateTimeOffset.MinValue ? newest : newest - RecentWindow;
            foreach (var shard in pending.ToList())
            {
                var row = Row(shard);
                var entity = ToEntity(row, counters[shard].State, [], recent[shard].Build(since));
                try
                {
                    if (before.TryGetValue(row, out var etag))
                    {
                        await lookup.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await lookup.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                    }

                    pending.Remove(shard);
                }
                catch (RequestFailedException ex) when (ex.Status is 409 or 412)
                {
                    // A case of this shard changed during the scan: scan again.
                }
            }

            if (pending.Count == 0 && before.TryGetValue(StaleRow, out var staleETag))
            {
                try
                {
                    await lookup.DeleteEntityAsync(Partition, StaleRow, staleETag, cancellationToken).ConfigureAwait(false);
                }
                catch (RequestFailedException ex) when (ex.Status is 404 or 412)
                {
                    // Gone already, or marked again during the scan: the next summary rebuilds once more.
                }
            }
        }

        return ([.. counters.Select(c => c.State)], read, pending.Count);
    }

    /// <summary>Leaves the marker that makes the next summary rebuild the shards; false when the table refused it too.</summary>
    private async Task<bool> MarkStaleAsync(string caseId, CancellationToken cancellationToken)
    {
        try
        {
            await lookup.UpsertEntityAsync(new TableEntity(Partition, StaleRow) { ["CaseId"] = caseId }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException)
        {
            return false; // the storage account is failing: `escalation kpis rebuild` repairs the counters once it answers
        }
    }

    private static string Row(int shard) => "shard-" + shard.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> Applied(TableEntity? entity) =>
        entity?.GetString("Applied") is { Length: > 0 } text ? [.. text.Split(' ')] : [];

    /// <summary>The shard's state; null when it is in a layout this version does not read.</summary>
    private static KpiState? Read(TableEntity entity)
    {
        if (entity.GetInt32("Chunks") is not { } chunks)
        {
            return null;
        }

        using var packed = new MemoryStream();
        for (var i = 0; i < chunks; i++)
        {
            packed.Write(entity.GetBinary("State" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)) ?? []);
        }

        packed.Position = 0;
        try
        {
            using var json = new MemoryStream();
            using (var gzip = new GZipStream(packed, CompressionMode.Decompress))
            {
                gzip.CopyTo(json);
            }

            return KpiState.FromJson(json.ToArray());
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException)
        {
            return null;
        }
    }

    private static TableEntity ToEntity(string row, KpiState state, IEnumerable<string> applied, CountedVersions counted)
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(state.ToJson());
        }

        var bytes = packed.ToArray();
        var chunks = (bytes.Length + ChunkBytes - 1) / ChunkBytes;
        if (chunks > MaxChunks)
        {
            throw new InvalidOperationException($"KPI shard {row} needs {bytes.Length} bytes, more than one table entity holds.");
        }

        var entity = new TableEntity(Partition, row) { ["Chunks"] = chunks, ["Applied"] = string.Join(' ', applied) };
        if (counted.Bytes.Length > 0)
        {
            entity[CountedVersions.Property] = counted.Bytes;
        }

        for (var i = 0; i < chunks; i++)
        {
            entity["State" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = bytes.AsSpan(i * ChunkBytes, Math.Min(ChunkBytes, bytes.Length - (i * ChunkBytes))).ToArray();
        }

        return entity;
    }
}

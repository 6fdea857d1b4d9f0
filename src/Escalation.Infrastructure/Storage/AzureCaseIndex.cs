using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Escalation.Core.Storage;

namespace Escalation.Infrastructure.Storage;

/// <summary>
/// The case index in an Azure table: partition = case id, row <c>case</c>; ETags from the table service. A second table
/// (<c>{table}idx</c>) holds lookup entries so a status page or a customer's cases read a partition, not the whole table:
/// partition <c>s|{status}</c> (and <c>a</c> for every case, <c>c|{customerId}</c> per customer), row
/// <c>{inverted creation ticks}|{caseId}</c>, newest first. The case row stays the truth: a writer adds the new status
/// entry before it writes the row and removes the old one after, and readers check each entry against the row, so a
/// crash between the steps leaves an entry that is skipped, never a case that cannot be found. The KPI summary is kept
/// in counter shards of the lookup table (<see cref="AzureKpiShards"/>), changed after each case row write.
/// </summary>
public sealed class AzureCaseIndex : ICaseIndex
{
    public const string DefaultTable = "cases";
    private const string Row = "case";
    private const string AllPartition = "a";
    private const int ParallelReads = 16;
    private readonly TableClient _table;
    private readonly TableClient _lookup;
    private readonly AzureKpiShards _kpis;
    private readonly StartOnce _created;

    public AzureCaseIndex(TableClient table, TableClient lookup)
    {
        _table = table;
        _lookup = lookup;
        _kpis = new AzureKpiShards(lookup);
        _created = new StartOnce(CreateAndBackfillAsync);
    }

    public AzureCaseIndex(AzureStorageAccount account, string tableName = DefaultTable)
        : this(account.Tables.GetTableClient(tableName), account.Tables.GetTableClient(tableName + "idx"))
    {
    }

    public async Task<VersionedCase?> GetAsync(string caseId, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync();
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(StorageNames.Require(caseId, "caseId"), Row, cancellationToken: cancellationToken);
        return response.HasValue ? new VersionedCase(FromEntity(response.Value!), response.Value!.ETag.ToString()) : null;
    }

    public async Task<string> UpsertAsync(CaseRecord record, string? ifMatch, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync();
        while (true)
        {
            // The counters need the exact version replaced: with an ETag it is the one read here (the write fails
            // otherwise); "*" writes over the version read here, and reads again when another writer came in between.
            var current = ifMatch is null ? null : await GetAsync(record.CaseId, cancellationToken);
            var condition = ifMatch == "*" ? current?.ETag : ifMatch;
            try
            {
                return await WriteAsync(record, current?.Case, condition, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (ifMatch == "*")
            {
            }
        }
    }

    /// <summary>
    /// Lookup entries, the case row (created when <paramref name="condition"/> is null, else replaced at that ETag), the
    /// old status entry's removal and the change to the KPI counters, in that order.
    /// </summary>
    private async Task<string> WriteAsync(CaseRecord record, CaseRecord? before, string? condition, CancellationToken cancellationToken)
    {
        var entity = ToEntity(record);
        if (before is null)
        {
            await AddLookupAsync(AllPartition, record, cancellationToken);
            await AddLookupAsync(CustomerPartition(record.CustomerId), record, cancellationToken);
        }

        if (before?.Status != record.Status || before.Created != record.Created)
        {
            await AddLookupAsync(StatusPartition(record.Status), record, cancellationToken);
        }

        string etag;
        try
        {
            var response = condition is null
                ? await _table.AddEntityAsync(entity, cancellationToken)
                : await _table.UpdateEntityAsync(entity, new ETag(condition), TableUpdateMode.Replace, cancellationToken);
            etag = response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("The table service returned no ETag.");
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            throw new ConcurrencyConflictException(condition is null
                ? $"Case {record.CaseId} already exists."
                : $"Case {record.CaseId} changed since it was read (ETag {condition}).");
        }

        if (before is not null && (before.Status != record.Status || before.Created != record.Created))
        {
            await _lookup.DeleteEntityAsync(StatusPartition(before.Status), LookupRow(before), ETag.All, cancellationToken); // 404 is no error here
        }

        // The row is written: its counter change is made even when the caller gives up now, or the counters would miss it.
        await _kpis.ApplyAsync(record.CaseId, etag, before, record, CancellationToken.None);
        return etag;
    }

    public async Task<IReadOnlyList<CaseRecord>> QueryByStatusAsync(string status, CancellationToken cancellationToken = default) =>
        Oldest(await ReadLookupAsync(StatusPartition(status), c => c.Status == status, null, int.MaxValue, cancellationToken));

    public async Task<IReadOnlyList<CaseRecord>> QueryByCustomerAsync(string customerId, CancellationToken cancellationToken = default) =>
        Oldest(await ReadLookupAsync(CustomerPartition(customerId), c => c.CustomerId == customerId, null, int.MaxValue, cancellationToken));

    /// <summary>A page read from the lookup partition of the status (or of every case), checked against the case rows.</summary>
    public async Task<CasePage> QueryPageAsync(string? status, int limit, string? continuation, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        string? after = null;
        if (continuation is not null)
        {
            after = ParseToken(continuation);
        }

        var (partition, keep) = status is null ? (AllPartition, (Func<CaseRecord, bool>)(_ => true)) : (StatusPartition(status), c => c.Status == status);
        var page = await ReadLookupAsync(partition, keep, after, limit + 1, cancellationToken);
        var more = page.Count > limit;
        var cases = page.Take(limit).ToList();
        return new CasePage(cases, more ? Token(LookupRow(cases[^1])) : null);
    }

    /// <summary>
    /// The summary from the KPI counter shards (one partition read, whatever the number of cases); when a shard needs
    /// repair (<see cref="AzureKpiShards.ReadAllAsync"/>) the shards are rebuilt from the case rows first.
    /// </summary>
    public async Task<Core.Metrics.KpiSummary> SummarizeAsync(DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync();
        var states = await _kpis.ReadAllAsync(cancellationToken)
            ?? (await _kpis.RebuildAsync(() => ScanCasesAsync(cancellationToken), null, cancellationToken)).States;
        return Core.Metrics.KpiCounters.Merge(states).Snapshot(asOf);
    }

    /// <summary>
    /// Recomputes the KPI counter shards from every case row (<c>escalation kpis rebuild</c>); <paramref name="progress"/>
    /// hears the number of cases read every 10,000. Returns how many cases were counted and how many shards changed
    /// during every one of three scans and were left as they were (0 normally).
    /// </summary>
    public async Task<(int Cases, int Unwritten)> RebuildCountersAsync(Action<int>? progress = null, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync();
        var (_, cases, unwritten) = await _kpis.RebuildAsync(() => ScanCasesAsync(cancellationToken), progress, cancellationToken);
        return (cases, unwritten);
    }

    private async IAsyncEnumerable<AzureKpiShards.ScannedCase> ScanCasesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {Row}"), cancellationToken: cancellationToken))
        {
            yield return new AzureKpiShards.ScannedCase(FromEntity(entity), entity.ETag.ToString(), entity.Timestamp);
        }
    }

    private static IReadOnlyList<CaseRecord> Oldest(IEnumerable<CaseRecord> cases) =>
        [.. cases.OrderBy(c => c.Created).ThenBy(c => c.CaseId, StringComparer.Ordinal)];

    /// <summary>
    /// Up to <paramref name="take"/> cases of a lookup partition after row <paramref name="after"/>, newest first, each read
    /// from its case row and kept when <paramref name="keep"/> holds for it now (entries a crash left behind are skipped).
    /// </summary>
    private async Task<List<CaseRecord>> ReadLookupAsync(string partition, Func<CaseRecord, bool> keep, string? after, int take, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync();
        var filter = after is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {after}");
        var found = new List<CaseRecord>();
        var batch = new List<string>();
        await foreach (var entry in _lookup.QueryAsync<TableEntity>(filter, select: ["CaseId"], cancellationToken: cancellationToken))
        {
            batch.Add(entry.GetString("CaseId"));
            if (batch.Count == ParallelReads)
            {
                found.AddRange(await ReadRowsAsync(batch, keep, cancellationToken));
                batch.Clear();
                if (found.Count >= take)
                {
                    break;
                }
            }
        }

        found.AddRange(await ReadRowsAsync(batch, keep, cancellationToken));
        return [.. found.Take(take)];
    }

    private async Task<IEnumerable<CaseRecord>> ReadRowsAsync(List<string> caseIds, Func<CaseRecord, bool> keep, CancellationToken cancellationToken)
    {
        var rows = await Task.WhenAll(caseIds.Select(id => GetAsync(id, cancellationToken)));
        return rows.Where(r => r is not null && keep(r.Case)).Select(r => r!.Case);
    }

    private Task AddLookupAsync(string partition, CaseRecord record, CancellationToken cancellationToken) =>
        _lookup.UpsertEntityAsync(new TableEntity(partition, LookupRow(record)) { ["CaseId"] = record.CaseId }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>Creates the tables and back-fills them once per process (<see cref="StartOnce"/>); every caller waits for it.</summary>
    private Task EnsureCreatedAsync() => _created.EnsureAsync();

    /// <summary>
    /// Creates both tables and, once per table, counts the cases written before the KPI counters existed and adds the
    /// lookup entries of cases written before the lookup table existed.
    /// </summary>
    private async Task CreateAndBackfillAsync()
    {
        await _table.CreateIfNotExistsAsync();
        await _lookup.CreateIfNotExistsAsync();
        await BackfillCountersAsync();
        if ((await _lookup.GetEntityIfExistsAsync<TableEntity>("meta", "backfilled-v1")).HasValue)
        {
            return;
        }

        await foreach (var entity in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {Row}")))
        {
            var record = FromEntity(entity);
            await AddLookupAsync(AllPartition, record, default);
            await AddLookupAsync(CustomerPartition(record.CustomerId), record, default);
            await AddLookupAsync(StatusPartition(record.Status), record, default);
        }

        await _lookup.UpsertEntityAsync(new TableEntity("meta", "backfilled-v1"));
    }

    /// <summary>Counts the cases written before the KPI counters existed, once per table.</summary>
    private async Task BackfillCountersAsync()
    {
        if ((await _lookup.GetEntityIfExistsAsync<TableEntity>("meta", "kpis-v1")).HasValue)
        {
            return;
        }

        await _kpis.RebuildAsync(() => ScanCasesAsync(default), null, default);
        await _lookup.UpsertEntityAsync(new TableEntity("meta", "kpis-v1"));
    }

    private static string StatusPartition(string status) => "s|" + status;

    private static string CustomerPartition(string customerId) => "c|" + Uri.EscapeDataString(customerId);

    /// <summary>Newest first in row-key order: inverted creation ticks, then the case id.</summary>
    private static string LookupRow(CaseRecord c) =>
        (DateTime.MaxValue.Ticks - c.Created.UtcTicks).ToString("D19", System.Globalization.CultureInfo.InvariantCulture) + "|" + c.CaseId;

    private static string Token(string row) => "az." + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(row)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string ParseToken(string token)
    {
        if (token.StartsWith("az.", StringComparison.Ordinal))
        {
            try
            {
                var b64 = token[3..].Replace('-', '+').Replace('_', '/');
                var row = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '=')));
                if (row.Length > 20 && row[19] == '|' && row[..19].All(char.IsAsciiDigit))
                {
                    return row;
                }
            }
            catch (FormatException)
            {
            }
        }

        throw new FormatException("The continuation token is not one this service issued.");
    }

    private static TableEntity ToEntity(CaseRecord c) => new(StorageNames.Require(c.CaseId, "caseId"), Row)
    {
        ["TicketId"] = c.TicketId,
        ["Revision"] = c.Revision,
        ["CustomerId"] = c.CustomerId,
        ["Kind"] = c.Kind,
        ["Priority"] = c.Priority,
        ["Status"] = c.Status,
        ["Route"] = c.Route,
        ["Created"] = c.Created.ToUniversalTime(),
        ["Updated"] = c.Updated.ToUniversalTime(),
        ["SlaDeadline"] = c.SlaDeadline?.ToUniversalTime(),
        ["LatestTraceId"] = c.LatestTraceId,
        ["Extra"] = JsonSerializer.Serialize(c.Extra, StorageJson.Options),
    };

    private static CaseRecord FromEntity(TableEntity e) => new()
    {
        CaseId = e.PartitionKey,
        TicketId = e.GetString("TicketId"),
        Revision = e.GetInt32("Revision") ?? 1,
        CustomerId = e.GetString("CustomerId"),
        Kind = e.GetString("Kind"),
        Priority = e.GetString("Priority"),
        Status = e.GetString("Status"),
        Route = e.GetString("Route"),
        Created = e.GetDateTimeOffset("Created") ?? default,
        Updated = e.GetDateTimeOffset("Updated") ?? default,
        SlaDeadline = e.GetDateTimeOffset("SlaDeadline"),
        LatestTraceId = e.GetString("LatestTraceId"),
        Extra = e.GetString("Extra") is { Length: > 0 } extra
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(extra, StorageJson.Options) ?? []
            : new Dictionary<string, string>(),
    };
}

using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Escalation.Core.Storage;

namespace Escalation.Infrastructure.Storage;

/// <summary>The case index in an Azure table: partition = case id, row <c>case</c>; ETags from the table service.</summary>
public sealed class AzureCaseIndex : ICaseIndex
{
    public const string DefaultTable = "cases";
    private const string Row = "case";
    private readonly TableClient _table;
    private readonly Lazy<Task> _created;

    public AzureCaseIndex(TableClient table)
    {
        _table = table;
        _created = new Lazy<Task>(() => _table.CreateIfNotExistsAsync());
    }

    public AzureCaseIndex(AzureStorageAccount account, string tableName = DefaultTable)
        : this(account.Tables.GetTableClient(tableName))
    {
    }

    public async Task<VersionedCase?> GetAsync(string caseId, CancellationToken cancellationToken = default)
    {
        await _created.Value;
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(StorageNames.Require(caseId, "caseId"), Row, cancellationToken: cancellationToken);
        return response.HasValue ? new VersionedCase(FromEntity(response.Value!), response.Value!.ETag.ToString()) : null;
    }

    public async Task<string> UpsertAsync(CaseRecord record, string? ifMatch, CancellationToken cancellationToken = default)
    {
        await _created.Value;
        var entity = ToEntity(record);
        try
        {
            var response = ifMatch switch
            {
                null => await _table.AddEntityAsync(entity, cancellationToken),
                "*" => await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken),
                _ => await _table.UpdateEntityAsync(entity, new ETag(ifMatch), TableUpdateMode.Replace, cancellationToken),
            };
            return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("The table service returned no ETag.");
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            throw new ConcurrencyConflictException(ifMatch is null
                ? $"Case {record.CaseId} already exists."
                : $"Case {record.CaseId} changed since it was read (ETag {ifMatch}).");
        }
    }

    public Task<IReadOnlyList<CaseRecord>> QueryByStatusAsync(string status, CancellationToken cancellationToken = default) =>
        QueryAsync(TableClient.CreateQueryFilter($"Status eq {status}"), cancellationToken);

    public Task<IReadOnlyList<CaseRecord>> QueryByCustomerAsync(string customerId, CancellationToken cancellationToken = default) =>
        QueryAsync(TableClient.CreateQueryFilter($"CustomerId eq {customerId}"), cancellationToken);

    private async Task<IReadOnlyList<CaseRecord>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        await _created.Value;
        var found = new List<CaseRecord>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            found.Add(FromEntity(entity));
        }

        return [.. found.OrderBy(c => c.Created).ThenBy(c => c.CaseId, StringComparer.Ordinal)];
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

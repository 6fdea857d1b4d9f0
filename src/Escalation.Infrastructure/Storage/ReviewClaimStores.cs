using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Escalation.Core.Storage;
using Escalation.Core.Workflow;

namespace Escalation.Infrastructure.Storage;

/// <summary>Review claims on disk: one create-only file per case (<c>review-claims/{caseId}.json</c>), published whole.</summary>
public sealed class FileReviewClaimStore(string dataDirectory) : IReviewClaimStore
{
    private readonly string _dir = Path.Combine(dataDirectory, "review-claims");

    public async Task<ReviewClaim> ClaimAsync(ReviewClaim claim, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(_dir);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(claim, StorageJson.Options);
        if (await AtomicFile.TryCreateAsync(PathOf(claim.CaseId), bytes, cancellationToken, dataDirectory).ConfigureAwait(false))
        {
            return claim;
        }

        return await GetAsync(claim.CaseId, cancellationToken).ConfigureAwait(false)
            ?? throw new IOException($"The review claim of case {claim.CaseId} exists but cannot be read.");
    }

    public async Task<ReviewClaim?> GetAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var bytes = await AtomicFile.ReadOrNullAsync(PathOf(caseId), cancellationToken).ConfigureAwait(false);
        return bytes is null ? null : JsonSerializer.Deserialize<ReviewClaim>(bytes, StorageJson.Options);
    }

    private string PathOf(string caseId) => Path.Combine(_dir, StorageNames.Require(caseId, "caseId") + ".json");
}

/// <summary>Review claims in an Azure table (<c>reviewclaims</c>), one row per case: adding an existing row fails, so one claim wins.</summary>
public sealed class AzureReviewClaimStore(TableClient table) : IReviewClaimStore
{
    public const string DefaultTable = "reviewclaims";
    private const string Partition = "claim";
    private readonly StartOnce _tableCreated = new(() => table.CreateIfNotExistsAsync(CancellationToken.None));

    public AzureReviewClaimStore(AzureStorageAccount account, string tableName = DefaultTable)
        : this(account.Tables.GetTableClient(tableName))
    {
    }

    public async Task<ReviewClaim> ClaimAsync(ReviewClaim claim, CancellationToken cancellationToken = default)
    {
        await _tableCreated.EnsureAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var row = new TableEntity(Partition, StorageNames.Require(claim.CaseId, "caseId"))
            {
                ["Claim"] = JsonSerializer.Serialize(claim, StorageJson.Options),
            };
            await table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
            return claim;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await GetAsync(claim.CaseId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The review claim of case {claim.CaseId} exists but cannot be read.");
        }
    }

    public async Task<ReviewClaim?> GetAsync(string caseId, CancellationToken cancellationToken = default)
    {
        await _tableCreated.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, StorageNames.Require(caseId, "caseId"), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue && row.Value!.GetString("Claim") is { } json ? JsonSerializer.Deserialize<ReviewClaim>(json, StorageJson.Options) : null;
    }
}

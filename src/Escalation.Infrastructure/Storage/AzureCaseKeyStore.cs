using System.Collections.Concurrent;
using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Escalation.Core.Privacy;
using Escalation.Core.Storage;

namespace Escalation.Infrastructure.Storage;

/// <summary>
/// Case keys in an Azure table (<c>casekeys</c>): one partition per case, row <c>key</c> holding the key and, once it is
/// destroyed, row <c>erased</c>. A deleted table entity is gone (tables have no soft delete or versions), unlike a blob in
/// the immutable <c>traces</c> container.
/// </summary>
/// <remarks>
/// Each instance keeps the keys it read for <see cref="CacheLifetime"/> so a case's activities do not read the table per
/// artifact; an erasure therefore reaches every instance within that time (the erasing one at once).
/// </remarks>
public sealed class AzureCaseKeyStore(TableClient table, TimeProvider? time = null) : ICaseKeyStore
{
    public const string DefaultTable = "casekeys";
    private const string KeyRow = "key";
    private const string ErasedRow = "erased";
    private const int CacheLimit = 4096;

    /// <summary>How long an instance reuses a key it read.</summary>
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(5);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly StartOnce _tableCreated = new(() => table.CreateIfNotExistsAsync(CancellationToken.None));
    private readonly ConcurrentDictionary<string, (byte[] Key, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public AzureCaseKeyStore(AzureStorageAccount account, string tableName = DefaultTable, TimeProvider? time = null)
        : this(account.Tables.GetTableClient(tableName), time)
    {
    }

    public async Task<byte[]> GetOrCreateAsync(string caseId, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(caseId, cancellationToken).ConfigureAwait(false) is { } key)
        {
            return key;
        }

        if (await IsErasedAsync(caseId, cancellationToken).ConfigureAwait(false))
        {
            throw new CaseErasedException(caseId);
        }

        var fresh = RandomNumberGenerator.GetBytes(32);
        try
        {
            await table.AddEntityAsync(new TableEntity(caseId, KeyRow) { ["Key"] = fresh }, cancellationToken).ConfigureAwait(false);
            Remember(caseId, fresh);
            return fresh;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await FindAsync(caseId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The key of case {caseId} exists but cannot be read.");
        }
    }

    public async Task<byte[]?> FindAsync(string caseId, CancellationToken cancellationToken = default)
    {
        StorageNames.Require(caseId, "caseId");
        if (_cache.TryGetValue(caseId, out var cached) && cached.Until > _time.GetUtcNow())
        {
            return cached.Key;
        }

        await _tableCreated.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(caseId, KeyRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (row.HasValue && row.Value!.GetBinary("Key") is { Length: 32 } key)
        {
            Remember(caseId, key);
            return key;
        }

        _cache.TryRemove(caseId, out _);
        return null;
    }

    public async Task<bool> DestroyAsync(string caseId, CancellationToken cancellationToken = default)
    {
        StorageNames.Require(caseId, "caseId");
        await _tableCreated.EnsureAsync(cancellationToken).ConfigureAwait(false);
        // The marker first: from here on no new key is made for the case, even if the delete below never happens.
        await table.UpsertEntityAsync(new TableEntity(caseId, ErasedRow), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        _cache.TryRemove(caseId, out _);
        var existing = await table.GetEntityIfExistsAsync<TableEntity>(caseId, KeyRow, select: ["PartitionKey"], cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!existing.HasValue)
        {
            return false;
        }

        try
        {
            await table.DeleteEntityAsync(caseId, KeyRow, ETag.All, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    public async Task<bool> IsErasedAsync(string caseId, CancellationToken cancellationToken = default)
    {
        StorageNames.Require(caseId, "caseId");
        await _tableCreated.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(caseId, ErasedRow, select: ["PartitionKey"], cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue;
    }

    private void Remember(string caseId, byte[] key)
    {
        if (_cache.Count >= CacheLimit)
        {
            _cache.Clear();
        }

        _cache[caseId] = (key, _time.GetUtcNow() + CacheLifetime);
    }
}

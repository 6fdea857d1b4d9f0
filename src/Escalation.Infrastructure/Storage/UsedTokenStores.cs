using Azure;
using Azure.Data.Tables;
using Escalation.Core.Notifications;
using Escalation.Core.Storage;

namespace Escalation.Infrastructure.Storage;

/// <summary>Single-use review tokens on disk: one create-only marker file per token id, kept across restarts.</summary>
public sealed class FileUsedTokenStore(string dataDirectory) : IUsedTokenStore
{
    private readonly string _dir = Path.Combine(dataDirectory, "used-tokens");

    public async Task<bool> TryMarkUsedAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(_dir);
        try
        {
            return await AtomicFile.TryCreateExclusiveAsync(
                Path.Combine(_dir, StorageNames.Require(tokenId, "tokenId")), System.Text.Encoding.UTF8.GetBytes(expiresAt.ToString("O")), cancellationToken, dataDirectory);
        }
        catch (IOException) when (File.Exists(Path.Combine(_dir, tokenId)))
        {
            return false;
        }
    }
}

/// <summary>Single-use review tokens in an Azure table (<c>reviewtokens</c>): adding an existing row fails, so only one use wins.</summary>
public sealed class AzureUsedTokenStore(TableClient table) : IUsedTokenStore
{
    public const string DefaultTable = "reviewtokens";
    private int _created;

    public AzureUsedTokenStore(AzureStorageAccount account, string tableName = DefaultTable)
        : this(account.Tables.GetTableClient(tableName))
    {
    }

    public async Task<bool> TryMarkUsedAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _created, 1) == 0)
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
        }

        try
        {
            await table.AddEntityAsync(new TableEntity("token", StorageNames.Require(tokenId, "tokenId")) { ["ExpiresAt"] = expiresAt }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }
}

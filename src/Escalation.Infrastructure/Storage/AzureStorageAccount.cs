using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Escalation.Infrastructure.Storage;

/// <summary>
/// The clients of one Azure Storage account, built from a connection string (Azurite, keys) or from the
/// service URIs and a token credential (managed identity in Azure).
/// </summary>
public sealed class AzureStorageAccount
{
    private AzureStorageAccount(BlobServiceClient blobs, QueueServiceClient queues, TableServiceClient tables)
    {
        Blobs = blobs;
        Queues = queues;
        Tables = tables;
    }

    public BlobServiceClient Blobs { get; }

    public QueueServiceClient Queues { get; }

    public TableServiceClient Tables { get; }

    /// <summary>Queue messages are Base64, as Azure Functions queue triggers expect.</summary>
    internal static QueueClientOptions QueueOptions => new() { MessageEncoding = QueueMessageEncoding.Base64 };

    public static AzureStorageAccount FromConnectionString(string connectionString) =>
        new(new BlobServiceClient(connectionString), new QueueServiceClient(connectionString, QueueOptions), new TableServiceClient(connectionString));

    public static AzureStorageAccount FromUris(Uri blobUri, Uri queueUri, Uri tableUri, TokenCredential credential) =>
        new(new BlobServiceClient(blobUri, credential), new QueueServiceClient(queueUri, credential, QueueOptions), new TableServiceClient(tableUri, credential));

    /// <summary>
    /// The credential for <see cref="FromUris"/>: a user-assigned managed identity when a client id is given,
    /// otherwise <see cref="DefaultAzureCredential"/> (system identity in Azure, developer login locally).
    /// </summary>
    public static TokenCredential Credential(string? managedIdentityClientId = null) =>
        string.IsNullOrWhiteSpace(managedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(managedIdentityClientId));

    /// <summary>The standard service URIs of an account name.</summary>
    public static AzureStorageAccount FromAccountName(string accountName, TokenCredential credential) =>
        FromUris(
            new Uri($"https://{accountName}.blob.core.windows.net"),
            new Uri($"https://{accountName}.queue.core.windows.net"),
            new Uri($"https://{accountName}.table.core.windows.net"),
            credential);
}

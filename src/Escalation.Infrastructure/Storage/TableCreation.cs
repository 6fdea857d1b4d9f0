using Azure;
using Azure.Data.Tables;

namespace Escalation.Infrastructure.Storage;

/// <summary>
/// Creates an Azure table once per process, before the first use. Every caller waits for that creation (racing writers
/// must not write to a table that does not exist yet), and a failed creation is tried again by the next caller.
/// </summary>
internal sealed class TableCreation(TableClient table)
{
    private Task? _created;

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var creating = Volatile.Read(ref _created);
        if (creating is null)
        {
            var mine = CreateAsync();
            creating = Interlocked.CompareExchange(ref _created, mine, null) ?? mine;
        }

        try
        {
            await creating.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            _ = Interlocked.CompareExchange(ref _created, null, creating);
            throw;
        }
    }

    private async Task CreateAsync() => await table.CreateIfNotExistsAsync(CancellationToken.None).ConfigureAwait(false);
}

using System.Collections.Concurrent;
using Escalation.Core.Notifications;

namespace Escalation.Api.Links;

/// <summary>
/// Single-use records in memory: for tests and a single-process host. Forgets expired ids as it goes
/// (an expired token is refused before the store is asked). Lost on restart — use a file or table store
/// where that matters.
/// </summary>
public sealed class InMemoryUsedTokenStore(TimeProvider? time = null) : IUsedTokenStore
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _used = new(StringComparer.Ordinal);
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <inheritdoc />
    public Task<bool> TryMarkUsedAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        if (_used.Count > 1024)
        {
            foreach (var (id, expiry) in _used)
            {
                if (expiry < now)
                {
                    _used.TryRemove(id, out _);
                }
            }
        }

        return Task.FromResult(_used.TryAdd(tokenId, expiresAt));
    }
}

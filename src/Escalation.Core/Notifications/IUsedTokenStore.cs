namespace Escalation.Core.Notifications;

/// <summary>
/// Remembers which signed review links have been used, so a link acts once: a second click, a mail
/// scanner replaying the POST, or a forwarded copy changes nothing.
/// </summary>
public interface IUsedTokenStore
{
    /// <summary>
    /// Marks a token id as used. True the first time for that id; false when it was already used.
    /// Must be atomic across concurrent callers (exactly one caller gets true).
    /// </summary>
    /// <param name="tokenId">The token's unique id (its nonce).</param>
    /// <param name="expiresAt">When the token expires anyway; a store may forget the id after that.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<bool> TryMarkUsedAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);
}

namespace Escalation.Core.Notifications;

/// <summary>Posts case events back to the help desk ticket (the case's <c>callbackUrl</c>).</summary>
public interface IHelpDeskCallback
{
    /// <summary>
    /// Delivers the note, retrying transient failures. Never throws for HTTP or network failures: the
    /// result says whether it was delivered and why not.
    /// </summary>
    /// <param name="callbackUrl">The case's callback URL.</param>
    /// <param name="note">The payload.</param>
    /// <param name="idempotencyKey">Same key for retries of the same note, so the help desk can drop duplicates.</param>
    /// <param name="cancellationToken">Cancels the delivery (then it does throw).</param>
    Task<CallbackResult> NotifyAsync(string callbackUrl, HelpDeskNote note, string idempotencyKey, CancellationToken cancellationToken = default);
}

namespace Escalation.Core.Notifications;

/// <summary>Sends e-mail: to the outbox folder by default, over SMTP by configuration.</summary>
public interface IEmailSender
{
    /// <summary>
    /// Sends the message once per idempotency key. Throws when the message could not be handed over
    /// (the caller's retry policy decides what happens next); a duplicate is not an error.
    /// </summary>
    Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

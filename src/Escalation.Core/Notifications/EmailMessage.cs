namespace Escalation.Core.Notifications;

/// <summary>
/// An e-mail to send (reviewer notification, customer audit view): plain text and HTML of the same
/// content. The idempotency key makes a re-send (a retried activity, a replay) deliver nothing new.
/// </summary>
public sealed record EmailMessage
{
    /// <summary>The recipient's address.</summary>
    public required string To { get; init; }

    public required string Subject { get; init; }

    /// <summary>The plain-text part.</summary>
    public required string TextBody { get; init; }

    /// <summary>The HTML part; every untrusted text in it must already be HTML-encoded.</summary>
    public required string HtmlBody { get; init; }

    /// <summary>Unique per logical e-mail, e.g. <c>review-{caseId}-{reviewer}</c>.</summary>
    public required string IdempotencyKey { get; init; }
}

/// <summary>What became of a send.</summary>
public enum EmailSendStatus
{
    /// <summary>Handed over now (written to the outbox, or accepted by the SMTP server).</summary>
    Sent,

    /// <summary>A message with the same idempotency key was sent before; nothing was sent this time.</summary>
    AlreadySent,
}

/// <summary>The outcome of <see cref="IEmailSender.SendAsync"/>.</summary>
/// <param name="Status">Sent now, or skipped as a duplicate.</param>
/// <param name="Location">Where it went: the outbox file path, or <c>smtp://host:port</c>.</param>
public sealed record EmailSendResult(EmailSendStatus Status, string Location);

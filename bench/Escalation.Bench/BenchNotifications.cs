using System.Collections.Concurrent;
using Escalation.Core.Notifications;

namespace Escalation.Bench;

/// <summary>Reviewer emails and help-desk callbacks counted instead of sent (no network in a benchmark).</summary>
public sealed class BenchNotifications : IEmailSender, IHelpDeskCallback
{
    private readonly ConcurrentDictionary<string, int> _callbacks = new(StringComparer.Ordinal);
    private int _emails;

    /// <summary>Emails handed over.</summary>
    public int Emails => _emails;

    /// <summary>Callbacks by idempotency key (a value above 1 is a duplicate delivery).</summary>
    public IReadOnlyDictionary<string, int> Callbacks => _callbacks;

    public Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _emails);
        return Task.FromResult(new EmailSendResult(EmailSendStatus.Sent, "counted"));
    }

    public Task<CallbackResult> NotifyAsync(string callbackUrl, HelpDeskNote note, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        _callbacks.AddOrUpdate(idempotencyKey, 1, (_, n) => n + 1);
        return Task.FromResult(CallbackResult.Success(1, 200));
    }
}

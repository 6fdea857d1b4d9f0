using Escalation.Core.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Escalation.Infrastructure.Email;

/// <summary>
/// Sends through an SMTP server with MailKit. Keeps a record of sent idempotency keys (one per line in
/// a file) so a re-send with the same key is skipped, across restarts. The key is recorded only after
/// the server accepted the message, so a failed send can be retried.
/// </summary>
public sealed class SmtpEmailSender : IEmailSender, IDisposable
{
    private readonly SmtpSettings _settings;
    private readonly string _sentKeysFile;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private HashSet<string>? _sentKeys;

    /// <param name="settings">The server.</param>
    /// <param name="sentKeysFile">Where sent keys are recorded, e.g. <c>&lt;data&gt;/outbox/smtp-sent-keys.txt</c>.</param>
    /// <param name="time">The clock for the Date header.</param>
    public SmtpEmailSender(SmtpSettings settings, string sentKeysFile, TimeProvider? time = null)
    {
        _settings = settings;
        _sentKeysFile = sentKeysFile;
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var location = $"smtp://{_settings.Host}:{_settings.Port}";
        if (message.IdempotencyKey.Contains('\n', StringComparison.Ordinal) || message.IdempotencyKey.Contains('\r', StringComparison.Ordinal))
        {
            throw new ArgumentException("An idempotency key must be one line.", nameof(message));
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var sent = _sentKeys ??= await LoadSentKeysAsync(cancellationToken).ConfigureAwait(false);
            if (sent.Contains(message.IdempotencyKey))
            {
                return new EmailSendResult(EmailSendStatus.AlreadySent, location);
            }

            using var mime = MimeMessageFactory.Create(message, _settings.From, _time.GetUtcNow());
            using (var client = new SmtpClient { Timeout = (int)_settings.Timeout.TotalMilliseconds })
            {
                var options = _settings.Tls switch
                {
                    SmtpTlsMode.Ssl => SecureSocketOptions.SslOnConnect,
                    SmtpTlsMode.StartTls => SecureSocketOptions.StartTls,
                    _ => SecureSocketOptions.None,
                };
                await client.ConnectAsync(_settings.Host, _settings.Port, options, cancellationToken).ConfigureAwait(false);
                if (!string.IsNullOrEmpty(_settings.UserName))
                {
                    await client.AuthenticateAsync(_settings.UserName, _settings.Password ?? "", cancellationToken).ConfigureAwait(false);
                }

                await client.SendAsync(mime, cancellationToken).ConfigureAwait(false);
                await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_sentKeysFile))!);
            await File.AppendAllTextAsync(_sentKeysFile, message.IdempotencyKey + "\n", cancellationToken).ConfigureAwait(false);
            sent.Add(message.IdempotencyKey);
            return new EmailSendResult(EmailSendStatus.Sent, location);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<HashSet<string>> LoadSentKeysAsync(CancellationToken cancellationToken) =>
        File.Exists(_sentKeysFile)
            ? new HashSet<string>((await File.ReadAllLinesAsync(_sentKeysFile, cancellationToken).ConfigureAwait(false)).Where(l => l.Length > 0), StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();
}

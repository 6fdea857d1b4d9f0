using Escalation.Core.Notifications;

namespace Escalation.Infrastructure.Email;

/// <summary>
/// The default e-mail sender: writes each message as an RFC 5322 <c>.eml</c> file into
/// <c>&lt;data&gt;/outbox/</c>, named by its idempotency key. A re-send with the same key finds the
/// file and writes nothing. Any mail client opens the files; tests read the review link from them.
/// </summary>
public sealed class OutboxEmailSender : IEmailSender
{
    private readonly string _from;
    private readonly TimeProvider _time;

    /// <param name="dataDirectory">The data folder; messages go to its <c>outbox</c> subfolder.</param>
    /// <param name="from">The sender address, e.g. <c>Escalation &lt;escalation@localhost&gt;</c>.</param>
    /// <param name="time">The clock for the Date header.</param>
    public OutboxEmailSender(string dataDirectory, string from = "Escalation <escalation@localhost>", TimeProvider? time = null)
    {
        OutboxDirectory = Path.Combine(dataDirectory, "outbox");
        _from = from;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Where the <c>.eml</c> files are written.</summary>
    public string OutboxDirectory { get; }

    /// <summary>The file a message with this key is (or would be) written to.</summary>
    public string PathFor(string idempotencyKey) => Path.Combine(OutboxDirectory, MimeMessageFactory.FileNameFor(idempotencyKey) + ".eml");

    /// <inheritdoc />
    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var path = PathFor(message.IdempotencyKey);
        if (File.Exists(path))
        {
            return new EmailSendResult(EmailSendStatus.AlreadySent, path);
        }

        Directory.CreateDirectory(OutboxDirectory);
        var mime = MimeMessageFactory.Create(message, _from, _time.GetUtcNow());
        var temp = path + "." + Environment.ProcessId + "." + Environment.CurrentManagedThreadId + ".partial";
        try
        {
            await using (var stream = File.Create(temp))
            {
                await mime.WriteToAsync(stream, cancellationToken).ConfigureAwait(false);
            }

            // Publish atomically; if another sender won the race, theirs stands and ours is dropped.
            File.Move(temp, path, overwrite: false);
            return new EmailSendResult(EmailSendStatus.Sent, path);
        }
        catch (IOException) when (File.Exists(path))
        {
            return new EmailSendResult(EmailSendStatus.AlreadySent, path);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}

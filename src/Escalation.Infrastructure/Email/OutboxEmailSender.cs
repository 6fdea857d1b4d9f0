using Escalation.Core.Notifications;
using Escalation.Infrastructure.Storage;

namespace Escalation.Infrastructure.Email;

/// <summary>
/// The default e-mail sender: writes each message as an RFC 5322 <c>.eml</c> file into a folder of the day it was
/// written, <c>&lt;data&gt;/outbox/yyyy-MM-dd/</c> (UTC), named by its idempotency key, so no folder grows without end.
/// A re-send with the same key finds the file (in any day's folder, or flat in <c>outbox/</c> where earlier versions
/// wrote) and writes nothing. Any mail client opens the files; tests read the review link from them.
/// </summary>
public sealed class OutboxEmailSender : IEmailSender
{
    private readonly string _dataDirectory;
    private readonly string _from;
    private readonly TimeProvider _time;

    /// <param name="dataDirectory">The data folder; messages go to its <c>outbox</c> subfolder.</param>
    /// <param name="from">The sender address, e.g. <c>Escalation &lt;escalation@localhost&gt;</c>.</param>
    /// <param name="time">The clock for the Date header.</param>
    public OutboxEmailSender(string dataDirectory, string from = "Escalation <escalation@localhost>", TimeProvider? time = null)
    {
        _dataDirectory = dataDirectory;
        OutboxDirectory = Path.Combine(dataDirectory, "outbox");
        _from = from;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Where the day folders of <c>.eml</c> files are.</summary>
    public string OutboxDirectory { get; }

    /// <summary>The file a message with this key was written to, or would be written to now.</summary>
    public string PathFor(string idempotencyKey) => Existing(FileName(idempotencyKey)) ?? TodaysPath(FileName(idempotencyKey));

    private static string FileName(string idempotencyKey) => MimeMessageFactory.FileNameFor(idempotencyKey) + ".eml";

    private string TodaysPath(string fileName) =>
        Path.Combine(OutboxDirectory, _time.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), fileName);

    /// <summary>The file of this name in the newest day folder that has it (or flat in the outbox), or null.</summary>
    private string? Existing(string fileName)
    {
        if (!Directory.Exists(OutboxDirectory))
        {
            return null;
        }

        foreach (var day in Directory.EnumerateDirectories(OutboxDirectory).Order(StringComparer.Ordinal).Reverse())
        {
            if (File.Exists(Path.Combine(day, fileName)))
            {
                return Path.Combine(day, fileName);
            }
        }

        var flat = Path.Combine(OutboxDirectory, fileName);
        return File.Exists(flat) ? flat : null;
    }

    /// <summary>
    /// Deletes the messages written for a case (an erasure): those whose file name — its idempotency key — names the
    /// case id between separators. Returns how many were removed.
    /// </summary>
    public int RemoveMessagesOf(string caseId)
    {
        if (!Directory.Exists(OutboxDirectory) || caseId.Length == 0)
        {
            return 0;
        }

        var removed = 0;
        foreach (var path in Directory.EnumerateFiles(OutboxDirectory, "*.eml", SearchOption.AllDirectories))
        {
            if (NamesCase(Path.GetFileNameWithoutExtension(path), caseId))
            {
                File.Delete(path);
                removed++;
            }
        }

        return removed;
    }

    // Case ids end in eight hex digits, so one never continues into another id: a separator (or the end) on both sides is enough.
    private static bool NamesCase(string name, string caseId)
    {
        for (var at = name.IndexOf(caseId, StringComparison.Ordinal); at >= 0; at = name.IndexOf(caseId, at + 1, StringComparison.Ordinal))
        {
            var end = at + caseId.Length;
            if ((at == 0 || !char.IsAsciiLetterOrDigit(name[at - 1])) && (end == name.Length || !char.IsAsciiLetterOrDigit(name[end])))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var name = FileName(message.IdempotencyKey);
        if (Existing(name) is { } sent)
        {
            return new EmailSendResult(EmailSendStatus.AlreadySent, sent);
        }

        var path = TodaysPath(name);
        var date = _time.GetUtcNow();

        // Published atomically and create-only (a unique temporary file, then a no-overwrite link): of two senders
        // racing on one key exactly one writes the file; the other is told it was already sent. The message is built
        // and written straight into the temporary file, and only when the file does not exist yet.
        return await AtomicFile.TryCreateAsync(path, stream =>
            {
                using var mime = MimeMessageFactory.Create(message, _from, date);
                mime.WriteTo(stream, cancellationToken);
            }, cancellationToken, _dataDirectory).ConfigureAwait(false)
            ? new EmailSendResult(EmailSendStatus.Sent, path)
            : new EmailSendResult(EmailSendStatus.AlreadySent, path);
    }
}

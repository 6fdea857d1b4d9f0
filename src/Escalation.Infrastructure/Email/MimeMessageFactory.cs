using System.Security.Cryptography;
using System.Text;
using Escalation.Core.Notifications;
using MimeKit;

namespace Escalation.Infrastructure.Email;

/// <summary>Builds the RFC 5322 message for an <see cref="EmailMessage"/>: multipart/alternative, text then HTML.</summary>
internal static class MimeMessageFactory
{
    /// <summary>The header carrying the idempotency key, so a receiving system can de-duplicate too.</summary>
    public const string IdempotencyHeader = "X-Escalation-Idempotency-Key";

    public static MimeMessage Create(EmailMessage message, string from, DateTimeOffset date)
    {
        var sender = MailboxAddress.Parse(from);
        var mime = new MimeMessage();
        mime.From.Add(sender);
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Date = date;
        mime.MessageId = StableMessageId(message.IdempotencyKey, sender.Domain);
        mime.Headers.Add(IdempotencyHeader, message.IdempotencyKey);
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }

    /// <summary>Same key, same Message-Id: a duplicate that slips through is still recognisable as one.</summary>
    private static string StableMessageId(string key, string? domain)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
        return $"{hash}@{(string.IsNullOrEmpty(domain) ? "escalation.local" : domain)}";
    }

    /// <summary>A file-name-safe form of the key: readable when it already is, with a hash suffix when characters had to be replaced.</summary>
    public static string FileNameFor(string key)
    {
        var safe = new StringBuilder(key.Length);
        foreach (var c in key)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        var name = safe.ToString().Trim('.');
        if (name != key || name.Length == 0 || name.Length > 100)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..12];
            name = (name.Length > 80 ? name[..80] : name) + "-" + hash;
        }

        return name;
    }
}

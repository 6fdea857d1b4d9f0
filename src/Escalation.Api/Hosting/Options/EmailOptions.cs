using System.ComponentModel.DataAnnotations;
using Escalation.Infrastructure.Email;

namespace Escalation.Api.Hosting;

/// <summary><c>Escalation:Email</c>: where review and handoff e-mails go, and who gets them.</summary>
public sealed class EmailOptions : IValidatableObject
{
    public const string Section = "Escalation:Email";

    /// <summary><c>outbox</c> (default: <c>.eml</c> files in the data folder) or <c>smtp</c>.</summary>
    public string? Mode { get; set; }

    /// <summary>The sender, e.g. <c>Escalation &lt;escalation@example.com&gt;</c>.</summary>
    public string? From { get; set; }

    /// <summary>Comma-separated reviewers of the standard queue.</summary>
    public string? Reviewers { get; set; }

    /// <summary>Comma-separated reviewers of the senior queue and escalations.</summary>
    public string? SeniorReviewers { get; set; }

    /// <summary><c>Escalation:Email:Smtp</c>, read when <see cref="Mode"/> is <c>smtp</c>.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    public bool UsesSmtp => (EscalationOptions.Set(Mode) ?? "outbox").Trim().Equals("smtp", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (EscalationOptions.Set(Mode) is { } mode && !UsesSmtp && !mode.Trim().Equals("outbox", StringComparison.OrdinalIgnoreCase))
        {
            yield return OptionRules.Fail($"{Section}:Mode must be 'outbox' or 'smtp' (got '{mode}').");
        }

        if (!UsesSmtp)
        {
            yield break;
        }

        if (EscalationOptions.Set(Smtp.Host) is null)
        {
            yield return OptionRules.Fail($"{Section}:Mode is 'smtp' but {Section}:Smtp:Host is empty.");
        }

        if (Smtp.Port is < 1 or > 65535)
        {
            yield return OptionRules.Fail($"{Section}:Smtp:Port must be 1 to 65535 (got '{Smtp.Port}').");
        }

        if (EscalationOptions.Set(Smtp.Tls) is { } tls && !Enum.TryParse<SmtpTlsMode>(tls, ignoreCase: true, out _))
        {
            yield return OptionRules.Fail($"{Section}:Smtp:Tls must be one of {string.Join(", ", Enum.GetNames<SmtpTlsMode>())} (got '{tls}').");
        }
    }

    /// <summary>The SMTP server to send through, or null for the outbox.</summary>
    public SmtpSettings? SmtpSettings(string from) => UsesSmtp
        ? new SmtpSettings
        {
            Host = Smtp.Host!,
            Port = Smtp.Port ?? 587,
            Tls = EscalationOptions.Set(Smtp.Tls) is { } tls ? Enum.Parse<SmtpTlsMode>(tls, ignoreCase: true) : SmtpTlsMode.StartTls,
            UserName = EscalationOptions.Set(Smtp.User),
            Password = EscalationOptions.Set(Smtp.Password),
            From = from,
        }
        : null;
}

/// <summary><c>Escalation:Email:Smtp</c> (MailKit).</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    /// <summary>587 when not set.</summary>
    public int? Port { get; set; }

    /// <summary><c>None</c>, <c>StartTls</c> (default) or <c>Ssl</c>.</summary>
    public string? Tls { get; set; }

    /// <summary>No authentication when empty.</summary>
    public string? User { get; set; }
    public string? Password { get; set; }
}

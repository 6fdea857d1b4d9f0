namespace Escalation.Infrastructure.Email;

/// <summary>How the SMTP connection is secured.</summary>
public enum SmtpTlsMode
{
    /// <summary>Plain text (a relay on loopback or a private network only).</summary>
    None,

    /// <summary>Connect in plain text, then require STARTTLS (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    Ssl,
}

/// <summary>The SMTP server to send through (configuration section <c>Escalation:Smtp</c>).</summary>
public sealed record SmtpSettings
{
    public required string Host { get; init; }
    public int Port { get; init; } = 587;
    public SmtpTlsMode Tls { get; init; } = SmtpTlsMode.StartTls;

    /// <summary>Optional; no authentication when empty.</summary>
    public string? UserName { get; init; }
    public string? Password { get; init; }

    /// <summary>The sender address, e.g. <c>Escalation &lt;escalation@example.com&gt;</c>.</summary>
    public required string From { get; init; }

    /// <summary>Gives up on a connection or command after this long.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}

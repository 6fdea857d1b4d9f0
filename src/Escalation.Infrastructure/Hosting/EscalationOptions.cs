namespace Escalation.Infrastructure.Hosting;

/// <summary>
/// The <c>Escalation</c> configuration section shared by every host (appsettings, environment
/// <c>Escalation__…</c>, command line <c>--Escalation:…</c>).
/// </summary>
public sealed class EscalationOptions
{
    public const string Section = "Escalation";

    /// <summary>Where the embedded host keeps cases, traces, workflow history and the email outbox.</summary>
    public string DataDirectory { get; set; } = ".data";

    /// <summary>The knowledge workspace folder.</summary>
    public string Workspace { get; set; } = "samples/workspace";

    /// <summary>Base URL used in emailed review links and audit URLs.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:7071";

    /// <summary>Help-desk API key (header <c>x-functions-key</c>); empty = none required on loopback.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>HMAC key for review and public-audit links.</summary>
    public string LinkSigningKey { get; set; } = "";
}

namespace Escalation.Api.Cases;

/// <summary>Settings the case activities and handlers need (bound from the <c>Escalation</c> section).</summary>
public sealed record CaseServiceOptions
{
    private string _publicBaseUrl = "http://localhost:7071";

    /// <summary>Base of review links and audit URLs, e.g. <c>https://escalations.example.com</c>.</summary>
    public string PublicBaseUrl { get => Volatile.Read(ref _publicBaseUrl); init => _publicBaseUrl = value; }

    /// <summary>
    /// The local server, when <c>Escalation:PublicBaseUrl</c> is not set, bases links on the address it bound, known
    /// only once it has started (<c>--urls http://127.0.0.1:0</c>, Kestrel endpoints).
    /// </summary>
    public void UseBoundAddress(string baseUrl) => Volatile.Write(ref _publicBaseUrl, baseUrl);

    /// <summary>Who reviews standard-queue drafts.</summary>
    public IReadOnlyList<string> Reviewers { get; init; } = ["reviewer@example.com"];

    /// <summary>Who takes senior reviews and escalations.</summary>
    public IReadOnlyList<string> SeniorReviewers { get; init; } = ["senior@example.com"];

    /// <summary>How long a review link stays valid after the SLA deadline (the case escalates at the deadline anyway).</summary>
    public TimeSpan ReviewLinkGrace { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long a public audit link stays valid.</summary>
    public TimeSpan PublicAuditLinkLifetime { get; init; } = TimeSpan.FromDays(365);

    /// <summary>Help-desk API key (<c>x-functions-key</c>); empty = not required (the local host allows that on loopback only).</summary>
    public string ApiKey { get; init; } = "";
}

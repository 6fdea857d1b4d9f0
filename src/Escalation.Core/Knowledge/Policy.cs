namespace Escalation.Core.Knowledge;

/// <summary>
/// A versioned policy document: non-negotiable guardrails, discretionary rules and the numbers
/// those rules use. Cited in traces as <see cref="Citation"/>.
/// </summary>
public sealed record Policy
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Version { get; init; }
    public required DateOnly Effective { get; init; }
    public required string Category { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? Currency { get; init; }
    public IReadOnlyDictionary<string, decimal> Numbers { get; init; } = new Dictionary<string, decimal>();
    public IReadOnlyList<string> Guardrails { get; init; } = [];
    public IReadOnlyList<PolicyRule> Rules { get; init; } = [];

    /// <summary>
    /// Confirmed incidents (front matter <c>incidents</c>, an SLA credit policy's list from the status page): the downtime
    /// a credit is computed from. Empty when the policy lists none.
    /// </summary>
    public IReadOnlyList<PolicyIncident> Incidents { get; init; } = [];

    /// <summary>
    /// False for a policy written for the support team only (<c>audience: internal</c>, e.g. escalation
    /// thresholds): it is cited in the trace but never named on the customer's view.
    /// </summary>
    public bool ShownToCustomer { get; init; } = true;

    /// <summary>
    /// The policy in words written for customers (front matter <c>summary</c>): what the customer's view of a decision
    /// quotes as the policy that applied. No thresholds or internal reasoning belong here; null shows the title only.
    /// </summary>
    public string? PublicSummary { get; init; }

    /// <summary>The Markdown text of the policy.</summary>
    public string Body { get; init; } = "";

    /// <summary>Lowercase hex SHA-256 of the policy file.</summary>
    public required string ContentHash { get; init; }

    /// <summary>The workspace-relative file the policy came from.</summary>
    public string SourcePath { get; init; } = "";

    /// <summary><c>id@version#sha256</c>, the form a trace cites.</summary>
    public string Citation => $"{Id}@{Version}#{ContentHash}";

    /// <summary>A number the rules read, or <paramref name="fallback"/> when the policy does not set it.</summary>
    public decimal Number(string name, decimal fallback) => Numbers.TryGetValue(name, out var v) ? v : fallback;

    /// <summary>A number the rules read, or null when the policy does not set it.</summary>
    public decimal? NumberOrNull(string name) => Numbers.TryGetValue(name, out var v) ? v : null;
}

/// <summary>
/// A confirmed incident: the days it ran (UTC, <paramref name="From"/> to <paramref name="To"/> inclusive), its confirmed
/// downtime in hours, and what it was ("full outage, EU-West, 09:10–12:10 UTC").
/// </summary>
public sealed record PolicyIncident(DateOnly From, DateOnly To, double Hours, string Summary)
{
    /// <summary>Whether <paramref name="day"/> falls within the incident.</summary>
    public bool Covers(DateOnly day) => day >= From && day <= To;
}

/// <summary>A discretionary rule of a policy.</summary>
public sealed record PolicyRule(string Id, string Text);

/// <summary>Policy categories the rules know about.</summary>
public static class PolicyCategories
{
    public const string Refund = "refund";
    public const string SlaCredit = "sla-credit";
    public const string Compensation = "compensation";
    public const string Escalation = "escalation";
    public const string Legal = "legal";
    public const string DataAccess = "data-access";
    public const string Cancellation = "cancellation";
    public const string Conduct = "conduct";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Refund, SlaCredit, Compensation, Escalation, Legal, DataAccess, Cancellation, Conduct,
    };
}

namespace Escalation.Core.Knowledge;

/// <summary>A past decision with its facts and outcome, weighed and cited for similar cases.</summary>
public sealed record Precedent
{
    public required string Id { get; init; }
    public required DateOnly Date { get; init; }
    public required string Title { get; init; }
    public required string Category { get; init; }
    public required string Policy { get; init; }
    public required PrecedentFacts Facts { get; init; }

    /// <summary><c>approved</c>, <c>partial</c>, <c>declined</c> or <c>escalated</c>.</summary>
    public required string Decision { get; init; }
    public string Outcome { get; init; } = "";
    public string Rationale { get; init; } = "";
}

/// <summary>The facts a precedent was decided on.</summary>
public sealed record PrecedentFacts
{
    public string? Tier { get; init; }
    public int? TenureMonths { get; init; }
    public decimal? Amount { get; init; }
    public string? Currency { get; init; }
    public int? DaysSincePurchase { get; init; }
    public int? DaysPastWindow { get; init; }

    /// <summary><c>outage</c>, <c>defect</c>, <c>billing-error</c>, <c>changed-mind</c> or <c>other</c>.</summary>
    public string? Cause { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
}

/// <summary>Vocabularies of precedent fields.</summary>
public static class PrecedentVocabulary
{
    public static readonly IReadOnlySet<string> Decisions = new HashSet<string>(StringComparer.Ordinal)
        { "approved", "partial", "declined", "escalated" };

    public static readonly IReadOnlySet<string> Causes = new HashSet<string>(StringComparer.Ordinal)
        { "outage", "defect", "billing-error", "changed-mind", "other" };
}

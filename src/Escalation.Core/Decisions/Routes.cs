namespace Escalation.Core.Decisions;

/// <summary>Wire names of the outcomes both pipelines can reach.</summary>
public static class Routes
{
    /// <summary>The draft is sent without a human (nothing delicate applies and tone-check passed).</summary>
    public const string DraftAndSend = "draft-and-send";

    /// <summary>A human reviews the draft before anything is sent.</summary>
    public const string DraftForReview = "draft-for-review";

    /// <summary>A senior human owns the case; the draft is only a starting point.</summary>
    public const string Escalate = "escalate";

    /// <summary>The escalation is resolved here, within policy and authority.</summary>
    public const string ResolveInPlace = "resolve-in-place";

    /// <summary>The escalation goes back to tier 1 with concrete guidance.</summary>
    public const string ReturnToTierOne = "return-to-tier-1";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
        { DraftAndSend, DraftForReview, Escalate, ResolveInPlace, ReturnToTierOne };
}

/// <summary>Who picks up a case a human must look at.</summary>
public static class ReviewerQueues
{
    public const string Senior = "senior";
    public const string Standard = "standard";
    public const string None = "none";
}

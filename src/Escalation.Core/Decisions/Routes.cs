namespace Escalation.Core.Decisions;

/// <summary>The outcomes of both pipelines.</summary>
public static class Routes
{
    public const string DraftAndSend = "draft-and-send";
    public const string DraftForReview = "draft-for-review";
    public const string Escalate = "escalate";
    public const string ResolveInPlace = "resolve-in-place";
    public const string ReturnToTier1 = "return-to-tier-1";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
        { DraftAndSend, DraftForReview, Escalate, ResolveInPlace, ReturnToTier1 };
}

/// <summary>Reviewer queues.</summary>
public static class ReviewQueues
{
    public const string Senior = "senior";
    public const string Standard = "standard";
}

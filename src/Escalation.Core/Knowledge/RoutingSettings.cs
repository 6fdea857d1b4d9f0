namespace Escalation.Core.Knowledge;

/// <summary>Every threshold the detection and routing rules use; thresholds live in the workspace, not in code.</summary>
public sealed record RoutingSettings
{
    /// <summary>Negative intensity at or above which a case goes to a senior human.</summary>
    public double IntensityEscalateAt { get; init; } = 0.75;

    /// <summary>Negative intensity at or above which a draft is reviewed before sending.</summary>
    public double IntensityReviewAt { get; init; } = 0.4;
    public IReadOnlyList<string> VipTiers { get; init; } = ["Enterprise"];
    public int RepeatComplainantWindowDays { get; init; } = 90;
    public int RepeatComplainantCount { get; init; } = 3;
    public int RepeatSameIssueCount { get; init; } = 3;
    public int RenewalProximityDays { get; init; } = 30;
    public decimal ChurnArrThreshold { get; init; } = 10000;
    public decimal AutoApproveCap { get; init; } = 250;
    public string DefaultCurrency { get; init; } = "EUR";
    public double PolicyMatchMinStrength { get; init; } = 0.45;
    public IReadOnlyDictionary<string, double> ReviewSlaHours { get; init; } =
        new Dictionary<string, double> { ["P0"] = 1, ["P1"] = 4, ["P2"] = 24, ["P3"] = 72 };
    public int LongTenureMonths { get; init; } = 6;

    /// <summary>The queue that owns a customer going public (social media, reviews, press).</summary>
    public string PublicExposureQueue { get; init; } = "social";

    /// <summary>A cancellation from a customer at least this many months old goes to retention review.</summary>
    public int RetentionTenureMonths { get; init; } = 24;

    /// <summary>A cancellation from a customer with at least this ARR goes to retention review.</summary>
    public decimal RetentionArr { get; init; } = 10000;

    /// <summary>The review SLA for a priority (P0–P3).</summary>
    public TimeSpan ReviewSla(string priority) =>
        TimeSpan.FromHours(ReviewSlaHours.TryGetValue(priority, out var h) ? h : ReviewSlaHours.Values.Max());

    public bool IsVipTier(string? tier) =>
        tier is not null && VipTiers.Any(t => string.Equals(t, tier, StringComparison.OrdinalIgnoreCase));
}

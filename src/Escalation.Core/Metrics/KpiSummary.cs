using Escalation.Core.Decisions;
using Escalation.Core.Storage;
using Escalation.Core.Workflow;

namespace Escalation.Core.Metrics;

/// <summary>
/// Seed 003's dashboard subset, computed from the case index: how many cases, by route and priority, how fast
/// reviewers answer, how many SLAs were breached, how often the agent escalates or sends on its own, and whether
/// re-deciding stored submissions reproduces the stored routes (policy consistency).
/// </summary>
public sealed record KpiSummary
{
    /// <summary>The instant the summary describes (open reviews past their deadline at this instant count as breached).</summary>
    public required DateTimeOffset AsOf { get; init; }

    public required int TotalCases { get; init; }

    /// <summary>Cases with a route (a decision was made).</summary>
    public required int DecidedCases { get; init; }

    /// <summary>Cases per route, most frequent first; cases not yet decided under <c>undecided</c>.</summary>
    public required IReadOnlyList<KpiCount> ByRoute { get; init; }

    /// <summary>Cases per priority (P1…P4), in priority order; unknown under <c>none</c>.</summary>
    public required IReadOnlyList<KpiCount> ByPriority { get; init; }

    /// <summary>Cases per status, most frequent first.</summary>
    public required IReadOnlyList<KpiCount> ByStatus { get; init; }

    /// <summary>Reviews that ended (approved, edited, rejected, escalated by the reviewer or by the SLA timer).</summary>
    public required int ReviewsCompleted { get; init; }

    /// <summary>Cases still waiting for a reviewer.</summary>
    public required int ReviewsOpen { get; init; }

    /// <summary>Median hours from review request to review outcome; null when no review has ended.</summary>
    public double? ReviewTurnaroundP50Hours { get; init; }

    /// <summary>95th percentile of the same; null when no review has ended.</summary>
    public double? ReviewTurnaroundP95Hours { get; init; }

    /// <summary>Reviews answered after their deadline, timed out, or still open past it.</summary>
    public required int SlaBreaches { get; init; }

    /// <summary>Share of decided cases routed to <c>escalate</c> (0–1); 0 when none are decided.</summary>
    public required double EscalationRate { get; init; }

    /// <summary>Share of decided cases answered with no human involved (draft-and-send, resolve-in-place) (0–1).</summary>
    public required double AutoSendRate { get; init; }

    /// <summary>The policy-consistency re-run, when one was made.</summary>
    public PolicyConsistencySummary? Consistency { get; init; }

    /// <summary>Each priority against the matrix's first-response and resolution targets, with its SLA breaches.</summary>
    public IReadOnlyList<PriorityTargetRow> Targets { get; init; } = [];

    /// <summary>Median hours from receipt to the first reply that reached the customer.</summary>
    public double? FirstResponseP50Hours { get; init; }

    /// <summary>Escalation cases closed (answered, returned to tier 1, escalated onward or rejected).</summary>
    public int EscalationsClosed { get; init; }

    /// <summary>Escalation resolution cycle time (seed 001): hours from receipt to close, median and 95th percentile.</summary>
    public double? EscalationCycleP50Hours { get; init; }

    public double? EscalationCycleP95Hours { get; init; }

    /// <summary>Where reviewers overrule the agent: edit and reject rates, by policy, reason code, playbook, intent, priority.</summary>
    public ReviewGapReport? Gaps { get; init; }

    /// <summary>
    /// Computes the summary. <paramref name="consistency"/> holds the results of re-running the pipeline on stored
    /// submissions (null when that was not done). Pure: the same cases and instant give the same summary.
    /// </summary>
    public static KpiSummary From(IEnumerable<CaseRecord> cases, DateTimeOffset asOf, IEnumerable<PolicyConsistencyCheck>? consistency = null) =>
        KpiCounters.Of(cases).Snapshot(asOf, consistency);

    /// <summary>
    /// Nearest-rank percentile of an ascending list (<paramref name="p"/> in 0–1); null when empty.
    /// The p50 of [1, 2, 3, 4] is 2; the p95 of 20 values is the 19th.
    /// </summary>
    public static double? Percentile(IReadOnlyList<double> ascending, double p)
    {
        if (ascending.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(p * ascending.Count);
        return ascending[Math.Clamp(rank, 1, ascending.Count) - 1];
    }

    /// <summary>
    /// A case went through review when it is no longer waiting and it was routed to review, had a review deadline
    /// (the SLA timer's escalation keeps it), or the index recorded a reviewer or review outcome.
    /// </summary>
    internal static bool WasReviewed(CaseRecord c) =>
        c.Status != CaseStatuses.AwaitingReview
        && (c.Route == Routes.DraftForReview || c.SlaDeadline is not null
            || Extra(c, KpiFields.Reviewer) is not null || Extra(c, KpiFields.ReviewOutcome) is not null);

    /// <summary>Hours from the review request to the case's last update (its outcome).</summary>
    internal static double TurnaroundHours(CaseRecord c) => Math.Max(0, (c.Updated - ReviewRequestedAt(c)).TotalHours);

    /// <summary>A finished review answered after its deadline, or ended by the SLA timer.</summary>
    internal static bool FinishedReviewBreached(CaseRecord c) =>
        IsTrue(c, KpiFields.SlaBreached) || Extra(c, KpiFields.ReviewOutcome) == "sla-timeout"
        || (c.SlaDeadline is { } deadline && c.Updated > deadline);

    /// <summary>When the first reply reached the customer, as the host recorded it; null when none did (or unrecorded).</summary>
    internal static DateTimeOffset? FirstResponseAt(CaseRecord c) => Instant(c, KpiFields.FirstResponseAt);

    private static DateTimeOffset ReviewRequestedAt(CaseRecord c) => Instant(c, KpiFields.ReviewRequestedAt) ?? c.Created;

    /// <summary>An ISO instant the host recorded under <paramref name="key"/>; null when absent or unreadable.</summary>
    private static DateTimeOffset? Instant(CaseRecord c, string key) =>
        Extra(c, key) is { } text
        && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : null;

    private static string? Extra(CaseRecord c, string key) => c.Extra.TryGetValue(key, out var v) && !string.IsNullOrEmpty(v) ? v : null;

    private static bool IsTrue(CaseRecord c, string key) => string.Equals(Extra(c, key), "true", StringComparison.OrdinalIgnoreCase);
}

/// <summary>How many cases have one value of a dimension.</summary>
public sealed record KpiCount(string Key, int Count);

/// <summary>
/// Keys of <see cref="CaseRecord.Extra"/> the summary reads when the host records them; without them it falls back
/// to the record's own fields (turnaround from <see cref="CaseRecord.Created"/> to <see cref="CaseRecord.Updated"/>).
/// </summary>
public static class KpiFields
{
    /// <summary>ISO instant the case started waiting for a reviewer.</summary>
    public const string ReviewRequestedAt = "reviewRequestedAt";

    /// <summary>Who reviewed.</summary>
    public const string Reviewer = "reviewer";

    /// <summary><c>approve</c>, <c>edit</c>, <c>reject</c>, <c>escalate</c> or <c>sla-timeout</c>.</summary>
    public const string ReviewOutcome = "reviewOutcome";

    /// <summary><c>true</c> when the host recorded a breached review deadline.</summary>
    public const string SlaBreached = "slaBreached";

    /// <summary>The decision's reason codes, space-separated (the gap report groups by them).</summary>
    public const string Reasons = "reasons";

    /// <summary>The policies the decision cited, <c>id@version</c>, space-separated.</summary>
    public const string Policies = "policies";

    /// <summary>The playbook the decision chose.</summary>
    public const string Playbook = "playbook";

    /// <summary>What the customer wanted, as the understanding gate read it.</summary>
    public const string Intent = "intent";

    /// <summary>ISO instant the first reply reached the customer (first response time, seed 003).</summary>
    public const string FirstResponseAt = "firstResponseAt";

    /// <summary>The space-separated values of <paramref name="key"/>; empty when absent.</summary>
    public static IReadOnlyList<string> List(CaseRecord c, string key) =>
        c.Extra.TryGetValue(key, out var v) && v.Length > 0 ? v.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
}

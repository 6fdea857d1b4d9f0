namespace Escalation.Core.Metrics;

/// <summary>One reviewed case as the gap report reads it: what the agent decided with what, and what the reviewer did.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Outcome"><c>approve</c>, <c>edit</c>, <c>reject</c>, <c>escalate</c> or <c>sla-timeout</c>.</param>
/// <param name="ReasonCodes">The decision's reason codes.</param>
/// <param name="Policies">The policies it cited, <c>id@version</c>.</param>
/// <param name="Playbook">The playbook it chose, if any.</param>
/// <param name="Priority">Its priority.</param>
/// <param name="AuditUrl">The decision's audit URL.</param>
/// <param name="Intent">What the customer wanted, as the understanding gate read it (null: not understood or not recorded).</param>
public sealed record ReviewedCase(
    string CaseId, string Outcome, IReadOnlyList<string> ReasonCodes, IReadOnlyList<string> Policies, string? Playbook, string? Priority, string? AuditUrl, string? Intent = null)
{
    /// <summary>
    /// The reviewed case as the case index records it (the decision's reason codes, policies, playbook and intent are kept
    /// on the record when the outcome is recorded); null when the case has no review outcome. The example link is
    /// <paramref name="auditBase"/> + the latest trace id.
    /// </summary>
    public static ReviewedCase? FromRecord(Storage.CaseRecord c, string auditBase = "/api/audit/")
    {
        if (!c.Extra.TryGetValue(KpiFields.ReviewOutcome, out var outcome) || outcome.Length == 0)
        {
            return null;
        }

        return new ReviewedCase(
            c.CaseId, outcome, KpiFields.List(c, KpiFields.Reasons), KpiFields.List(c, KpiFields.Policies),
            c.Extra.GetValueOrDefault(KpiFields.Playbook) is { Length: > 0 } p ? p : null, c.Priority,
            c.LatestTraceId is { } t ? auditBase + t : null,
            c.Extra.GetValueOrDefault(KpiFields.Intent) is { Length: > 0 } i ? i : null);
    }
}

/// <summary>
/// Where humans disagree with the agent (seed 002: "where the policy gap is"): reviewed cases grouped by reason code,
/// policy id@version, playbook, intent and priority, with how often the reviewer edited, rejected or escalated the decision.
/// The policies whose cases are most often edited come first.
/// </summary>
public sealed record ReviewGapReport
{
    public required int Reviewed { get; init; }
    public required int Approved { get; init; }
    public required int Edited { get; init; }
    public required int Rejected { get; init; }
    public required int Escalated { get; init; }
    public required int TimedOut { get; init; }

    /// <summary>Share of answered reviews (not timed out) that edited, rejected or escalated (0–1).</summary>
    public double DisagreementRate => Rate(Edited + Rejected + Escalated, Reviewed - TimedOut);

    /// <summary>Share of answered reviews that edited the draft (0–1).</summary>
    public double EditRate => Rate(Edited, Reviewed - TimedOut);

    /// <summary>Share of answered reviews that rejected the decision (0–1).</summary>
    public double RejectRate => Rate(Rejected, Reviewed - TimedOut);

    public required IReadOnlyList<GapGroup> ByPolicy { get; init; }
    public required IReadOnlyList<GapGroup> ByReason { get; init; }
    public required IReadOnlyList<GapGroup> ByPlaybook { get; init; }
    public required IReadOnlyList<GapGroup> ByPriority { get; init; }
    public IReadOnlyList<GapGroup> ByIntent { get; init; } = [];

    /// <summary>The report over <paramref name="cases"/>; <paramref name="examples"/> audit links per group at most.</summary>
    public static ReviewGapReport From(IReadOnlyList<ReviewedCase> cases, int examples = 3)
    {
        int Count(string outcome) => cases.Count(c => c.Outcome == outcome);
        return new ReviewGapReport
        {
            Reviewed = cases.Count,
            Approved = Count("approve"),
            Edited = Count("edit"),
            Rejected = Count("reject"),
            Escalated = Count("escalate"),
            TimedOut = Count("sla-timeout"),
            ByPolicy = Group(cases, c => c.Policies, examples),
            ByReason = Group(cases, c => c.ReasonCodes, examples),
            ByPlaybook = Group(cases, c => c.Playbook is { } p ? [p] : ["(none)"], examples),
            ByPriority = Group(cases, c => [c.Priority ?? "(none)"], examples),
            ByIntent = Group(cases, c => [c.Intent ?? "(not understood)"], examples),
        };
    }

    internal static double Rate(int part, int whole) => whole <= 0 ? 0 : Math.Round((double)part / whole, 4);

    private static IReadOnlyList<GapGroup> Group(IReadOnlyList<ReviewedCase> cases, Func<ReviewedCase, IEnumerable<string>> keys, int examples) =>
        [.. cases.SelectMany(c => keys(c).Distinct(StringComparer.Ordinal).Select(k => (Key: k, Case: c)))
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var list = g.Select(x => x.Case).ToList();
                var overruled = list.Where(c => c.Outcome is "edit" or "reject" or "escalate").ToList();
                return new GapGroup(
                    g.Key,
                    list.Count,
                    list.Count(c => c.Outcome == "edit"),
                    list.Count(c => c.Outcome == "reject"),
                    list.Count(c => c.Outcome == "escalate"),
                    list.Count(c => c.Outcome == "sla-timeout"),
                    [.. overruled.Where(c => c.AuditUrl is not null).Take(examples).Select(c => c.AuditUrl!)]);
            })
            .OrderByDescending(g => g.Edited)
            .ThenByDescending(g => g.Overruled)
            .ThenBy(g => g.Key, StringComparer.Ordinal)];
}

/// <summary>Reviewed cases sharing a reason code, policy, playbook or priority, and what reviewers did with them.</summary>
public sealed record GapGroup(string Key, int Reviewed, int Edited, int Rejected, int Escalated, int TimedOut, IReadOnlyList<string> Examples)
{
    /// <summary>Edited, rejected or escalated by the reviewer.</summary>
    public int Overruled => Edited + Rejected + Escalated;

    /// <summary>Share of the group's answered reviews the reviewer overruled (0–1).</summary>
    public double DisagreementRate => ReviewGapReport.Rate(Overruled, Reviewed - TimedOut);
}

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

    /// <summary>
    /// The report over <paramref name="cases"/>; <paramref name="examples"/> audit links per group at most (up to
    /// <see cref="GapTally.ExamplesKept"/>): those of the overruled cases with the smallest case ids.
    /// </summary>
    public static ReviewGapReport From(IReadOnlyList<ReviewedCase> cases, int examples = 3)
    {
        var tally = new ReviewGapTally();
        foreach (var c in cases)
        {
            tally.Add(c, +1);
        }

        return tally.Report(examples);
    }

    internal static double Rate(int part, int whole) => whole <= 0 ? 0 : Math.Round((double)part / whole, 4);
}

/// <summary>
/// The gap report's counts, kept as reviews end: totals per outcome and, per reason code, policy, playbook, priority
/// and intent, a <see cref="GapTally"/>. Bounded by how many distinct groups there are, not by how many cases were
/// reviewed; two tallies of disjoint cases sum (<see cref="Merge"/>).
/// </summary>
public sealed class ReviewGapTally
{
    public int Reviewed { get; set; }
    public int Approved { get; set; }
    public int Edited { get; set; }
    public int Rejected { get; set; }
    public int Escalated { get; set; }
    public int TimedOut { get; set; }
    public SortedDictionary<string, GapTally> ByPolicy { get; set; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, GapTally> ByReason { get; set; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, GapTally> ByPlaybook { get; set; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, GapTally> ByPriority { get; set; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, GapTally> ByIntent { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Counts (<paramref name="sign"/> +1) or uncounts (−1) a reviewed case; false when uncounting found nothing to remove.</summary>
    public bool Add(ReviewedCase c, int sign)
    {
        var matched = true;
        int Step(int now)
        {
            if (now + sign < 0)
            {
                matched = false;
                return now;
            }

            return now + sign;
        }

        Reviewed = Step(Reviewed);
        switch (c.Outcome)
        {
            case "approve": Approved = Step(Approved); break;
            case "edit": Edited = Step(Edited); break;
            case "reject": Rejected = Step(Rejected); break;
            case "escalate": Escalated = Step(Escalated); break;
            case "sla-timeout": TimedOut = Step(TimedOut); break;
        }

        matched &= Group(ByPolicy, c.Policies, c, sign);
        matched &= Group(ByReason, c.ReasonCodes, c, sign);
        matched &= Group(ByPlaybook, [c.Playbook ?? "(none)"], c, sign);
        matched &= Group(ByPriority, [c.Priority ?? "(none)"], c, sign);
        matched &= Group(ByIntent, [c.Intent ?? "(not understood)"], c, sign);
        return matched;
    }

    /// <summary>Adds <paramref name="other"/>'s counts (a tally of other cases) to this one.</summary>
    public void Merge(ReviewGapTally other)
    {
        Reviewed += other.Reviewed;
        Approved += other.Approved;
        Edited += other.Edited;
        Rejected += other.Rejected;
        Escalated += other.Escalated;
        TimedOut += other.TimedOut;
        MergeGroups(ByPolicy, other.ByPolicy);
        MergeGroups(ByReason, other.ByReason);
        MergeGroups(ByPlaybook, other.ByPlaybook);
        MergeGroups(ByPriority, other.ByPriority);
        MergeGroups(ByIntent, other.ByIntent);
    }

    /// <summary>The report: groups with the most edits first, then the most overruled, then by key.</summary>
    public ReviewGapReport Report(int examples = 3) => new()
    {
        Reviewed = Reviewed,
        Approved = Approved,
        Edited = Edited,
        Rejected = Rejected,
        Escalated = Escalated,
        TimedOut = TimedOut,
        ByPolicy = Groups(ByPolicy, examples),
        ByReason = Groups(ByReason, examples),
        ByPlaybook = Groups(ByPlaybook, examples),
        ByPriority = Groups(ByPriority, examples),
        ByIntent = Groups(ByIntent, examples),
    };

    private static bool Group(SortedDictionary<string, GapTally> groups, IEnumerable<string> keys, ReviewedCase c, int sign)
    {
        var matched = true;
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            if (!groups.TryGetValue(key, out var tally))
            {
                if (sign < 0)
                {
                    matched = false;
                    continue;
                }

                groups[key] = tally = new GapTally();
            }

            matched &= tally.Add(c, sign);
            if (tally.Reviewed == 0)
            {
                groups.Remove(key);
            }
        }

        return matched;
    }

    private static void MergeGroups(SortedDictionary<string, GapTally> into, SortedDictionary<string, GapTally> from)
    {
        foreach (var (key, tally) in from)
        {
            if (!into.TryGetValue(key, out var mine))
            {
                into[key] = mine = new GapTally();
            }

            mine.Merge(tally);
        }
    }

    private static IReadOnlyList<GapGroup> Groups(SortedDictionary<string, GapTally> groups, int examples) =>
        [.. groups.Select(g => new GapGroup(
                g.Key, g.Value.Reviewed, g.Value.Edited, g.Value.Rejected, g.Value.Escalated, g.Value.TimedOut,
                [.. g.Value.Examples.Take(Math.Max(0, examples)).Select(e => e.AuditUrl)]))
            .OrderByDescending(g => g.Edited)
            .ThenByDescending(g => g.Overruled)
            .ThenBy(g => g.Key, StringComparer.Ordinal)];
}

/// <summary>
/// One group's counts, and example cases: of its overruled cases with an audit link, those with the smallest case ids,
/// at most <see cref="ExamplesKept"/>. <see cref="Through"/> says how far the examples are complete: every such case with
/// an id up to it is among them. A case leaving the group leaves its slot empty (it is not refilled from cases with a
/// larger id, which the tally does not keep), so after many cases left, fewer than three examples may show until the
/// counters are rebuilt from the cases; the counts are always exact.
/// </summary>
public sealed class GapTally
{
    /// <summary>How many example cases a group keeps.</summary>
    public const int ExamplesKept = 8;

    public int Reviewed { get; set; }
    public int Edited { get; set; }
    public int Rejected { get; set; }
    public int Escalated { get; set; }
    public int TimedOut { get; set; }

    /// <summary>The overruled cases with an audit link whose ids are at most <see cref="Through"/>, in case-id order.</summary>
    public List<GapExample> Examples { get; set; } = [];

    /// <summary>The largest case id the examples are complete up to; null: complete for every id (none was dropped).</summary>
    public string? Through { get; set; }

    internal bool Add(ReviewedCase c, int sign)
    {
        if (sign < 0 && Reviewed == 0)
        {
            return false;
        }

        Reviewed += sign;
        switch (c.Outcome)
        {
            case "edit": Edited += sign; break;
            case "reject": Rejected += sign; break;
            case "escalate": Escalated += sign; break;
            case "sla-timeout": TimedOut += sign; break;
        }

        if (c.Outcome is not ("edit" or "reject" or "escalate") || c.AuditUrl is null
            || (Through is not null && string.CompareOrdinal(c.CaseId, Through) > 0))
        {
            return true;
        }

        var at = Examples.FindIndex(e => string.CompareOrdinal(e.CaseId, c.CaseId) >= 0);
        if (sign < 0)
        {
            if (at >= 0 && Examples[at].CaseId == c.CaseId)
            {
                Examples.RemoveAt(at);
            }

            return true;
        }

        Examples.Insert(at >= 0 ? at : Examples.Count, new GapExample(c.CaseId, c.AuditUrl));
        Trim();
        return true;
    }

    internal void Merge(GapTally other)
    {
        // Both sides are complete up to their Through; the union is complete up to the smaller one.
        var through = Through is null ? other.Through
            : other.Through is null ? Through
            : string.CompareOrdinal(Through, other.Through) <= 0 ? Through : other.Through;
        Examples = [.. Examples.Concat(other.Examples)
            .Where(e => through is null || string.CompareOrdinal(e.CaseId, through) <= 0)
            .OrderBy(e => e.CaseId, StringComparer.Ordinal)];
        Through = through;
        Trim();
        Reviewed += other.Reviewed;
        Edited += other.Edited;
        Rejected += other.Rejected;
        Escalated += other.Escalated;
        TimedOut += other.TimedOut;
    }

    private void Trim()
    {
        if (Examples.Count > ExamplesKept)
        {
            Examples.RemoveRange(ExamplesKept, Examples.Count - ExamplesKept);
            Through = Examples[^1].CaseId;
        }
    }
}

/// <summary>An example case of a gap group and the audit link the report shows.</summary>
public sealed record GapExample(string CaseId, string AuditUrl);

/// <summary>Reviewed cases sharing a reason code, policy, playbook or priority, and what reviewers did with them.</summary>
public sealed record GapGroup(string Key, int Reviewed, int Edited, int Rejected, int Escalated, int TimedOut, IReadOnlyList<string> Examples)
{
    /// <summary>Edited, rejected or escalated by the reviewer.</summary>
    public int Overruled => Edited + Rejected + Escalated;

    /// <summary>Share of the group's answered reviews the reviewer overruled (0–1).</summary>
    public double DisagreementRate => ReviewGapReport.Rate(Overruled, Reviewed - TimedOut);
}

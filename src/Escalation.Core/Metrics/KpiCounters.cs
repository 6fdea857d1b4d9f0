using Escalation.Core.Decisions;
using Escalation.Core.Storage;
using Escalation.Core.Tickets;
using Escalation.Core.Workflow;

namespace Escalation.Core.Metrics;

/// <summary>
/// The KPI summary's counts, kept as cases change instead of recomputed from every case per request: each write of a
/// case record replaces its old contribution with its new one (<see cref="Replace"/>). The state (<see cref="KpiState"/>)
/// is bounded: counts per route, priority and status, fixed log-scale histograms for the percentiles (within
/// <see cref="LogHistogram.RelativeError"/> of the observed values), the deadlines of the reviews open now (breaches
/// depend on the instant asked about) and the review-gap groups' counts with a few example cases. It can be stored
/// (<see cref="KpiState.ToJson"/>) and summed (<see cref="Merge(KpiState)"/>); <see cref="Snapshot"/> costs the number of
/// groups and buckets plus a binary search per priority, whatever the number of cases. Not thread-safe: the owner locks.
/// </summary>
public sealed class KpiCounters
{
    public KpiCounters()
        : this(new KpiState())
    {
    }

    /// <summary>Counters that continue from a stored state (which they then own and change).</summary>
    public KpiCounters(KpiState state)
    {
        State = state;
    }

    /// <summary>The live state: serialise or merge it under the owner's lock.</summary>
    public KpiState State { get; }

    /// <summary>Counters over these cases.</summary>
    public static KpiCounters Of(IEnumerable<CaseRecord> cases)
    {
        var counters = new KpiCounters();
        foreach (var c in cases)
        {
            counters.Replace(null, c);
        }

        return counters;
    }

    /// <summary>
    /// A case record changed from <paramref name="before"/> (null: it is new) to <paramref name="after"/> (null: it is
    /// gone). The caller passes exactly the record it counted before, so the counts never drift; a contribution that
    /// was not counted is not subtracted below zero and is tallied in <see cref="KpiState.Unmatched"/> instead.
    /// </summary>
    public void Replace(CaseRecord? before, CaseRecord? after)
    {
        if (before is not null)
        {
            Apply(before, -1);
        }

        if (after is not null)
        {
            Apply(after, +1);
        }
    }

    /// <summary>Adds the counts of <paramref name="other"/> (a state of other cases, e.g. another shard) to these.</summary>
    public void Merge(KpiState other)
    {
        var s = State;
        s.Total += other.Total;
        s.Decided += other.Decided;
        s.Escalated += other.Escalated;
        s.AutoSent += other.AutoSent;
        s.Open += other.Open;
        s.FinishedBreaches += other.FinishedBreaches;
        s.Unmatched += other.Unmatched;
        MergeCounts(s.ByRoute, other.ByRoute);
        MergeCounts(s.ByPriority, other.ByPriority);
        MergeCounts(s.ByStatus, other.ByStatus);
        s.Turnarounds.Merge(other.Turnarounds);
        s.FirstResponses.Merge(other.FirstResponses);
        s.EscalationCycles.Merge(other.EscalationCycles);
        foreach (var (priority, tally) in other.Targets)
        {
            if (!s.Targets.TryGetValue(priority, out var mine))
            {
                s.Targets[priority] = mine = new PriorityTally();
            }

            mine.Add(tally);
        }

        foreach (var (priority, deadlines) in other.OpenDeadlines)
        {
            if (!s.OpenDeadlines.TryGetValue(priority, out var mine))
            {
                s.OpenDeadlines[priority] = mine = [];
            }

            mine.AddRange(deadlines);
            mine.Sort();
        }

        s.Gaps.Merge(other.Gaps);
    }

    /// <summary>The sum of several states (each of other cases): what the Azure summary does with its shards.</summary>
    public static KpiCounters Merge(IEnumerable<KpiState> states)
    {
        var sum = new KpiCounters();
        foreach (var state in states)
        {
            sum.Merge(state);
        }

        return sum;
    }

    /// <summary>The summary as of <paramref name="asOf"/>: the same numbers <see cref="KpiSummary.From"/> gives for the same cases.</summary>
    public KpiSummary Snapshot(DateTimeOffset asOf, IEnumerable<PolicyConsistencyCheck>? consistency = null)
    {
        var s = State;
        var openBreached = s.OpenDeadlines.Values.Sum(d => LowerBound(d, asOf.UtcTicks)); // deadlines strictly before the instant
        return new KpiSummary
        {
            AsOf = asOf,
            TotalCases = s.Total,
            DecidedCases = s.Decided,
            ByRoute = Ordered(s.ByRoute, byFrequency: true),
            ByPriority = Ordered(s.ByPriority, byFrequency: false),
            ByStatus = Ordered(s.ByStatus, byFrequency: true),
            ReviewsCompleted = s.Turnarounds.Count,
            ReviewsOpen = s.Open,
            ReviewTurnaroundP50Hours = s.Turnarounds.Percentile(0.50),
            ReviewTurnaroundP95Hours = s.Turnarounds.Percentile(0.95),
            SlaBreaches = s.FinishedBreaches + openBreached,
            EscalationRate = Rate(s.Escalated, s.Decided),
            AutoSendRate = Rate(s.AutoSent, s.Decided),
            Consistency = consistency is null ? null : PolicyConsistencySummary.From(consistency),
            Targets = [.. s.Targets.Keys.Union(s.OpenDeadlines.Keys).Order(StringComparer.Ordinal).Select(p =>
            {
                var t = s.Targets.GetValueOrDefault(p) ?? new PriorityTally();
                var open = s.OpenDeadlines.TryGetValue(p, out var deadlines) ? LowerBound(deadlines, asOf.UtcTicks) : 0;
                return new PriorityTargetRow(
                    p, PriorityTargets.FirstResponse(p)?.TotalHours, t.Responded, t.RespondedInTarget,
                    PriorityTargets.Resolution(p)?.TotalHours, t.Resolved, t.ResolvedInTarget, t.Breaches + open);
            }).Where(r => r.Responded + r.Resolved + r.SlaBreaches > 0)],
            FirstResponseP50Hours = s.FirstResponses.Percentile(0.50),
            EscalationsClosed = s.EscalationCycles.Count,
            EscalationCycleP50Hours = s.EscalationCycles.Percentile(0.50),
            EscalationCycleP95Hours = s.EscalationCycles.Percentile(0.95),
            Gaps = s.Gaps.Reviewed == 0 ? null : s.Gaps.Report(),
        };
    }

    private void ApplyTargets(CaseRecord c, bool reviewed, int sign)
    {
        var s = State;
        var priority = string.IsNullOrEmpty(c.Priority) ? "none" : c.Priority!;
        if (!s.Targets.TryGetValue(priority, out var tally))
        {
            s.Targets[priority] = tally = new PriorityTally();
        }

        if (KpiSummary.FirstResponseAt(c) is { } responded)
        {
            var took = responded - c.Created;
            tally.Responded += sign;
            tally.RespondedInTarget += took <= PriorityTargets.FirstResponse(priority) ? sign : 0;
            Histogram(s.FirstResponses, Math.Max(0, took.TotalHours), sign);
        }

        if (c.Status is CaseStatuses.Sent or CaseStatuses.Resolved or CaseStatuses.ReturnedToTier1 or CaseStatuses.Rejected)
        {
            tally.Resolved += sign;
            tally.ResolvedInTarget += c.Updated - c.Created <= PriorityTargets.Resolution(priority) ? sign : 0;
        }

        if (c.Kind == CaseKindNames.Escalation
            && c.Status is CaseStatuses.Sent or CaseStatuses.Resolved or CaseStatuses.ReturnedToTier1 or CaseStatuses.Escalated or CaseStatuses.Rejected)
        {
            Histogram(s.EscalationCycles, Math.Max(0, (c.Updated - c.Created).TotalHours), sign);
        }

        if (c.Status == CaseStatuses.AwaitingReview && c.SlaDeadline is { } due)
        {
            if (!s.OpenDeadlines.TryGetValue(priority, out var deadlines))
            {
                s.OpenDeadlines[priority] = deadlines = [];
            }

            Sorted(deadlines, due.UtcTicks, sign);
            if (deadlines.Count == 0)
            {
                s.OpenDeadlines.Remove(priority);
            }
        }
        else if (reviewed)
        {
            tally.Breaches += KpiSummary.FinishedReviewBreached(c) ? sign : 0;
            if (ReviewedCase.FromRecord(c) is { } r && !s.Gaps.Add(r, sign))
            {
                s.Unmatched++;
            }
        }

        if (tally.IsEmpty)
        {
            s.Targets.Remove(priority);
        }
    }

    private void Apply(CaseRecord c, int sign)
    {
        var s = State;
        s.Total += sign;
        Count(s.ByRoute, c.Route ?? "undecided", sign);
        Count(s.ByPriority, string.IsNullOrEmpty(c.Priority) ? "none" : c.Priority!, sign);
        Count(s.ByStatus, c.Status, sign);
        var reviewed = KpiSummary.WasReviewed(c);
        if (c.Route is not null)
        {
            s.Decided += sign;
            s.Escalated += c.Route == Routes.Escalate ? sign : 0;
            s.AutoSent += c.Route is Routes.DraftAndSend or Routes.ResolveInPlace && !reviewed ? sign : 0;
        }

        if (c.Status == CaseStatuses.AwaitingReview)
        {
            s.Open += sign;
        }
        else if (reviewed)
        {
            Histogram(s.Turnarounds, KpiSummary.TurnaroundHours(c), sign);
            s.FinishedBreaches += KpiSummary.FinishedReviewBreached(c) ? sign : 0;
        }

        ApplyTargets(c, reviewed, sign);
    }

    private void Histogram(LogHistogram histogram, double hours, int sign)
    {
        if (!histogram.Add(hours, sign))
        {
            State.Unmatched++;
        }
    }

    private static void Count(SortedDictionary<string, int> counts, string key, int sign)
    {
        var now = counts.GetValueOrDefault(key) + sign;
        if (now == 0)
        {
            counts.Remove(key);
        }
        else
        {
            counts[key] = now;
        }
    }

    private static void MergeCounts(SortedDictionary<string, int> into, SortedDictionary<string, int> from)
    {
        foreach (var (key, n) in from)
        {
            Count(into, key, n);
        }
    }

    private void Sorted(List<long> values, long value, int sign)
    {
        var at = values.BinarySearch(value);
        if (sign > 0)
        {
            values.Insert(at < 0 ? ~at : at, value);
        }
        else if (at >= 0)
        {
            values.RemoveAt(at);
        }
        else
        {
            State.Unmatched++;
        }
    }

    private static int LowerBound(List<long> ascending, long value)
    {
        var (lo, hi) = (0, ascending.Count);
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (ascending[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static double Rate(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    private static IReadOnlyList<KpiCount> Ordered(SortedDictionary<string, int> counts, bool byFrequency)
    {
        var groups = counts.Select(g => new KpiCount(g.Key, g.Value));
        return byFrequency
            ? [.. groups.OrderByDescending(g => g.Count).ThenBy(g => g.Key, StringComparer.Ordinal)]
            : [.. groups.OrderBy(g => g.Key == "none" ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal)];
    }
}

using Escalation.Core.Decisions;
using Escalation.Core.Storage;
using Escalation.Core.Tickets;
using Escalation.Core.Workflow;

namespace Escalation.Core.Metrics;

/// <summary>
/// The KPI summary's counts, kept as cases change instead of recomputed from every case per request: each write of a
/// case record replaces its old contribution with its new one (<see cref="Replace"/>). <see cref="Snapshot"/> costs
/// the number of distinct routes, priorities and statuses plus a binary search, whatever the number of cases; only the
/// open reviews' deadlines and the finished reviews' turnarounds are kept per case (as sorted numbers), because the
/// breaches depend on the instant asked about and the percentiles on every value. Not thread-safe: the owner locks.
/// </summary>
public sealed class KpiCounters
{
    private readonly Dictionary<string, int> _byRoute = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _byPriority = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _byStatus = new(StringComparer.Ordinal);
    private readonly List<double> _turnarounds = [];
    private readonly List<long> _openDeadlines = [];
    private int _total;
    private int _decided;
    private int _escalated;
    private int _autoSent;
    private int _open;
    private int _finishedBreaches;

    // Seed KPIs: per priority against the matrix's targets, first responses, escalation cycle times, reviewed cases.
    private readonly Dictionary<string, PriorityTally> _byPriorityTargets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<long>> _openDeadlinesByPriority = new(StringComparer.Ordinal);
    private readonly List<double> _firstResponses = [];
    private readonly List<double> _escalationCycles = [];
    private readonly SortedDictionary<string, ReviewedCase> _reviewed = new(StringComparer.Ordinal);

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
    /// gone). The caller passes exactly the record it counted before, so the counts never drift.
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

    /// <summary>The summary as of <paramref name="asOf"/>: the same numbers <see cref="KpiSummary.From"/> gives for the same cases.</summary>
    public KpiSummary Snapshot(DateTimeOffset asOf, IEnumerable<PolicyConsistencyCheck>? consistency = null)
    {
        var openBreached = LowerBound(_openDeadlines, asOf.UtcTicks); // deadlines strictly before the instant
        return new KpiSummary
        {
            AsOf = asOf,
            TotalCases = _total,
            DecidedCases = _decided,
            ByRoute = Ordered(_byRoute, byFrequency: true),
            ByPriority = Ordered(_byPriority, byFrequency: false),
            ByStatus = Ordered(_byStatus, byFrequency: true),
            ReviewsCompleted = _turnarounds.Count,
            ReviewsOpen = _open,
            ReviewTurnaroundP50Hours = KpiSummary.Percentile(_turnarounds, 0.50),
            ReviewTurnaroundP95Hours = KpiSummary.Percentile(_turnarounds, 0.95),
            SlaBreaches = _finishedBreaches + openBreached,
            EscalationRate = Rate(_escalated, _decided),
            AutoSendRate = Rate(_autoSent, _decided),
            Consistency = consistency is null ? null : PolicyConsistencySummary.From(consistency),
            Targets = [.. _byPriorityTargets.Keys.Union(_openDeadlinesByPriority.Keys).Order(StringComparer.Ordinal).Select(p =>
            {
                var t = _byPriorityTargets.GetValueOrDefault(p) ?? new PriorityTally();
                var open = _openDeadlinesByPriority.TryGetValue(p, out var deadlines) ? LowerBound(deadlines, asOf.UtcTicks) : 0;
                return new PriorityTargetRow(
                    p, PriorityTargets.FirstResponse(p)?.TotalHours, t.Responded, t.RespondedInTarget,
                    PriorityTargets.Resolution(p)?.TotalHours, t.Resolved, t.ResolvedInTarget, t.Breaches + open);
            }).Where(r => r.Responded + r.Resolved + r.SlaBreaches > 0)],
            FirstResponseP50Hours = KpiSummary.Percentile(_firstResponses, 0.50),
            EscalationsClosed = _escalationCycles.Count,
            EscalationCycleP50Hours = KpiSummary.Percentile(_escalationCycles, 0.50),
            EscalationCycleP95Hours = KpiSummary.Percentile(_escalationCycles, 0.95),
            Gaps = _reviewed.Count == 0 ? null : ReviewGapReport.From([.. _reviewed.Values]),
        };
    }

    private sealed class PriorityTally
    {
        public int Responded;
        public int RespondedInTarget;
        public int Resolved;
        public int ResolvedInTarget;
        public int Breaches;
    }

    private void ApplyTargets(CaseRecord c, bool reviewed, int sign)
    {
        var priority = string.IsNullOrEmpty(c.Priority) ? "none" : c.Priority!;
        if (!_byPriorityTargets.TryGetValue(priority, out var tally))
        {
            _byPriorityTargets[priority] = tally = new PriorityTally();
        }

        if (KpiSummary.FirstResponseAt(c) is { } responded)
        {
            var took = responded - c.Created;
            tally.Responded += sign;
            tally.RespondedInTarget += took <= PriorityTargets.FirstResponse(priority) ? sign : 0;
            Sorted(_firstResponses, Math.Max(0, took.TotalHours), sign);
        }

        if (c.Status is CaseStatuses.Sent or CaseStatuses.Resolved or CaseStatuses.ReturnedToTier1 or CaseStatuses.Rejected)
        {
            tally.Resolved += sign;
            tally.ResolvedInTarget += c.Updated - c.Created <= PriorityTargets.Resolution(priority) ? sign : 0;
        }

        if (c.Kind == CaseKindNames.Escalation
            && c.Status is CaseStatuses.Sent or CaseStatuses.Resolved or CaseStatuses.ReturnedToTier1 or CaseStatuses.Escalated or CaseStatuses.Rejected)
        {
            Sorted(_escalationCycles, Math.Max(0, (c.Updated - c.Created).TotalHours), sign);
        }

        if (c.Status == CaseStatuses.AwaitingReview && c.SlaDeadline is { } due)
        {
            if (!_openDeadlinesByPriority.TryGetValue(priority, out var deadlines))
            {
                _openDeadlinesByPriority[priority] = deadlines = [];
            }

            Sorted(deadlines, due.UtcTicks, sign);
        }
        else if (reviewed)
        {
            tally.Breaches += KpiSummary.FinishedReviewBreached(c) ? sign : 0;
            if (ReviewedCase.FromRecord(c) is { } r)
            {
                if (sign > 0)
                {
                    _reviewed[c.CaseId] = r;
                }
                else
                {
                    _reviewed.Remove(c.CaseId);
                }
            }
        }
    }

    private void Apply(CaseRecord c, int sign)
    {
        _total += sign;
        Count(_byRoute, c.Route ?? "undecided", sign);
        Count(_byPriority, string.IsNullOrEmpty(c.Priority) ? "none" : c.Priority!, sign);
        Count(_byStatus, c.Status, sign);
        var reviewed = KpiSummary.WasReviewed(c);
        if (c.Route is not null)
        {
            _decided += sign;
            _escalated += c.Route == Routes.Escalate ? sign : 0;
            _autoSent += c.Route is Routes.DraftAndSend or Routes.ResolveInPlace && !reviewed ? sign : 0;
        }

        if (c.Status == CaseStatuses.AwaitingReview)
        {
            _open += sign;
            if (c.SlaDeadline is { } due)
            {
                Sorted(_openDeadlines, due.UtcTicks, sign);
            }
        }
        else if (reviewed)
        {
            Sorted(_turnarounds, KpiSummary.TurnaroundHours(c), sign);
            _finishedBreaches += KpiSummary.FinishedReviewBreached(c) ? sign : 0;
        }

        ApplyTargets(c, reviewed, sign);
    }

    private static void Count(Dictionary<string, int> counts, string key, int sign)
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

    private static void Sorted<T>(List<T> values, T value, int sign)
        where T : IComparable<T>
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
            throw new InvalidOperationException("A case's old KPI contribution was not counted; the counters would drift.");
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

    private static IReadOnlyList<KpiCount> Ordered(Dictionary<string, int> counts, bool byFrequency)
    {
        var groups = counts.Select(g => new KpiCount(g.Key, g.Value));
        return byFrequency
            ? [.. groups.OrderByDescending(g => g.Count).ThenBy(g => g.Key, StringComparer.Ordinal)]
            : [.. groups.OrderBy(g => g.Key == "none" ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal)];
    }
}

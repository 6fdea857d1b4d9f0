using Escalation.Core.Decisions;

namespace Escalation.Core.Simulation;

/// <summary>
/// What a workspace change would do to past cases: the route transitions, the cases newly sent without a human and newly
/// sent to one, the reason codes gained and lost, priority changes, and the risky flips (cases that would now be sent
/// without a human although a reviewer edited, rejected or escalated the decision on record).
/// </summary>
public sealed record SimulationReport
{
    /// <summary>The candidate workspace's version.</summary>
    public required string CandidateVersion { get; init; }

    /// <summary>The baseline workspace's version; null when each case's recorded decision was the baseline.</summary>
    public string? BaselineVersion { get; init; }

    /// <summary>Cases decided again.</summary>
    public required int Cases { get; init; }

    /// <summary>Cases whose route changed.</summary>
    public int Flipped => Flips.Count(f => f.From != f.To);

    /// <summary>Every (from, to) route pair with its count, the unchanged ones included; most frequent first.</summary>
    public required IReadOnlyList<RouteTransition> Transitions { get; init; }

    /// <summary>Every case whose route, reasons or priority changed, in input order.</summary>
    public required IReadOnlyList<CaseFlip> Flips { get; init; }

    /// <summary>Cases a human handled before that would now be answered without one.</summary>
    public IReadOnlyList<CaseFlip> NewAutoSends => [.. Flips.Where(f => !IsAutomatic(f.From) && IsAutomatic(f.To))];

    /// <summary>Cases answered without a human before that would now go to one.</summary>
    public IReadOnlyList<CaseFlip> NewlyToHumans => [.. Flips.Where(f => IsAutomatic(f.From) && !IsAutomatic(f.To))];

    /// <summary>New auto-sends of cases whose recorded decision a reviewer edited, rejected or escalated.</summary>
    public IReadOnlyList<CaseFlip> RiskyFlips => [.. NewAutoSends.Where(f => f.Risky)];

    /// <summary>Reason codes that appear after but not before, with the number of cases.</summary>
    public required IReadOnlyList<CodeCount> ReasonsGained { get; init; }

    /// <summary>Reason codes that appear before but not after, with the number of cases.</summary>
    public required IReadOnlyList<CodeCount> ReasonsLost { get; init; }

    /// <summary>Priority changes (<c>P2 → P1</c>) with their counts.</summary>
    public required IReadOnlyList<CodeCount> PriorityChanges { get; init; }

    /// <summary>What the baseline decisions' refunds and credits add up to, per kind and currency.</summary>
    public required IReadOnlyList<MoneyMoved> MoneyBefore { get; init; }

    /// <summary>The same for the candidate's decisions.</summary>
    public required IReadOnlyList<MoneyMoved> MoneyAfter { get; init; }

    /// <summary>Cases not decided again, with why.</summary>
    public required IReadOnlyList<SkippedCase> Skipped { get; init; }

    /// <summary>True for routes that answer the customer without a human: <c>draft-and-send</c> and <c>resolve-in-place</c>.</summary>
    public static bool IsAutomatic(string route) => route is Routes.DraftAndSend or Routes.ResolveInPlace;

    /// <summary>Review outcomes that mean the reviewer did not accept the recorded decision as it was.</summary>
    public static bool OverruledByReviewer(string? outcome) => outcome is "edit" or "reject" or "escalate";

    /// <summary>The report over every comparison, in their order.</summary>
    public static SimulationReport From(string candidateVersion, string? baselineVersion, IEnumerable<CaseComparison> comparisons)
    {
        var builder = new Builder(candidateVersion, baselineVersion);
        foreach (var c in comparisons)
        {
            if (c.Before is { } before && c.After is { } after)
            {
                builder.Add(c, before, after);
            }
            else
            {
                builder.Skip(c.Id, c.Skipped ?? "not compared");
            }
        }

        return builder.Build();
    }

    private sealed class Builder(string candidateVersion, string? baselineVersion)
    {
        private readonly Dictionary<(string From, string To), int> _transitions = [];
        private readonly Dictionary<string, int> _gained = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _lost = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _priorities = new(StringComparer.Ordinal);
        private readonly List<CaseFlip> _flips = [];
        private readonly List<SkippedCase> _skipped = [];
        private readonly List<MoneyMoved> _before = [];
        private readonly List<MoneyMoved> _after = [];
        private int _cases;

        public void Skip(string id, string why) => _skipped.Add(new SkippedCase(id, why));

        public void Add(CaseComparison c, RecordedDecision before, RecordedDecision after)
        {
            _cases++;
            _before.AddRange(before.Money);
            _after.AddRange(after.Money);
            _transitions[(before.Route, after.Route)] = _transitions.GetValueOrDefault((before.Route, after.Route)) + 1;
            var gained = after.Reasons.Except(before.Reasons, StringComparer.Ordinal).ToList();
            var lost = before.Reasons.Except(after.Reasons, StringComparer.Ordinal).ToList();
            gained.ForEach(code => _gained[code] = _gained.GetValueOrDefault(code) + 1);
            lost.ForEach(code => _lost[code] = _lost.GetValueOrDefault(code) + 1);
            var priorityChanged = before.Priority is not null && after.Priority is not null && before.Priority != after.Priority;
            if (priorityChanged)
            {
                var key = $"{before.Priority} → {after.Priority}";
                _priorities[key] = _priorities.GetValueOrDefault(key) + 1;
            }

            if (before.Route != after.Route || gained.Count > 0 || lost.Count > 0 || priorityChanged)
            {
                _flips.Add(new CaseFlip
                {
                    Id = c.Id,
                    TicketId = c.TicketId,
                    From = before.Route,
                    To = after.Route,
                    ReasonsBefore = before.Reasons,
                    ReasonsAfter = after.Reasons,
                    PriorityBefore = before.Priority,
                    PriorityAfter = after.Priority,
                    ReviewOutcome = c.ReviewOutcome,
                    AuditUrl = c.AuditUrl,
                });
            }
        }

        public SimulationReport Build() => new()
        {
            CandidateVersion = candidateVersion,
            BaselineVersion = baselineVersion,
            Cases = _cases,
            Transitions = [.. _transitions.Select(t => new RouteTransition(t.Key.From, t.Key.To, t.Value))
                .OrderByDescending(t => t.Count).ThenBy(t => t.From, StringComparer.Ordinal).ThenBy(t => t.To, StringComparer.Ordinal)],
            Flips = _flips,
            ReasonsGained = Counts(_gained),
            ReasonsLost = Counts(_lost),
            PriorityChanges = Counts(_priorities),
            MoneyBefore = MoneyMoved.Sum(_before),
            MoneyAfter = MoneyMoved.Sum(_after),
            Skipped = _skipped,
        };

        private static IReadOnlyList<CodeCount> Counts(Dictionary<string, int> counts) =>
            [.. counts.Select(c => new CodeCount(c.Key, c.Value)).OrderByDescending(c => c.Count).ThenBy(c => c.Code, StringComparer.Ordinal)];
    }
}

/// <summary>How many cases went from one route to another (the same route when unchanged).</summary>
public sealed record RouteTransition(string From, string To, int Count);

/// <summary>A reason code (or a priority change) and the number of cases.</summary>
public sealed record CodeCount(string Code, int Count);

/// <summary>A case the simulation could not decide again, and why.</summary>
public sealed record SkippedCase(string Id, string Why);

/// <summary>One case whose decision would change: route, reason codes and priority before and after.</summary>
public sealed record CaseFlip
{
    public required string Id { get; init; }
    public required string TicketId { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public required IReadOnlyList<string> ReasonsBefore { get; init; }
    public required IReadOnlyList<string> ReasonsAfter { get; init; }
    public string? PriorityBefore { get; init; }
    public string? PriorityAfter { get; init; }

    /// <summary>What a reviewer did with the decision on record; null when nobody reviewed it.</summary>
    public string? ReviewOutcome { get; init; }

    /// <summary>The recorded decision's audit URL, when there is one.</summary>
    public string? AuditUrl { get; init; }

    /// <summary>The case would now be sent without a human although a reviewer overruled the decision on record.</summary>
    public bool Risky => SimulationReport.IsAutomatic(To) && !SimulationReport.IsAutomatic(From) && SimulationReport.OverruledByReviewer(ReviewOutcome);
}

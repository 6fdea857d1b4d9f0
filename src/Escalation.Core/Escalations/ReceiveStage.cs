using System.Text.RegularExpressions;
using Escalation.Core.Cases;
using Escalation.Core.Tickets;
using Escalation.Core.Tracing;

namespace Escalation.Core.Escalations;

/// <summary>The output of <c>receive</c>: the tier-1 handoff with whitespace normalised and every ambiguity found.</summary>
public sealed record ReceivedHandoff
{
    public required TierOneHandoff Handoff { get; init; }

    /// <summary>Missing or contradictory fields and unclear expectations, one sentence each.</summary>
    public IReadOnlyList<HandoffIssue> Issues { get; init; } = [];

    /// <summary>Tier 1 recorded nothing it tried.</summary>
    public bool WhatTriedEmpty { get; init; }

    /// <summary>Any issue other than an empty "what was tried" (that one alone is handled by returning the case to tier 1).</summary>
    public bool Ambiguous => Issues.Any(i => i.Field != "whatTried");
    public IReadOnlyList<TraceEntry> Trace { get; init; } = [];
}

/// <summary>One problem with a handoff field.</summary>
public sealed record HandoffIssue(string Field, string Problem);

/// <summary><c>receive</c>: accepts the tier-1 handoff (seed 003's template) with the thread and detects handoff ambiguity.</summary>
public sealed partial class ReceiveStage
{
    private const string Stage = "receive";

    /// <summary>Read the handoff of <paramref name="ticket"/> as of <paramref name="now"/>.</summary>
    public ReceivedHandoff Receive(CaseSubmission ticket, DateTimeOffset now)
    {
        var h = ticket.Handoff ?? new TierOneHandoff();
        string? N(string? s) => string.IsNullOrWhiteSpace(s) ? null : CaseText.Normalize(s);
        var tried = h.WhatTried
            .Select(a => new HandoffAttempt { Action = N(a.Action), Result = N(a.Result) })
            .Where(a => a.Action is not null || a.Result is not null)
            .ToArray();
        var handoff = h with
        {
            Summary = N(h.Summary), Category = N(h.Category)?.ToLowerInvariant(), Priority = N(h.Priority)?.ToUpperInvariant(),
            WhatTried = tried, WhatNeeded = N(h.WhatNeeded), CustomerExpectation = N(h.CustomerExpectation), UrgencyReason = N(h.UrgencyReason),
        };
        var issues = new List<HandoffIssue>();
        if (ticket.Handoff is null)
        {
            issues.Add(new HandoffIssue("handoff", "No tier-1 handoff was attached."));
        }

        if (handoff.Summary is null) issues.Add(new HandoffIssue("summary", "Summary is missing."));
        if (handoff.Category is null) issues.Add(new HandoffIssue("category", "Category is missing."));
        if (handoff.Priority is null) issues.Add(new HandoffIssue("priority", "Priority is missing."));
        else if (!PriorityPattern().IsMatch(handoff.Priority)) issues.Add(new HandoffIssue("priority", $"Priority \"{handoff.Priority}\" is not P0–P3."));
        if (handoff.Started is { } started && started > now) issues.Add(new HandoffIssue("started", "Started is in the future."));
        // Tier 1 taking a ticket up days after the customer first wrote is ordinary (a queue, a weekend), and "started" is
        // read either as when the issue began or when tier 1 began on it: noted in the trace, no ambiguity in what is asked.
        var lateStart = handoff.Started is { } s2 && ticket.Messages.FirstOrDefault(m => m.At is not null)?.At is { } firstAt && s2 > firstAt.AddDays(1);

        if (tried.Length == 0) issues.Add(new HandoffIssue("whatTried", "Nothing tier 1 tried is recorded."));
        if (handoff.WhatNeeded is null) issues.Add(new HandoffIssue("whatNeeded", "What is needed is missing."));
        if (handoff.CustomerExpectation is null || Vague().IsMatch(handoff.CustomerExpectation))
        {
            issues.Add(new HandoffIssue("customerExpectation", $"Customer expectation is unclear{(handoff.CustomerExpectation is null ? "" : $" (\"{handoff.CustomerExpectation}\")")}."));
        }

        if (handoff.WhatNeeded is { } need && handoff.CustomerExpectation is { } exp && Contradicts(need, exp))
        {
            issues.Add(new HandoffIssue("customerExpectation", $"What is needed (\"{need}\") and the customer expectation (\"{exp}\") point different ways."));
        }

        var trace = new List<TraceEntry>
        {
            TraceEntry.Read(Stage, $"Read the tier-1 handoff ({tried.Length} attempt(s) recorded) and a thread of {ticket.Messages.Count} message(s)."),
        };
        trace.AddRange(issues.Select(i => TraceEntry.Found(Stage, $"Handoff {i.Field}: {i.Problem}")));
        if (lateStart)
        {
            trace.Add(TraceEntry.Found(Stage, "Handoff started: later than the first message of the thread (tier 1 took it up later; not an ambiguity)."));
        }

        trace.Add(TraceEntry.Decided(Stage, issues.Count == 0 ? "Handoff is complete and consistent."
            : issues.Any(i => i.Field != "whatTried") ? $"Handoff is ambiguous ({issues.Count} issue(s))." : "Handoff is clear but records nothing tier 1 tried."));
        return new ReceivedHandoff { Handoff = handoff, Issues = issues, WhatTriedEmpty = tried.Length == 0, Trace = trace };
    }

    /// <summary>A refund expected while "credit only" is needed, or the reverse.</summary>
    private static bool Contradicts(string need, string expectation)
    {
        var n = need.ToLowerInvariant();
        var e = expectation.ToLowerInvariant();
        return (n.Contains("no refund", StringComparison.Ordinal) && e.Contains("refund", StringComparison.Ordinal) && !e.Contains("no refund", StringComparison.Ordinal))
            || (n.Contains("cancel", StringComparison.Ordinal) && e.Contains("stay", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^P[0-3]$")]
    private static partial Regex PriorityPattern();

    [GeneratedRegex(@"^(\?+|n/?a|tbd|unknown|unclear|not sure|none|-+|see (thread|ticket|above)|.{0,5})$", RegexOptions.IgnoreCase)]
    private static partial Regex Vague();
}

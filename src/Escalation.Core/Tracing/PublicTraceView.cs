using System.Text.RegularExpressions;

namespace Escalation.Core.Tracing;

/// <summary>
/// The customer's view of a decision trace (the public audit link): which policy was applied, what
/// context was considered, the reasoning and the decision — without internal notes, other customers'
/// data (precedents, evidence quotes), reviewer identities, model internals or the customer's email.
/// </summary>
public sealed partial record PublicTraceView
{
    public required string TraceId { get; init; }
    public required string CaseId { get; init; }
    public required string TicketId { get; init; }
    public required string Kind { get; init; }
    public required DateTimeOffset At { get; init; }

    /// <summary>Policies applied: id, version and title.</summary>
    public IReadOnlyList<PublicPolicy> Policies { get; init; } = [];

    /// <summary>The context considered, in plain words (tier, tenure, signals).</summary>
    public IReadOnlyList<string> Context { get; init; } = [];

    /// <summary>Why, in plain words.</summary>
    public IReadOnlyList<string> Reasoning { get; init; } = [];

    /// <summary>The route taken, in plain words; null when the record carries no decision.</summary>
    public string? Decision { get; init; }

    /// <summary>"the support agent" or "a senior specialist" — never a person's identity.</summary>
    public required string DecidedBy { get; init; }

    /// <summary>The redacted view of a trace.</summary>
    public static PublicTraceView From(string traceId, DecisionTrace trace)
    {
        var context = new List<string>();
        if (trace.Customer is { } c)
        {
            context.Add($"Plan: {c.Tier}");
            if (c.TenureMonths is { } months)
            {
                context.Add($"Customer for {months} month{(months == 1 ? "" : "s")}");
            }
        }

        if (trace.Signals is { } s)
        {
            context.Add($"Priority: {s.Priority}");
            context.AddRange(s.Flags.Select(FlagWords));
        }

        var reasoning = trace.Entries
            .Where(e => e.Kind == TraceKinds.Decided)
            .Select(e => Scrub(e.Text))
            .Concat(trace.Decision?.Reasons.Select(Scrub) ?? [])
            .Distinct(StringComparer.Ordinal)
            .ToList();

        return new PublicTraceView
        {
            TraceId = traceId,
            CaseId = trace.CaseId,
            TicketId = trace.TicketId,
            Kind = trace.Kind,
            At = trace.At,
            Policies = [.. trace.Policies.Select(p => new PublicPolicy(p.Id, p.Version, p.Title))],
            Context = context,
            Reasoning = reasoning,
            Decision = trace.Decision is { } d ? RouteWords(d.Route) : null,
            DecidedBy = trace.Actor.Kind == TraceActor.ReviewerKind ? "a senior specialist" : "the support agent",
        };
    }

    /// <summary>Plain words for a signal flag.</summary>
    public static string FlagWords(string flag) => flag switch
    {
        "legal" => "Legal or compliance matter raised",
        "negative" => "The message reads as unhappy",
        "complaint" => "A complaint",
        "abusive" => "Strong language",
        "manager-request" => "Asked for a manager",
        "churn-threat" => "Considering cancelling",
        "outage" => "Affected by an outage",
        "data-loss" => "Possible data loss",
        "security" => "Security concern",
        "chargeback" => "Payment dispute mentioned",
        "vip" => "Priority account",
        "repeat-complainant" => "Has raised this before",
        "commercially-sensitive" => "Renewal or account size makes this sensitive",
        _ => flag.Replace('-', ' '),
    };

    /// <summary>Plain words for a route.</summary>
    public static string RouteWords(string route) => route switch
    {
        "draft-and-send" => "Answered directly",
        "draft-for-review" => "Answer reviewed by a senior specialist before sending",
        "escalate" => "Handed to a senior specialist",
        "resolve-in-place" => "Resolved",
        "return-to-tier-1" => "Returned to the support team with guidance",
        _ => route.Replace('-', ' '),
    };

    /// <summary>Removes email addresses from text meant for the customer.</summary>
    private static string Scrub(string text) => EmailPattern().Replace(text, "[email]");

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();
}

/// <summary>A policy as the public view names it.</summary>
public sealed record PublicPolicy(string Id, string Version, string Title);

using System.Globalization;
using System.Text;
using Escalation.Core.Tracing;

namespace Escalation.Core.Escalations;

/// <summary>The output of <c>document</c>: an internal note ready to post on the ticket.</summary>
public sealed record EscalationNote(string Text, IReadOnlyList<TraceEntry> Trace);

/// <summary><c>document</c>: an annotated handoff (or resolution note) in seed 003's handoff template shape, plus the rationale.</summary>
public sealed class DocumentStage
{
    private const string Stage = "document";

    /// <summary>Write the note for one escalation.</summary>
    public EscalationNote Document(ReceivedHandoff received, EscalationContext context, PolicyApplication application, EscalationOutcome outcome)
    {
        var h = received.Handoff;
        var c = context.Customer;
        var t = context.Signals.Text;
        var sb = new StringBuilder();
        string Q(string? s) => "\"" + (s ?? "").Replace("\"", "'", StringComparison.Ordinal) + "\"";
        sb.AppendLine(outcome.Route == Decisions.Routes.ResolveInPlace ? "# Resolution note" : "# Annotated escalation handoff");
        sb.AppendLine("escalation:");
        sb.AppendLine($"  ticket_id: {Q(context.TicketId)}");
        sb.AppendLine("  customer:");
        sb.AppendLine($"    name: {Q(c.Name)}");
        sb.AppendLine($"    tier: {Q(c.Tier)}");
        sb.AppendLine($"    arr: {c.Arr.ToString(CultureInfo.InvariantCulture)}");
        sb.AppendLine($"    sentiment: {Q(t.Intensity >= 0.75 ? "angry" : t.Negative ? "frustrated" : "neutral")}");
        sb.AppendLine($"    previous_escalations: {c.History.Count(x => x.Kind == "escalation")}");
        sb.AppendLine("  issue:");
        sb.AppendLine($"    summary: {Q(h.Summary)}");
        sb.AppendLine($"    category: {Q(h.Category)}");
        sb.AppendLine($"    priority: {Q(context.Signals.Priority)}");
        sb.AppendLine($"    started: {Q(h.Started?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))}");
        sb.AppendLine("  what_tried:");
        foreach (var a in context.PriorActions.DefaultIfEmpty("(nothing recorded)"))
        {
            sb.AppendLine($"    - {Q(a)}");
        }

        sb.AppendLine($"  what_needed: {Q(outcome.Resolution)}");
        sb.AppendLine($"  customer_expectation: {Q(h.CustomerExpectation)}");
        sb.AppendLine($"  urgency_reason: {Q(h.UrgencyReason ?? string.Join("; ", outcome.Reasons.Select(r => r.Code)))}");
        sb.AppendLine();
        sb.AppendLine($"Outcome: {outcome.Route}{(outcome.SlaDeadline is { } d ? $" (queue {outcome.ReviewerQueue}, due {d.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture)})" : "")}");
        sb.AppendLine("Rationale:");
        foreach (var r in outcome.Reasons) sb.AppendLine($"- {r.Code}: {r.Text}");
        foreach (var r in application.Rules) sb.AppendLine($"- {r.Status} {r.Rule} [{r.Citation}]: {r.Result}");
        if (application.ExceptionRationale is { } x) sb.AppendLine($"- exception rationale: {x}");
        foreach (var i in received.Issues) sb.AppendLine($"- handoff {i.Field}: {i.Problem}");
        foreach (var p in context.Retrieval.Precedents) sb.AppendLine($"- precedent {p.Id} ({p.Decision}): {p.Title}");
        if (outcome.Guidance.Count > 0)
        {
            sb.AppendLine("Guidance for tier 1:");
            foreach (var g in outcome.Guidance) sb.AppendLine($"- {g}");
        }

        var text = sb.ToString().TrimEnd();
        return new EscalationNote(text, [TraceEntry.Decided(Stage, $"Wrote a {(outcome.Route == Decisions.Routes.ResolveInPlace ? "resolution note" : "annotated handoff")} of {text.Length} characters.")]);
    }
}

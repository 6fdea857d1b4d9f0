using Escalation.Core.Tracing;

namespace Escalation.Core.Actions;

/// <summary>Trace lines for actions: what a decision proposed, and what was executed.</summary>
public static class ActionTrace
{
    /// <summary>The trace stage of action lines.</summary>
    public const string Stage = "actions";

    /// <summary>One <c>decided</c> line per proposed action, citing its policy.</summary>
    public static IEnumerable<TraceEntry> Proposed(IReadOnlyList<CaseAction> actions) => actions.Select((a, i) =>
        TraceEntry.Decided(Stage, $"Proposed action {i + 1}: {a.Describe()} under rule {a.Rule ?? "-"}"
            + (a.Limit is { } l && a.Amount is not null ? $", policy limit {Cases.Money.Format(l, a.Currency ?? "EUR")}" : "")
            + (a.NeedsApproval ? "; needs a person's approval." : "; within authority."), a.PolicyCitation));
}

using Escalation.Core.Tickets;

namespace Escalation.Core.Simulation;

/// <summary>
/// One case to decide again: the ticket as submitted, the instant it was decided (replays decide as of that instant, so
/// windows and deadlines read the same), and — for a stored case — what was decided then and what the reviewer did.
/// </summary>
/// <param name="Id">The case id (or, for a ticket file, its file name).</param>
/// <param name="Ticket">The submission.</param>
/// <param name="DecidedAt">The instant the case was (or is to be) decided.</param>
/// <param name="Recorded">The decision on record; null for a ticket file.</param>
/// <param name="ReviewOutcome">What a reviewer did with the recorded decision (<c>approve</c>, <c>edit</c>, <c>reject</c>, <c>escalate</c>, <c>sla-timeout</c>); null when nobody reviewed it.</param>
/// <param name="AuditUrl">The recorded decision's audit URL, when there is one.</param>
public sealed record SimulatedCase(
    string Id, CaseSubmission Ticket, DateTimeOffset DecidedAt, RecordedDecision? Recorded = null, string? ReviewOutcome = null, string? AuditUrl = null);

/// <summary>
/// One case decided again: its baseline decision and the candidate's (both null and <see cref="Skipped"/> set when it
/// could not be compared). Small and serialisable, so batches decided apart (a Durable fan-out) merge into one report.
/// </summary>
public sealed record CaseComparison(string Id, string TicketId, string? ReviewOutcome, string? AuditUrl, RecordedDecision? Before, RecordedDecision? After)
{
    /// <summary>Why the case was not compared; null when it was.</summary>
    public string? Skipped { get; init; }

    internal static CaseComparison Skip(SimulatedCase c, string why) => new(c.Id, c.Ticket.TicketId, c.ReviewOutcome, c.AuditUrl, null, null) { Skipped = why };
}

/// <summary>
/// A decision as the simulation compares it: route, reason codes, priority, the workspace version that made it and the
/// money its actions move (refunds and credits, auto-approved or on a reviewer's approval).
/// </summary>
public sealed record RecordedDecision(string Route, IReadOnlyList<string> Reasons, string? Priority, string? WorkspaceVersion)
{
    public IReadOnlyList<MoneyMoved> Money { get; init; } = [];

    /// <summary>The refunds and credits among <paramref name="actions"/>, summed per kind and currency.</summary>
    public static IReadOnlyList<MoneyMoved> MoneyOf(IEnumerable<Actions.CaseAction> actions) =>
        MoneyMoved.Sum(actions.Where(a => a.Kind is Actions.ActionKinds.Refund or Actions.ActionKinds.Credit && a.Amount is > 0)
            .Select(a => new MoneyMoved(a.Kind, a.Currency ?? "", a.Amount!.Value, a.NeedsApproval ? MoneyMoved.OnApproval : MoneyMoved.Automatic)));
}

/// <summary>
/// An amount of money a kind of action moves (e.g. <c>refund</c>, <c>EUR</c>, 49) and <see cref="When"/>: <c>auto</c>
/// (executed without a human) or <c>on-approval</c> (proposed to a reviewer).
/// </summary>
public sealed record MoneyMoved(string Kind, string Currency, decimal Amount, string When)
{
    public const string Automatic = "auto";
    public const string OnApproval = "on-approval";

    /// <summary>The amounts summed per kind, currency and when, in that order.</summary>
    public static IReadOnlyList<MoneyMoved> Sum(IEnumerable<MoneyMoved> amounts) =>
        [.. amounts.GroupBy(m => (m.Kind, m.Currency, m.When)).Select(g => new MoneyMoved(g.Key.Kind, g.Key.Currency, g.Sum(m => m.Amount), g.Key.When))
            .OrderBy(m => m.Kind, StringComparer.Ordinal).ThenBy(m => m.Currency, StringComparer.Ordinal).ThenBy(m => m.When, StringComparer.Ordinal)];
}

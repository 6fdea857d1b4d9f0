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

/// <summary>A decision as the simulation compares it: route, reason codes, priority and the workspace version that made it.</summary>
public sealed record RecordedDecision(string Route, IReadOnlyList<string> Reasons, string? Priority, string? WorkspaceVersion);

using Escalation.Core.Decisions;

namespace Escalation.Cli;

/// <summary>One JSON line of <c>triage --json</c>.</summary>
public sealed record TriageLine(
    string TicketId, string Kind, string Priority, string? Language, string Route, IReadOnlyList<string> Reasons, IReadOnlyList<string> ReasonCodes,
    string Draft, string? InternalNote, string? ExceptionRationale, string ReviewerQueue, DateTimeOffset? SlaDeadline, int? ToneScore,
    IReadOnlyList<string> Citations, IReadOnlyList<string> PrecedentIds, string? PlaybookId, string WorkspaceVersion, string File)
{
    public static TriageLine From(CaseDecision d, string file) => new(
        d.TicketId, d.Kind, d.Priority, d.Language, d.Route, d.Reasons.Select(r => $"{r.Code}: {r.Text}").ToArray(), d.Reasons.Select(r => r.Code).ToArray(),
        d.Draft, d.InternalNote, d.ExceptionRationale, d.ReviewerQueue, d.SlaDeadline, d.ToneScore, d.Citations, d.PrecedentIds, d.PlaybookId,
        d.WorkspaceVersion, file);
}

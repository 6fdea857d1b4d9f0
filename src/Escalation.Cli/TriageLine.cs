using Escalation.Core.Decisions;

namespace Escalation.Cli;

/// <summary>One JSON line of <c>triage --json</c>.</summary>
public sealed record TriageLine(
    string TicketId, string Kind, string Priority, string? Language, string Route, IReadOnlyList<string> Reasons, IReadOnlyList<string> ReasonCodes,
    string Draft, string? InternalNote, string? ExceptionRationale, string ReviewerQueue, DateTimeOffset? SlaDeadline, int? ToneScore,
    IReadOnlyList<string> Citations, IReadOnlyList<string> PrecedentIds, string? PlaybookId, string WorkspaceVersion, string File,
    IReadOnlyList<TriageAction> Actions)
{
    public static TriageLine From(CaseDecision d, string file) => new(
        d.TicketId, d.Kind, d.Priority, d.Language, d.Route, d.Reasons.Select(r => $"{r.Code}: {r.Text}").ToArray(), d.Reasons.Select(r => r.Code).ToArray(),
        d.Draft, d.InternalNote, d.ExceptionRationale, d.ReviewerQueue, d.SlaDeadline, d.ToneScore, d.Citations, d.PrecedentIds, d.PlaybookId,
        d.WorkspaceVersion, file, d.Actions.Select(a => TriageAction.From(a, d.Route)).ToArray());
}

/// <summary>
/// An action as <c>triage</c> shows it (a dry run: nothing is executed): what would be done, whether it runs on its own
/// (<c>auto</c>: the case is sent or resolved without a human and the policy authorises it now) or only after a reviewer
/// approves it (<c>on-approval</c>: every action of a case routed to review or escalated), and the policy.
/// </summary>
public sealed record TriageAction(string Kind, string Description, decimal? Amount, string? Currency, decimal? Limit, string When, string Policy)
{
    public static TriageAction From(Escalation.Core.Actions.CaseAction a, string route) =>
        new(a.Kind, a.Describe(), a.Amount, a.Currency, a.Limit,
            !a.NeedsApproval && route is Routes.DraftAndSend or Routes.ResolveInPlace ? "auto" : "on-approval", a.PolicyCitation.Split('#')[0]);
}

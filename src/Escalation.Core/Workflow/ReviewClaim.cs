namespace Escalation.Core.Workflow;

/// <summary>
/// The first decision on a case waiting for review, recorded create-if-absent before the <c>ReviewDecision</c> event
/// is raised: whoever records it decided, everyone after is told who did and what. The SLA timer claims the case too
/// (<see cref="SlaTimeoutAction"/>), so a decision posted after it fired is refused instead of dropped.
/// </summary>
/// <param name="CaseId">The case decided.</param>
/// <param name="Action">A <see cref="ReviewActions"/> value, or <see cref="SlaTimeoutAction"/>.</param>
/// <param name="Reviewer">Who decided (from the signed link), or <c>agent</c> for the SLA timer.</param>
/// <param name="At">When the claim was made (for the SLA timer: the deadline).</param>
/// <param name="TextSha256">SHA-256 (hex) of the reply text the decision sends; null when it sends none.</param>
/// <param name="Note">The reviewer's note.</param>
/// <param name="EditedReplyArtifact">For <c>edit</c>: the content-addressed artifact holding the edited reply.</param>
/// <param name="ActionChanges">The reviewer's changes to the proposed actions: dropped ones and lowered amounts.</param>
public sealed record ReviewClaim(
    string CaseId, string Action, string Reviewer, DateTimeOffset At, string? TextSha256 = null, string? Note = null, string? EditedReplyArtifact = null,
    IReadOnlyList<Actions.ActionChange>? ActionChanges = null)
{
    /// <summary>The action of the claim the SLA timer makes when nobody decided before the deadline.</summary>
    public const string SlaTimeoutAction = "sla-timeout";

    /// <summary>The actor of the SLA timer's claim.</summary>
    public const string Agent = TraceActors.Agent;

    /// <summary>True when the SLA timer, not a reviewer, holds the case.</summary>
    public bool IsSlaTimeout => Action == SlaTimeoutAction;

    /// <summary>The event a reviewer's claim raises.</summary>
    public ReviewDecision ToDecision() => new(Action, Reviewer, Note, EditedReplyArtifact, ActionChanges is { Count: > 0 } ? ActionChanges : null);
}

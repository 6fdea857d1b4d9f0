using Escalation.Core.Privacy;
using Escalation.Core.Storage;
using Escalation.Core.Workflow;

namespace Escalation.Api.Cases;

/// <summary>
/// Who decides a case waiting for review: the first reviewer to record a <see cref="ReviewClaim"/>, or the SLA timer
/// once the deadline has passed. A decision is claimed, with the hash of the text it sends, before its event is raised,
/// so concurrent reviewers cannot both be told they won and a loser's text can never be the one sent.
/// </summary>
public sealed class ReviewClaims(IReviewClaimStore store, CaseArtifacts artifacts, ICaseKeyStore? keys = null)
{
    /// <summary>
    /// The claim that already closes the case to reviewers: a reviewer's, or the SLA timer's — recorded here when
    /// <paramref name="deadline"/> has passed at <paramref name="now"/> and nobody claimed before, so the timer's
    /// escalation and this answer agree. Null while the case still waits for a decision.
    /// </summary>
    public async Task<ReviewClaim?> ClosedAsync(string caseId, DateTimeOffset? deadline, DateTimeOffset now, CancellationToken ct = default)
    {
        if (await store.GetAsync(caseId, ct).ConfigureAwait(false) is { } held)
        {
            return held;
        }

        return deadline is { } d && now >= d ? await store.ClaimAsync(SlaTimeout(caseId, d), ct).ConfigureAwait(false) : null;
    }

    /// <summary>
    /// Claims the case for a reviewer's decision; returns the claim that holds and whether it is this one. An edited
    /// reply is stored content-addressed first, so a claim never names a text that is not stored.
    /// </summary>
    public async Task<(ReviewClaim Held, bool Won)> ClaimAsync(string caseId, string action, string reviewer, string? note, string? editedReply, DateTimeOffset now, CancellationToken ct = default,
        IReadOnlyList<Core.Actions.ActionChange>? actionChanges = null)
    {
        string? artifact = null;
        string? sha = null;
        if (action == ReviewActions.Edit && editedReply is not null)
        {
            artifact = await artifacts.PutReviewEditAsync(caseId, editedReply, ct).ConfigureAwait(false);
            sha = CaseArtifacts.TextSha256(editedReply);
        }
        else if (action == ReviewActions.Approve && await artifacts.TextAsync(caseId, CaseArtifacts.Draft, ct).ConfigureAwait(false) is { } draft)
        {
            sha = CaseArtifacts.TextSha256(draft);
        }

        // A reviewer's note may quote the customer: it travels (claim, orchestration event and history, trace) sealed
        // under the case key, in the trace's context so the trace that records it opens it like its other fields.
        if (note is { Length: > 0 } && keys is not null)
        {
            note = SealedText.Seal(await keys.GetOrCreateAsync(caseId, ct).ConfigureAwait(false), TraceSealing.Context, note);
        }

        var mine = new ReviewClaim(caseId, action, reviewer, now, sha, note, artifact, actionChanges is { Count: > 0 } ? actionChanges : null);
        var held = await store.ClaimAsync(mine, ct).ConfigureAwait(false);
        return (held, held == mine);
    }

    /// <summary>
    /// For the orchestration when its SLA timer fired: the decision a reviewer claimed before (their event is on its
    /// way, or was lost with a crash), or null after claiming the case for the timer.
    /// </summary>
    public async Task<ReviewDecision?> ClaimForTimeoutAsync(string caseId, DateTimeOffset deadline, CancellationToken ct = default)
    {
        var held = await store.ClaimAsync(SlaTimeout(caseId, deadline), ct).ConfigureAwait(false);
        return held.IsSlaTimeout ? null : held.ToDecision();
    }

    private static ReviewClaim SlaTimeout(string caseId, DateTimeOffset deadline) =>
        new(caseId, ReviewClaim.SlaTimeoutAction, ReviewClaim.Agent, deadline);
}

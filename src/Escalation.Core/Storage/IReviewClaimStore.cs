using Escalation.Core.Workflow;

namespace Escalation.Core.Storage;

/// <summary>One <see cref="ReviewClaim"/> per case, created once and never replaced.</summary>
public interface IReviewClaimStore
{
    /// <summary>
    /// Records <paramref name="claim"/> unless its case already has one; returns the claim that holds — the given one
    /// when it won. Atomic across processes: of any number of racing callers exactly one gets its own claim back.
    /// </summary>
    Task<ReviewClaim> ClaimAsync(ReviewClaim claim, CancellationToken cancellationToken = default);

    /// <summary>The case's claim, or null when nobody has decided.</summary>
    Task<ReviewClaim?> GetAsync(string caseId, CancellationToken cancellationToken = default);
}

using System.Collections.Concurrent;
using Escalation.Core.Storage;
using Escalation.Core.Workflow;

namespace Escalation.Api.Cases;

/// <summary>Review claims in memory: for tests and benchmarks in one process; lost on restart.</summary>
public sealed class InMemoryReviewClaimStore : IReviewClaimStore
{
    private readonly ConcurrentDictionary<string, ReviewClaim> _claims = new(StringComparer.Ordinal);

    public Task<ReviewClaim> ClaimAsync(ReviewClaim claim, CancellationToken cancellationToken = default) =>
        Task.FromResult(_claims.GetOrAdd(claim.CaseId, claim));

    public Task<ReviewClaim?> GetAsync(string caseId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_claims.TryGetValue(caseId, out var claim) ? claim : null);
}

using Escalation.Core.Workflow;

namespace Escalation.Core.Storage;

/// <summary>Queries over any <see cref="ICaseIndex"/>.</summary>
public static class CaseIndexQueries
{
    /// <summary>
    /// Every case once. The index is read status by status in lifecycle order, so a case that moves on while it is
    /// read is never missed but may be found twice (before and after its move): the later reading wins.
    /// </summary>
    public static async Task<IReadOnlyList<CaseRecord>> QueryAllAsync(this ICaseIndex index, CancellationToken cancellationToken = default)
    {
        var byId = new Dictionary<string, CaseRecord>(StringComparer.Ordinal);
        foreach (var status in CaseStatuses.InLifecycleOrder)
        {
            foreach (var c in await index.QueryByStatusAsync(status, cancellationToken).ConfigureAwait(false))
            {
                byId[c.CaseId] = c;
            }
        }

        return [.. byId.Values];
    }
}

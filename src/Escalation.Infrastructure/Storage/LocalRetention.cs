using Escalation.Core.Storage;
using Escalation.Core.Workflow;

namespace Escalation.Infrastructure.Storage;

/// <summary>
/// Retention of the local store: a finished case's working artifacts (its stage artifacts, <c>a/&lt;caseId&gt;/…</c>)
/// are deleted once the case was last updated more than the retention period ago, and the record log is compacted after.
/// Never deleted: the case record and the decision traces with their chain (the record of what was decided and why).
/// </summary>
public static class LocalRetention
{
    /// <summary>The statuses after which a case changes no more (its artifacts are only evidence of work done).</summary>
    public static readonly IReadOnlySet<string> FinishedStatuses = new HashSet<string>(StringComparer.Ordinal)
    {
        CaseStatuses.Sent, CaseStatuses.Escalated, CaseStatuses.Resolved, CaseStatuses.ReturnedToTier1, CaseStatuses.Rejected, CaseStatuses.Failed,
    };

    /// <summary>
    /// Deletes the stage artifacts of every finished case last updated before <paramref name="before"/>, then compacts the
    /// log. Returns how many cases lost artifacts and how many segments were removed. Reads the case table a status at a
    /// time; a case that has none left costs one look-up.
    /// </summary>
    public static async Task<(int Cases, int Artifacts, int Segments)> PurgeArtifactsAsync(LocalCaseStore store, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        if (store.Log.IsReadOnly)
        {
            throw new InvalidOperationException("Only the writer of a data folder applies retention.");
        }

        int cases = 0, artifacts = 0;
        foreach (var status in FinishedStatuses)
        {
            foreach (var record in await store.Index.QueryByStatusAsync(status, cancellationToken).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (record.Updated >= before)
                {
                    continue;
                }

                var keys = store.Log.KeysIn("a/" + StorageNames.Require(record.CaseId, "caseId") + "/");
                if (keys.Count == 0)
                {
                    continue;
                }

                await Task.WhenAll(keys.Select(k => store.Log.DeleteAsync(k))).ConfigureAwait(false);
                cases++;
                artifacts += keys.Count;
            }
        }

        var segments = await store.Log.CompactAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return (cases, artifacts, segments);
    }
}

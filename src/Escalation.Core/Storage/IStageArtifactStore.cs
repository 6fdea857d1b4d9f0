namespace Escalation.Core.Storage;

/// <summary>A case's working artifacts (drafts, stage results) as JSON, by case and name; replaceable.</summary>
public interface IStageArtifactStore
{
    /// <summary>Creates or replaces an artifact.</summary>
    Task PutAsync(string caseId, string name, string json, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates or replaces a working copy that can be recomputed if it is lost (a stage's intermediate state): an
    /// adapter may skip forcing it to disk. A process crash keeps it; a power loss may lose the latest version.
    /// </summary>
    Task PutRecomputableAsync(string caseId, string name, string json, CancellationToken cancellationToken = default) =>
        PutAsync(caseId, name, json, cancellationToken);

    /// <summary>The artifact's JSON, or null when absent.</summary>
    Task<string?> GetAsync(string caseId, string name, CancellationToken cancellationToken = default);

    /// <summary>The names of the case's artifacts, ordinal order.</summary>
    Task<IReadOnlyList<string>> ListAsync(string caseId, CancellationToken cancellationToken = default);
}

namespace Escalation.Core.Storage;

/// <summary>A case's working artifacts (drafts, stage results) as JSON, by case and name; replaceable.</summary>
public interface IStageArtifactStore
{
    /// <summary>Creates or replaces an artifact.</summary>
    Task PutAsync(string caseId, string name, string json, CancellationToken cancellationToken = default);

    /// <summary>The artifact's JSON, or null when absent.</summary>
    Task<string?> GetAsync(string caseId, string name, CancellationToken cancellationToken = default);

    /// <summary>The names of the case's artifacts, ordinal order.</summary>
    Task<IReadOnlyList<string>> ListAsync(string caseId, CancellationToken cancellationToken = default);
}

using System.Text;

namespace Escalation.Core.Storage;

/// <summary>A case's working artifacts (drafts, stage results) as JSON, by case and name; replaceable.</summary>
public interface IStageArtifactStore
{
    /// <summary>Creates or replaces an artifact.</summary>
    Task PutAsync(string caseId, string name, string json, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates or replaces an artifact given as UTF-8 JSON (what a serializer writes): an adapter that stores bytes
    /// skips the round trip through a string. The store reads <paramref name="utf8Json"/> before the returned task
    /// completes and keeps no reference to it. By default, decoded and passed to <see cref="PutAsync"/>.
    /// </summary>
    Task PutUtf8Async(string caseId, string name, ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken = default) =>
        PutAsync(caseId, name, Encoding.UTF8.GetString(utf8Json.Span), cancellationToken);

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

using System.Text;
using Escalation.Core.Storage;

namespace Escalation.Infrastructure.Storage;

/// <summary>Stage artifacts as files: <c>artifacts/&lt;caseId&gt;/&lt;name&gt;.json</c>, replaced atomically.</summary>
public sealed class FileStageArtifactStore(string dataDirectory) : IStageArtifactStore
{
    private readonly string _dir = Path.Combine(dataDirectory, "artifacts");

    public Task PutAsync(string caseId, string name, string json, CancellationToken cancellationToken = default) =>
        AtomicFile.ReplaceAsync(PathOf(caseId, name), Encoding.UTF8.GetBytes(json), cancellationToken, groupRoot: dataDirectory);

    /// <summary>Replaced atomically like any artifact, without waiting for the disk: the stage that needs it recomputes it if it is lost.</summary>
    public Task PutRecomputableAsync(string caseId, string name, string json, CancellationToken cancellationToken = default) =>
        AtomicFile.ReplaceAsync(PathOf(caseId, name), Encoding.UTF8.GetBytes(json), cancellationToken, flushToDisk: false);

    public async Task<string?> GetAsync(string caseId, string name, CancellationToken cancellationToken = default) =>
        await AtomicFile.ReadOrNullAsync(PathOf(caseId, name), cancellationToken) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    public Task<IReadOnlyList<string>> ListAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var dir = Path.Combine(_dir, StorageNames.Require(caseId, "caseId"));
        IReadOnlyList<string> names = Directory.Exists(dir)
            ? [.. Directory.EnumerateFiles(dir, "*.json").Select(Path.GetFileNameWithoutExtension).Where(n => !n!.StartsWith('.')).Select(n => n!).Order(StringComparer.Ordinal)]
            : [];
        return Task.FromResult(names);
    }

    private string PathOf(string caseId, string name) =>
        Path.Combine(_dir, StorageNames.Require(caseId, "caseId"), StorageNames.Require(name, "name") + ".json");
}

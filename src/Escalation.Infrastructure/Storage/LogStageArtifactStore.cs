using System.Text;
using Escalation.Core.Storage;

namespace Escalation.Infrastructure.Storage;

/// <summary>
/// Stage artifacts as records of the data directory's <see cref="RecordLog"/> (key <c>a/&lt;caseId&gt;/&lt;name&gt;</c>).
/// Artifacts a version before the log stored as files (<c>artifacts/&lt;caseId&gt;/&lt;name&gt;.json</c>) are still read;
/// new writes go to the log only, and the log's record wins over an older file.
/// </summary>
public sealed class LogStageArtifactStore(RecordLog log, string dataDirectory) : IStageArtifactStore
{
    private readonly FileStageArtifactStore? _files = Directory.Exists(Path.Combine(dataDirectory, "artifacts")) ? new(dataDirectory) : null;

    public Task PutAsync(string caseId, string name, string json, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return log.AppendAsync(Key(caseId, name), Encoding.UTF8.GetBytes(json));
    }

    /// <summary>The bytes as they are: the record's payload is UTF-8 JSON.</summary>
    public Task PutUtf8Async(string caseId, string name, ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return log.AppendAsync(Key(caseId, name), utf8Json.Span);
    }

    /// <summary>In the log at once; on disk with the next flush (a power loss may take back the latest version).</summary>
    public Task PutRecomputableAsync(string caseId, string name, string json, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return log.AppendAsync(Key(caseId, name), Encoding.UTF8.GetBytes(json), durable: false);
    }

    public async Task<string?> GetAsync(string caseId, string name, CancellationToken cancellationToken = default) =>
        log.Get(Key(caseId, name)) is { } bytes ? Encoding.UTF8.GetString(bytes)
        : _files is null ? null
        : await _files.GetAsync(caseId, name, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<string>> ListAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var prefix = Key(caseId, "x")[..^1];
        var names = log.KeysIn(prefix).Select(k => k[prefix.Length..]).ToHashSet(StringComparer.Ordinal);
        if (_files is not null)
        {
            names.UnionWith(await _files.ListAsync(caseId, cancellationToken).ConfigureAwait(false));
        }

        return [.. names.Order(StringComparer.Ordinal)];
    }

    private static string Key(string caseId, string name) =>
        "a/" + StorageNames.Require(caseId, "caseId") + "/" + StorageNames.Require(name, "name");
}

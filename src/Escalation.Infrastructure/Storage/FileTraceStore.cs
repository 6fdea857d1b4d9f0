using Escalation.Core.Storage;
using Escalation.Core.Tracing;

namespace Escalation.Infrastructure.Storage;

/// <summary>
/// Decision traces as files under a data directory: <c>traces/&lt;id&gt;.json</c> (content-addressed,
/// create-only) and, per case, <c>chains/&lt;caseId&gt;/&lt;sequence&gt;.link</c> holding the trace id
/// (created exclusively with <see cref="FileMode.CreateNew"/>, so one writer wins each sequence). No code path overwrites or deletes either.
/// </summary>
public sealed class FileTraceStore(string dataDirectory) : ITraceStore
{
    private readonly string _traces = Path.Combine(dataDirectory, "traces");
    private readonly string _chains = Path.Combine(dataDirectory, "chains");

    /// <summary>The file a trace is stored in.</summary>
    public string PathOf(string traceId) => Path.Combine(_traces, RequireId(traceId) + ".json");

    /// <summary>The file of a chain slot.</summary>
    public string LinkPathOf(string caseId, int sequence) =>
        Path.Combine(_chains, StorageNames.Require(caseId, "caseId"), sequence.ToString("D10") + ".link");

    public async Task<string> PutAsync(byte[] canonicalBytes, CancellationToken cancellationToken = default)
    {
        var id = TraceCanonicalJson.IdOf(canonicalBytes);
        var path = PathOf(id);
        if (!await AtomicFile.TryCreateAsync(path, canonicalBytes, cancellationToken, dataDirectory)
            && !(await AtomicFile.ReadOrNullAsync(path, cancellationToken) ?? []).AsSpan().SequenceEqual(canonicalBytes))
        {
            throw new TraceConflictException(id);
        }

        return id;
    }

    public Task<byte[]?> GetAsync(string traceId, CancellationToken cancellationToken = default) =>
        TraceCanonicalJson.IsTraceId(traceId) ? AtomicFile.ReadOrNullAsync(PathOf(traceId), cancellationToken) : Task.FromResult<byte[]?>(null);

    public async Task<IReadOnlyList<ChainLink>> ListChainAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var dir = Path.Combine(_chains, StorageNames.Require(caseId, "caseId"));
        if (!Directory.Exists(dir))
        {
            return [];
        }

        var links = new List<ChainLink>();
        foreach (var file in Directory.EnumerateFiles(dir, "*.link").Order(StringComparer.Ordinal))
        {
            if (int.TryParse(Path.GetFileNameWithoutExtension(file), out var sequence))
            {
                links.Add(new ChainLink(sequence, await ReadLinkAsync(file, cancellationToken)));
            }
        }

        return links;
    }

    public Task<bool> TryClaimSequenceAsync(string caseId, int sequence, string traceId, CancellationToken cancellationToken = default) =>
        AtomicFile.TryCreateExclusiveAsync(LinkPathOf(caseId, sequence), System.Text.Encoding.UTF8.GetBytes(RequireId(traceId)), cancellationToken, dataDirectory);

    /// <summary>A slot's trace id; waits briefly for a slot its writer has created but not yet filled.</summary>
    private static async Task<string> ReadLinkAsync(string file, CancellationToken cancellationToken)
    {
        var text = "";
        for (var attempt = 0; attempt < 100; attempt++)
        {
            text = System.Text.Encoding.UTF8.GetString(await AtomicFile.ReadOrNullAsync(file, cancellationToken) ?? []).Trim();
            if (TraceCanonicalJson.IsTraceId(text))
            {
                break;
            }

            await Task.Delay(10, cancellationToken);
        }

        return text;
    }

    public async Task RecordSupersededAsync(string caseId, string traceId, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(dataDirectory, "superseded", StorageNames.Require(caseId, "caseId"), RequireId(traceId));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await AtomicFile.TryCreateAsync(path, System.Text.Encoding.UTF8.GetBytes(traceId), cancellationToken, dataDirectory); // already there: recorded
    }

    public Task<IReadOnlyList<string>> ListSupersededAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var dir = Path.Combine(dataDirectory, "superseded", StorageNames.Require(caseId, "caseId"));
        return Task.FromResult<IReadOnlyList<string>>(Directory.Exists(dir)
            ? [.. Directory.EnumerateFiles(dir).Select(f => Path.GetFileName(f)!).Where(TraceCanonicalJson.IsTraceId).Order(StringComparer.Ordinal)]
            : []);
    }

    private static string RequireId(string traceId) =>
        TraceCanonicalJson.IsTraceId(traceId) ? traceId : throw new ArgumentException($"not a trace id: '{traceId}'", nameof(traceId));
}

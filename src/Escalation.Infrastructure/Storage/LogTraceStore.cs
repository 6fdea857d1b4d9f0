using System.Globalization;
using System.Text;
using Escalation.Core.Storage;
using Escalation.Core.Tracing;

namespace Escalation.Infrastructure.Storage;

/// <summary>
/// Decision traces as records of the data directory's <see cref="RecordLog"/>: the trace under <c>t/&lt;id&gt;</c>
/// (content-addressed) and each chain slot under <c>l/&lt;caseId&gt;/&lt;sequence&gt;</c> holding the trace id. Both are
/// create-only: a slot is claimed under a lock of this process (which owns the log), and nothing in the port replaces
/// or removes a record. Traces and slots earlier versions stored as files (<c>traces/</c>, <c>chains/</c>) are still
/// read and count as taken.
/// </summary>
public sealed class LogTraceStore : ITraceStore
{
    private static readonly SemaphoreSlim[] Stripes = [.. Enumerable.Range(0, 256).Select(_ => new SemaphoreSlim(1, 1))];

    private readonly RecordLog _log;
    private readonly FileTraceStore? _files;
    private readonly string _chains;

    public LogTraceStore(RecordLog log, string dataDirectory)
    {
        _log = log;
        _chains = Path.Combine(dataDirectory, "chains");
        _files = Directory.Exists(Path.Combine(dataDirectory, "traces")) || Directory.Exists(Path.Combine(dataDirectory, "chains"))
            ? new FileTraceStore(dataDirectory)
            : null;
    }

    public async Task<string> PutAsync(byte[] canonicalBytes, CancellationToken cancellationToken = default)
    {
        var id = TraceCanonicalJson.IdOf(canonicalBytes);
        if (await GetAsync(id, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            return stored.AsSpan().SequenceEqual(canonicalBytes) ? id : throw new TraceConflictException(id);
        }

        // Two writers of the same id write the same bytes (the id is their hash): either record will do.
        await _log.AppendAsync(TraceKey(id), canonicalBytes).ConfigureAwait(false);
        return id;
    }

    public async Task<byte[]?> GetAsync(string traceId, CancellationToken cancellationToken = default)
    {
        if (!TraceCanonicalJson.IsTraceId(traceId))
        {
            return null;
        }

        if (_log.Get(TraceKey(traceId)) is { } bytes)
        {
            return bytes.Length > 0 ? bytes : null; // an empty record is no trace (never written by this store)
        }

        return _files is null ? null : await _files.GetAsync(traceId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ChainLink>> ListChainAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var prefix = ChainPrefix(caseId);
        var links = new Dictionary<int, ChainLink>();
        if (_files is not null)
        {
            foreach (var link in await _files.ListChainAsync(caseId, cancellationToken).ConfigureAwait(false))
            {
                links[link.Sequence] = link;
            }
        }

        foreach (var key in _log.KeysIn(prefix))
        {
            if (int.TryParse(key.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) && _log.Get(key) is { } id)
            {
                links.TryAdd(sequence, new ChainLink(sequence, Encoding.UTF8.GetString(id)));
            }
        }

        return [.. links.Values.OrderBy(l => l.Sequence)];
    }

    public async Task<bool> TryClaimSequenceAsync(string caseId, int sequence, string traceId, CancellationToken cancellationToken = default)
    {
        if (!TraceCanonicalJson.IsTraceId(traceId))
        {
            throw new ArgumentException($"not a trace id: '{traceId}'", nameof(traceId));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        var key = ChainPrefix(caseId) + sequence.ToString("D10", CultureInfo.InvariantCulture);
        var stripe = Stripes[(StringComparer.Ordinal.GetHashCode(key) & int.MaxValue) % Stripes.Length];
        Task written;
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_log.Get(key) is not null
                || (_files is not null && (await _files.ListChainAsync(caseId, cancellationToken).ConfigureAwait(false)).Any(l => l.Sequence == sequence)))
            {
                return false;
            }

            written = _log.AppendAsync(key, Encoding.UTF8.GetBytes(traceId)); // visible to the next claimer at once
        }
        finally
        {
            stripe.Release();
        }

        await written.ConfigureAwait(false);
        return true;
    }

    public async Task RecordSupersededAsync(string caseId, string traceId, CancellationToken cancellationToken = default)
    {
        var key = SupersededPrefix(caseId) + RequireId(traceId);
        if (_log.Get(key) is null)
        {
            await _log.AppendAsync(key, Encoding.UTF8.GetBytes(traceId)).ConfigureAwait(false); // a second record of the same key says the same
        }
    }

    public Task<IReadOnlyList<string>> ListSupersededAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var prefix = SupersededPrefix(caseId);
        return Task.FromResult<IReadOnlyList<string>>([.. _log.KeysIn(prefix).Select(k => k[prefix.Length..]).Order(StringComparer.Ordinal)]);
    }

    /// <summary>Every case with a chain, in ordinal order (a scan of every key: for <c>verify</c> of a whole store).</summary>
    public IReadOnlyList<string> CaseIds()
    {
        var ids = _log.KeysStartingWith("l/").Select(k => k[2..k.LastIndexOf('/')]).ToHashSet(StringComparer.Ordinal);
        if (_files is not null && Directory.Exists(_chains))
        {
            ids.UnionWith(Directory.EnumerateDirectories(_chains).Select(d => Path.GetFileName(d)!));
        }

        return [.. ids.Order(StringComparer.Ordinal)];
    }

    private static string TraceKey(string traceId) => "t/" + traceId;

    private static string SupersededPrefix(string caseId) => "x/" + StorageNames.Require(caseId, "caseId") + "/";

    private static string RequireId(string traceId) =>
        TraceCanonicalJson.IsTraceId(traceId) ? traceId : throw new ArgumentException($"not a trace id: '{traceId}'", nameof(traceId));

    private static string ChainPrefix(string caseId) => "l/" + StorageNames.Require(caseId, "caseId") + "/";
}

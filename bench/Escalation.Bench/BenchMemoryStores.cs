using System.Collections.Concurrent;
using Escalation.Core.Storage;
using Escalation.Core.Tracing;

namespace Escalation.Bench;

/// <summary>
/// Storage ports held in memory, for the benchmark variant that measures the engine and its fsync'd history alone
/// (same semantics as the file adapters: create-only traces and chain slots, ETags on the index).
/// </summary>
public sealed class InMemoryStores : ICaseIndex, ITraceStore, IStageArtifactStore
{
    private readonly ConcurrentDictionary<string, (CaseRecord Case, long Version)> _cases = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _traces = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, int), string> _slots = new();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, string>> _artifacts = new(StringComparer.Ordinal);

    public Task<VersionedCase?> GetAsync(string caseId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_cases.TryGetValue(caseId, out var c) ? new VersionedCase(c.Case, c.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null);

    public Task<string> UpsertAsync(CaseRecord record, string? ifMatch, CancellationToken cancellationToken = default)
    {
        lock (_cases)
        {
            var exists = _cases.TryGetValue(record.CaseId, out var current);
            if ((ifMatch is null && exists) || (ifMatch is not null and not "*" && (!exists || current.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) != ifMatch)))
            {
                throw new ConcurrencyConflictException($"Case {record.CaseId} changed or exists.");
            }

            var version = (exists ? current.Version : 0) + 1;
            _cases[record.CaseId] = (record, version);
            return Task.FromResult(version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public Task<IReadOnlyList<CaseRecord>> QueryByStatusAsync(string status, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CaseRecord>>([.. _cases.Values.Select(v => v.Case).Where(c => c.Status == status).OrderBy(c => c.Created)]);

    public Task<IReadOnlyList<CaseRecord>> QueryByCustomerAsync(string customerId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CaseRecord>>([.. _cases.Values.Select(v => v.Case).Where(c => c.CustomerId == customerId).OrderBy(c => c.Created)]);

    public Task<string> PutAsync(byte[] canonicalBytes, CancellationToken cancellationToken = default)
    {
        var id = TraceCanonicalJson.IdOf(canonicalBytes);
        var stored = _traces.GetOrAdd(id, canonicalBytes);
        return stored.AsSpan().SequenceEqual(canonicalBytes) ? Task.FromResult(id) : throw new TraceConflictException(id);
    }

    Task<byte[]?> ITraceStore.GetAsync(string traceId, CancellationToken cancellationToken) =>
        Task.FromResult(_traces.TryGetValue(traceId, out var b) ? b : null);

    public Task<IReadOnlyList<ChainLink>> ListChainAsync(string caseId, CancellationToken cancellationToken = default)
    {
        // Slots are claimed gap-free from 0, so the chain is read slot by slot (not by scanning every case's slots).
        var links = new List<ChainLink>();
        for (var sequence = 0; _slots.TryGetValue((caseId, sequence), out var traceId); sequence++)
        {
            links.Add(new ChainLink(sequence, traceId));
        }

        return Task.FromResult<IReadOnlyList<ChainLink>>(links);
    }

    public Task<bool> TryClaimSequenceAsync(string caseId, int sequence, string traceId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_slots.TryAdd((caseId, sequence), traceId));

    public Task PutAsync(string caseId, string name, string json, CancellationToken cancellationToken = default)
    {
        _artifacts.GetOrAdd(caseId, _ => new ConcurrentDictionary<string, string>(StringComparer.Ordinal))[name] = json;
        return Task.CompletedTask;
    }

    Task<string?> IStageArtifactStore.GetAsync(string caseId, string name, CancellationToken cancellationToken) =>
        Task.FromResult(_artifacts.TryGetValue(caseId, out var named) && named.TryGetValue(name, out var j) ? j : null);

    public Task<IReadOnlyList<string>> ListAsync(string caseId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>(_artifacts.TryGetValue(caseId, out var named) ? [.. named.Keys.Order(StringComparer.Ordinal)] : []);
}

using Escalation.Core.Tracing;

namespace Escalation.Core.Storage;

/// <summary>Appending to and reading a case's hash chain over any <see cref="ITraceStore"/>.</summary>
public static class TraceChain
{
    /// <summary>How many times a writer re-reads the head after losing a race before giving up.</summary>
    public const int MaxAttempts = 200;

    /// <summary>
    /// Appends a record to the case's chain. <paramref name="build"/> gets the sequence and previous hash
    /// to use and returns the record; when another writer takes that sequence first, the head is re-read
    /// and the record rebuilt, so concurrent writers produce a gap-free, fork-free chain. The losing attempt's trace stays
    /// stored (traces are never deleted) and is recorded as superseded, so <c>verify</c> can say why it is outside the
    /// chain. A writer that finds its own trace already in the slot (a retry after a crash) has appended.
    /// </summary>
    public static async Task<AppendedTrace> AppendAsync(
        this ITraceStore store,
        string caseId,
        Func<int, string?, DecisionTrace> build,
        CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var chain = await store.ListChainAsync(caseId, cancellationToken);
            var sequence = chain.Count == 0 ? 0 : chain[^1].Sequence + 1;
            var previous = chain.Count == 0 ? null : TraceCanonicalJson.HashOf(chain[^1].TraceId);
            var trace = build(sequence, previous);
            if (trace.CaseId != caseId || trace.Sequence != sequence || trace.PreviousHash != previous)
            {
                throw new ArgumentException("The built trace must use the case id, sequence and previous hash it was given.", nameof(build));
            }

            var bytes = TraceCanonicalJson.Serialize(trace);
            var id = await store.PutAsync(bytes, cancellationToken);
            if (await store.TryClaimSequenceAsync(caseId, sequence, id, cancellationToken))
            {
                return new AppendedTrace(id, bytes, trace);
            }

            var holder = (await store.ListChainAsync(caseId, cancellationToken)).FirstOrDefault(l => l.Sequence == sequence);
            if (holder?.TraceId == id)
            {
                return new AppendedTrace(id, bytes, trace);
            }

            await store.RecordSupersededAsync(caseId, id, cancellationToken);
        }

        throw new TimeoutException($"Could not append to the chain of case {caseId} after {MaxAttempts} attempts.");
    }

    /// <summary>Appends a record whose sequence and previous hash are filled in by the store.</summary>
    public static Task<AppendedTrace> AppendAsync(this ITraceStore store, DecisionTrace trace, CancellationToken cancellationToken = default) =>
        store.AppendAsync(trace.CaseId, (sequence, previous) => trace with { Sequence = sequence, PreviousHash = previous }, cancellationToken);

    /// <summary>The case's chain as stored (bytes null where a listed trace is missing).</summary>
    public static async Task<IReadOnlyList<StoredTraceBytes>> ReadChainAsync(this ITraceStore store, string caseId, CancellationToken cancellationToken = default)
    {
        var links = await store.ListChainAsync(caseId, cancellationToken);
        var result = new List<StoredTraceBytes>(links.Count);
        foreach (var link in links)
        {
            result.Add(new StoredTraceBytes(link.TraceId, await store.GetAsync(link.TraceId, cancellationToken)));
        }

        return result;
    }

    /// <summary>Recomputes the case's chain and says where it breaks.</summary>
    public static async Task<ChainVerification> VerifyCaseAsync(this ITraceStore store, string caseId, CancellationToken cancellationToken = default) =>
        TraceChainVerifier.Verify(await store.ReadChainAsync(caseId, cancellationToken)) with
        {
            Superseded = await store.ListSupersededAsync(caseId, cancellationToken),
        };

    /// <summary>A stored trace read back as a record, or null when absent.</summary>
    public static async Task<DecisionTrace?> GetTraceAsync(this ITraceStore store, string traceId, CancellationToken cancellationToken = default) =>
        await store.GetAsync(traceId, cancellationToken) is { } bytes ? TraceCanonicalJson.Deserialize(bytes) : null;
}

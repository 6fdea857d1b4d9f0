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

    /// <summary>
    /// Verifies the chain of <paramref name="caseId"/> and says where <paramref name="traceId"/> stands in it: in the chain
    /// (at which position), superseded (stored by a writer that lost the race for its slot and wrote again), or outside the
    /// chain unexplained (stored, but its writer stopped before it claimed a slot or recorded the loss).
    /// </summary>
    public static async Task<TraceVerification> VerifyTraceAsync(this ITraceStore store, string caseId, string traceId, CancellationToken cancellationToken = default)
    {
        var chain = await store.ReadChainAsync(caseId, cancellationToken);
        var verification = TraceChainVerifier.Verify(chain) with { Superseded = await store.ListSupersededAsync(caseId, cancellationToken) };
        var position = -1;
        for (var i = 0; i < chain.Count && position < 0; i++)
        {
            position = string.Equals(chain[i].Id, traceId, StringComparison.Ordinal) ? i : -1;
        }

        var standing = position >= 0 ? TraceStandings.InChain
            : verification.Superseded.Contains(traceId, StringComparer.Ordinal) ? TraceStandings.Superseded
            : TraceStandings.OutsideChain;
        return new TraceVerification(traceId, standing, position >= 0 ? position : null, verification);
    }

    /// <summary>A stored trace read back as a record, or null when absent.</summary>
    public static async Task<DecisionTrace?> GetTraceAsync(this ITraceStore store, string traceId, CancellationToken cancellationToken = default) =>
        await store.GetAsync(traceId, cancellationToken) is { } bytes ? TraceCanonicalJson.Deserialize(bytes) : null;
}

/// <summary>Where a stored trace stands in its case's record.</summary>
public static class TraceStandings
{
    /// <summary>Part of the case's chain: the record.</summary>
    public const string InChain = "in-chain";

    /// <summary>Stored by a writer that lost the race for its chain slot and wrote again; kept, recorded, not part of the record.</summary>
    public const string Superseded = "superseded";

    /// <summary>Stored for the case but neither in its chain nor recorded as superseded: its writer stopped in between.</summary>
    public const string OutsideChain = "outside-chain";
}

/// <summary>The verification of a case's chain and where one of its traces stands.</summary>
/// <param name="TraceId">The trace asked about.</param>
/// <param name="Standing">One of <see cref="TraceStandings"/>.</param>
/// <param name="Position">Its position in the chain when <see cref="TraceStandings.InChain"/>.</param>
/// <param name="Chain">The case's chain, with every break and the superseded traces.</param>
public sealed record TraceVerification(string TraceId, string Standing, int? Position, ChainVerification Chain);

using Escalation.Core.Tracing;

namespace Escalation.Core.Storage;

/// <summary>
/// Where decision traces live: content-addressed, create-only blobs plus, per case, a sequence index
/// whose slots are also create-only. There is deliberately no way to overwrite or delete a trace.
/// </summary>
public interface ITraceStore
{
    /// <summary>
    /// Stores canonical trace bytes under their content address (<c>tr-</c> + SHA-256) and returns it.
    /// Storing identical bytes again succeeds; different bytes under the same name throw
    /// <see cref="TraceConflictException"/>.
    /// </summary>
    Task<string> PutAsync(byte[] canonicalBytes, CancellationToken cancellationToken = default);

    /// <summary>The stored bytes of a trace, or null when there is none with that id.</summary>
    Task<byte[]?> GetAsync(string traceId, CancellationToken cancellationToken = default);

    /// <summary>The case's chain index in sequence order (position → trace id).</summary>
    Task<IReadOnlyList<ChainLink>> ListChainAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims slot <paramref name="sequence"/> of the case's chain for <paramref name="traceId"/>,
    /// create-only: false when another writer already holds that slot.
    /// </summary>
    Task<bool> TryClaimSequenceAsync(string caseId, int sequence, string traceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that <paramref name="traceId"/> was stored for the case but lost the race for its chain slot: the bytes
    /// stay (nothing is deleted), and <c>verify</c> names them as superseded instead of leaving an unexplained trace.
    /// Create-only and idempotent. A store that cannot record it does nothing.
    /// </summary>
    Task RecordSupersededAsync(string caseId, string traceId, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>The traces recorded as superseded for the case, in ordinal order.</summary>
    Task<IReadOnlyList<string>> ListSupersededAsync(string caseId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}

/// <summary>One slot of a case's chain index.</summary>
public sealed record ChainLink(int Sequence, string TraceId);

/// <summary>A trace as appended: its id, its bytes and the record.</summary>
public sealed record AppendedTrace(string TraceId, byte[] Bytes, DecisionTrace Trace);

/// <summary>Different content exists under a trace's content address: storage was tampered with.</summary>
public sealed class TraceConflictException(string traceId)
    : InvalidOperationException($"A different trace is already stored as {traceId}; traces are never overwritten.")
{
    public string TraceId { get; } = traceId;
}

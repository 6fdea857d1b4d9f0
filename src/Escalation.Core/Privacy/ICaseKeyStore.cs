namespace Escalation.Core.Privacy;

/// <summary>
/// One data key per case, under which the case's personal data is sealed wherever it is stored (artifacts, the free
/// text of its traces). Destroying the key is the erasure: the sealed bytes stay where they are — in the immutable,
/// hash-chained traces and the append-only local log — and become unreadable, so every chain still verifies.
/// </summary>
/// <remarks>
/// A key per case rather than per customer: every write knows its case, not always its customer; an erasure finds a
/// customer's cases through the case index. Keys are kept apart from the sealed data, in a store that can really
/// delete (a folder of small files locally, an Azure table), never in the append-only log or the immutable container.
/// </remarks>
public interface ICaseKeyStore
{
    /// <summary>The case's key, created (256 random bits, create-only, durable before it is returned) on first use.</summary>
    /// <exception cref="CaseErasedException">The case was erased: nothing new may be sealed for it.</exception>
    Task<byte[]> GetOrCreateAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>The case's key, or null when it never had one or it was destroyed.</summary>
    Task<byte[]?> FindAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Destroys the case's key for good and remembers that the case was erased (so no new key is made for it).
    /// Returns false when there was no key left to destroy. Idempotent.
    /// </summary>
    Task<bool> DestroyAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>Whether the case's key was destroyed by an erasure.</summary>
    Task<bool> IsErasedAsync(string caseId, CancellationToken cancellationToken = default);
}

/// <summary>Something tried to store personal data of a case whose data was erased.</summary>
public sealed class CaseErasedException(string caseId)
    : InvalidOperationException($"The personal data of case {caseId} was erased; nothing more is stored for it.")
{
    public string CaseId { get; } = caseId;
}

namespace Escalation.Core.Storage;

/// <summary>
/// The case index: one record per case, queryable by status and by customer (repeat-complainant history,
/// KPI summary). Writes use optimistic concurrency with an ETag.
/// </summary>
public interface ICaseIndex
{
    /// <summary>The case record and its current ETag, or null when absent.</summary>
    Task<VersionedCase?> GetAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the record. <paramref name="ifMatch"/> null: create only (conflict when it exists);
    /// <c>*</c>: unconditional; otherwise the ETag last read (conflict when it changed since).
    /// Returns the new ETag; throws <see cref="ConcurrencyConflictException"/> on conflict.
    /// </summary>
    Task<string> UpsertAsync(CaseRecord record, string? ifMatch, CancellationToken cancellationToken = default);

    /// <summary>Cases with this status, oldest first.</summary>
    Task<IReadOnlyList<CaseRecord>> QueryByStatusAsync(string status, CancellationToken cancellationToken = default);

    /// <summary>Cases of this customer, oldest first.</summary>
    Task<IReadOnlyList<CaseRecord>> QueryByCustomerAsync(string customerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="limit"/> cases (all, or those with <paramref name="status"/>), newest first, after the page
    /// <paramref name="continuation"/> ended (null: from the start). Throws <see cref="FormatException"/> for a token this
    /// index did not issue. By default it reads the matching cases and slices them; an index that can do better does.
    /// </summary>
    async Task<CasePage> QueryPageAsync(string? status, int limit, string? continuation, CancellationToken cancellationToken = default) =>
        CasePaging.Slice(status is null ? await this.QueryAllAsync(cancellationToken).ConfigureAwait(false) : await QueryByStatusAsync(status, cancellationToken).ConfigureAwait(false), limit, continuation);

    /// <summary>
    /// The KPI summary of every case as of <paramref name="asOf"/>. By default it reads every case; an index that keeps
    /// <see cref="Metrics.KpiCounters"/> as cases change answers from them.
    /// </summary>
    async Task<Metrics.KpiSummary> SummarizeAsync(DateTimeOffset asOf, CancellationToken cancellationToken = default) =>
        Metrics.KpiSummary.From(await this.QueryAllAsync(cancellationToken).ConfigureAwait(false), asOf);
}

/// <summary>A case record with the ETag it was read at.</summary>
public sealed record VersionedCase(CaseRecord Case, string ETag);

/// <summary>What the index knows about a case.</summary>
public sealed record CaseRecord
{
    public required string CaseId { get; init; }
    public required string TicketId { get; init; }
    public int Revision { get; init; } = 1;
    public required string CustomerId { get; init; }

    /// <summary><c>sensitive</c> or <c>escalation</c>.</summary>
    public required string Kind { get; init; }
    public string? Priority { get; init; }
    public required string Status { get; init; }
    public string? Route { get; init; }
    public required DateTimeOffset Created { get; init; }
    public required DateTimeOffset Updated { get; init; }
    public DateTimeOffset? SlaDeadline { get; init; }
    public string? LatestTraceId { get; init; }

    /// <summary>A few extra fields (e.g. reviewer, source help desk); keep it small.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();
}

/// <summary>Someone else changed the record since it was read (or it already exists on create).</summary>
public sealed class ConcurrencyConflictException(string message) : InvalidOperationException(message);

/// <summary>One page of cases, newest first, and the token of the next page (null on the last).</summary>
public sealed record CasePage(IReadOnlyList<CaseRecord> Cases, string? Continuation);

using System.Text.Json;
using Escalation.Core.Storage;

namespace Escalation.Infrastructure.Storage;

/// <summary>
/// The case index as files: <c>cases/&lt;caseId&gt;.json</c> with the record and a version counter as ETag.
/// Writers of a case are serialised in the process (one host process owns a data folder, as it owns the workflow
/// history beside it); readers see the previous or the next version, never half of one.
/// </summary>
public sealed class FileCaseIndex(string dataDirectory) : ICaseIndex
{
    private static readonly SemaphoreSlim[] Stripes = [.. Enumerable.Range(0, 256).Select(_ => new SemaphoreSlim(1, 1))];

    private readonly string _dir = Path.Combine(dataDirectory, "cases");

    public async Task<VersionedCase?> GetAsync(string caseId, CancellationToken cancellationToken = default) =>
        await ReadAsync(PathOf(caseId), cancellationToken) is { } stored ? new VersionedCase(stored.Case, stored.ETag) : null;

    public async Task<string> UpsertAsync(CaseRecord record, string? ifMatch, CancellationToken cancellationToken = default)
    {
        var path = PathOf(record.CaseId);
        var stripe = Stripes[(StringComparer.Ordinal.GetHashCode(Path.GetFullPath(path)) & int.MaxValue) % Stripes.Length];
        await stripe.WaitAsync(cancellationToken);
        try
        {
            return await WriteAsync(record, ifMatch, path, cancellationToken);
        }
        finally
        {
            stripe.Release();
        }
    }

    private async Task<string> WriteAsync(CaseRecord record, string? ifMatch, string path, CancellationToken cancellationToken)
    {
        var etag = NextETag(record.CaseId, await ReadAsync(path, cancellationToken), ifMatch);
        await AtomicFile.ReplaceAsync(path, JsonSerializer.SerializeToUtf8Bytes(new StoredCase(record, etag), StorageJson.Options), cancellationToken, groupRoot: dataDirectory);
        return etag;
    }

    public Task<IReadOnlyList<CaseRecord>> QueryByStatusAsync(string status, CancellationToken cancellationToken = default) =>
        QueryAsync(c => c.Status == status, cancellationToken);

    public Task<IReadOnlyList<CaseRecord>> QueryByCustomerAsync(string customerId, CancellationToken cancellationToken = default) =>
        QueryAsync(c => c.CustomerId == customerId, cancellationToken);

    private async Task<IReadOnlyList<CaseRecord>> QueryAsync(Func<CaseRecord, bool> predicate, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_dir))
        {
            return [];
        }

        var found = new List<CaseRecord>();
        foreach (var file in Directory.EnumerateFiles(_dir, "*.json"))
        {
            if (!Path.GetFileName(file).StartsWith('.') && await ReadAsync(file, cancellationToken) is { } stored && predicate(stored.Case))
            {
                found.Add(stored.Case);
            }
        }

        return [.. found.OrderBy(c => c.Created).ThenBy(c => c.CaseId, StringComparer.Ordinal)];
    }

    private string PathOf(string caseId) => Path.Combine(_dir, StorageNames.Require(caseId, "caseId") + ".json");

    internal static async Task<StoredCase?> ReadAsync(string path, CancellationToken cancellationToken) =>
        await AtomicFile.ReadOrNullAsync(path, cancellationToken) is { } bytes ? JsonSerializer.Deserialize<StoredCase>(bytes, StorageJson.Options) : null;

    /// <summary>
    /// The version a write of <paramref name="caseId"/> stores, given the stored one: throws
    /// <see cref="ConcurrencyConflictException"/> when <paramref name="ifMatch"/> does not allow the write (null: only a
    /// new case; <c>*</c>: any; otherwise the stored version).
    /// </summary>
    internal static string NextETag(string caseId, StoredCase? current, string? ifMatch)
    {
        if (ifMatch is null && current is not null)
        {
            throw new ConcurrencyConflictException($"Case {caseId} already exists.");
        }

        if (ifMatch is not null and not "*" && current?.ETag != ifMatch)
        {
            throw new ConcurrencyConflictException($"Case {caseId} changed since it was read (ETag {ifMatch}, now {current?.ETag ?? "absent"}).");
        }

        return ((current is null ? 0 : long.Parse(current.ETag)) + 1).ToString();
    }

    /// <summary>A case record as stored on disk (here and in <see cref="LogCaseIndex"/>): the record and its version counter.</summary>
    internal sealed record StoredCase(CaseRecord Case, string ETag);
}

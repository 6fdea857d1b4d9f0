using System.Text.Json;
using Escalation.Core.Storage;

namespace Escalation.Infrastructure.Storage;

/// <summary>
/// The case index as records of the data directory's <see cref="RecordLog"/> (key <c>c/&lt;caseId&gt;</c>, the same
/// JSON as a <see cref="FileCaseIndex"/> file: the record and a version counter as ETag). Writers of a case are
/// serialised in the process; records a version before the log stored as files (<c>cases/&lt;caseId&gt;.json</c>) are
/// still read, and the log's record wins over an older file.
/// <para>
/// On the writer's log, lists, pages and lookups by status or customer read the log's case table on disk
/// (<see cref="LogCaseTable"/>), and the summary its counters, rebuilt in the background after opening; memory holds
/// no case. A read-only log (the CLI's commands) reads every case once instead, as it always did.
/// </para>
/// </summary>
public sealed class LogCaseIndex : ICaseIndex
{
    private const string Prefix = "c/";
    private static readonly SemaphoreSlim[] Stripes = [.. Enumerable.Range(0, 256).Select(_ => new SemaphoreSlim(1, 1))];

    private readonly RecordLog log;
    private readonly string? _files;
    private readonly LogCaseTable? _table;

    public LogCaseIndex(RecordLog log, string dataDirectory)
    {
        this.log = log;
        _files = Directory.Exists(Path.Combine(dataDirectory, "cases")) ? Path.Combine(dataDirectory, "cases") : null;
        _table = log.Cases;
        if (_table is not null)
        {
            if (_files is not null)
            {
                _table.ImportFiles(_files);
            }

            _ = _table.CountersReady; // the summary's counts rebuild in the background from now on
        }
    }

    // Every case as last written, in memory: lists and pages read this instead of parsing every record of the log per
    // request. Writes keep it current; each entry keeps the version it was written at, so a slower writer or the first load
    // never replaces a newer record with an older one. The KPI counters change with it, under the same lock, so the summary
    // never reads every case.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (CaseRecord Case, long Version)> _cases = new(StringComparer.Ordinal);
    private readonly Core.Metrics.KpiCounters _counters = new();
    private readonly Lock _remembering = new();
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile bool _loaded;

    public async Task<VersionedCase?> GetAsync(string caseId, CancellationToken cancellationToken = default) =>
        await ReadAsync(caseId, cancellationToken).ConfigureAwait(false) is { } stored ? new VersionedCase(stored.Case, stored.ETag) : null;

    public async Task<string> UpsertAsync(CaseRecord record, string? ifMatch, CancellationToken cancellationToken = default)
    {
        var key = Prefix + StorageNames.Require(record.CaseId, "caseId");
        var stripe = Stripes[(StringComparer.Ordinal.GetHashCode(key) & int.MaxValue) % Stripes.Length];
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        Task written;
        string etag;
        try
        {
            etag = FileCaseIndex.NextETag(record.CaseId, await ReadAsync(record.CaseId, cancellationToken).ConfigureAwait(false), ifMatch);
            written = log.AppendAsync(key, JsonSerializer.SerializeToUtf8Bytes(new FileCaseIndex.StoredCase(record, etag), StorageJson.Options));
        }
        finally
        {
            stripe.Release(); // the next writer already reads this version; the disk flush is awaited outside the lock
        }

        await written.ConfigureAwait(false);
        if (_table is null)
        {
            Remember(record, etag);
        }

        return etag;
    }

    public async Task<IReadOnlyList<CaseRecord>> QueryByStatusAsync(string status, CancellationToken cancellationToken = default) =>
        _table is not null ? await Indexed(() => _table.ByStatus(status), cancellationToken).ConfigureAwait(false) : await QueryAsync(c => c.Status == status, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<CaseRecord>> QueryByCustomerAsync(string customerId, CancellationToken cancellationToken = default) =>
        _table is not null ? await Indexed(() => _table.ByCustomer(customerId), cancellationToken).ConfigureAwait(false) : await QueryAsync(c => c.CustomerId == customerId, cancellationToken).ConfigureAwait(false);

    public async Task<CasePage> QueryPageAsync(string? status, int limit, string? continuation, CancellationToken cancellationToken = default)
    {
        if (_table is not null)
        {
            return await Indexed(() => _table.Page(status, limit, continuation), cancellationToken).ConfigureAwait(false);
        }

        await LoadAsync(cancellationToken).ConfigureAwait(false);
        return CasePaging.Slice(_cases.Values.Select(v => v.Case).Where(c => status is null || c.Status == status), limit, continuation);
    }

    public async Task<Core.Metrics.KpiSummary> SummarizeAsync(DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        if (_table is not null)
        {
            await _table.CountersReady.WaitAsync(cancellationToken).ConfigureAwait(false);
            return await Indexed(() => _table.Summarize(asOf), cancellationToken).ConfigureAwait(false);
        }

        await LoadAsync(cancellationToken).ConfigureAwait(false);
        lock (_remembering)
        {
            return _counters.Snapshot(asOf);
        }
    }

    /// <summary>Reads the case table once it holds every record stored before the call (its index thread follows the disk).</summary>
    private async Task<T> Indexed<T>(Func<T> read, CancellationToken cancellationToken)
    {
        await log.WhenIndexedAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        return read();
    }

    private async Task<IReadOnlyList<CaseRecord>> QueryAsync(Func<CaseRecord, bool> predicate, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken).ConfigureAwait(false);
        return [.. _cases.Values.Select(v => v.Case).Where(predicate).OrderBy(c => c.Created).ThenBy(c => c.CaseId, StringComparer.Ordinal)];
    }

    private void Remember(CaseRecord record, string etag)
    {
        var version = long.Parse(etag, System.Globalization.CultureInfo.InvariantCulture);
        lock (_remembering)
        {
            var known = _cases.TryGetValue(record.CaseId, out var old);
            if (known && old.Version >= version)
            {
                return;
            }

            _cases[record.CaseId] = (record, version);
            _counters.Replace(known ? old.Case : null, record);
        }
    }

    /// <summary>Reads every case once (the log's records, then files of older versions the log has not replaced).</summary>
    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return;
        }

        await _loading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_loaded)
            {
                foreach (var stored in await ReadEveryCaseAsync(cancellationToken).ConfigureAwait(false))
                {
                    Remember(stored.Case, stored.ETag);
                }

                _loaded = true;
            }
        }
        finally
        {
            _loading.Release();
        }
    }

    private async Task<IReadOnlyList<FileCaseIndex.StoredCase>> ReadEveryCaseAsync(CancellationToken cancellationToken)
    {
        var found = new List<FileCaseIndex.StoredCase>();
        var inLog = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in log.KeysIn(Prefix))
        {
            cancellationToken.ThrowIfCancellationRequested();
            inLog.Add(key[Prefix.Length..]);
            if (Parse(log.Get(key)) is { } stored)
            {
                found.Add(stored);
            }
        }

        if (_files is not null)
        {
            foreach (var file in Directory.EnumerateFiles(_files, "*.json"))
            {
                var caseId = Path.GetFileNameWithoutExtension(file);
                if (!caseId.StartsWith('.') && !inLog.Contains(caseId)
                    && await FileCaseIndex.ReadAsync(file, cancellationToken).ConfigureAwait(false) is { } stored)
                {
                    found.Add(stored);
                }
            }
        }

        return found;
    }

    private async Task<FileCaseIndex.StoredCase?> ReadAsync(string caseId, CancellationToken cancellationToken) =>
        Parse(log.Get(Prefix + StorageNames.Require(caseId, "caseId")))
        ?? (_files is null ? null : await FileCaseIndex.ReadAsync(Path.Combine(_files, caseId + ".json"), cancellationToken).ConfigureAwait(false));

    private static FileCaseIndex.StoredCase? Parse(byte[]? bytes) =>
        bytes is null ? null : JsonSerializer.Deserialize<FileCaseIndex.StoredCase>(bytes, StorageJson.Options);
}

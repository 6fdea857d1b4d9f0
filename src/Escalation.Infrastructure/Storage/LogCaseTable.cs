using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Escalation.Core.Metrics;
using Escalation.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Escalation.Infrastructure.Storage;

/// <summary>
/// The case records of a writer's <see cref="RecordLog"/> as a table of its index database (<c>cases</c>: id, status,
/// customer, creation instant, the stored JSON), changed in the same transaction as the positions of each group commit,
/// so lists and pages read an index instead of every case. The KPI counters (<see cref="KpiCounters"/>) live in memory:
/// kept as records are stored, and after a start either taken from the snapshot the last clean close left (when the
/// index is where it was then: nothing was stored since) or rebuilt from the table in the background
/// (<see cref="CountersReady"/>), which grows with the number of cases. The table and the counters hold what the log
/// holds; the log stays the record.
/// </summary>
internal sealed class LogCaseTable : IRecordProjection
{
    public const string KeyPrefix = "c/";

    private readonly Lock _counting = new();
    private const string SnapshotName = "kpi-snapshot";
    private KpiCounters _counters = new();
    private readonly List<(CaseRecord? Before, CaseRecord? After)> _deltas = [];
    private readonly List<(CaseRecord? Before, CaseRecord? After)> _queued = [];
    private SqliteCommand? _select;
    private SqliteCommand? _upsert;
    private SqliteCommand? _delete;
    private Func<RecordLogIndex>? _index;
    private CounterState _state;
    private Task? _rebuild;

    private enum CounterState
    {
        NotStarted,
        Rebuilding,
        Live,
    }

    public void Create(SqliteConnection connection)
    {
        RecordLogIndex.Execute(connection, """
            CREATE TABLE IF NOT EXISTS cases (
                id TEXT PRIMARY KEY, status TEXT NOT NULL, customer TEXT NOT NULL, created INTEGER NOT NULL, json BLOB NOT NULL) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS cases_status ON cases (status, created DESC, id);
            CREATE INDEX IF NOT EXISTS cases_created ON cases (created DESC, id);
            CREATE INDEX IF NOT EXISTS cases_customer ON cases (customer, created, id);
            """);
        _select = RecordLogIndex.Prepare(connection, "SELECT json FROM cases WHERE id = $id", "$id");
        _upsert = RecordLogIndex.Prepare(connection, """
            INSERT INTO cases (id, status, customer, created, json) VALUES ($id, $s, $c, $t, $j)
            ON CONFLICT (id) DO UPDATE SET status = excluded.status, customer = excluded.customer, created = excluded.created, json = excluded.json
            """, "$id", "$s", "$c", "$t", "$j");
        _delete = RecordLogIndex.Prepare(connection, "DELETE FROM cases WHERE id = $id", "$id");
    }

    /// <summary>
    /// Connects the table to the index it reads through (the log calls this once it is open, before the frames after the
    /// watermark are applied) and takes the counters from the close's snapshot when it was taken at the watermark.
    /// </summary>
    public void Attach(Func<RecordLogIndex> index)
    {
        _index = index;
        var opened = index();
        if (RecordLogIndex.Scalar(opened.Writer, $"SELECT value FROM meta WHERE name = '{SnapshotName}'") is not string snapshot)
        {
            return;
        }

        // Used once: the next close writes a new one, and a crash before it must rebuild.
        RecordLogIndex.Execute(opened.Writer, $"DELETE FROM meta WHERE name = '{SnapshotName}'");
        var parts = snapshot.Split(' ', 2);
        if (parts.Length == 2 && opened.Watermark is { } mark && parts[0] == Mark(mark) && Decode(parts[1]) is { } state)
        {
            _counters = new KpiCounters(state);
            _state = CounterState.Live;
            _rebuild = Task.CompletedTask;
        }
    }

    /// <summary>
    /// Leaves the counters for the next opening, with the watermark they hold every case up to (the log calls this on a
    /// clean close, after its last commit). Nothing is left while they are still being rebuilt.
    /// </summary>
    public void SaveSnapshot(RecordLogIndex index)
    {
        string text;
        lock (_counting)
        {
            if (_state != CounterState.Live || index.Watermark is not { } mark)
            {
                return;
            }

            text = Mark(mark) + " " + Convert.ToBase64String(_counters.State.ToJson());
        }

        using var save = RecordLogIndex.Prepare(index.Writer, "INSERT OR REPLACE INTO meta (name, value) VALUES ($n, $v)", "$n", "$v");
        save.Parameters[0].Value = SnapshotName;
        save.Parameters[1].Value = text;
        save.ExecuteNonQuery();
    }

    private static string Mark((int Segment, long Offset) mark) => string.Create(CultureInfo.InvariantCulture, $"{mark.Segment}:{mark.Offset}");

    private static KpiState? Decode(string base64)
    {
        try
        {
            return KpiState.FromJson(Convert.FromBase64String(base64));
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null; // another version's snapshot: rebuild instead
        }
    }

    public void Apply(SqliteTransaction tx, string key, ReadOnlySpan<byte> payload)
    {
        if (!key.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            return;
        }

        var caseId = key[KeyPrefix.Length..];
        _select!.Transaction = tx;
        _select.Parameters[0].Value = caseId;
        var before = _select.ExecuteScalar() is byte[] old ? Parse(old)?.Case : null;
        CaseRecord? after = null;
        if (payload.IsEmpty)
        {
            _delete!.Transaction = tx;
            _delete.Parameters[0].Value = caseId;
            _delete.ExecuteNonQuery();
        }
        else if (Parse(payload) is { } stored)
        {
            after = stored.Case;
            _upsert!.Transaction = tx;
            _upsert.Parameters[0].Value = caseId;
            _upsert.Parameters[1].Value = after.Status;
            _upsert.Parameters[2].Value = after.CustomerId;
            _upsert.Parameters[3].Value = after.Created.UtcTicks;
            _upsert.Parameters[4].Value = payload.ToArray();
            _upsert.ExecuteNonQuery();
        }

        _deltas.Add((before, after));
    }

    public void Commit(SqliteTransaction tx)
    {
        lock (_counting)
        {
            try
            {
                tx.Commit();
                Count(_deltas);
            }
            finally
            {
                _deltas.Clear();
            }
        }
    }

    /// <summary>
    /// Adds the case files an earlier version stored (<c>cases/&lt;caseId&gt;.json</c>) that the table does not hold yet
    /// (once per folder: the index remembers it did).
    /// </summary>
    public void ImportFiles(string folder)
    {
        using var connection = NewConnection();
        if (RecordLogIndex.Scalar(connection, "SELECT value FROM meta WHERE name = 'case-files-imported'") is not null)
        {
            return;
        }

        var found = new List<(CaseRecord Case, byte[] Json)>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            var caseId = Path.GetFileNameWithoutExtension(file);
            if (!caseId.StartsWith('.') && FileCaseIndex.ReadAsync(file, CancellationToken.None).GetAwaiter().GetResult() is { } stored)
            {
                found.Add((stored.Case, JsonSerializer.SerializeToUtf8Bytes(stored, StorageJson.Options)));
            }
        }

        lock (_counting)
        {
            using var tx = connection.BeginTransaction();
            var added = new List<(CaseRecord?, CaseRecord?)>();
            foreach (var (record, json) in found)
            {
                using var insert = connection.CreateCommand();
                insert.Transaction = tx;
                insert.CommandText = "INSERT OR IGNORE INTO cases (id, status, customer, created, json) VALUES ($id, $s, $c, $t, $j)";
                insert.Parameters.AddWithValue("$id", record.CaseId);
                insert.Parameters.AddWithValue("$s", record.Status);
                insert.Parameters.AddWithValue("$c", record.CustomerId);
                insert.Parameters.AddWithValue("$t", record.Created.UtcTicks);
                insert.Parameters.AddWithValue("$j", json);
                if (insert.ExecuteNonQuery() == 1)
                {
                    added.Add((null, record));
                }
            }

            using var mark = connection.CreateCommand();
            mark.Transaction = tx;
            mark.CommandText = "INSERT OR REPLACE INTO meta (name, value) VALUES ('case-files-imported', '1')";
            mark.ExecuteNonQuery();
            tx.Commit();
            Count(added);
        }
    }

    /// <summary>Completes once the counters hold every stored case (starting their rebuild on first call).</summary>
    public Task CountersReady
    {
        get
        {
            lock (_counting)
            {
                return _rebuild ??= Task.Factory.StartNew(Rebuild, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            }
        }
    }

    public KpiSummary Summarize(DateTimeOffset asOf)
    {
        lock (_counting)
        {
            return _counters.Snapshot(asOf);
        }
    }

    /// <summary>A newest-first page, by keyset on (creation instant, id): the same order and token as <see cref="CasePaging"/>.</summary>
    public CasePage Page(string? status, int limit, string? continuation)
    {
        var after = continuation is null ? ((long Ticks, string Id)?)null : ParseToken(continuation);
        var sql = new StringBuilder("SELECT json FROM cases");
        var where = new List<string>();
        if (status is not null)
        {
            where.Add("status = $s");
        }

        if (after is not null)
        {
            where.Add("(created < $t OR (created = $t AND id > $id))");
        }

        if (where.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", where);
        }

        sql.Append(" ORDER BY created DESC, id LIMIT $n");
        var page = Query(sql.ToString(), command =>
        {
            command.Parameters.AddWithValue("$s", (object?)status ?? DBNull.Value);
            command.Parameters.AddWithValue("$t", after?.Ticks ?? 0);
            command.Parameters.AddWithValue("$id", after?.Id ?? "");
            command.Parameters.AddWithValue("$n", limit + 1);
        });
        var more = page.Count > limit;
        if (more)
        {
            page.RemoveAt(limit);
        }

        return new CasePage(page, more ? CasePaging.Token(page[^1]) : null);
    }

    public List<CaseRecord> ByStatus(string status) =>
        Query("SELECT json FROM cases WHERE status = $v ORDER BY created, id", c => c.Parameters.AddWithValue("$v", status));

    public List<CaseRecord> ByCustomer(string customerId) =>
        Query("SELECT json FROM cases WHERE customer = $v ORDER BY created, id", c => c.Parameters.AddWithValue("$v", customerId));

    /// <summary>Every case, oldest first.</summary>
    public List<CaseRecord> All() => Query("SELECT json FROM cases ORDER BY created, id", _ => { });

    private List<CaseRecord> Query(string sql, Action<SqliteCommand> bind) => _index!().Read(reader =>
    {
        using var command = reader.Connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        var found = new List<CaseRecord>();
        using var rows = command.ExecuteReader();
        while (rows.Read())
        {
            if (Parse((byte[])rows[0]) is { } stored)
            {
                found.Add(stored.Case);
            }
        }

        return found;
    });

    /// <summary>
    /// Counts every row of a snapshot taken under the counting lock; what commits after it is queued and applied after.
    /// </summary>
    private void Rebuild()
    {
        using var connection = NewConnection();
        using var tx = connection.BeginTransaction(deferred: true);
        using var rows = connection.CreateCommand();
        rows.Transaction = tx;
        lock (_counting)
        {
            using var pin = connection.CreateCommand();
            pin.Transaction = tx;
            pin.CommandText = "SELECT count(*) FROM cases";
            pin.ExecuteScalar(); // the read snapshot starts here
            _state = CounterState.Rebuilding;
        }

        // Nothing else touches the counters while they rebuild: commits queue their changes, the summary waits.
        rows.CommandText = "SELECT json FROM cases";
        using (var reader = rows.ExecuteReader())
        {
            while (reader.Read())
            {
                if (Parse((byte[])reader[0]) is { } stored)
                {
                    _counters.Replace(null, stored.Case);
                }
            }
        }

        lock (_counting)
        {
            // Then every change committed since the snapshot, in commit order.
            foreach (var (before, after) in _queued)
            {
                _counters.Replace(before, after);
            }

            _queued.Clear();
            _state = CounterState.Live;
        }
    }

    private void Count(List<(CaseRecord? Before, CaseRecord? After)> deltas)
    {
        switch (_state)
        {
            case CounterState.Live:
                foreach (var (before, after) in deltas)
                {
                    _counters.Replace(before, after);
                }

                break;
            case CounterState.Rebuilding:
                _queued.AddRange(deltas);
                break;
            default:
                break; // the rebuild's snapshot will hold it
        }
    }

    private SqliteConnection NewConnection()
    {
        var connection = new SqliteConnection(_index!().Read(r => r.Connection.ConnectionString));
        connection.Open();
        return connection;
    }

    /// <summary>The stored case, or null for a payload that is none (the table skips it rather than stop the writer).</summary>
    internal static FileCaseIndex.StoredCase? Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize<FileCaseIndex.StoredCase>(json, StorageJson.Options) is { Case: not null } stored ? stored : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Reads a <see cref="CasePaging.Token"/>: base64url of "ticks|caseId".</summary>
    private static (long Ticks, string Id) ParseToken(string token)
    {
        var bytes = new byte[Base64Url.GetMaxDecodedLength(token.Length)];
        if (Base64Url.IsValid(token) && Base64Url.TryDecodeFromChars(token, bytes, out var written))
        {
            var text = Encoding.UTF8.GetString(bytes, 0, written);
            var bar = text.IndexOf('|');
            if (bar > 0 && bar < text.Length - 1 && long.TryParse(text.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
            {
                return (ticks, text[(bar + 1)..]);
            }
        }

        throw new FormatException("The continuation token is not one this service issued.");
    }
}

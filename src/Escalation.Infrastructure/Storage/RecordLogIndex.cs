using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Escalation.Infrastructure.Storage;

/// <summary>
/// The writer's key → position index of a <see cref="RecordLog"/>, on disk in an SQLite database beside the segments
/// (<c>store/index.db</c>), so that neither memory nor opening grows with the number of keys. It is derived data: the
/// segments stay the record. Each group commit of the log adds its positions in one transaction together with the
/// <em>watermark</em> (the segment and offset after the last indexed frame); at opening the log reads only the frames
/// after the watermark. A crash or power loss that takes back the latest transactions leaves the watermark behind the
/// frames it lost, and the next opening indexes them again. Projections (the case table of <see cref="LogCaseIndex"/>)
/// change in the same transactions.
/// </summary>
internal sealed class RecordLogIndex : IDisposable
{
    public const string FileName = "index.db";

    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly ConcurrentBag<Reader> _readers = [];
    private readonly SqliteCommand _put;
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _mark;

    private RecordLogIndex(string path)
    {
        Existed = File.Exists(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        _writer = new SqliteConnection(_connectionString);
        _writer.Open();
        Execute(_writer, """
            PRAGMA journal_mode=WAL;
            PRAGMA synchronous=NORMAL;
            CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS records (
                key TEXT PRIMARY KEY, grp TEXT NOT NULL, segment INTEGER NOT NULL, offset INTEGER NOT NULL,
                keylength INTEGER NOT NULL, length INTEGER NOT NULL) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS records_grp ON records (grp);
            CREATE INDEX IF NOT EXISTS records_segment ON records (segment);
            """);
        _put = Prepare(_writer, """
            INSERT INTO records (key, grp, segment, offset, keylength, length) VALUES ($k, $g, $s, $o, $kl, $l)
            ON CONFLICT (key) DO UPDATE SET segment = excluded.segment, offset = excluded.offset, keylength = excluded.keylength, length = excluded.length
            """, "$k", "$g", "$s", "$o", "$kl", "$l");
        _delete = Prepare(_writer, "DELETE FROM records WHERE key = $k", "$k");
        _mark = Prepare(_writer, "INSERT INTO meta (name, value) VALUES ('watermark', $v) ON CONFLICT (name) DO UPDATE SET value = excluded.value", "$v");
        Watermark = Scalar(_writer, "SELECT value FROM meta WHERE name = 'watermark'") is string mark && mark.Split(':') is [var s, var o]
            ? (int.Parse(s, System.Globalization.CultureInfo.InvariantCulture), long.Parse(o, System.Globalization.CultureInfo.InvariantCulture))
            : null;
    }

    /// <summary>True when the database was there before this opening (false: the first opening of a folder, or a migration).</summary>
    public bool Existed { get; }

    /// <summary>The segment and offset after the last frame indexed, or null when nothing was.</summary>
    public (int Segment, long Offset)? Watermark { get; private set; }

    /// <summary>The connection the log writes through (one thread at a time: the log's writer or its opening).</summary>
    public SqliteConnection Writer => _writer;

    public static RecordLogIndex Open(string directory) => new(Path.Combine(directory, FileName));

    /// <summary>Starts the transaction of one group commit.</summary>
    public SqliteTransaction Begin()
    {
        var tx = _writer.BeginTransaction();
        _put.Transaction = tx;
        _delete.Transaction = tx;
        _mark.Transaction = tx;
        return tx;
    }

    public void Put(string key, int segment, long payloadOffset, int keyLength, int length)
    {
        _put.Parameters[0].Value = key;
        _put.Parameters[1].Value = key[..(key.LastIndexOf('/') + 1)];
        _put.Parameters[2].Value = segment;
        _put.Parameters[3].Value = payloadOffset;
        _put.Parameters[4].Value = keyLength;
        _put.Parameters[5].Value = length;
        _put.ExecuteNonQuery();
    }

    public void Delete(string key)
    {
        _delete.Parameters[0].Value = key;
        _delete.ExecuteNonQuery();
    }

    /// <summary>Forgets positions at or past (<paramref name="segment"/>, <paramref name="offset"/>): bytes a crash took back.</summary>
    public void ForgetFrom(int segment, long offset)
    {
        using var command = _writer.CreateCommand();
        command.Transaction = _put.Transaction;
        command.CommandText = "DELETE FROM records WHERE segment > $s OR (segment = $s AND offset >= $o)";
        command.Parameters.AddWithValue("$s", segment);
        command.Parameters.AddWithValue("$o", offset);
        command.ExecuteNonQuery();
    }

    public void Mark(int segment, long offset)
    {
        _mark.Parameters[0].Value = FormattableString.Invariant($"{segment}:{offset}");
        _mark.ExecuteNonQuery();
        Watermark = (segment, offset);
    }

    /// <summary>Where <paramref name="key"/>'s latest payload is, or null.</summary>
    public (int Segment, long Offset, int KeyLength, int Length)? Find(string key) =>
        Read(r =>
        {
            r.Find.Parameters[0].Value = key;
            using var rows = r.Find.ExecuteReader();
            return rows.Read() ? (rows.GetInt32(0), rows.GetInt64(1), rows.GetInt32(2), rows.GetInt32(3)) : ((int, long, int, int)?)null;
        });

    public List<string> KeysIn(string group) => Read(r => Strings(r.Group, group));

    public List<string> KeysStartingWith(string prefix) => Read(r =>
    {
        r.Prefix.Parameters[0].Value = prefix;
        r.Prefix.Parameters[1].Value = prefix + char.ConvertFromUtf32(0x10FFFF);
        var keys = new List<string>();
        using var rows = r.Prefix.ExecuteReader();
        while (rows.Read())
        {
            keys.Add(rows.GetString(0));
        }

        return keys;
    });

    public long Count() => Read(r => (long)r.Count.ExecuteScalar()!);

    /// <summary>The keys whose latest record is in <paramref name="segment"/>, with where it is.</summary>
    public List<(string Key, long Offset, int KeyLength, int Length)> KeysInSegment(int segment) => Read(r =>
    {
        r.Segment.Parameters[0].Value = segment;
        var keys = new List<(string, long, int, int)>();
        using var rows = r.Segment.ExecuteReader();
        while (rows.Read())
        {
            keys.Add((rows.GetString(0), rows.GetInt64(1), rows.GetInt32(2), rows.GetInt32(3)));
        }

        return keys;
    });

    /// <summary>How many payload bytes of each segment are the latest record of a key.</summary>
    public Dictionary<int, long> LiveBytes() => Read(r =>
    {
        var live = new Dictionary<int, long>();
        using var rows = r.Live.ExecuteReader();
        while (rows.Read())
        {
            live[rows.GetInt32(0)] = rows.GetInt64(1);
        }

        return live;
    });

    /// <summary>Runs <paramref name="query"/> on a pooled reading connection (any thread).</summary>
    public T Read<T>(Func<Reader, T> query)
    {
        if (!_readers.TryTake(out var reader))
        {
            reader = new Reader(_connectionString);
        }

        try
        {
            return query(reader);
        }
        finally
        {
            _readers.Add(reader);
        }
    }

    public void Dispose()
    {
        while (_readers.TryTake(out var reader))
        {
            reader.Dispose();
        }

        _put.Dispose();
        _delete.Dispose();
        _mark.Dispose();
        _writer.Dispose();
    }

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    internal static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        command.Prepare();
        return command;
    }

    private static List<string> Strings(SqliteCommand command, string value)
    {
        command.Parameters[0].Value = value;
        var keys = new List<string>();
        using var rows = command.ExecuteReader();
        while (rows.Read())
        {
            keys.Add(rows.GetString(0));
        }

        return keys;
    }

    /// <summary>A reading connection with its prepared statements (one thread at a time).</summary>
    internal sealed class Reader : IDisposable
    {
        public Reader(string connectionString)
        {
            Connection = new SqliteConnection(connectionString);
            Connection.Open();
            Find = Prepare(Connection, "SELECT segment, offset, keylength, length FROM records WHERE key = $k", "$k");
            Group = Prepare(Connection, "SELECT key FROM records WHERE grp = $g", "$g");
            Prefix = Prepare(Connection, "SELECT key FROM records WHERE key >= $a AND key < $b", "$a", "$b");
            Count = Prepare(Connection, "SELECT count(*) FROM records");
            Segment = Prepare(Connection, "SELECT key, offset, keylength, length FROM records WHERE segment = $s", "$s");
            Live = Prepare(Connection, "SELECT segment, sum(length + keylength + 20) FROM records GROUP BY segment");
        }

        public SqliteConnection Connection { get; }
        public SqliteCommand Find { get; }
        public SqliteCommand Group { get; }
        public SqliteCommand Prefix { get; }
        public SqliteCommand Count { get; }
        public SqliteCommand Segment { get; }
        public SqliteCommand Live { get; }

        public void Dispose() => Connection.Dispose();
    }
}

/// <summary>
/// A table kept in the same transactions as a <see cref="RecordLog"/>'s index: told every record the log stores (and
/// every record of the frames read again at opening), in log order.
/// </summary>
internal interface IRecordProjection
{
    /// <summary>Creates its tables (once per opening, before anything else).</summary>
    void Create(SqliteConnection connection);

    /// <summary>A record of <paramref name="key"/> was stored (inside the open transaction <paramref name="tx"/>).</summary>
    void Apply(SqliteTransaction tx, string key, ReadOnlySpan<byte> payload);

    /// <summary>Commits <paramref name="tx"/> (the projection may hold a lock of its own around it).</summary>
    void Commit(SqliteTransaction tx);
}

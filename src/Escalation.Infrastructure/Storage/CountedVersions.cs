using Azure.Data.Tables;

namespace Escalation.Infrastructure.Storage;

/// <summary>
/// The case versions (<c>caseId|caseETag</c>) a KPI rebuild counted among the recently written rows of a shard, kept
/// in the shard entity as 8-byte FNV-1a hashes (binary property <c>Counted</c>) so a few thousand fit. A writer looks
/// its version up before it applies its change; a hash collision could at worst skip one change, which the next
/// rebuild repairs.
/// </summary>
internal sealed class CountedVersions
{
    public const string Property = "Counted";

    public static readonly CountedVersions None = new([]);

    private readonly HashSet<ulong> _hashes;

    private CountedVersions(byte[] bytes)
    {
        Bytes = bytes;
        _hashes = new HashSet<ulong>(bytes.Length / 8);
        for (var i = 0; i + 8 <= bytes.Length; i += 8)
        {
            _hashes.Add(BitConverter.ToUInt64(bytes, i));
        }
    }

    /// <summary>The hashes as the entity stores them.</summary>
    public byte[] Bytes { get; }

    public static CountedVersions Of(TableEntity entity) =>
        entity.GetBinary(Property) is { Length: > 0 } bytes ? new CountedVersions(bytes) : None;

    public bool Contains(string key) => _hashes.Count > 0 && _hashes.Contains(Hash(key));

    private static ulong Hash(string key)
    {
        var hash = 14695981039346656037ul;
        foreach (var ch in key)
        {
            hash = (hash ^ ch) * 1099511628211ul;
        }

        return hash;
    }

    /// <summary>Collects the versions a rebuild scans and keeps the newest <c>limit</c> written at or after a cut-off.</summary>
    public sealed class Builder(int limit)
    {
        private readonly PriorityQueue<ulong, DateTimeOffset> _newest = new();

        public void Add(string key, DateTimeOffset written)
        {
            _newest.Enqueue(Hash(key), written);
            if (_newest.Count > limit)
            {
                _ = _newest.Dequeue(); // the oldest
            }
        }

        public CountedVersions Build(DateTimeOffset since)
        {
            var bytes = new List<byte>(_newest.Count * 8);
            foreach (var (hash, written) in _newest.UnorderedItems)
            {
                if (written >= since)
                {
                    bytes.AddRange(BitConverter.GetBytes(hash));
                }
            }

            return bytes.Count == 0 ? None : new CountedVersions([.. bytes]);
        }
    }
}

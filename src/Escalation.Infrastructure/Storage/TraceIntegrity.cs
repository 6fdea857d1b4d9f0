using System.Collections.Concurrent;
using Escalation.Core.Tracing;

namespace Escalation.Infrastructure.Storage;

/// <summary>
/// The check made before a trace's bytes are served under its id: they must hash to that id (traces are
/// content-addressed). A trace store returns what it holds — <c>verify</c> needs altered bytes to say where a chain
/// breaks — so whoever serves a trace asks here first. Each mismatch seen is kept and reported as a storage problem
/// for the rest of the process: stored evidence changed after it was written, which no retry fixes.
/// </summary>
public sealed class TraceIntegrity : IStorageHealth
{
    private readonly ConcurrentDictionary<string, string> _altered = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="bytes"/> hash to <paramref name="traceId"/>; otherwise notes the mismatch.</summary>
    public bool Matches(string traceId, byte[] bytes)
    {
        var actual = TraceCanonicalJson.IdOf(bytes);
        if (actual == traceId)
        {
            return true;
        }

        _altered.TryAdd(traceId, actual);
        return false;
    }

    /// <inheritdoc />
    public string? Problem
    {
        get
        {
            var altered = _altered.ToArray();
            if (altered.Length == 0)
            {
                return null;
            }

            var (id, actual) = altered.MinBy(a => a.Key, StringComparer.Ordinal);
            var more = altered.Length > 1 ? $" (and {altered.Length - 1} more trace{(altered.Length > 2 ? "s" : "")})" : "";
            return $"Trace {id} is stored with bytes that hash to {actual}{more}: stored evidence was altered after it was written, "
                + "and it is not served. Restore it from a backup (docs/storage.md).";
        }
    }
}

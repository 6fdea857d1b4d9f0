using System.Collections.Concurrent;

namespace Escalation.Api.Cases;

/// <summary>
/// The artifacts of the cases this process is working on, kept as objects so that consecutive activities of a case do
/// not read and parse them again (the stage state alone is tens of kilobytes of JSON). Only for a host that owns its
/// case storage alone (the embedded engine): with several processes, another one could replace an artifact behind
/// this cache. Bounded: past <see cref="Capacity"/> cases the oldest are dropped and read from storage again.
/// </summary>
public sealed class CaseArtifactCache(int capacity = CaseArtifactCache.DefaultCapacity)
{
    /// <summary>Cases kept by default: four times the embedded engine's 256 concurrently running instances.</summary>
    public const int DefaultCapacity = 1024;

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, object>> _cases = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>How many cases are kept at most.</summary>
    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), "must be positive");

    /// <summary>Cases currently kept.</summary>
    public int Count => _cases.Count;

    /// <summary>The kept artifact, when it is kept and of type <typeparamref name="T"/>.</summary>
    public bool TryGet<T>(string caseId, string name, out T value)
    {
        if (_cases.TryGetValue(caseId, out var artifacts) && artifacts.TryGetValue(name, out var kept) && kept is T typed)
        {
            value = typed;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>Keeps (or replaces) an artifact of a case.</summary>
    public void Set(string caseId, string name, object value)
    {
        var artifacts = _cases.GetOrAdd(caseId, id =>
        {
            _order.Enqueue(id);
            return new ConcurrentDictionary<string, object>(StringComparer.Ordinal);
        });
        artifacts[name] = value;
        // Oldest first; the queue may hold a case twice (forgotten, then seen again), so it is bounded too.
        while ((_cases.Count > Capacity || _order.Count > 2 * Capacity) && _order.TryDequeue(out var oldest))
        {
            _cases.TryRemove(oldest, out _);
        }
    }

    /// <summary>Keeps an artifact unless one of that name is kept already.</summary>
    public void TryAdd(string caseId, string name, object value)
    {
        if (!(_cases.TryGetValue(caseId, out var artifacts) && artifacts.ContainsKey(name)))
        {
            Set(caseId, name, value);
        }
    }

    /// <summary>Forgets one artifact of a case.</summary>
    public void Remove(string caseId, string name)
    {
        if (_cases.TryGetValue(caseId, out var artifacts))
        {
            artifacts.TryRemove(name, out _);
        }
    }

    /// <summary>Forgets everything about a case (it finished; the next read goes to storage).</summary>
    public void Forget(string caseId) => _cases.TryRemove(caseId, out _);
}

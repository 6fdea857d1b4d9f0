namespace Escalation.Infrastructure.Storage;

/// <summary>
/// The queue between the threads that append and a group-commit writer thread. The writer takes everything queued in
/// one batch and blocks while nothing is (<see cref="Monitor.Wait(object)"/>: no spinning, so an idle or disk-bound
/// writer leaves the cores to the request threads).
/// </summary>
internal sealed class GroupCommitQueue<T>
{
    /// <summary>The most writes one flush covers.</summary>
    public const int MaxWrites = 4096;

    private readonly object _gate = new();
    private readonly List<T> _items = [];
    private bool _completed;
    private bool _writerWaiting;

    /// <summary>Queues <paramref name="item"/>; false once <see cref="Complete"/> was called.</summary>
    public bool TryWrite(T item)
    {
        lock (_gate)
        {
            if (_completed)
            {
                return false;
            }

            _items.Add(item);
            if (_writerWaiting)
            {
                Monitor.Pulse(_gate);
            }

            return true;
        }
    }

    /// <summary>No more writes: the writer takes what is left, then <see cref="Take"/> returns false.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>
    /// Replaces <paramref name="batch"/>'s contents with what is queued (at most <see cref="MaxWrites"/>), blocking until
    /// something is; false when the queue is completed and empty. When it took several writes it yields once and takes
    /// what arrived meanwhile, so the writers already on their way join the same flush.
    /// </summary>
    public bool Take(List<T> batch)
    {
        batch.Clear();
        lock (_gate)
        {
            while (_items.Count == 0)
            {
                if (_completed)
                {
                    return false;
                }

                _writerWaiting = true;
                Monitor.Wait(_gate);
                _writerWaiting = false;
            }

            MoveTo(batch);
        }

        if (batch.Count > 1 && batch.Count < MaxWrites)
        {
            Thread.Yield();
            lock (_gate)
            {
                MoveTo(batch);
            }
        }

        return true;
    }

    private void MoveTo(List<T> batch)
    {
        var n = Math.Min(_items.Count, MaxWrites - batch.Count);
        if (n <= 0)
        {
            return;
        }

        batch.AddRange(n == _items.Count ? _items : _items.GetRange(0, n));
        _items.RemoveRange(0, n);
    }
}

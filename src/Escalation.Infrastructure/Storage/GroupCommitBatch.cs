using System.Threading.Channels;

namespace Escalation.Infrastructure.Storage;

/// <summary>How a group-commit writer collects the writes one flush will cover.</summary>
internal static class GroupCommitBatch
{
    /// <summary>The most writes one flush covers.</summary>
    public const int MaxWrites = 4096;

    /// <summary>
    /// Replaces <paramref name="batch"/>'s contents with what is queued. When several writers are waiting, it yields once
    /// and takes what arrived meanwhile, so the writers already on their way join the same flush.
    /// </summary>
    public static void Take<T>(ChannelReader<T> queue, List<T> batch)
    {
        batch.Clear();
        Drain(queue, batch);
        if (batch.Count > 1)
        {
            Thread.Yield();
            Drain(queue, batch);
        }
    }

    private static void Drain<T>(ChannelReader<T> queue, List<T> batch)
    {
        while (batch.Count < MaxWrites && queue.TryRead(out var item))
        {
            batch.Add(item);
        }
    }
}

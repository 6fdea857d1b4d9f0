namespace Escalation.Core.Storage;

/// <summary>
/// Inbound tickets posted to a queue by a help desk. A received message stays invisible while it is
/// processed; it is completed, or moved to the poison queue with the reason — never lost.
/// </summary>
public interface IInboundQueue
{
    /// <summary>Enqueues a message body (a submission as JSON).</summary>
    Task SendAsync(string body, CancellationToken cancellationToken = default);

    /// <summary>The next visible message, hidden for <paramref name="visibility"/>; null when the queue is empty.</summary>
    Task<InboundMessage?> ReceiveAsync(TimeSpan visibility, CancellationToken cancellationToken = default);

    /// <summary>Removes a processed message.</summary>
    Task CompleteAsync(InboundMessage message, CancellationToken cancellationToken = default);

    /// <summary>Moves a message to the poison queue (<c>&lt;name&gt;-poison</c>) with the reason.</summary>
    Task PoisonAsync(InboundMessage message, string reason, CancellationToken cancellationToken = default);

    /// <summary>Poisoned messages, oldest first, for operators (not removed).</summary>
    Task<IReadOnlyList<PoisonedMessage>> PeekPoisonAsync(int max = 32, CancellationToken cancellationToken = default);
}

/// <summary>A received message.</summary>
/// <param name="Id">Message id.</param>
/// <param name="Body">The body as sent.</param>
/// <param name="DequeueCount">How many times it has been received, this time included.</param>
/// <param name="Receipt">Adapter token needed to complete or poison it.</param>
public sealed record InboundMessage(string Id, string Body, long DequeueCount, string Receipt);

/// <summary>A message in the poison queue, with why it is there.</summary>
public sealed record PoisonedMessage(string Id, string Body, string Reason, long DequeueCount, DateTimeOffset PoisonedAt);

using System.Text.Json;
using Azure.Storage.Queues;
using Escalation.Core.Storage;

namespace Escalation.Infrastructure.Storage;

/// <summary>
/// The inbound queue on Azure Queues, with a poison queue <c>&lt;name&gt;-poison</c> whose messages carry
/// the original body, the reason and the dequeue count.
/// </summary>
public sealed class AzureInboundQueue : IInboundQueue
{
    public const string DefaultQueue = "inbound-tickets";
    /// <summary>The shortest invisibility the queue service accepts on receive.</summary>
    public static readonly TimeSpan MinVisibility = TimeSpan.FromSeconds(1);
    private readonly QueueClient _queue;
    private readonly QueueClient _poison;
    private readonly Lazy<Task> _created;

    public AzureInboundQueue(QueueClient queue, QueueClient poison)
    {
        _queue = queue;
        _poison = poison;
        _created = new Lazy<Task>(() => Task.WhenAll(_queue.CreateIfNotExistsAsync(), _poison.CreateIfNotExistsAsync()));
    }

    public AzureInboundQueue(AzureStorageAccount account, string queueName = DefaultQueue)
        : this(account.Queues.GetQueueClient(queueName), account.Queues.GetQueueClient(queueName + "-poison"))
    {
    }

    public async Task SendAsync(string body, CancellationToken cancellationToken = default)
    {
        await _created.Value;
        await _queue.SendMessageAsync(body, cancellationToken);
    }

    public async Task<InboundMessage?> ReceiveAsync(TimeSpan visibility, CancellationToken cancellationToken = default)
    {
        await _created.Value;
        var message = (await _queue.ReceiveMessageAsync(visibility < MinVisibility ? MinVisibility : visibility, cancellationToken)).Value;
        return message is null ? null : new InboundMessage(message.MessageId, message.Body.ToString(), message.DequeueCount, message.PopReceipt);
    }

    public async Task CompleteAsync(InboundMessage message, CancellationToken cancellationToken = default)
    {
        await _created.Value;
        await _queue.DeleteMessageAsync(message.Id, message.Receipt, cancellationToken);
    }

    public async Task PoisonAsync(InboundMessage message, string reason, CancellationToken cancellationToken = default)
    {
        await _created.Value;
        var envelope = new PoisonEnvelope(message.Id, message.Body, reason, message.DequeueCount);
        await _poison.SendMessageAsync(JsonSerializer.Serialize(envelope, StorageJson.Options), cancellationToken);
        await _queue.DeleteMessageAsync(message.Id, message.Receipt, cancellationToken);
    }

    public async Task<IReadOnlyList<PoisonedMessage>> PeekPoisonAsync(int max = 32, CancellationToken cancellationToken = default)
    {
        await _created.Value;
        var peeked = (await _poison.PeekMessagesAsync(Math.Clamp(max, 1, 32), cancellationToken)).Value;
        return [.. peeked.Select(p =>
        {
            var e = JsonSerializer.Deserialize<PoisonEnvelope>(p.Body.ToString(), StorageJson.Options)!;
            return new PoisonedMessage(e.Id, e.Body, e.Reason, e.DequeueCount, p.InsertedOn ?? default);
        })];
    }

    private sealed record PoisonEnvelope(string Id, string Body, string Reason, long DequeueCount);
}

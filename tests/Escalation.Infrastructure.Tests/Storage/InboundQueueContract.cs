using Escalation.Core.Storage;
using Escalation.Infrastructure.Storage;

namespace Escalation.Infrastructure.Tests.Storage;

/// <summary>What every <see cref="IInboundQueue"/> must do; run against the file and the Azure adapter.</summary>
public abstract class InboundQueueContract
{
    protected abstract IInboundQueue CreateQueue();

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [SkippableFact]
    public async Task Receive_EmptyQueue_ReturnsNull()
    {
        Assert.Null(await CreateQueue().ReceiveAsync(Minute));
    }

    [SkippableFact]
    public async Task Receive_SentMessage_ComesBackOnceThenCompleteRemovesIt()
    {
        var queue = CreateQueue();
        await queue.SendAsync("{\"ticketId\":\"ZD-1\"}");

        var message = await queue.ReceiveAsync(Minute);
        var whileHidden = await queue.ReceiveAsync(Minute);
        await queue.CompleteAsync(message!);

        Assert.Equal("{\"ticketId\":\"ZD-1\"}", message!.Body);
        Assert.Equal(1, message.DequeueCount);
        Assert.Null(whileHidden);
        Assert.Null(await queue.ReceiveAsync(Minute));
    }

    [SkippableFact]
    public async Task Receive_AfterVisibilityLapses_ReturnsTheMessageAgainWithHigherDequeueCount()
    {
        var queue = CreateQueue();
        await queue.SendAsync("retry me");

        var first = await queue.ReceiveAsync(TimeSpan.FromSeconds(1));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var second = await queue.ReceiveAsync(Minute);

        Assert.Equal(first!.Id, second!.Id);
        Assert.Equal(2, second.DequeueCount);
    }

    [SkippableFact]
    public async Task Poison_Message_MovesToPoisonQueueWithReasonAndLeavesTheQueue()
    {
        var queue = CreateQueue();
        await queue.SendAsync("not json");
        var message = (await queue.ReceiveAsync(Minute))!;

        await queue.PoisonAsync(message, "malformed: 'n' is an invalid start of a value");

        var poisoned = Assert.Single(await queue.PeekPoisonAsync());
        Assert.Equal("not json", poisoned.Body);
        Assert.Equal("malformed: 'n' is an invalid start of a value", poisoned.Reason);
        Assert.Equal(1, poisoned.DequeueCount);
        Assert.Null(await queue.ReceiveAsync(Minute));
    }
}

/// <summary>The inbound queue contract on files.</summary>
public sealed class FileInboundQueueTests : InboundQueueContract, IDisposable
{
    private readonly TempDirectory _dir = new();

    protected override IInboundQueue CreateQueue() => new FileInboundQueue(_dir.Path, "inbound");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Receive_TicketAHelpDeskIsStillWritingIntoReady_IsLeftUntilItIsWhole()
    {
        var queue = CreateQueue();
        var ready = Path.Combine(_dir.Path, "queues", "inbound", "ready");
        Directory.CreateDirectory(ready);
        var file = Path.Combine(ready, "zd-1.json");
        await File.WriteAllTextAsync(file, "{\"ticketId\": \"ZD-1\", \"messages\": [");   // the first bytes of a drop

        Assert.Null(await queue.ReceiveAsync(TimeSpan.FromMinutes(1)));
        Assert.True(File.Exists(file)); // not claimed, not poisoned

        await File.AppendAllTextAsync(file, "]}");
        var message = await queue.ReceiveAsync(TimeSpan.FromMinutes(1));

        Assert.Equal("{\"ticketId\": \"ZD-1\", \"messages\": []}", message!.Body);
    }
}

/// <summary>The inbound queue contract on Azurite queues.</summary>
public sealed class AzureInboundQueueTests : InboundQueueContract
{
    protected override IInboundQueue CreateQueue() =>
        new AzureInboundQueue(AzuriteAccount.Require(), AzuriteAccount.UniqueName("inbound"));
}

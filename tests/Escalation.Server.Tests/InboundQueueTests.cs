using System.Net;
using Escalation.Core.Cases;
using Escalation.Infrastructure.Storage;

namespace Escalation.Server.Tests;

/// <summary>A help desk that drops tickets on the inbound queue instead of calling HTTP.</summary>
public sealed class InboundQueueTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Queue_ValidTicketBecomesACase_MalformedOneGoesToPoisonWithTheReason()
    {
        var queue = new FileInboundQueue(fixture.Server.DataDirectory, "cases-inbound");
        var ticketId = $"Q-{Guid.NewGuid():N}"[..14];
        await queue.SendAsync(SampleTickets.Load("13-chargeback-threat.json", ticketId: ticketId));
        await queue.SendAsync("{\"ticketId\": \"Q-bad\", \"customer\": {\"id\": \"cus_014\"}, \"messages\": []}");

        var settled = await fixture.WaitForCaseAsync(CaseIds.For(ticketId, 1), c => c.GetProperty("status").GetString() == "escalated", seconds: 30);
        var until = DateTime.UtcNow.AddSeconds(20);
        IReadOnlyList<Core.Storage.PoisonedMessage> poisoned = [];
        while (DateTime.UtcNow < until && !poisoned.Any(p => p.Body.Contains("Q-bad")))
        {
            poisoned = await queue.PeekPoisonAsync();
            await Task.Delay(100);
        }

        Assert.Equal("escalate", settled.GetProperty("route").GetString());
        var poison = Assert.Single(poisoned, p => p.Body.Contains("Q-bad"));
        Assert.Contains("/messages", poison.Reason);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Server.Client.GetAsync($"/api/cases/{CaseIds.For("Q-bad", 1)}")).StatusCode);
    }

    [Fact]
    public async Task Queue_TicketFilesDroppedInReady_BecomeCasesWhileMalformedAndHugeOnesArePoisonedWithoutBlockingThem()
    {
        var ready = Path.Combine(fixture.Server.DataDirectory, "queues", "cases-inbound", "ready");
        Directory.CreateDirectory(ready);
        var first = $"QD-{Guid.NewGuid():N}"[..14];
        var second = $"QD-{Guid.NewGuid():N}"[..14];

        // What a help desk drops, in file-name order: a malformed ticket and a 10 MB one ahead of two good tickets.
        await File.WriteAllTextAsync(Path.Combine(ready, "a-malformed.json"), "{\"ticketId\": \"Q-MAL\",");
        await File.WriteAllTextAsync(Path.Combine(ready, "b-huge.json"), "{\"ticketId\": \"Q-BIG\", \"subject\": \"" + new string('x', 10 * 1024 * 1024) + "\"}");
        await File.WriteAllTextAsync(Path.Combine(ready, "c-ticket.json"), SampleTickets.Load("13-chargeback-threat.json", ticketId: first));
        await File.WriteAllTextAsync(Path.Combine(ready, "d-ticket.json"), SampleTickets.Load("13-chargeback-threat.json", ticketId: second));

        await fixture.WaitForCaseAsync(CaseIds.For(first, 1), c => c.GetProperty("status").GetString() == "escalated", seconds: 30);
        await fixture.WaitForCaseAsync(CaseIds.For(second, 1), c => c.GetProperty("status").GetString() == "escalated", seconds: 30);
        var queue = new FileInboundQueue(fixture.Server.DataDirectory, "cases-inbound");
        var until = DateTime.UtcNow.AddSeconds(20);
        IReadOnlyList<Core.Storage.PoisonedMessage> poisoned = [];
        while (DateTime.UtcNow < until && poisoned.Count(p => p.Body.Contains("Q-MAL") || p.Body.Contains("Q-BIG")) < 2)
        {
            poisoned = await queue.PeekPoisonAsync();
            await Task.Delay(100);
        }

        var malformed = Assert.Single(poisoned, p => p.Body.Contains("Q-MAL"));
        Assert.Contains("JSON", malformed.Reason);
        Assert.Equal("{\"ticketId\": \"Q-MAL\",", malformed.Body);
        Assert.Contains("large", Assert.Single(poisoned, p => p.Body.Contains("Q-BIG")).Reason);
        Assert.Empty(Directory.GetFiles(Path.Combine(fixture.Server.DataDirectory, "queues", "cases-inbound", "inflight")));
    }
}

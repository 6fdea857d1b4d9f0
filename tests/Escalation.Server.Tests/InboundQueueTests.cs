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
        while (DateTime.UtcNow < until && poisoned.Count == 0)
        {
            poisoned = await queue.PeekPoisonAsync();
            await Task.Delay(100);
        }

        Assert.Equal("escalate", settled.GetProperty("route").GetString());
        var poison = Assert.Single(poisoned);
        Assert.Contains("/messages", poison.Reason);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Server.Client.GetAsync($"/api/cases/{CaseIds.For("Q-bad", 1)}")).StatusCode);
    }
}

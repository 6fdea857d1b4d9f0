using System.Text;
using Escalation.Core.Storage;
using Escalation.Core.Tracing;
using Escalation.Infrastructure.Storage;

namespace Escalation.Infrastructure.Tests.Storage;

public sealed class LocalRetentionTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static CaseRecord Case(string id, string status, DateTimeOffset updated) => new()
    {
        CaseId = id, TicketId = "ZD-" + id, CustomerId = "cus_1", Kind = "sensitive", Status = status, Created = updated.AddHours(-1), Updated = updated,
    };

    [Fact]
    public async Task Purge_FinishedCaseOlderThanTheCutoff_LosesItsArtifactsButKeepsItsRecordAndTraces()
    {
        var old = SampleTraces.At.AddDays(-100);
        string traceId;
        await using (var store = LocalCaseStore.Open(_dir.Path))
        {
            foreach (var (id, status, updated) in new[] { ("case-done", "sent", old), ("case-open", "awaiting-review", old), ("case-recent", "sent", SampleTraces.At) })
            {
                await store.Index.UpsertAsync(Case(id, status, updated), null);
                await store.Artifacts.PutAsync(id, "submission", "{\"text\":\"my refund please\"}");
                await store.Artifacts.PutAsync(id, "decision", "{\"route\":\"draft-for-review\"}");
            }

            traceId = await store.Traces.PutAsync(TraceCanonicalJson.Serialize(SampleTraces.Decision("case-done")));
            Assert.True(await store.Traces.TryClaimSequenceAsync("case-done", 0, traceId));

            var purged = await LocalRetention.PurgeArtifactsAsync(store, SampleTraces.At.AddDays(-30));

            Assert.Equal((1, 2), (purged.Cases, purged.Artifacts));
            Assert.Empty(await store.Artifacts.ListAsync("case-done"));
        }

        await using var reopened = LocalCaseStore.Open(_dir.Path);
        Assert.Empty(await reopened.Artifacts.ListAsync("case-done")); // gone for good, not only until the restart
        Assert.Null(await reopened.Artifacts.GetAsync("case-done", "submission"));
        Assert.Equal("sent", (await reopened.Index.GetAsync("case-done"))!.Case.Status);
        Assert.NotNull(await reopened.Traces.GetAsync(traceId));
        Assert.Equal([traceId], (await reopened.Traces.ListChainAsync("case-done")).Select(l => l.TraceId));
        Assert.Equal(["decision", "submission"], await reopened.Artifacts.ListAsync("case-open")); // still open
        Assert.Equal(["decision", "submission"], await reopened.Artifacts.ListAsync("case-recent")); // finished lately
    }
}

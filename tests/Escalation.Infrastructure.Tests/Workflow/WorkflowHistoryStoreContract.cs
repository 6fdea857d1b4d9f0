using Escalation.Infrastructure.Storage;
using Escalation.Infrastructure.Tests.Storage;
using Escalation.Infrastructure.Workflow;

namespace Escalation.Infrastructure.Tests.Workflow;

/// <summary>What every workflow-history store must do, run against the file log and Azure Blobs (Azurite).</summary>
public abstract class WorkflowHistoryStoreContract
{
    protected abstract IWorkflowHistoryStore Open();

    protected virtual ValueTask CloseAsync(IWorkflowHistoryStore store) => store is IAsyncDisposable d ? d.DisposeAsync() : ValueTask.CompletedTask;

    private static HistoryEvent Event(HistoryEventKind kind, int seq, string? name = null, string? data = null) =>
        new() { Kind = kind, Seq = seq, Name = name, Data = data, At = new DateTime(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc).AddSeconds(seq + 1) };

    [SkippableFact]
    public async Task LoadAll_AfterAppendsToTwoInstances_ReturnsEachHistoryInOrder()
    {
        var a = "case-a-" + Guid.NewGuid().ToString("N")[..8];
        var b = "case-b-" + Guid.NewGuid().ToString("N")[..8];
        var store = Open();
        await store.AppendAsync(a, [Event(HistoryEventKind.ExecutionStarted, -1, "CaseOrchestrator", "{\"caseId\":\"a\"}")]);
        await store.AppendAsync(b, [Event(HistoryEventKind.ExecutionStarted, -1, "CaseOrchestrator")]);
        await store.AppendAsync(a, [Event(HistoryEventKind.ActivityScheduled, 0, "Detect"), Event(HistoryEventKind.ActivityCompleted, 0, "Detect", "{\"stage\":\"detect\"}")]);
        await CloseAsync(store);

        var reopened = Open();
        var all = await reopened.LoadAllAsync();
        await CloseAsync(reopened);

        Assert.Equal([HistoryEventKind.ExecutionStarted, HistoryEventKind.ActivityScheduled, HistoryEventKind.ActivityCompleted], all[a].Select(e => e.Kind));
        Assert.Equal("{\"stage\":\"detect\"}", all[a][2].Data);
        Assert.Single(all[b]);
    }

    [SkippableFact]
    public async Task LoadAll_StartedEventWithAVersion_KeepsTheVersionAndOtherEventsHaveNone()
    {
        var id = "case-v-" + Guid.NewGuid().ToString("N")[..8];
        var store = Open();
        await store.AppendAsync(id, [Event(HistoryEventKind.ExecutionStarted, -1, "CaseOrchestrator") with { Version = "3" }, Event(HistoryEventKind.ActivityScheduled, 0, "Detect")]);
        await CloseAsync(store);

        var reopened = Open();
        var all = await reopened.LoadAllAsync();
        await CloseAsync(reopened);

        Assert.Equal("3", all[id][0].Version);
        Assert.Null(all[id][1].Version);
    }

    [SkippableFact]
    public async Task AppendRecomputable_ThenADurableAppend_BothLoadInTheOrderTheyWereMade()
    {
        var id = "case-r-" + Guid.NewGuid().ToString("N")[..8];
        var store = Open();
        await store.AppendAsync(id, [Event(HistoryEventKind.ExecutionStarted, -1, "CaseOrchestrator")]);
        await store.AppendRecomputableAsync(id, [Event(HistoryEventKind.ActivityScheduled, 0, "Detect"), Event(HistoryEventKind.ActivityCompleted, 0, "Detect", "{\"stage\":\"detect\"}")]);
        await store.AppendAsync(id, [Event(HistoryEventKind.ActivityScheduled, 1, "Route"), Event(HistoryEventKind.ActivityCompleted, 1, "Route", "{\"stage\":\"route\"}")]);
        await CloseAsync(store);

        var reopened = Open();
        var all = await reopened.LoadAllAsync();
        await CloseAsync(reopened);

        Assert.Equal([-1, 0, 0, 1, 1], all[id].Select(e => e.Seq));
        Assert.Equal("{\"stage\":\"detect\"}", all[id][2].Data);
    }

    [SkippableFact]
    public async Task Append_ManyWithoutWaiting_LandInTheOrderTheyWereMade()
    {
        var id = "case-o-" + Guid.NewGuid().ToString("N")[..8];
        var store = Open();
        var pending = Enumerable.Range(0, 40).Select(i => store.AppendAsync(id, [Event(HistoryEventKind.EventRaised, i, "ReviewDecision", i.ToString())])).ToArray();
        await Task.WhenAll(pending);
        await CloseAsync(store);

        var reopened = Open();
        var all = await reopened.LoadAllAsync();
        await CloseAsync(reopened);

        Assert.Equal(Enumerable.Range(0, 40).Select(i => i.ToString()), all[id].Select(e => e.Data));
    }

    [SkippableFact]
    public async Task Compact_ACompletedAFailedAndAnOpenInstance_DropsTheCompletedAndKeepsTheFailedOnesStartAndEnd()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (done, failed, open) = ("case-done-" + suffix, "case-failed-" + suffix, "case-open-" + suffix);
        var store = Open();
        foreach (var id in new[] { done, failed, open })
        {
            await store.AppendAsync(id, [Event(HistoryEventKind.ExecutionStarted, -1, "CaseOrchestrator")]);
            await store.AppendAsync(id, [Event(HistoryEventKind.ActivityScheduled, 0, "Detect"), Event(HistoryEventKind.ActivityCompleted, 0, "Detect", "{}")]);
        }

        await store.AppendAsync(done, [Event(HistoryEventKind.ExecutionCompleted, 1, data: "\"sent\"")]);
        await store.AppendAsync(failed, [Event(HistoryEventKind.ExecutionFailed, 1, data: "broke")]);
        await CloseAsync(store);

        var compacting = Open();
        await compacting.CompactAsync(new HashSet<string> { failed }, new HashSet<string> { done });
        await CloseAsync(compacting);
        var reopened = Open();
        var all = await reopened.LoadAllAsync();
        await CloseAsync(reopened);

        Assert.False(all.ContainsKey(done));
        Assert.Equal((HistoryEventKind.ExecutionStarted, HistoryEventKind.ExecutionFailed, "broke"), (all[failed][0].Kind, all[failed][^1].Kind, all[failed][^1].Data));
        Assert.Equal(3, all[open].Count);
    }
}

public sealed class FileHistoryLogContractTests : WorkflowHistoryStoreContract, IDisposable
{
    private readonly TempDirectory _dir = new();

    protected override IWorkflowHistoryStore Open() => new FileHistoryLog(_dir.Path);

    [Fact]
    public async Task LoadAll_LinesWrittenByAnEarlierVersion_StillLoad()
    {
        // Before lines were written by hand they were JsonSerializer output: nulls written out, quotes as \u0022.
        var earlier = "{\"I\":\"case-old\",\"E\":{\"k\":0,\"s\":-1,\"n\":\"CaseOrchestrator\",\"d\":\"{\\u0022caseId\\u0022:\\u0022case-old\\u0022}\",\"t\":\"2026-11-20T09:00:00Z\",\"f\":null}}\n"
            + "{\"I\":\"case-old\",\"E\":{\"k\":4,\"s\":7,\"n\":\"ReviewDecision\",\"d\":null,\"t\":\"2026-11-20T09:00:01Z\",\"f\":\"2026-11-21T09:00:00Z\"}}\n";
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "history-000001.jsonl"), earlier);
        var log = new FileHistoryLog(_dir.Path);
        await log.AppendAsync("case-old", [new HistoryEvent { Kind = HistoryEventKind.TimerFired, Seq = 7, At = new DateTime(2026, 11, 21, 9, 0, 0, DateTimeKind.Utc) }]);
        var all = await log.LoadAllAsync();
        await log.DisposeAsync();

        Assert.Equal([HistoryEventKind.ExecutionStarted, HistoryEventKind.TimerCreated, HistoryEventKind.TimerFired], all["case-old"].Select(e => e.Kind));
        Assert.Equal("{\"caseId\":\"case-old\"}", all["case-old"][0].Data);
        Assert.Equal(new DateTime(2026, 11, 21, 9, 0, 0, DateTimeKind.Utc), all["case-old"][1].FireAt);
        Assert.Null(all["case-old"][1].Data);
    }

    [Fact]
    public async Task LoadAll_PayloadWithQuotesNewlinesAndUnicode_ComesBackAsWritten()
    {
        var payload = "{\"note\":\"line one\\nline two \\\"quoted\\\" café 😀 \u2028 </script>\"}";
        var log = new FileHistoryLog(_dir.Path);
        await log.AppendAsync("case-u", [new HistoryEvent { Kind = HistoryEventKind.EventRaised, Seq = 3, Name = "Review\nDecision", Data = payload, At = DateTime.UnixEpoch }]);
        await log.DisposeAsync();

        var reopened = new FileHistoryLog(_dir.Path);
        var e = Assert.Single((await reopened.LoadAllAsync())["case-u"]);
        await reopened.DisposeAsync();

        Assert.Equal(payload, e.Data);
        Assert.Equal("Review\nDecision", e.Name);
        Assert.Equal(3, e.Seq);
        Assert.Single(File.ReadAllLines(Directory.GetFiles(_dir.Path, "history-*.jsonl").Single()), l => l.Length > 0);
    }

    [Fact]
    public async Task Append_LargeAndSmallFromOneThreadBeforeAnyIsWritten_EachLandsAsWritten()
    {
        // Lines are composed in a per-thread buffer: every queued append must keep its own bytes, also next to one far
        // larger than usual.
        var payloads = new[] { "{\"big\":\"" + new string('x', 600_000) + "\"}", "{\"small\":1}", "{\"mid\":\"" + new string('y', 5_000) + "\"}", "{\"small\":2}" };
        var log = new FileHistoryLog(_dir.Path);
        var pending = payloads.Select((d, i) => log.AppendRecomputableAsync("case-big", [new HistoryEvent { Kind = HistoryEventKind.EventRaised, Seq = i, Name = "E", Data = d, At = DateTime.UnixEpoch }])).ToArray();
        await Task.WhenAll(pending);
        await log.DisposeAsync();

        var reopened = new FileHistoryLog(_dir.Path);
        var events = (await reopened.LoadAllAsync())["case-big"];
        await reopened.DisposeAsync();

        Assert.Equal(payloads, events.Select(e => e.Data));
    }

    [Fact]
    public async Task Append_AfterAWriteFailed_FailsUntilReopenedSoNoHistoryOnDiskHasAGap()
    {
        // The segment cannot be opened (a folder stands where its file would go): the writes fail until it is removed.
        var blocker = Directory.CreateDirectory(Path.Combine(_dir.Path, "history-000001.jsonl"));
        var log = new FileHistoryLog(_dir.Path);
        await log.AppendRecomputableAsync("case-gap", [new HistoryEvent { Kind = HistoryEventKind.ExecutionStarted, Seq = -1, Name = "CaseOrchestrator", At = DateTime.UnixEpoch }]);
        await Assert.ThrowsAnyAsync<Exception>(() => log.AppendAsync("case-gap", [new HistoryEvent { Kind = HistoryEventKind.ActivityScheduled, Seq = 0, Name = "Detect", At = DateTime.UnixEpoch }]));
        blocker.Delete();

        // The disk would take this one now, but the events before it are lost: it must not be written after them.
        var later = await Assert.ThrowsAsync<IOException>(() => log.AppendAsync("case-gap", [new HistoryEvent { Kind = HistoryEventKind.ActivityCompleted, Seq = 0, Name = "Detect", At = DateTime.UnixEpoch }]));
        Assert.Contains("restart", later.Message, StringComparison.Ordinal);
        await log.DisposeAsync();

        var reopened = new FileHistoryLog(_dir.Path);
        var all = await reopened.LoadAllAsync();
        await reopened.AppendAsync("case-next", [new HistoryEvent { Kind = HistoryEventKind.ExecutionStarted, Seq = -1, Name = "CaseOrchestrator", At = DateTime.UnixEpoch }]);
        await reopened.DisposeAsync();

        Assert.False(all.ContainsKey("case-gap"));
    }

    [Fact]
    public async Task Roll_InstancesCompletedInEarlierSegments_ArePurgedFromEverySegmentWhileTheLogRuns()
    {
        var log = new FileHistoryLog(_dir.Path) { SegmentBytes = 400 };
        var filler = new string('x', 500); // one append per segment
        HistoryEvent At(HistoryEventKind kind, int seq, string? data = null) =>
            new() { Kind = kind, Seq = seq, Name = "CaseOrchestrator", Data = data, At = new DateTime(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc) };
        await log.AppendAsync("case-a", [At(HistoryEventKind.ExecutionStarted, -1, filler)]);
        await log.AppendAsync("case-b", [At(HistoryEventKind.ExecutionStarted, -1, filler)]);
        await log.AppendAsync("case-a", [At(HistoryEventKind.ActivityCompleted, 0, filler)]);
        await log.AppendAsync("case-a", [At(HistoryEventKind.ExecutionCompleted, 1, filler)]);
        await log.AppendAsync("case-b", [At(HistoryEventKind.ActivityCompleted, 0, filler)]); // a roll: case-a's segments are closed
        await log.RollCompaction;
        var onDisk = string.Concat(Directory.GetFiles(_dir.Path, "history-*.jsonl").Select(File.ReadAllText));
        await log.DisposeAsync();

        // Its start (the oldest segment) went with its end: no start is left without its end, to be run again.
        Assert.DoesNotContain("case-a", onDisk, StringComparison.Ordinal);
        var reopened = new FileHistoryLog(_dir.Path);
        var all = await reopened.LoadAllAsync();
        await reopened.DisposeAsync();
        Assert.Equal(["case-b"], all.Keys);
        Assert.Equal([HistoryEventKind.ExecutionStarted, HistoryEventKind.ActivityCompleted], all["case-b"].Select(e => e.Kind));
    }

    public void Dispose() => _dir.Dispose();
}

public sealed class AzureBlobHistoryStoreContractTests : WorkflowHistoryStoreContract
{
    private readonly string _container = AzuriteAccount.UniqueName("wfhist");

    protected override IWorkflowHistoryStore Open() => new AzureBlobHistoryStore(AzuriteAccount.Require(), _container);

    [SkippableFact]
    public async Task Append_TheCompletion_DeletesTheInstancesBlobSoStartUpDoesNotListIt()
    {
        var id = "case-end-" + Guid.NewGuid().ToString("N")[..8];
        var store = Open();
        await store.AppendAsync(id, [new HistoryEvent { Kind = HistoryEventKind.ExecutionStarted, Seq = -1, Name = "CaseOrchestrator", At = DateTime.UnixEpoch }]);
        Assert.True((await store.LoadAllAsync()).ContainsKey(id));
        await store.AppendAsync(id, [new HistoryEvent { Kind = HistoryEventKind.ExecutionCompleted, Seq = 1, Data = "\"sent\"", At = DateTime.UnixEpoch }]);

        Assert.False((await Open().LoadAllAsync()).ContainsKey(id));
    }
}

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
}

public sealed class FileHistoryLogContractTests : WorkflowHistoryStoreContract, IDisposable
{
    private readonly TempDirectory _dir = new();

    protected override IWorkflowHistoryStore Open() => new FileHistoryLog(_dir.Path);

    public void Dispose() => _dir.Dispose();
}

public sealed class AzureBlobHistoryStoreContractTests : WorkflowHistoryStoreContract
{
    private readonly string _container = AzuriteAccount.UniqueName("wfhist");

    protected override IWorkflowHistoryStore Open() => new AzureBlobHistoryStore(AzuriteAccount.Require(), _container);
}

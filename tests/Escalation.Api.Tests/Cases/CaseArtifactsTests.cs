using System.Collections.Concurrent;
using Escalation.Api.Cases;
using Escalation.Core.Decisions;
using Escalation.Core.Storage;

namespace Escalation.Api.Tests.Cases;

public sealed class CaseArtifactsTests
{
    /// <summary>An artifact store in memory that counts what reaches it.</summary>
    private sealed class CountingStore : IStageArtifactStore
    {
        public ConcurrentDictionary<string, string> Stored { get; } = new();
        public int Reads;
        public int Writes;

        public Task PutAsync(string caseId, string name, string json, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Writes);
            Stored[$"{caseId}/{name}"] = json;
            return Task.CompletedTask;
        }

        public Task<string?> GetAsync(string caseId, string name, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Reads);
            return Task.FromResult(Stored.TryGetValue($"{caseId}/{name}", out var json) ? json : null);
        }

        public Task<IReadOnlyList<string>> ListAsync(string caseId, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<string>>([.. Stored.Keys.Where(k => k.StartsWith(caseId + "/", StringComparison.Ordinal)).Select(k => k[(caseId.Length + 1)..]).Order(StringComparer.Ordinal)]);
    }

    private static string Repo()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(d!.FullName, "EscalationFunctions.sln")))
        {
            d = d.Parent;
        }

        return d.FullName;
    }

    private static CaseDecision Decision(string draft) => new()
    {
        TicketId = "ZD-1",
        Kind = "sensitive",
        Priority = "P2",
        Route = Routes.DraftAndSend,
        Draft = draft,
        WorkspaceVersion = "ws-test",
    };

    [Theory]
    [InlineData(1)]
    [InlineData(3_000)] // about 150 KB: larger than the buffer the JSON is first written into
    public async Task PutAsync_AnyArtifactSize_StoresWhatTheSerializerWrites(int sentences)
    {
        var store = new CountingStore();
        var decision = Decision(string.Concat(Enumerable.Repeat("Wir erstatten den Betrag — ✓ \"sofort\" <b>&</b>.\n", sentences)));

        await new CaseArtifacts(store).PutAsync("case-1", CaseArtifacts.Decision, decision);

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(decision, CaseArtifacts.Json), store.Stored["case-1/decision"]);
        Assert.Equal(decision.Draft, (await new CaseArtifacts(store).GetAsync<CaseDecision>("case-1", CaseArtifacts.Decision))!.Draft);
    }

    [Fact]
    public async Task PutWorkingStateAsync_WithCacheBeforeTheLastStage_KeepsItInMemoryOnly()
    {
        var store = new CountingStore();
        var artifacts = new CaseArtifacts(store, new CaseArtifactCache());

        await artifacts.PutWorkingStateAsync("case-1", new[] { "detect" }, last: false);
        var read = await artifacts.GetAsync<string[]>("case-1", CaseArtifacts.State);

        Assert.Equal(["detect"], read!);
        Assert.Equal(0, store.Writes);
        Assert.Equal(0, store.Reads);
    }

    [Fact]
    public async Task PutWorkingStateAsync_LastStage_StoresItForOtherReaders()
    {
        var store = new CountingStore();
        var artifacts = new CaseArtifacts(store, new CaseArtifactCache());

        await artifacts.PutWorkingStateAsync("case-1", new[] { "detect", "route" }, last: true);

        Assert.Equal(["detect", "route"], (await new CaseArtifacts(store).GetAsync<string[]>("case-1", CaseArtifacts.State))!);
    }

    [Fact]
    public async Task PutWorkingStateAsync_WithoutCache_StoresEveryStage()
    {
        var store = new CountingStore();
        var artifacts = new CaseArtifacts(store);

        await artifacts.PutWorkingStateAsync("case-1", new[] { "detect" }, last: false);

        Assert.Equal(1, store.Writes);
        Assert.Equal(["detect"], (await artifacts.GetAsync<string[]>("case-1", CaseArtifacts.State))!);
    }

    [Fact]
    public async Task GetAsync_WithCacheAfterAPut_DoesNotReadStorageAgain()
    {
        var store = new CountingStore();
        var artifacts = new CaseArtifacts(store, new CaseArtifactCache());
        await artifacts.PutAsync("case-1", CaseArtifacts.Decision, Decision("Hi Ada"));

        var first = await artifacts.DecisionAsync("case-1");
        var second = await artifacts.DecisionAsync("case-1");

        Assert.Equal("Hi Ada", first!.Draft);
        Assert.Same(first, second);
        Assert.Equal(0, store.Reads);
    }

    [Fact]
    public async Task Release_CaseFinished_NextReadGoesToStorage()
    {
        var store = new CountingStore();
        var artifacts = new CaseArtifacts(store, new CaseArtifactCache());
        await artifacts.PutAsync("case-1", CaseArtifacts.Decision, Decision("Hi Ada"));

        artifacts.Release("case-1");
        var read = await artifacts.DecisionAsync("case-1");

        Assert.Equal("Hi Ada", read!.Draft);
        Assert.Equal(1, store.Reads);
    }

    [Fact]
    public async Task DecisionStored_DecisionPutLater_Completes()
    {
        var artifacts = new CaseArtifacts(new CountingStore(), new CaseArtifactCache());
        var stored = artifacts.DecisionStored("case-1");
        Assert.False(stored.IsCompleted);

        await artifacts.PutAsync("case-1", CaseArtifacts.State, "not the decision");
        Assert.False(stored.IsCompleted);
        await artifacts.PutAsync("case-1", CaseArtifacts.Decision, Decision("Hi"));

        await stored.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task StopWaitingForDecision_ThenDecisionStored_NewWaitIsIndependent()
    {
        var artifacts = new CaseArtifacts(new CountingStore());
        var abandoned = artifacts.DecisionStored("case-1");

        artifacts.StopWaitingForDecision("case-1");
        var fresh = artifacts.DecisionStored("case-1");
        await artifacts.PutAsync("case-1", CaseArtifacts.Decision, Decision("Hi"));

        await fresh.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(abandoned.IsCompleted);
    }

    [Fact]
    public async Task TextAsync_DraftWithoutItsOwnArtifact_ReturnsTheDecisionsDraft()
    {
        var store = new CountingStore();
        var artifacts = new CaseArtifacts(store);
        await artifacts.PutAsync("case-1", CaseArtifacts.Decision, Decision("Hi Ada, we refunded the seat pack."));
        await artifacts.PutTextAsync("case-1", CaseArtifacts.ReviewEdit, "Hi Ada, edited.");

        Assert.Equal("Hi Ada, we refunded the seat pack.", await artifacts.TextAsync("case-1", CaseArtifacts.Draft));
        Assert.Equal("Hi Ada, edited.", await artifacts.TextAsync("case-1", CaseArtifacts.ReviewEdit));
        Assert.Null(await artifacts.TextAsync("case-2", CaseArtifacts.Draft));
    }

    [Fact]
    public async Task PutSubmissionAsync_StoresWhatTheSerializerWrites_WithTheHashOfTheTicket()
    {
        var store = new CountingStore();
        var ticket = System.Text.Json.JsonSerializer.Deserialize<Core.Tickets.CaseSubmission>(
            File.ReadAllText(Path.Combine(Repo(), "samples", "tickets", "01-delegatezero-refund-past-window-outage.json")), CaseArtifacts.Json)!;
        ticket = ticket with { Subject = ticket.Subject + " — “quoted” <b>&</b> ✓" };
        var at = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

        var stored = await new CaseArtifacts(store).PutSubmissionAsync("case-1", ticket, at);

        Assert.Equal(CaseArtifacts.HashOf(ticket), stored.Hash);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(new StoredSubmission(ticket, at, stored.Hash), CaseArtifacts.Json), store.Stored["case-1/submission"]);
        var read = (await new CaseArtifacts(store).GetAsync<StoredSubmission>("case-1", CaseArtifacts.Submission))!;
        Assert.Equal((ticket.TicketId, ticket.Subject, at, stored.Hash), (read.Submission.TicketId, read.Submission.Subject, read.ReceivedAt, read.Hash));
    }
}

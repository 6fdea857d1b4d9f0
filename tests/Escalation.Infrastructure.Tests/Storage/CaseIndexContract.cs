using Escalation.Core.Storage;
using Escalation.Infrastructure.Storage;

namespace Escalation.Infrastructure.Tests.Storage;

/// <summary>What every <see cref="ICaseIndex"/> must do; run against the file and the Azure adapter.</summary>
public abstract class CaseIndexContract
{
    protected abstract ICaseIndex CreateIndex();

    private static CaseRecord Case(string customer = "cus_014", string status = "open", int minute = 0) => new()
    {
        CaseId = SampleTraces.NewCaseId(),
        TicketId = "ZD-48213",
        Revision = 2,
        CustomerId = customer,
        Kind = "sensitive",
        Priority = "P1",
        Status = status,
        Route = "draft-for-review",
        Created = SampleTraces.At.AddMinutes(minute),
        Updated = SampleTraces.At.AddMinutes(minute + 1),
        SlaDeadline = SampleTraces.At.AddHours(4),
        LatestTraceId = "tr-" + new string('a', 64),
        Extra = new Dictionary<string, string> { ["source"] = "zendesk" },
    };

    [SkippableFact]
    public async Task Upsert_NewCase_GetReturnsEveryField()
    {
        var index = CreateIndex();
        var record = Case();

        var etag = await index.UpsertAsync(record, ifMatch: null);
        var read = await index.GetAsync(record.CaseId);

        Assert.NotNull(read);
        Assert.Equal(etag, read.ETag);
        Assert.Equal(record with { Extra = read.Case.Extra }, read.Case);
        Assert.Equal("zendesk", read.Case.Extra["source"]);
    }

    [SkippableFact]
    public async Task Summarize_CasesMoveOn_CountsEachCaseOnceInItsLatestState()
    {
        var index = CreateIndex();
        var waiting = Case(status: "awaiting-review");
        var etag = await index.UpsertAsync(waiting, null);
        await index.UpsertAsync(Case(status: "awaiting-review") with { Priority = "P3" }, null);
        await index.UpsertAsync(waiting with { Status = "sent", Updated = waiting.Updated.AddHours(2) }, etag);
        var asOf = SampleTraces.At.AddHours(5); // past the other review's deadline

        var summary = await index.SummarizeAsync(asOf);

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(Core.Metrics.KpiSummary.From(await index.QueryAllAsync(), asOf)), System.Text.Json.JsonSerializer.Serialize(summary));
        Assert.Contains(new Core.Metrics.KpiCount("sent", 1), summary.ByStatus);
        Assert.Equal((1, 1), (summary.ReviewsOpen, summary.ReviewsCompleted));
    }

    [SkippableFact]
    public async Task Get_UnknownCase_ReturnsNull()
    {
        Assert.Null(await CreateIndex().GetAsync("case-unknown"));
    }

    [SkippableFact]
    public async Task Upsert_CreateWhenCaseExists_Conflicts()
    {
        var index = CreateIndex();
        var record = Case();
        await index.UpsertAsync(record, null);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => index.UpsertAsync(record with { Status = "closed" }, null));
        Assert.Equal("open", (await index.GetAsync(record.CaseId))!.Case.Status);
    }

    [SkippableFact]
    public async Task Upsert_StaleETag_ConflictsAndKeepsTheNewerWrite()
    {
        var index = CreateIndex();
        var record = Case();
        var first = await index.UpsertAsync(record, null);
        var second = await index.UpsertAsync(record with { Status = "awaiting-review" }, first);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => index.UpsertAsync(record with { Status = "closed" }, first));

        Assert.NotEqual(first, second);
        Assert.Equal("awaiting-review", (await index.GetAsync(record.CaseId))!.Case.Status);
    }

    [SkippableFact]
    public async Task Query_ByStatusAndByCustomer_ReturnsOnlyMatchesOldestFirst()
    {
        var index = CreateIndex();
        var customer = "cus_" + Guid.NewGuid().ToString("N")[..8];
        var status = "status-" + Guid.NewGuid().ToString("N")[..8];
        var later = Case(customer, status, minute: 10);
        var earlier = Case(customer, "closed", minute: 1);
        var other = Case("cus_other", status, minute: 5);
        foreach (var c in new[] { later, earlier, other })
        {
            await index.UpsertAsync(c, null);
        }

        var byCustomer = await index.QueryByCustomerAsync(customer);
        var byStatus = await index.QueryByStatusAsync(status);

        Assert.Equal([earlier.CaseId, later.CaseId], byCustomer.Select(c => c.CaseId));
        Assert.Equal([other.CaseId, later.CaseId], byStatus.Select(c => c.CaseId));
    }

    [SkippableFact]
    public async Task Upsert_TenWritersRetryingOnConflict_LoseNoUpdate()
    {
        var index = CreateIndex();
        var record = Case() with { Extra = new Dictionary<string, string> { ["count"] = "0" } };
        await index.UpsertAsync(record, null);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var current = (await index.GetAsync(record.CaseId))!;
                var next = int.Parse(current.Case.Extra["count"]) + 1;
                try
                {
                    await index.UpsertAsync(current.Case with { Extra = new Dictionary<string, string> { ["count"] = next.ToString() } }, current.ETag);
                    return;
                }
                catch (ConcurrencyConflictException)
                {
                }
            }
        })));

        Assert.Equal("10", (await index.GetAsync(record.CaseId))!.Case.Extra["count"]);
    }
}

/// <summary>The case index contract on files.</summary>
public sealed class FileCaseIndexTests : CaseIndexContract, IDisposable
{
    private readonly TempDirectory _dir = new();

    protected override ICaseIndex CreateIndex() => new FileCaseIndex(_dir.Path);

    public void Dispose() => _dir.Dispose();
}

/// <summary>The case index contract on the data directory's record log (the local host's store).</summary>
public sealed class LogCaseIndexTests : CaseIndexContract, IAsyncLifetime
{
    private readonly TempRecordLog _store = new();

    protected override ICaseIndex CreateIndex() => new LogCaseIndex(_store.Log, _store.Path);

    [Fact]
    public async Task Query_CasesStoredAsFilesByAnEarlierVersion_AreListedOnceAndUpdatedInTheLog()
    {
        var files = new FileCaseIndex(_store.Path);
        var old = new CaseRecord { CaseId = "case-old", TicketId = "ZD-1", CustomerId = "cus_014", Kind = "sensitive", Status = "awaiting-review", Created = SampleTraces.At, Updated = SampleTraces.At };
        var etag = await files.UpsertAsync(old, null);
        await files.UpsertAsync(old with { CaseId = "case-old-2" }, null);
        var index = CreateIndex();

        var current = await index.GetAsync("case-old");
        Assert.Equal(etag, current!.ETag);
        await index.UpsertAsync(old with { Status = "sent" }, current.ETag);

        Assert.Equal(["case-old-2"], (await index.QueryByStatusAsync("awaiting-review")).Select(c => c.CaseId));
        Assert.Equal(["case-old"], (await index.QueryByStatusAsync("sent")).Select(c => c.CaseId));
        Assert.Equal(2, (await index.QueryByCustomerAsync("cus_014")).Count);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => index.UpsertAsync(old, etag));
    }

    [Fact]
    public async Task Upsert_ThenReadOnlyOpenFromAnotherReader_SeesTheLatestVersion()
    {
        var index = CreateIndex();
        var record = new CaseRecord { CaseId = "case-ro", TicketId = "ZD-2", CustomerId = "cus_1", Kind = "sensitive", Status = "received", Created = SampleTraces.At, Updated = SampleTraces.At };
        var first = await index.UpsertAsync(record, null);
        await index.UpsertAsync(record with { Status = "sent" }, first);

        await using var reader = RecordLog.OpenReadOnly(_store.Path);
        var seen = await new LogCaseIndex(reader, _store.Path).GetAsync("case-ro");

        Assert.Equal("sent", seen!.Case.Status);
        await Assert.ThrowsAsync<InvalidOperationException>(() => reader.AppendAsync("c/x", [1]));
    }

    [Fact]
    public async Task Summarize_ManyConcurrentWritersThenAReopen_EqualsTheSummaryOfEveryCase()
    {
        var index = CreateIndex();
        await Parallel.ForEachAsync(Enumerable.Range(0, 200), async (i, ct) =>
        {
            var record = new CaseRecord
            {
                CaseId = $"case-{i:D4}", TicketId = "ZD-" + i, CustomerId = "cus_" + (i % 7), Kind = "sensitive", Status = "received",
                Created = SampleTraces.At.AddMinutes(i), Updated = SampleTraces.At.AddMinutes(i),
            };
            var etag = await index.UpsertAsync(record, null, ct);
            etag = await index.UpsertAsync(record with { Status = "awaiting-review", Route = "draft-for-review", SlaDeadline = record.Created.AddHours(1) }, etag, ct);
            if (i % 3 != 0)
            {
                await index.UpsertAsync(record with { Status = i % 2 == 0 ? "sent" : "escalated", Route = "draft-for-review", Updated = record.Created.AddMinutes(30 + i) }, etag, ct);
            }
        });
        var asOf = SampleTraces.At.AddHours(3);
        var expected = System.Text.Json.JsonSerializer.Serialize(Core.Metrics.KpiSummary.From(await index.QueryAllAsync(), asOf));

        Assert.Equal(expected, System.Text.Json.JsonSerializer.Serialize(await index.SummarizeAsync(asOf)));
        await _store.CloseAsync();
        var reopened = CreateIndex();
        var summary = await reopened.SummarizeAsync(asOf);
        Assert.Equal(expected, System.Text.Json.JsonSerializer.Serialize(summary));
        Assert.Equal((200, 67), (summary.TotalCases, summary.ReviewsOpen));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _store.DisposeAsync().AsTask();
}

/// <summary>The case index contract on Azurite tables.</summary>
public sealed class AzureCaseIndexTests : CaseIndexContract
{
    protected override ICaseIndex CreateIndex() =>
        new AzureCaseIndex(AzuriteAccount.Require(), AzuriteAccount.UniqueName("cases"));
}

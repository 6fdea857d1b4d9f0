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
    public async Task QueryPage_TwentyFiveCasesInPagesOfTen_NewestFirstWithNoneSkippedOrRepeated()
    {
        var index = CreateIndex();
        var customer = "cus_page_" + SampleTraces.NewCaseId();
        var written = new List<CaseRecord>();
        for (var i = 0; i < 25; i++)
        {
            var record = Case(customer: customer, status: i % 2 == 0 ? "awaiting-review" : "sent", minute: i % 20); // some share an instant
            await index.UpsertAsync(record, null);
            written.Add(record);
        }

        var seen = new List<CaseRecord>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await index.QueryPageAsync(null, 10, token);
            seen.AddRange(page.Cases.Where(c => c.CustomerId == customer));
            token = page.Continuation;
            pages++;
        }
        while (token is not null && pages < 100);

        Assert.Equal(CasePaging.Order(written).Select(c => c.CaseId), seen.Select(c => c.CaseId));
        var awaiting = await index.QueryPageAsync("awaiting-review", 500, null);
        Assert.Equal(13, awaiting.Cases.Count(c => c.CustomerId == customer));
        Assert.All(awaiting.Cases, c => Assert.Equal("awaiting-review", c.Status));
        Assert.Equal(25, (await index.QueryByCustomerAsync(customer)).Count);
        await Assert.ThrowsAsync<FormatException>(() => index.QueryPageAsync(null, 10, "not-a-token"));
    }

    [SkippableFact]
    public async Task QueryPage_CaseMovesToAnotherStatus_ListedOnceUnderItsNewStatusOnly()
    {
        var index = CreateIndex();
        var record = Case(status: "awaiting-review");
        var etag = await index.UpsertAsync(record, null);

        await index.UpsertAsync(record with { Status = "sent" }, etag);

        Assert.DoesNotContain((await index.QueryPageAsync("awaiting-review", 500, null)).Cases, c => c.CaseId == record.CaseId);
        Assert.Single((await index.QueryPageAsync("sent", 500, null)).Cases, c => c.CaseId == record.CaseId);
        Assert.Single(await index.QueryByStatusAsync("sent"), c => c.CaseId == record.CaseId);
        Assert.DoesNotContain(await index.QueryByStatusAsync("awaiting-review"), c => c.CaseId == record.CaseId);
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

    [Fact]
    public async Task Query_RightAfterEachOfManyConcurrentUpserts_ListsTheCaseInItsNewState()
    {
        // A write is acknowledged once it is on disk; the case table follows on the index's own thread. A list read
        // after the acknowledgement still shows the write.
        var index = CreateIndex();
        var missed = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 64), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
        {
            var record = new CaseRecord
            {
                CaseId = $"case-{i:D3}", TicketId = "ZD-" + i, CustomerId = $"cus_{i:D3}", Kind = "sensitive", Status = "received",
                Created = SampleTraces.At.AddMinutes(i), Updated = SampleTraces.At.AddMinutes(i),
            };
            var etag = await index.UpsertAsync(record, null, ct);
            if ((await index.QueryByCustomerAsync(record.CustomerId, ct)).SingleOrDefault()?.Status != "received")
            {
                missed.Add(record.CaseId + " by customer");
            }

            await index.UpsertAsync(record with { Status = "sent", Updated = record.Updated.AddMinutes(1) }, etag, ct);
            if (!(await index.QueryByStatusAsync("sent", ct)).Any(c => c.CaseId == record.CaseId))
            {
                missed.Add(record.CaseId + " by status");
            }

            var page = await index.QueryPageAsync("received", 100, null, ct);
            if (page.Cases.Any(c => c.CaseId == record.CaseId))
            {
                missed.Add(record.CaseId + " still listed as received");
            }
        });

        Assert.Empty(missed);
        Assert.Equal(64, (await index.SummarizeAsync(SampleTraces.At.AddHours(3))).TotalCases);
    }

    private async Task<string> FillAsync(int cases, DateTimeOffset asOf)
    {
        var index = CreateIndex();
        for (var i = 0; i < cases; i++)
        {
            var record = new CaseRecord
            {
                CaseId = $"case-{i:D3}", TicketId = "ZD-" + i, CustomerId = "cus_" + (i % 4), Kind = "sensitive", Status = i % 3 == 0 ? "sent" : "awaiting-review",
                Route = "draft-for-review", Created = SampleTraces.At.AddMinutes(i), Updated = SampleTraces.At.AddMinutes(2 * i), SlaDeadline = SampleTraces.At.AddHours(1),
            };
            await index.UpsertAsync(record, null);
        }

        return System.Text.Json.JsonSerializer.Serialize(Core.Metrics.KpiSummary.From(await index.QueryAllAsync(), asOf));
    }

    [Fact]
    public async Task Summarize_AfterACleanClose_CountersAreReadyAtOpeningWithoutARecount()
    {
        var asOf = SampleTraces.At.AddHours(3);
        var expected = await FillAsync(40, asOf);
        await CreateIndex().SummarizeAsync(asOf); // counting, so the close has counters to leave
        await _store.CloseAsync();

        Assert.True(_store.Log.Cases!.CountersReady.IsCompleted, "the opening recounts every case");
        Assert.Equal(expected, System.Text.Json.JsonSerializer.Serialize(await CreateIndex().SummarizeAsync(asOf)));
        await CreateIndex().UpsertAsync(new CaseRecord { CaseId = "case-new", TicketId = "ZD-new", CustomerId = "cus_9", Kind = "sensitive", Status = "escalated", Created = SampleTraces.At, Updated = SampleTraces.At }, null);
        Assert.Equal(41, (await CreateIndex().SummarizeAsync(asOf)).TotalCases); // and kept from there
    }

    [Fact]
    public async Task Summarize_SnapshotNotTakenAtTheIndexWatermark_IsIgnoredAndTheCasesRecounted()
    {
        var asOf = SampleTraces.At.AddHours(3);
        var expected = await FillAsync(12, asOf);
        await CreateIndex().SummarizeAsync(asOf);
        await _store.CloseAsync();
        var database = Path.Combine(_store.Path, RecordLog.FolderName, RecordLogIndex.FileName);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False"))
        {
            connection.Open();
            using var tamper = connection.CreateCommand();
            // A snapshot of no cases, left at a position the index has moved past (a crash after it, say).
            tamper.CommandText = "UPDATE meta SET value = $v WHERE name = 'kpi-snapshot'";
            tamper.Parameters.AddWithValue("$v", "1:1 " + Convert.ToBase64String(new Core.Metrics.KpiState().ToJson()));
            Assert.Equal(1, tamper.ExecuteNonQuery());
        }

        Assert.Equal(expected, System.Text.Json.JsonSerializer.Serialize(await CreateIndex().SummarizeAsync(asOf)));
    }

    [Fact]
    public async Task QueryPage_FolderOfAnEarlierVersionWithoutItsIndex_IndexedAtOpeningWithPagesAndSummaryAsBefore()
    {
        var index = CreateIndex();
        for (var i = 0; i < 30; i++)
        {
            var record = new CaseRecord
            {
                CaseId = $"case-{i:D3}", TicketId = "ZD-" + i, CustomerId = "cus_" + (i % 4), Kind = "sensitive", Status = i % 2 == 0 ? "sent" : "awaiting-review",
                Created = SampleTraces.At.AddMinutes(i / 3), Updated = SampleTraces.At.AddMinutes(i), SlaDeadline = SampleTraces.At.AddHours(1),
            };
            var etag = await index.UpsertAsync(record with { Status = "received" }, null);
            await index.UpsertAsync(record, etag);
        }

        var asOf = SampleTraces.At.AddHours(2);
        var expected = System.Text.Json.JsonSerializer.Serialize(Core.Metrics.KpiSummary.From(await index.QueryAllAsync(), asOf));
        await _store.CloseAsync();
        foreach (var file in Directory.GetFiles(Path.Combine(_store.Path, RecordLog.FolderName), "index.db*"))
        {
            File.Delete(file); // the store as the previous version left it: segments only
        }

        var reopened = CreateIndex();
        var listed = new List<string>();
        string? continuation = null;
        do
        {
            var page = await reopened.QueryPageAsync("awaiting-review", 4, continuation);
            listed.AddRange(page.Cases.Select(c => c.CaseId));
            continuation = page.Continuation;
        }
        while (continuation is not null);

        Assert.Equal(Enumerable.Range(0, 30).Where(i => i % 2 == 1).OrderByDescending(i => i / 3).ThenBy(i => i).Select(i => $"case-{i:D3}"), listed);
        Assert.Equal(expected, System.Text.Json.JsonSerializer.Serialize(await reopened.SummarizeAsync(asOf)));
        Assert.Equal(8, (await reopened.QueryByCustomerAsync("cus_1")).Count);
        Assert.Equal("2", (await reopened.GetAsync("case-007"))!.ETag);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _store.DisposeAsync().AsTask();
}

/// <summary>The case index contract on Azurite tables.</summary>
public sealed class AzureCaseIndexTests : CaseIndexContract
{
    private readonly string _table = AzuriteAccount.UniqueName("cases");

    protected override ICaseIndex CreateIndex() => new AzureCaseIndex(AzuriteAccount.Require(), _table);

    [SkippableFact]
    public async Task QueryPage_LookupEntryLeftByACrashBetweenSteps_IsSkippedAndTheCaseFoundUnderItsStatus()
    {
        var account = AzuriteAccount.Require();
        var index = CreateIndex();
        var record = new CaseRecord
        {
            CaseId = SampleTraces.NewCaseId(), TicketId = "ZD-1", CustomerId = "cus_crash", Kind = "sensitive", Status = "sent",
            Created = SampleTraces.At, Updated = SampleTraces.At,
        };
        await index.UpsertAsync(record, null);

        // A writer added the entry of its new status and died before it wrote the case row.
        var lookup = account.Tables.GetTableClient(_table + "idx");
        var row = (DateTime.MaxValue.Ticks - record.Created.UtcTicks).ToString("D19", System.Globalization.CultureInfo.InvariantCulture) + "|" + record.CaseId;
        await lookup.UpsertEntityAsync(new Azure.Data.Tables.TableEntity("s|escalated", row) { ["CaseId"] = record.CaseId });

        Assert.DoesNotContain((await index.QueryPageAsync("escalated", 100, null)).Cases, c => c.CaseId == record.CaseId);
        Assert.Single((await index.QueryPageAsync("sent", 100, null)).Cases, c => c.CaseId == record.CaseId);
    }

    [SkippableFact]
    public async Task Query_CasesWrittenBeforeTheLookupTableExisted_AreFoundAfterTheBackfill()
    {
        var account = AzuriteAccount.Require();
        var table = account.Tables.GetTableClient(_table);
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new Azure.Data.Tables.TableEntity("case-old-1", "case")
        {
            ["TicketId"] = "ZD-OLD", ["CustomerId"] = "cus_old", ["Kind"] = "sensitive", ["Status"] = "awaiting-review",
            ["Created"] = SampleTraces.At, ["Updated"] = SampleTraces.At, ["Extra"] = "{}",
        });

        var index = CreateIndex();

        Assert.Equal(["case-old-1"], (await index.QueryPageAsync("awaiting-review", 10, null)).Cases.Select(c => c.CaseId));
        Assert.Equal(["case-old-1"], (await index.QueryByCustomerAsync("cus_old")).Select(c => c.CaseId));
    }
}

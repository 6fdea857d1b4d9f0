using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Escalation.Core.Metrics;
using Escalation.Core.Storage;
using Escalation.Infrastructure.Storage;

namespace Escalation.Infrastructure.Tests.Storage;

/// <summary>The Azure case index at scale: what lists and the summary cost in table requests, and how counters are repaired.</summary>
public sealed class AzureKpiCounterTests
{
    private static readonly string[] Statuses = ["received", "awaiting-review", "sent", "escalated"];

    /// <summary>Counts every request the table clients send (retries included): the platform's pipeline hook.</summary>
    private sealed class RequestCounter : HttpPipelinePolicy
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Interlocked.Increment(ref _count);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Interlocked.Increment(ref _count);
            return ProcessNextAsync(message, pipeline);
        }
    }

    private static CaseRecord Case(int i) => new()
    {
        CaseId = $"case-{i:D5}",
        TicketId = "ZD-" + i,
        CustomerId = "cus_" + (i % 500).ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
        Kind = "sensitive",
        Priority = "P" + (1 + (i % 4)),
        Status = Statuses[i % Statuses.Length],
        Route = i % Statuses.Length == 0 ? null : "draft-for-review",
        Created = SampleTraces.At.AddMinutes(i),
        Updated = SampleTraces.At.AddMinutes(i + 30 + (i % 600)),
        SlaDeadline = SampleTraces.At.AddMinutes(i).AddHours(4),
    };

    [SkippableFact]
    public async Task Lists_FiveThousandCases_APageACustomerAndTheSummaryCostTheSameFewRequestsAsForAFew()
    {
        AzuriteAccount.Require();
        var counter = new RequestCounter();
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        var tables = new TableServiceClient(AzuriteAccount.ConnectionString, options);
        var name = AzuriteAccount.UniqueName("scale");
        var index = new AzureCaseIndex(tables.GetTableClient(name), tables.GetTableClient(name + "idx"));
        await Parallel.ForEachAsync(Enumerable.Range(0, 5000), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await index.UpsertAsync(Case(i), null, ct));

        counter.Reset();
        var page = await index.QueryPageAsync("awaiting-review", 50, null);
        var pageCost = counter.Count;
        counter.Reset();
        var customer = await index.QueryByCustomerAsync("cus_042");
        var customerCost = counter.Count;
        counter.Reset();
        var summary = await index.SummarizeAsync(SampleTraces.At.AddDays(10));
        var summaryCost = counter.Count;

        Assert.Equal(50, page.Cases.Count);
        Assert.All(page.Cases, c => Assert.Equal("awaiting-review", c.Status));
        Assert.NotNull(page.Continuation);
        Assert.Equal(10, customer.Count);
        Assert.Equal((5000, 1250), (summary.TotalCases, summary.ReviewsOpen));
        var asOf = SampleTraces.At.AddDays(10);
        Assert.Equal( // sixteen concurrent writers on eight shards lost no change and counted none twice
            System.Text.Json.JsonSerializer.Serialize(KpiSummary.From(Enumerable.Range(0, 5000).Select(Case), asOf)),
            System.Text.Json.JsonSerializer.Serialize(summary));

        // One lookup query, then the case rows in parallel batches of 16 until the page (and one more) is full.
        Assert.InRange(pageCost, 2, 1 + 64);
        Assert.InRange(customerCost, 2, 1 + 10);
        Assert.InRange(summaryCost, 1, 1); // one read of the counter partition
    }

    [SkippableFact]
    public async Task RebuildCounters_ACaseRowWrittenWithoutItsCounterChange_IsCountedAfterTheRebuild()
    {
        var account = AzuriteAccount.Require();
        var name = AzuriteAccount.UniqueName("kpis");
        var index = new AzureCaseIndex(account, name);
        await index.UpsertAsync(Case(1), null);
        // A writer died between the case row and its counter shard.
        await account.Tables.GetTableClient(name).AddEntityAsync(new TableEntity("case-00002", "case")
        {
            ["TicketId"] = "ZD-2", ["CustomerId"] = "cus_002", ["Kind"] = "sensitive", ["Status"] = "sent", ["Route"] = "draft-and-send",
            ["Created"] = SampleTraces.At, ["Updated"] = SampleTraces.At.AddHours(1), ["Extra"] = "{}",
        });
        var asOf = SampleTraces.At.AddDays(1);
        Assert.Equal(1, (await index.SummarizeAsync(asOf)).TotalCases);

        var (cases, unwritten) = await index.RebuildCountersAsync();

        Assert.Equal((2, 0), (cases, unwritten));
        var summary = await index.SummarizeAsync(asOf);
        Assert.Equal(2, summary.TotalCases);
        Assert.Equal([new KpiCount("awaiting-review", 1), new KpiCount("sent", 1)], summary.ByStatus);
    }

    [SkippableFact]
    public async Task RebuildCounters_AWriterStillOnItsWayToTheShard_CountsItsCaseOnce()
    {
        var account = AzuriteAccount.Require();
        var name = AzuriteAccount.UniqueName("kpis");
        var index = new AzureCaseIndex(account, name);
        await index.UpsertAsync(Case(1), null);
        // Another process has written case 2's row and not yet its counter change when the rebuild scans and writes.
        var row = await account.Tables.GetTableClient(name).AddEntityAsync(new TableEntity("case-00002", "case")
        {
            ["TicketId"] = "ZD-2", ["CustomerId"] = "cus_002", ["Kind"] = "sensitive", ["Status"] = "sent", ["Route"] = "draft-and-send",
            ["Created"] = SampleTraces.At, ["Updated"] = SampleTraces.At.AddHours(1), ["Extra"] = "{}",
        });
        await index.RebuildCountersAsync();
        var lateWriter = new AzureKpiShards(account.Tables.GetTableClient(name + "idx"));

        await lateWriter.ApplyAsync("case-00002", row.Headers.ETag!.Value.ToString(), null, (await index.GetAsync("case-00002"))!.Case, default);

        var summary = await index.SummarizeAsync(SampleTraces.At.AddDays(1));
        Assert.Equal(2, summary.TotalCases);
        Assert.Equal([new KpiCount("awaiting-review", 1), new KpiCount("sent", 1)], summary.ByStatus);
    }

    [SkippableFact]
    public async Task RebuildCounters_ACaseChangedAfterTheRebuildCountedIt_CountsTheChange()
    {
        var account = AzuriteAccount.Require();
        var index = new AzureCaseIndex(account, AzuriteAccount.UniqueName("kpis"));
        var etag = await index.UpsertAsync(Case(4), null);
        await index.RebuildCountersAsync();

        await index.UpsertAsync(Case(4) with { Status = "sent" }, etag);

        var summary = await index.SummarizeAsync(SampleTraces.At.AddDays(1));
        Assert.Equal([new KpiCount("sent", 1)], summary.ByStatus);
    }

    [SkippableFact]
    public async Task FirstWrites_SixteenAtOnceOnATableOfUncountedCases_CountEveryCaseOnce()
    {
        var account = AzuriteAccount.Require();
        var name = AzuriteAccount.UniqueName("kpis");
        // Cases written before the counters existed: the first use of the index counts them, once.
        var table = account.Tables.GetTableClient(name);
        await table.CreateIfNotExistsAsync();
        foreach (var i in Enumerable.Range(100, 40))
        {
            await table.AddEntityAsync(new TableEntity(Case(i).CaseId, "case")
            {
                ["TicketId"] = "ZD-" + i, ["CustomerId"] = "cus_001", ["Kind"] = "sensitive", ["Status"] = "sent", ["Route"] = "draft-and-send",
                ["Created"] = SampleTraces.At, ["Updated"] = SampleTraces.At.AddHours(1), ["Extra"] = "{}",
            });
        }

        var index = new AzureCaseIndex(account, name);
        await Parallel.ForEachAsync(Enumerable.Range(0, 48), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await index.UpsertAsync(Case(i) with { Status = "escalated" }, null, ct));

        var summary = await index.SummarizeAsync(SampleTraces.At.AddDays(10));
        Assert.Equal([new KpiCount("escalated", 48), new KpiCount("sent", 40)], summary.ByStatus);
    }

    [SkippableFact]
    public async Task Summarize_UnconditionalWritesOverACase_CountItOnceInItsLatestState()
    {
        var index = new AzureCaseIndex(AzuriteAccount.Require(), AzuriteAccount.UniqueName("kpis"));
        await index.UpsertAsync(Case(5), "*");                                    // "*" creates a missing case
        await index.UpsertAsync(Case(5) with { Status = "sent" }, "*");
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => index.UpsertAsync(Case(5) with { Status = "escalated" }, "*")));

        var summary = await index.SummarizeAsync(SampleTraces.At.AddDays(1));

        Assert.Equal([new KpiCount("escalated", 1)], summary.ByStatus);
        Assert.Equal(1, summary.TotalCases);
    }

    [SkippableFact]
    public async Task Summarize_AWriterLeftTheStaleMarker_RebuildsTheCountersFirst()
    {
        var account = AzuriteAccount.Require();
        var name = AzuriteAccount.UniqueName("kpis");
        var index = new AzureCaseIndex(account, name);
        var etag = await index.UpsertAsync(Case(3), null);
        await index.UpsertAsync(Case(3) with { Status = "sent" }, etag);
        var lookup = account.Tables.GetTableClient(name + "idx");
        // The counter write failed after the row was written: the row says sent, the shard still counts it as awaiting review.
        await account.Tables.GetTableClient(name).UpdateEntityAsync(new TableEntity("case-00003", "case") { ["Status"] = "escalated" }, Azure.ETag.All, TableUpdateMode.Merge);
        await lookup.UpsertEntityAsync(new TableEntity("kpi", "stale") { ["CaseId"] = "case-00003" });

        var summary = await index.SummarizeAsync(SampleTraces.At.AddDays(1));

        Assert.Equal([new KpiCount("escalated", 1)], summary.ByStatus);
        Assert.False((await lookup.GetEntityIfExistsAsync<TableEntity>("kpi", "stale")).HasValue);
    }
}

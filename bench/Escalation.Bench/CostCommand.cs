using System.Globalization;
using Escalation.Core.Decisions;
using Escalation.Core.Metrics;
using Escalation.Core.Tickets;
using Escalation.Core.Workflow;
using Escalation.Infrastructure.Workflow;

namespace Escalation.Bench;

/// <summary>
/// <c>escalation-bench cost [--model-tokens IN,OUT]</c>: runs every sample ticket through the real case workflow on the embedded
/// engine (review-routed cases get an approval), counts per case the history events, activity executions and storage
/// operations, and prices them at Azure list prices (docs/costs.md) — euros per case, per route.
/// </summary>
public static class CostCommand
{
    /// <summary>Tokens assumed per model-drafted case for the what-if column (prompt with policy excerpts; one reply).</summary>
    public static readonly (int Input, int Output) AssumedModelTokens = (2000, 400);

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var tokens = AssumedModelTokens;
        if (BenchArgs.Option(args, "--model-tokens") is { } t)
        {
            var parts = t.Split(',');
            if (parts.Length != 2 || !int.TryParse(parts[0], out var i) || !int.TryParse(parts[1], out var o) || i < 0 || o < 0)
            {
                await stderr.WriteLineAsync("cost: --model-tokens takes IN,OUT (e.g. 2000,400)");
                return 2;
            }

            tokens = (i, o);
        }

        BenchEngine.UseRealActivities = !BenchArgs.Flag(args, "--bench-activities");
        if (await BenchSamples.TryLoadAsync("cost", stderr) is not { } samples)
        {
            return 1;
        }

        var usages = await MeasureAsync(samples);
        var prices = AzurePrices.ListPrices;
        await stdout.WriteLineAsync($"cost per case on Azure at list prices (docs/costs.md; USD→EUR {prices.EurPerUsd.ToString(CultureInfo.InvariantCulture)}; no free grants), from {usages.Sum(u => u.Usage.Cases)} sample cases on the real case workflow with {(BenchEngine.UseRealActivities ? "the host's CaseActivities" : "bench activities")}:");
        await stdout.WriteLineAsync(CostTable.Render(usages, prices, tokens));
        var worst = usages.Select(u => CostModel.Estimate(CostModel.WithDurableTransactions(u.Usage), prices).Total).Max();
        await stdout.WriteLineAsync($"dearest route without a model: €{worst.ToString("0.000000", CultureInfo.InvariantCulture)} per case — goal ≤ €0.005: {BenchStats.Goal(worst <= 0.005m)}");
        return 0;
    }

    /// <summary>Average usage per route over the sample tickets (review-routed cases are approved by a reviewer).</summary>
    public static async Task<IReadOnlyList<RouteUsage>> MeasureAsync(BenchSamples samples)
    {
        var dir = Path.Combine(Path.GetTempPath(), "escalation-cost-" + Environment.ProcessId);
        var meter = new CostMeter();
        var perRoute = new Dictionary<string, List<(CostMeter Delta, int LanguageRecords, double Http)>>(StringComparer.Ordinal);
        try
        {
            await using var bench = await BenchEngine.StartAsync(samples, dir, durable: false,
                i => new CountingCaseIndex(i, meter), s => new CountingTraceStore(s, meter), a => new CountingArtifactStore(a, meter), h => new CountingHistoryStore(h, meter),
                cacheArtifacts: false); // the Functions app keeps nothing between activities: every read and write is a transaction
            foreach (var (_, ticket) in samples.Tickets)
            {
                var before = meter.Snapshot();
                var state = await bench.RunCaseAsync(ticket, TimeSpan.FromSeconds(30));
                var route = WorkflowRegistry.Deserialize<CaseOutcome>(state.OutputJson)?.Route ?? Routes.DraftForReview;
                var http = 1.0;
                if (state.Status == WorkflowRuntimeStatus.Waiting)
                {
                    route = Routes.DraftForReview + " (approved)";
                    http += 2; // the review page and the review form post
                    await bench.Engine.RaiseEventAsync(state.InstanceId, CaseWorkflow.ReviewDecisionEvent, new ReviewDecision(ReviewActions.Approve, "reviewer@example.com", null, null));
                    await bench.Engine.WaitForIdleAsync(state.InstanceId, TimeSpan.FromSeconds(30));
                }

                var records = CostModel.TextRecords([Math.Max(1, ticket.Messages.Where(m => m.IsFromCustomer).Sum(m => m.Text.Length + 2))]);
                perRoute.TryAdd(route, []);
                perRoute[route].Add((Subtract(meter.Snapshot(), before), records, http));
            }
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }

        return [.. perRoute.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => Average(kv.Key, kv.Value))];
    }

    private static CostMeter Subtract(CostMeter after, CostMeter before) => CostMeter.Delta(after, before);

    private static RouteUsage Average(string route, List<(CostMeter Delta, int LanguageRecords, double Http)> cases)
    {
        double Avg(Func<CostMeter, long> f) => cases.Average(c => (double)f(c.Delta));
        var activities = Avg(m => m.Activities);
        var events = Avg(m => m.Events);
        var timers = Avg(m => m.Timers);
        return new RouteUsage(new CaseUsage
        {
            Route = route,
            Cases = cases.Count,
            ActivityExecutions = activities,
            OrchestratorEpisodes = CostModel.Episodes(activities, events, timers),
            HttpExecutions = cases.Average(c => c.Http),
            ExternalEvents = events,
            Timers = timers,
            HistoryEvents = Avg(m => m.HistoryEvents),
            HistoryBytes = Avg(m => m.HistoryBytes),
            BlobWrites = Avg(m => m.BlobWrites),
            BlobReads = Avg(m => m.BlobReads),
            TableTransactions = Avg(m => m.TableTransactions),
            StoredBytes = Avg(m => m.StoredBytes),
            LanguageTextRecords = 0,
            ModelInputTokens = 0,
            ModelOutputTokens = 0,
        }, cases.Average(c => c.LanguageRecords));
    }
}

/// <summary>A route's average usage, and the Azure AI Language text records it would use with Language sentiment enabled.</summary>
public sealed record RouteUsage(CaseUsage Usage, double LanguageRecordsIfEnabled);

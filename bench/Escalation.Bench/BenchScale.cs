using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Escalation.Core.Storage;
using Escalation.Core.Workflow;
using Escalation.Infrastructure.Storage;

namespace Escalation.Bench;

/// <summary>
/// <c>bench --scale N [--minutes M] [--clients C] [--data DIR]</c>: whether the local server's start-up, memory and
/// reads stay flat as finished cases pile up. Fills a data folder with N finished cases through the stores directly
/// (each case: its record as received and as finished, two stage artifacts and a decision trace with its chain slot),
/// starts the built server on it as a child process and reports the start-up to a healthy <c>/api/health</c>, the
/// working set after start and after M minutes of C clients (list pages by status with their continuation, case look-ups,
/// the KPI summary and a submission now and then), the list-page and summary latencies.
/// </summary>
public static class BenchScale
{
    public const double StartGoalSeconds = 5;
    public const double WorkingSetGoalMb = 300;
    public const double PageGoalMs = 50;
    public const double SummaryGoalMs = 20;

    private static readonly string[] Finished = [CaseStatuses.Sent, CaseStatuses.Escalated, CaseStatuses.ReturnedToTier1, CaseStatuses.Rejected];

    public static async Task<int> RunAsync(int cases, double minutes, int clients, string? dataArg, TextWriter stdout, TextWriter stderr)
    {
        if (await BenchSamples.TryLoadAsync("bench", stderr) is not { } samples)
        {
            return 1;
        }

        var data = dataArg ?? Path.Combine(Path.GetTempPath(), "escalation-scale-" + Environment.ProcessId);
        var keep = dataArg is not null;
        Directory.CreateDirectory(data);
        try
        {
            await stdout.WriteLineAsync(BenchStats.Machine(DateTimeOffset.UtcNow));
            var fill = Stopwatch.StartNew();
            var existing = await FillAsync(data, cases);
            await stdout.WriteLineAsync($"scale: {BenchStats.N(cases)} finished cases in {data} ({(existing ? "already there" : $"written in {fill.Elapsed.TotalSeconds:0.0} s")}, {BenchStats.N(FolderBytes(data) / 1048576.0, "0")} MB on disk)");

            var clock = Stopwatch.StartNew();
            var (server, url, problem) = await BenchHttp.StartServerAsync(data);
            if (server is null)
            {
                await stderr.WriteLineAsync($"bench --scale: {problem}");
                return 1;
            }

            var startSeconds = clock.Elapsed.TotalSeconds;
            try
            {
                server.Refresh();
                var afterStart = server.WorkingSet64 / 1048576.0;
                using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
                var firstSummary = Stopwatch.StartNew();
                (await http.GetAsync("/api/metrics/summary")).EnsureSuccessStatusCode();
                var firstSummaryMs = firstSummary.Elapsed.TotalMilliseconds;
                await stdout.WriteLineAsync($"  start-up to healthy: {startSeconds:0.00} s (goal ≤ {StartGoalSeconds} s: {BenchStats.Goal(startSeconds <= StartGoalSeconds)}); " +
                    $"working set after start {afterStart:0} MB; first summary (waits for the counters' rebuild) {firstSummaryMs:0} ms");

                var (pages, summaries, lookups, submitted, errors) = await ClientsAsync(http, samples, clients, TimeSpan.FromMinutes(minutes));
                server.Refresh();
                var afterLoad = server.WorkingSet64 / 1048576.0;
                var pageP99 = BenchStats.Percentile(pages, 0.99);
                var summaryP50 = BenchStats.Percentile(summaries, 0.5);
                await stdout.WriteLineAsync($"  {clients} clients for {minutes:0.##} min: {BenchStats.N(pages.Count)} list pages, {BenchStats.N(summaries.Count)} summaries, {BenchStats.N(lookups)} case look-ups, {BenchStats.N(submitted)} submissions, {errors} errors");
                await stdout.WriteLineAsync($"  list page (limit 100): p50 {BenchStats.Percentile(pages, 0.5):0.0} ms, p99 {pageP99:0.0} ms (goal ≤ {PageGoalMs} ms: {BenchStats.Goal(pageP99 <= PageGoalMs)})");
                await stdout.WriteLineAsync($"  summary: p50 {summaryP50:0.0} ms, p99 {BenchStats.Percentile(summaries, 0.99):0.0} ms (goal ≤ {SummaryGoalMs} ms: {BenchStats.Goal(summaryP50 <= SummaryGoalMs)})");
                await stdout.WriteLineAsync($"  working set after the clients: {afterLoad:0} MB (goal ≤ {WorkingSetGoalMb} MB: {BenchStats.Goal(Math.Max(afterStart, afterLoad) <= WorkingSetGoalMb)})");
                return errors == 0 ? 0 : 1;
            }
            finally
            {
                BenchHttp.StopServer(server);
            }
        }
        finally
        {
            if (!keep)
            {
                try
                {
                    Directory.Delete(data, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }

    /// <summary>Writes the cases unless the folder already holds at least that many (a second run reuses a kept folder).</summary>
    private static async Task<bool> FillAsync(string data, int cases)
    {
        await using var store = LocalCaseStore.Open(data);
        var first = await store.Index.QueryPageAsync(null, 1, null);
        if (first.Cases.Count > 0 && (await store.Index.GetAsync($"scale-{cases - 1:D7}")) is not null)
        {
            return true;
        }

        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var artifact = new string('x', 700);
        await Parallel.ForEachAsync(Enumerable.Range(0, cases), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, ct) =>
        {
            var created = start.AddMinutes(i * 2.5);
            var id = $"scale-{i:D7}";
            var record = new CaseRecord
            {
                CaseId = id, TicketId = $"ZD-{i}", CustomerId = $"cus_{i % 5000:D4}", Kind = i % 3 == 0 ? "escalation" : "sensitive",
                Priority = (i % 4) switch { 0 => "P1", 1 => "P2", 2 => "P3", _ => "P4" }, Status = CaseStatuses.Received,
                Created = created, Updated = created,
            };
            if (await store.Index.GetAsync(id, ct) is not null)
            {
                return;
            }

            var etag = await store.Index.UpsertAsync(record, null, ct);
            await store.Artifacts.PutAsync(id, "scale-note-1", $"{{\"ticketId\":\"ZD-{i}\",\"text\":\"{artifact}\"}}", ct);
            await store.Artifacts.PutAsync(id, "scale-note-2", $"{{\"route\":\"draft-for-review\",\"notes\":\"{artifact}\"}}", ct);
            var trace = Encoding.UTF8.GetBytes($"{{\"caseId\":\"{id}\",\"sequence\":0,\"kind\":\"decision\",\"at\":\"{created:O}\",\"body\":\"{artifact}\"}}");
            var traceId = await store.Traces.PutAsync(trace, ct);
            await store.Traces.TryClaimSequenceAsync(id, 0, traceId, ct);
            var status = Finished[i % Finished.Length];
            await store.Index.UpsertAsync(record with
            {
                Status = status, Route = status == CaseStatuses.Escalated ? "escalate" : "draft-for-review",
                Updated = created.AddHours(1 + (i % 7)), SlaDeadline = created.AddHours(4), LatestTraceId = traceId,
            }, etag, ct);
        });
        return false;
    }

    private static async Task<(List<double> Pages, List<double> Summaries, long Lookups, long Submitted, int Errors)> ClientsAsync(HttpClient http, BenchSamples samples, int clients, TimeSpan span)
    {
        var pages = new List<double>();
        var summaries = new List<double>();
        long lookups = 0, submitted = 0;
        var errors = 0;
        string? firstError = null;
        string?[] statuses = [null, .. Finished];
        var tickets = samples.Tickets.Select(t => t.Ticket).ToArray();
        await BenchStats.LoadAsync(clients, span, async n =>
        {
            try
            {
                switch (n % 20)
                {
                    case 0:
                        var clock = Stopwatch.StartNew();
                        (await http.GetAsync("/api/metrics/summary")).EnsureSuccessStatusCode();
                        Add(summaries, clock.Elapsed.TotalMilliseconds);
                        break;
                    case 1:
                        var ticket = BenchSamples.ToJson(BenchSamples.Unique(tickets[n % tickets.Length], $"scale-{Environment.ProcessId}-{n}"));
                        using (var response = await http.PostAsync("/api/cases", new StringContent(ticket, Encoding.UTF8, "application/json")))
                        {
                            Interlocked.Increment(ref submitted);
                        }

                        break;
                    default:
                        // A status list, then two more pages by continuation and a look-up of a case from it.
                        var status = statuses[(int)(n % statuses.Length)];
                        string? continuation = null;
                        string? someCase = null;
                        for (var p = 0; p < 3; p++)
                        {
                            var query = $"/api/cases?limit=100{(status is null ? "" : "&status=" + status)}{(continuation is null ? "" : "&continuation=" + Uri.EscapeDataString(continuation))}";
                            var page = Stopwatch.StartNew();
                            var body = await http.GetFromJsonAsync<JsonElement>(query);
                            Add(pages, page.Elapsed.TotalMilliseconds);
                            someCase ??= body.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("caseId").GetString()).FirstOrDefault();
                            continuation = body.TryGetProperty("continuation", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
                            if (continuation is null)
                            {
                                break;
                            }
                        }

                        if (someCase is not null)
                        {
                            (await http.GetAsync($"/api/cases/{someCase}")).EnsureSuccessStatusCode();
                            Interlocked.Increment(ref lookups);
                        }

                        break;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or KeyNotFoundException)
            {
                if (Interlocked.Increment(ref errors) == 1)
                {
                    firstError = ex.Message;
                }
            }
        });
        if (firstError is not null)
        {
            Console.Error.WriteLine($"bench --scale: first error: {firstError}");
        }

        return (pages, summaries, lookups, submitted, errors);
    }

    private static void Add(List<double> samples, double ms)
    {
        lock (samples)
        {
            samples.Add(ms);
        }
    }

    private static long FolderBytes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

    /// <summary>Parses the <c>--scale</c> options; null with a message on stderr when they are not usable.</summary>
    public static async Task<int?> TryRunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (BenchArgs.Option(args, "--scale") is not { } scaleArg)
        {
            return null;
        }

        if (!int.TryParse(scaleArg, NumberStyles.None, CultureInfo.InvariantCulture, out var cases) || cases < 1)
        {
            await stderr.WriteLineAsync("bench: --scale must be a whole number ≥ 1");
            return 2;
        }

        var minutes = 10.0;
        if (BenchArgs.Option(args, "--minutes") is { } m && (!double.TryParse(m, CultureInfo.InvariantCulture, out minutes) || minutes <= 0))
        {
            await stderr.WriteLineAsync("bench: --minutes must be a number > 0");
            return 2;
        }

        var clients = 10;
        if (BenchArgs.Option(args, "--clients") is { } c && (!int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out clients) || clients < 1))
        {
            await stderr.WriteLineAsync("bench: --clients must be a whole number ≥ 1");
            return 2;
        }

        return await RunAsync(cases, minutes, clients, BenchArgs.Option(args, "--data"), stdout, stderr);
    }
}

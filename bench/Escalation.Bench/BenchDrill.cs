using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Escalation.Core.Storage;
using Escalation.Core.Tracing;
using Escalation.Core.Workflow;
using Escalation.Infrastructure.Storage;

namespace Escalation.Bench;

/// <summary>
/// <c>escalation-bench drill receiver|submit|verify|fuzz|tokens|store-seed|store-flip|store-check|reviewers</c>: the client side of the fault drills in
/// <c>bench/drills/</c> (the scripts start, kill and restart the server; these talk to it over loopback).
/// </summary>
public static class BenchDrill
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var rest = args.Length > 0 ? args[1..] : [];
        return args.FirstOrDefault() switch
        {
            "receiver" => await ReceiverAsync(rest, stdout),
            "submit" => await SubmitAsync(rest, stdout),
            "verify" => await VerifyAsync(rest, stdout, stderr),
            "fuzz" => await BenchFuzz.RunAsync(rest, stdout, stderr),
            "tokens" => await BenchTokenDrill.RunAsync(rest, stdout, stderr),
            "store-seed" or "store-flip" or "store-check" => await BenchStoreDrill.RunAsync(args[0], rest, stdout, stderr),
            "reviewers" => await BenchReviewersDrill.RunAsync(rest, stdout, stderr),
            _ => await Usage(stderr),
        };
    }

    private static async Task<int> Usage(TextWriter stderr)
    {
        await stderr.WriteLineAsync("usage: escalation-bench drill receiver|submit|verify|fuzz|tokens|store-seed|store-flip|store-check|reviewers [options] (see bench/drills/README.md)");
        return 2;
    }

    internal static string Need(IReadOnlyList<string> args, string name) =>
        BenchArgs.Option(args, name) ?? throw new ArgumentException($"{name} is required");

    internal static int Int(IReadOnlyList<string> args, string name, int fallback) =>
        BenchArgs.Option(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    internal static HttpClient Client(string server) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(server), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>
    /// A help desk's callback endpoint (or a billing webhook): answers 200 and appends each request's idempotency key to a
    /// file. With <c>--hold</c> it records the key and never answers, as a billing system that did the work but whose
    /// answer the crash cuts off.
    /// </summary>
    private static async Task<int> ReceiverAsync(string[] args, TextWriter stdout)
    {
        var port = Int(args, "--port", 0);
        var output = Need(args, "--out");
        var hold = BenchArgs.Flag(args, "--hold");
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        await stdout.WriteLineAsync($"receiver on http://127.0.0.1:{port}/");
        await stdout.FlushAsync();
        var gate = new object();
        while (true)
        {
            var ctx = await listener.GetContextAsync();
            var key = ctx.Request.Headers["Idempotency-Key"] ?? "(none)";
            lock (gate)
            {
                File.AppendAllText(output, key + "\n");
            }

            if (hold)
            {
                continue; // never answered: the sender waits until it dies
            }

            ctx.Response.StatusCode = 200;
            ctx.Response.Close();
        }
    }

    /// <summary>The drill's tickets: the samples, each with a ticket id unique to the run.</summary>
    /// <param name="sample">When given, only the sample files whose name starts with it (e.g. <c>02</c>).</param>
    internal static async Task<IReadOnlyList<Core.Tickets.CaseSubmission>> TicketsAsync(string tag, int count, string? callback, string? sample = null)
    {
        var samples = await BenchSamples.LoadAsync();
        var pool = samples.Tickets.Where(t => sample is null || Path.GetFileName(t.File).StartsWith(sample, StringComparison.Ordinal)).ToArray();
        return [.. Enumerable.Range(0, count).Select(n =>
        {
            var t = BenchSamples.Unique(pool[n % pool.Length].Ticket, $"{tag}-{n}");
            return callback is null ? t : t with { CallbackUrl = callback };
        })];
    }

    /// <summary>Submits the drill's tickets with a number in flight, writing one line per acknowledged case.</summary>
    private static async Task<int> SubmitAsync(string[] args, TextWriter stdout)
    {
        var tickets = await TicketsAsync(Need(args, "--tag"), Int(args, "--count", 100), BenchArgs.Option(args, "--callback"), BenchArgs.Option(args, "--sample"));
        var output = Need(args, "--out");
        using var http = Client(Need(args, "--server"));
        using var gate = new SemaphoreSlim(Int(args, "--concurrency", 32));
        var acknowledged = 0;
        var failed = 0;
        await Task.WhenAll(tickets.Select(async t =>
        {
            await gate.WaitAsync();
            try
            {
                using var response = await http.PostAsync("/api/cases", new StringContent(BenchSamples.ToJson(t), Encoding.UTF8, "application/json"));
                var body = await response.Content.ReadAsStringAsync();
                using var doc = JsonDocument.Parse(body);
                lock (gate)
                {
                    File.AppendAllText(output, $"{t.TicketId} {doc.RootElement.GetProperty("caseId").GetString()} {(int)response.StatusCode}\n");
                }

                Interlocked.Increment(ref acknowledged);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException or InvalidOperationException)
            {
                Interlocked.Increment(ref failed);
            }
            finally
            {
                gate.Release();
            }
        }));
        await stdout.WriteLineAsync($"submitted {tickets.Count}: {acknowledged} acknowledged, {failed} not (server gone)");
        return 0;
    }

    /// <summary>
    /// After the restart: resubmits every ticket (a help desk retries what was not acknowledged; repeats must return the
    /// same case), waits for every decision, and checks each case exists once with one review email and that each decided
    /// case's callback arrived. A repeated callback key fails the check unless <c>--allow-redelivery</c> is given:
    /// callbacks are delivered at least once, and a <c>kill -9</c> between a POST and the record of it repeats that POST
    /// with the same key.
    /// </summary>
    private static async Task<int> VerifyAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var tag = Need(args, "--tag");
        var count = Int(args, "--count", 100);
        var data = Need(args, "--data");
        var tickets = await TicketsAsync(tag, count, BenchArgs.Option(args, "--callback"));
        using var http = Client(Need(args, "--server"));
        var problems = new ConcurrentQueue<string>();
        var caseIds = new ConcurrentDictionary<string, string>();
        var statuses = new ConcurrentDictionary<string, string>();
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(tickets.Select(async t =>
        {
            await gate.WaitAsync();
            try
            {
                using var response = await http.PostAsync("/api/cases?wait=30", new StringContent(BenchSamples.ToJson(t), Encoding.UTF8, "application/json"));
                using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                var caseId = doc.RootElement.GetProperty("caseId").GetString()!;
                caseIds[t.TicketId] = caseId;
                for (var i = 0; i < 60; i++)
                {
                    using var get = await http.GetAsync($"/api/cases/{caseId}");
                    var text = await get.Content.ReadAsStringAsync();
                    if (get.StatusCode == HttpStatusCode.OK && Regex.Match(text, "\"status\":\"([a-z0-9-]+)\"") is { Success: true } m && m.Groups[1].Value is not ("received" or "processing" or "decided"))
                    {
                        statuses[caseId] = m.Groups[1].Value;
                        break;
                    }

                    await Task.Delay(1000);
                }

                if (!statuses.TryGetValue(caseId, out var final))
                {
                    problems.Enqueue($"{t.TicketId} ({caseId}): no decision within 60 s");
                }
                else if (final == "failed")
                {
                    problems.Enqueue($"{t.TicketId} ({caseId}): the case failed");
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
            {
                problems.Enqueue($"{t.TicketId}: {ex.GetType().Name} {ex.Message}");
            }
            finally
            {
                gate.Release();
            }
        }));

        if (caseIds.Values.Distinct().Count() != count)
        {
            problems.Enqueue($"{caseIds.Values.Distinct().Count()} distinct case ids for {count} tickets");
        }

        var indexed = (await BenchData.ReadIndexAsync(data)).Where(c => c.TicketId.Contains($"-{tag}-", StringComparison.Ordinal)).ToList();
        if (indexed.Count != count || indexed.Select(c => c.TicketId).Distinct().Count() != count)
        {
            problems.Enqueue($"case index holds {indexed.Count} records ({indexed.Select(c => c.TicketId).Distinct().Count()} distinct tickets) for {count} tickets");
        }

        var outbox = Path.Combine(data, "outbox");
        var emails = Directory.Exists(outbox) ? Directory.EnumerateFiles(outbox, "*.eml", SearchOption.AllDirectories).Select(File.ReadAllText).ToList() : [];
        var reviewCases = statuses.Where(kv => kv.Value == CaseStatuses.AwaitingReview).Select(kv => kv.Key).ToList();
        foreach (var caseId in reviewCases)
        {
            var n = emails.Count(e => e.Contains($"/api/review/{caseId}", StringComparison.Ordinal));
            if (n != 1)
            {
                problems.Enqueue($"{caseId}: {n} review emails in the outbox (expected 1)");
            }
        }

        var redelivered = 0;
        if (BenchArgs.Option(args, "--callbacks") is { } callbacks)
        {
            var keys = await CallbacksAsync(callbacks, statuses);
            var received = keys.GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
            redelivered = keys.Count - received.Count;
            foreach (var (caseId, status) in statuses)
            {
                var expected = ExpectedCallback(caseId, status);
                if (expected is not null && !received.ContainsKey(expected))
                {
                    problems.Enqueue($"{caseId} ({status}): its callback {expected} never arrived");
                }
            }

            string Listed(int moreThan) => string.Join(", ", received.Where(kv => kv.Value > moreThan).Take(5).Select(kv => $"{kv.Key}×{kv.Value}"));
            if (received.Count(kv => kv.Value > 2) is > 0 and var many)
            {
                problems.Enqueue($"{many} callbacks arrived more than twice (one crash repeats a POST once at most): {Listed(2)}");
            }
            else if (redelivered > 0 && !args.Contains("--allow-redelivery"))
            {
                problems.Enqueue($"{redelivered} callbacks repeated an idempotency key: {Listed(1)}");
            }
        }

        await stdout.WriteLineAsync($"verify: {count} tickets, {caseIds.Count} cases answered, {statuses.Count} decided ({string.Join(", ", statuses.Values.GroupBy(s => s).Select(g => $"{g.Key} {g.Count()}"))}), " +
            $"{indexed.Count} in the index, {reviewCases.Count} awaiting review with {emails.Count} emails in the outbox, {redelivered} callbacks redelivered with a key already received");
        foreach (var p in problems.Take(20))
        {
            await stderr.WriteLineAsync("  PROBLEM " + p);
        }

        return problems.IsEmpty ? 0 : 1;
    }

    /// <summary>The idempotency key of the last callback a case in this status has had (the orchestrator's keys).</summary>
    internal static string? ExpectedCallback(string caseId, string status) => status switch
    {
        CaseStatuses.Sent => CaseWorkflow.DeliveryKey(caseId, TraceRecordKinds.Decision, DeliveryEvents.ReplySent),
        CaseStatuses.Escalated => CaseWorkflow.DeliveryKey(caseId, TraceRecordKinds.Decision, DeliveryEvents.Escalated),
        CaseStatuses.ReturnedToTier1 => CaseWorkflow.DeliveryKey(caseId, TraceRecordKinds.Decision, DeliveryEvents.ReturnedToTier1),
        CaseStatuses.AwaitingReview => CaseWorkflow.AwaitingReviewDeliveryKey(caseId),
        _ => null,
    };

    /// <summary>
    /// The keys the receiver wrote, read again for up to 10 s until every decided case's callback is there (a case
    /// waiting for review shows its status just before its callback is posted).
    /// </summary>
    private static async Task<List<string>> CallbacksAsync(string path, IReadOnlyDictionary<string, string> statuses)
    {
        for (var attempt = 0; ; attempt++)
        {
            var keys = File.Exists(path) ? File.ReadAllLines(path).Where(l => l.Length > 0).ToList() : [];
            var received = keys.ToHashSet();
            if (attempt == 20 || statuses.All(kv => ExpectedCallback(kv.Key, kv.Value) is not { } k || received.Contains(k)))
            {
                return keys;
            }

            await Task.Delay(500);
        }
    }
}

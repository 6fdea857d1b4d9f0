using System.Diagnostics;

namespace Escalation.Bench;

/// <summary>The HTTP section of the report: against <c>--server</c>, or a server started here on loopback.</summary>
public static class BenchHttpReport
{
    /// <summary>
    /// Seconds each client count is measured for (<c>--http-seconds</c>). A p99 needs a window that holds several of the
    /// server's stalls (a garbage collection, a slow fsync: each holds every request in flight), not one or none: over 2 s
    /// the 50-client p99 of one server moved between 80 and 240 ms from run to run.
    /// </summary>
    public const double DefaultSeconds = 10;

    /// <summary>Requests per client count at most, whatever the window (a bound on the load generator's memory).</summary>
    private const int MaxRequests = 200_000;

    public static async Task RunAsync(BenchSamples samples, string root, TimeSpan section, bool quick, string? server, TextWriter stdout)
    {
        Process? child = null;
        var url = server;
        if (url is null)
        {
            (child, url, var problem) = await BenchHttp.StartServerAsync(Path.Combine(root, "server-data"));
            if (child is null)
            {
                await stdout.WriteLineAsync($"http latency: not measured — {problem}");
                return;
            }
        }

        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(url!), Timeout = TimeSpan.FromSeconds(30) };
            var tag = "b" + DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            // Warm-up: a freshly started .NET server (and this client) spend their first tens of seconds compiling hot paths
            // at their final tier (tiered JIT); steady state is what a help desk meets. 8 s of warm-up measured p99 at 50
            // clients about 1.5 × what the same server answered after 40 s of traffic.
            var warmUp = quick ? 3 : 30;
            var warm = await BenchHttp.RunAsync(http, samples, 16, TimeSpan.FromSeconds(warmUp), 100_000, tag + "w");
            await stdout.WriteLineAsync($"http warm-up: {warm.Requests} requests from 16 clients in {warmUp} s (not counted)");
            foreach (var clients in new[] { 1, 10, 50 })
            {
                var r = await BenchHttp.RunAsync(http, samples, clients, section, quick ? 500 : MaxRequests, tag);
                var codes = string.Join(", ", r.StatusCodes.OrderBy(kv => kv.Key).Select(kv => $"{(kv.Key == 0 ? "network error" : kv.Key.ToString())}×{kv.Value}"));
                var goal = clients == 50 ? $" — goal p99 ≤ 100 ms: {BenchStats.Goal(r.P99Ms <= 100 && r.Errors == 0)}" : "";
                if (r.StatusCodes.Keys.All(code => code == 0))
                {
                    // Latencies of connection failures say nothing about the server.
                    await stdout.WriteLineAsync(
                        $"http submit-to-decision ({(child is null ? url : "server started on " + url)}), {clients,2} clients: no response from the server " +
                        $"({r.Requests} requests, 0 with a decision; status network error×{r.Requests}){goal}");
                    continue;
                }

                await stdout.WriteLineAsync(
                    $"http submit-to-decision (POST /api/cases?wait=5, {(child is null ? url : "server started on " + url)}), {clients,2} clients: " +
                    $"p50 {BenchStats.N(r.P50Ms, "0.0")} ms, p95 {BenchStats.N(r.P95Ms, "0.0")} ms, p99 {BenchStats.N(r.P99Ms, "0.0")} ms over {r.Requests} requests, " +
                    $"{r.Decided} with a decision; status {codes}{goal}");
            }
        }
        finally
        {
            if (child is not null)
            {
                BenchHttp.StopServer(child);
            }
        }
    }
}

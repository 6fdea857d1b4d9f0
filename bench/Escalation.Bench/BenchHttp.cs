using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Escalation.Infrastructure.Hosting;

namespace Escalation.Bench;

/// <summary>
/// Submit-to-decision latency over HTTP: <c>POST /api/cases?wait=5</c> with sample tickets made unique per request,
/// at a fixed number of concurrent clients, against a running server or one started here on loopback.
/// </summary>
public static class BenchHttp
{
    public sealed record Result(int Clients, int Requests, double P50Ms, double P95Ms, double P99Ms, int Decided, IReadOnlyDictionary<int, int> StatusCodes)
    {
        public int Errors => StatusCodes.Where(kv => kv.Key >= 500 || kv.Key == 0).Sum(kv => kv.Value);
    }

    /// <summary>Runs <paramref name="clients"/> clients, each submitting one ticket at a time, for <paramref name="measure"/> (at most <paramref name="maxRequests"/> requests).</summary>
    public static async Task<Result> RunAsync(HttpClient http, BenchSamples samples, int clients, TimeSpan measure, int maxRequests, string runTag)
    {
        var tickets = samples.Tickets.Select(t => t.Ticket).ToArray();
        var latencies = new List<double>();
        var codes = new Dictionary<int, int>();
        var decided = 0;
        await BenchStats.LoadAsync(clients, measure, async n =>
        {
            var body = BenchSamples.ToJson(BenchSamples.Unique(tickets[n % tickets.Length], $"{runTag}-c{clients}-{n}"));
            var start = Stopwatch.GetTimestamp();
            int code;
            var hasDecision = false;
            try
            {
                using var response = await http.PostAsync("/api/cases?wait=5", new StringContent(body, Encoding.UTF8, "application/json"));
                var text = await response.Content.ReadAsStringAsync();
                code = (int)response.StatusCode;
                hasDecision = code == 200 && text.Contains("\"route\":\"", StringComparison.Ordinal);
            }
            catch (HttpRequestException)
            {
                code = 0;
            }

            var ms = BenchStats.Micros(Stopwatch.GetTimestamp() - start) / 1000;
            lock (latencies)
            {
                latencies.Add(ms);
                codes[code] = codes.GetValueOrDefault(code) + 1;
                decided += hasDecision ? 1 : 0;
            }
        }, maxRequests);
        return new Result(clients, latencies.Count, BenchStats.Percentile(latencies, 0.5), BenchStats.Percentile(latencies, 0.95),
            BenchStats.Percentile(latencies, 0.99), decided, codes);
    }

    /// <summary>A free TCP port on 127.0.0.1.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Starts the built server (<c>src/Escalation.Server/bin/Release/net10.0/Escalation.Server.dll</c>) as a child process on
    /// 127.0.0.1 with a free port and <paramref name="dataDirectory"/>; null (with the reason) when it is not built or does not come up.
    /// </summary>
    public static async Task<(Process? Server, string Url, string? Problem)> StartServerAsync(string dataDirectory)
    {
        var dll = WorkspaceLocator.Resolve("src/Escalation.Server/bin/Release/net10.0/Escalation.Server.dll");
        if (!File.Exists(dll))
        {
            return (null, "", "server not built (dotnet build src/Escalation.Server -c Release)");
        }

        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(WorkspaceLocator.Resolve("samples"))!,
        };
        foreach (var a in new[] { dll, "--urls", url, "--Escalation:DataDirectory", dataDirectory, "--Escalation:Workspace", WorkspaceLocator.Resolve("samples/workspace"), "--Logging:LogLevel:Default", "Warning" })
        {
            start.ArgumentList.Add(a);
        }

        var server = Process.Start(start)!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 150 && !server.HasExited; i++)
        {
            try
            {
                if ((await probe.GetAsync("/api/health")).IsSuccessStatusCode)
                {
                    return (server, url, null);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        StopServer(server);
        return (null, url, "server did not answer /api/health within 30 s");
    }

    /// <summary>Kills the child server started by <see cref="StartServerAsync"/>.</summary>
    public static void StopServer(Process server)
    {
        if (!server.HasExited)
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit(10_000);
        }

        server.Dispose();
    }
}

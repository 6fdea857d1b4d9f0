using System.Diagnostics;
using Escalation.Core.Signals;

namespace Escalation.Bench;

/// <summary>
/// <c>escalation-bench bench [--seconds N] [--http-seconds N] [--quick] [--server URL | --no-http] [--signals-only | --http-only]</c>: every performance figure the issues
/// set a goal for, in one run: signals/s on one core; pipeline cases/s and µs per case (no I/O); durable cases/s on
/// the embedded engine with file storage as a ratio of a raw fsync'd 4 KB write loop on the same disk; engine overhead
/// per case; trace writes/s as a ratio of the same loop; memory per 1,000 waiting cases; and submit-to-decision
/// latency over HTTP at 1, 10 and 50 clients. Everything runs in a temporary directory and on loopback.
/// </summary>
public static class BenchCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (await BenchScale.TryRunAsync(args, stdout, stderr) is { } scaled)
        {
            return scaled; // bench --scale N: a section of its own (docs/performance.md)
        }

        var secondsArg = BenchArgs.Option(args, "--seconds");
        var seconds = 2.0;
        if (secondsArg is not null && (!double.TryParse(secondsArg, System.Globalization.CultureInfo.InvariantCulture, out seconds) || seconds < 2))
        {
            await stderr.WriteLineAsync("bench: --seconds must be a number ≥ 2");
            return 2;
        }

        var httpSecondsArg = BenchArgs.Option(args, "--http-seconds");
        var httpSeconds = BenchHttpReport.DefaultSeconds;
        if (httpSecondsArg is not null && (!double.TryParse(httpSecondsArg, System.Globalization.CultureInfo.InvariantCulture, out httpSeconds) || httpSeconds < 1))
        {
            await stderr.WriteLineAsync("bench: --http-seconds must be a number ≥ 1");
            return 2;
        }

        var server = BenchArgs.Option(args, "--server");
        if (server is not null && !(Uri.TryCreate(server, UriKind.Absolute, out var serverUri) && serverUri.Scheme is "http" or "https"))
        {
            await stderr.WriteLineAsync("bench: --server must be an http(s) URL");
            return 2;
        }

        BenchEngine.UseRealActivities = !BenchArgs.Flag(args, "--bench-activities");
        var quick = BenchArgs.Flag(args, "--quick");
        var signalsOnly = BenchArgs.Flag(args, "--signals-only");
        var httpOnly = BenchArgs.Flag(args, "--http-only");
        if (httpOnly && BenchArgs.Flag(args, "--no-http"))
        {
            await stderr.WriteLineAsync("bench: --http-only and --no-http exclude each other");
            return 2;
        }

        await stdout.WriteLineAsync(BenchStats.Machine(DateTimeOffset.UtcNow));
        if (!httpOnly)
        {
            var result = SignalsBenchmark.Run(TimeSpan.FromSeconds(seconds));
            await stdout.WriteLineAsync($"signals (embedded lexicon analyser, short texts, 1 thread): {result.PerSecond:#,0} signals/second/core ({result.Count:#,0} texts in {result.Elapsed.TotalSeconds:0.00} s, mean {result.MeanChars:0} chars)");
        }

        if (signalsOnly)
        {
            return 0;
        }

        if (await BenchSamples.TryLoadAsync("bench", stderr) is not { } samples)
        {
            return 1;
        }

        var section = TimeSpan.FromSeconds(quick ? 1 : seconds);
        var httpSection = TimeSpan.FromSeconds(quick && httpSecondsArg is null ? 1 : httpSeconds);
        var root = Path.Combine(BenchArgs.Option(args, "--data") ?? Path.GetTempPath(), "escalation-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(root);
        try
        {
            if (httpOnly)
            {
                await BenchHttpReport.RunAsync(samples, root, httpSection, quick, server, stdout);
            }
            else
            {
                await BenchReport.RunAsync(samples, root, section, httpSection, quick, server, BenchArgs.Flag(args, "--no-http"), stdout);
            }
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        return 0;
    }
}

/// <summary>Single-thread throughput of <see cref="LexiconSignalAnalyzer"/> over a fixed set of short support texts.</summary>
public static class SignalsBenchmark
{
    /// <summary>Short texts shaped like tickets and tweets (20–200 characters).</summary>
    public static readonly IReadOnlyList<string> Texts =
    [
        "My export has been broken since Monday and I am still waiting for a reply.",
        "Thanks, that fixed it! Great support as always.",
        "This is the THIRD TIME I ask. Unacceptable!!! I want to speak to a manager.",
        "How do I add a teammate to my workspace?",
        "We were charged twice for November, please refund the duplicate payment.",
        "If this is not resolved by Friday our lawyers will be in touch.",
        "The dashboard is down for all 300 users in our EU office.",
        "Feature request: it would be nice to have dark mode.",
        "I don't want to involve lawyers but I will file a chargeback with my bank.",
        "Hey guys, quick one lol - can I change the invoice email?",
        "We are switching to Zendesk when our contract ends, this is ridiculous.",
        "Please treat this as a GDPR subject access request and send me a copy of my data.",
        "Our webhook endpoint returns 502 and the API logs show a timeout since the last deploy.",
        "Could you send a corrected copy of our firm's invoice? Hart & Vale LLP",
        "You people are useless idiots, fix it now.",
        "Fine, it works now. Not great that it took four days though.",
    ];

    public sealed record Result(long Count, TimeSpan Elapsed, double MeanChars)
    {
        public double PerSecond => Count / Elapsed.TotalSeconds;
    }

    public static Result Run(TimeSpan measure)
    {
        var analyzer = new LexiconSignalAnalyzer();
        var warmUp = Stopwatch.StartNew();
        var sink = 0.0;
        while (warmUp.Elapsed < TimeSpan.FromSeconds(1))
        {
            foreach (var t in Texts)
            {
                sink += analyzer.AnalyzeText(t).Sentiment;
            }
        }

        long count = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < measure)
        {
            foreach (var t in Texts)
            {
                var s = analyzer.AnalyzeText(t);
                sink += s.Sentiment + PriorityRules.FromText(s).Priority.Length;
            }

            count += Texts.Count;
        }

        clock.Stop();
        GC.KeepAlive(sink);
        return new Result(count, clock.Elapsed, Texts.Average(t => t.Length));
    }
}

using System.Diagnostics;
using Escalation.Core.Signals;

namespace Escalation.Cli;

/// <summary>
/// <c>escalation bench [--seconds N]</c>: throughput of the embedded signal analyser on one thread
/// (warm-up, then at least two seconds of measurement), in signals per second per core.
/// </summary>
public static class BenchCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var secondsArg = CliArgs.Option(args, "--seconds");
        var seconds = 2.0;
        if (secondsArg is not null && (!double.TryParse(secondsArg, System.Globalization.CultureInfo.InvariantCulture, out seconds) || seconds < 2))
        {
            await stderr.WriteLineAsync("bench: --seconds must be a number ≥ 2");
            return 2;
        }

        var result = SignalsBenchmark.Run(TimeSpan.FromSeconds(seconds));
        await stdout.WriteLineAsync($"signals (embedded lexicon analyser, short texts, 1 thread): {result.PerSecond:#,0} signals/second/core ({result.Count:#,0} texts in {result.Elapsed.TotalSeconds:0.00} s, mean {result.MeanChars:0} chars)");
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

using System.Diagnostics;
using Escalation.Core.Tickets;

namespace Escalation.Bench;

/// <summary>Both pipelines over the sample tickets, in memory (no I/O), on one thread: cases/s and µs per case.</summary>
public static class BenchPipeline
{
    public sealed record Result(long Cases, TimeSpan Elapsed, double MedianMicros, double P99Micros, double SensitiveMedianMicros, double EscalationMedianMicros)
    {
        public double PerSecond => Cases / Elapsed.TotalSeconds;
    }

    public static Result Run(BenchSamples samples, TimeSpan measure)
    {
        var tickets = samples.Tickets.Select(t => t.Ticket).ToArray();
        // Warm up as long as the measurement: a fresh process runs the pipeline slower until the tiered JIT has compiled its
        // hot methods at their final tier (half a second of warm-up measured about twice the steady-state time).
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < measure)
        {
            foreach (var t in tickets)
            {
                samples.Decide(t);
            }
        }

        var all = new List<double>();
        var sensitive = new List<double>();
        var escalation = new List<double>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < measure && all.Count < 2_000_000)
        {
            foreach (var sample in tickets)
            {
                var t = sample with { }; // a new instance, as every real case is: nothing computed for an earlier run is reused
                var start = Stopwatch.GetTimestamp();
                samples.Decide(t);
                var us = BenchStats.Micros(Stopwatch.GetTimestamp() - start);
                all.Add(us);
                (t.ResolvedKind == CaseKind.Escalation ? escalation : sensitive).Add(us);
            }
        }

        clock.Stop();
        return new Result(all.Count, clock.Elapsed, BenchStats.Percentile(all, 0.5), BenchStats.Percentile(all, 0.99),
            BenchStats.Percentile(sensitive, 0.5), BenchStats.Percentile(escalation, 0.5));
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Escalation.Bench;

/// <summary>Percentiles and number formatting for the benchmark report.</summary>
public static class BenchStats
{
    /// <summary>Nearest-rank percentile (<paramref name="p"/> in 0–1) of unsorted samples; NaN when empty.</summary>
    public static double Percentile(IEnumerable<double> samples, double p)
    {
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    /// <summary>Stopwatch ticks to microseconds.</summary>
    public static double Micros(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;

    public static string N(double value, string format = "#,0") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Cores, OS, runtime and date, for the report header.</summary>
    public static string Machine(DateTimeOffset now) =>
        $"machine: {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription.Trim()} ({RuntimeInformation.OSArchitecture}), " +
        $"{RuntimeInformation.FrameworkDescription}, server GC {System.Runtime.GCSettings.IsServerGC}; {now:yyyy-MM-dd HH:mm} UTC";

    /// <summary>Whether a ratio meets its goal, for the report.</summary>
    public static string Goal(bool met) => met ? "goal met" : "GOAL NOT MET";

    /// <summary>
    /// Runs <paramref name="step"/> (given 1, 2, 3, … across all workers) on <paramref name="workers"/> concurrent workers
    /// until <paramref name="span"/> has passed or <paramref name="maxSteps"/> steps have started; the steps completed and
    /// the time taken.
    /// </summary>
    public static async Task<(long Done, TimeSpan Elapsed)> LoadAsync(int workers, TimeSpan span, Func<long, Task> step, long maxSteps = long.MaxValue)
    {
        long next = 0;
        long done = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < span)
            {
                var n = Interlocked.Increment(ref next);
                if (n > maxSteps)
                {
                    return;
                }

                await step(n);
                Interlocked.Increment(ref done);
            }
        })));
        clock.Stop();
        return (done, clock.Elapsed);
    }
}

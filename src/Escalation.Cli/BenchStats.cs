using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Escalation.Cli;

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
}

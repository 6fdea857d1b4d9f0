using System.Text.Json;
using System.Text.Json.Serialization;

namespace Escalation.Core.Metrics;

/// <summary>
/// What <see cref="KpiCounters"/> keeps, as plain data that can be stored and summed: counts per dimension, fixed
/// log-scale histograms for the percentiles, the open reviews' deadlines (open work only) and the review-gap tallies.
/// Its size depends on how many distinct routes, statuses, priorities, reason codes, policies, playbooks and intents
/// there are, on the histograms' bucket range and on the number of reviews open now — never on how many cases ended.
/// Two states of disjoint sets of cases sum to the state of their union (<see cref="KpiCounters.Merge(KpiState)"/>).
/// </summary>
public sealed class KpiState
{
    /// <summary>The layout of this state; a reader that does not know it rebuilds the counters from the cases.</summary>
    public int Version { get; set; } = CurrentVersion;

    public const int CurrentVersion = 1;

    public int Total { get; set; }
    public int Decided { get; set; }
    public int Escalated { get; set; }
    public int AutoSent { get; set; }
    public int Open { get; set; }
    public int FinishedBreaches { get; set; }

    /// <summary>
    /// Removals of a contribution that was never counted (a case's old version the counters did not hold, e.g. after a
    /// writer died between the case write and the counter write). Non-zero: the counters are off until rebuilt.
    /// </summary>
    public int Unmatched { get; set; }

    public SortedDictionary<string, int> ByRoute { get; set; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, int> ByPriority { get; set; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, int> ByStatus { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Hours from review request to outcome of every finished review.</summary>
    public LogHistogram Turnarounds { get; set; } = new();

    /// <summary>Hours from receipt to the first reply that reached the customer.</summary>
    public LogHistogram FirstResponses { get; set; } = new();

    /// <summary>Hours from receipt to close of every closed escalation case.</summary>
    public LogHistogram EscalationCycles { get; set; } = new();

    /// <summary>Per priority (<c>none</c> when unknown): responses and resolutions against the targets, finished-review breaches.</summary>
    public SortedDictionary<string, PriorityTally> Targets { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Per priority, the deadlines (UTC ticks, ascending) of the reviews open now: breaches depend on the instant asked about.</summary>
    public SortedDictionary<string, List<long>> OpenDeadlines { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Where reviewers overrule the agent, as counts per group with a few example cases.</summary>
    public ReviewGapTally Gaps { get; set; } = new();

    /// <summary>The state as UTF-8 JSON (source-generated serialiser).</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, KpiStateJson.Default.KpiState);

    /// <summary>A state read back from <see cref="ToJson"/>; <see cref="JsonException"/> when it is not one, null when its layout is another version's.</summary>
    public static KpiState? FromJson(ReadOnlySpan<byte> json)
    {
        var state = JsonSerializer.Deserialize(json, KpiStateJson.Default.KpiState) ?? throw new JsonException("The KPI state is empty.");
        return state.Version == CurrentVersion ? state : null;
    }
}

/// <summary>One priority's responses and resolutions against the priority matrix's targets, and its finished-review breaches.</summary>
public sealed class PriorityTally
{
    public int Responded { get; set; }
    public int RespondedInTarget { get; set; }
    public int Resolved { get; set; }
    public int ResolvedInTarget { get; set; }
    public int Breaches { get; set; }

    internal bool IsEmpty => Responded == 0 && RespondedInTarget == 0 && Resolved == 0 && ResolvedInTarget == 0 && Breaches == 0;

    internal void Add(PriorityTally other)
    {
        Responded += other.Responded;
        RespondedInTarget += other.RespondedInTarget;
        Resolved += other.Resolved;
        ResolvedInTarget += other.ResolvedInTarget;
        Breaches += other.Breaches;
    }
}

/// <summary>
/// Durations in hours counted in fixed log-scale buckets: bucket <c>i</c> holds values in
/// [<see cref="MinimumHours"/>·1.01^i, <see cref="MinimumHours"/>·1.01^(i+1)) and stands for its geometric middle, so a
/// percentile read from it is within <see cref="RelativeError"/> (0.5%) of the observed value it replaces; values under
/// one second count as 0. A year of durations needs at most about 1,500 buckets, however many values were counted.
/// </summary>
public sealed class LogHistogram
{
    /// <summary>Width ratio of one bucket.</summary>
    public const double Growth = 1.01;

    /// <summary>One second: the smallest duration told apart from zero.</summary>
    public const double MinimumHours = 1.0 / 3600;

    /// <summary>The most a percentile differs from the observed value, relative to it: √1.01 − 1 ≈ 0.4988%.</summary>
    public const double RelativeError = 0.005;

    private static readonly double LogGrowth = Math.Log(Growth);

    /// <summary>Values under one second.</summary>
    public int Zero { get; set; }

    /// <summary>Bucket index → how many values it holds (empty buckets are not kept).</summary>
    public SortedDictionary<int, int> Buckets { get; set; } = new();

    /// <summary>How many values are counted.</summary>
    [JsonIgnore]
    public int Count => Zero + Buckets.Values.Sum();

    /// <summary>The bucket of <paramref name="hours"/>; null for values under one second.</summary>
    public static int? Bucket(double hours) =>
        hours < MinimumHours || double.IsNaN(hours) ? null : (int)Math.Floor(Math.Log(Math.Min(hours, 1e9) / MinimumHours) / LogGrowth);

    /// <summary>The value a bucket stands for (its geometric middle); 0 for the values under one second.</summary>
    public static double Value(int? bucket) => bucket is { } i ? MinimumHours * Math.Pow(Growth, i + 0.5) : 0;

    /// <summary>Counts (<paramref name="sign"/> +1) or uncounts (−1) a value; false when there was no such value to uncount.</summary>
    public bool Add(double hours, int sign)
    {
        if (Bucket(hours) is not { } i)
        {
            if (sign < 0 && Zero == 0)
            {
                return false;
            }

            Zero += sign;
            return true;
        }

        var now = Buckets.GetValueOrDefault(i) + sign;
        if (now < 0)
        {
            return false;
        }

        if (now == 0)
        {
            Buckets.Remove(i);
        }
        else
        {
            Buckets[i] = now;
        }

        return true;
    }

    /// <summary>
    /// The nearest-rank percentile (<paramref name="p"/> in 0–1) as its bucket's value: the same rank rule as
    /// <see cref="KpiSummary.Percentile"/>, within <see cref="RelativeError"/> of the value it picks. Null when empty.
    /// </summary>
    public double? Percentile(double p)
    {
        var count = Count;
        if (count == 0)
        {
            return null;
        }

        var rank = Math.Clamp((int)Math.Ceiling(p * count), 1, count);
        if (rank <= Zero)
        {
            return 0;
        }

        var seen = Zero;
        foreach (var (bucket, n) in Buckets)
        {
            seen += n;
            if (seen >= rank)
            {
                return Value(bucket);
            }
        }

        return Value(Buckets.Keys.Last());
    }

    internal void Merge(LogHistogram other)
    {
        Zero += other.Zero;
        foreach (var (bucket, n) in other.Buckets)
        {
            Buckets[bucket] = Buckets.GetValueOrDefault(bucket) + n;
        }
    }
}

/// <summary>Source-generated JSON for <see cref="KpiState"/> (stored by the Azure counter shards).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(KpiState))]
public sealed partial class KpiStateJson : JsonSerializerContext;

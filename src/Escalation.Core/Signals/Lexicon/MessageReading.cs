namespace Escalation.Core.Signals.Lexicon;

/// <summary>What one message says, before the thread's messages are weighed together.</summary>
internal sealed class MessageReading
{
    public required int Index { get; init; }
    public required bool FromCustomer { get; init; }
    public double Compound { get; set; }
    public double ComplaintScore { get; set; }
    public double Intensity { get; set; }

    /// <summary>Summed weight of the service-failure and sarcasm cues that are not negated.</summary>
    public double FailureWeight { get; set; }
    public int Words { get; set; }
    public List<Evidence> Evidence { get; } = [];

    /// <summary>Counts of tone cues (technical, confused, casual, formal).</summary>
    public Dictionary<string, int> ToneCues { get; } = new(StringComparer.Ordinal);

    public string? Competitor { get; set; }

    /// <summary>True when the competitor follows a strong verb (switch, migrate), a churn threat on its own.</summary>
    public bool CompetitorStrong { get; set; }
    public bool LawFirmWriter { get; set; }
    public int Questions { get; set; }
}

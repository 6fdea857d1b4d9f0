namespace Escalation.Core.Signals.Lexicon;

/// <summary>
/// Praise around a failure read as sarcasm ("Oh wonderful, the sync is broken AGAIN. Fantastic job… Brilliant.
/// Truly."): the praise words then count as anger, not as joy. Praise alone, or praise after a contrast
/// ("delayed, but the driver was wonderful"), stays praise.
/// </summary>
internal static class Sarcasm
{
    /// <summary>Intensity added by sarcasm, and the sentiment a sarcastic message reads at most.</summary>
    public readonly record struct Irony(double Intensity, double Compound);

    private static readonly HashSet<string> Contrast = new(StringComparer.Ordinal)
    {
        "but", "however", "although", "though", "pero", "aunque", "aber", "jedoch", "mais", "cependant", "mas", "porem", "ma", "maar", "echter",
    };

    /// <summary>Words that, alone in their sentence after a failure, underline the irony ("Brilliant. Truly.").</summary>
    private static readonly HashSet<string> Underline = new(StringComparer.Ordinal)
    {
        "truly", "really", "seriously", "honestly", "wow", "bravo", "verdaderamente", "wirklich", "ehrlich", "vraiment", "davvero", "echt", "realmente",
    };

    /// <param name="complaint">The message's complaint weight so far ("wrong", "broken"…): a complaint is a failure too.</param>
    public static Irony? Read(MessageReading reading, string text, List<Token> tokens, List<PhraseMatch> praise, List<PhraseMatch> markers, bool repeatCue, double complaint = 0)
    {
        // A marker alone ("Great, just great.") is enough; praise alone needs the failure below.
        if (praise.Count == 0 && markers.Count == 0)
        {
            return null;
        }

        var failure = repeatCue || reading.FailureWeight >= 0.3 || complaint >= 0.3
            || reading.Evidence.Exists(e => e.Signal is "outage" or "incident" or "data-loss" or "p1" or "service-failure");
        if (!failure)
        {
            return null;
        }

        var underline = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var alone = (i == 0 || tokens[i - 1].Clause != tokens[i].Clause) && (i + 1 == tokens.Count || tokens[i + 1].Clause != tokens[i].Clause);
            if (alone && Underline.Contains(tokens[i].Word))
            {
                underline++;
            }
        }

        var contrast = tokens.Exists(t => Contrast.Contains(t.Word));
        var cues = markers.Count + underline;
        var sarcastic = (cues > 0) || praise.Count >= 3 || (praise.Count >= 2 && !contrast);
        if (!sarcastic)
        {
            return null;
        }

        foreach (var m in markers.Concat(praise))
        {
            MessageReader.Add(reading, "sarcasm", text, tokens, m);
        }

        var first = praise.Count > 0 ? praise[0] : markers[0];
        var span = text[tokens[first.First].Start..(tokens[first.Last].Start + tokens[first.Last].Length)];
        reading.Evidence.Add(new Evidence("intensity", $"sarcasm: \"{span}\" around a failure", reading.Index, -1, 0));
        reading.FailureWeight += 0.5;
        var strength = praise.Count + cues;
        return new Irony(Math.Min(0.6, 0.3 + (0.1 * strength)), -Math.Min(0.7, 0.3 + (0.1 * strength)));
    }
}

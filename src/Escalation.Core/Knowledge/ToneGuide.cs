namespace Escalation.Core.Knowledge;

/// <summary>Tone calibration by customer tone, banned phrases, brand voice and sign-off.</summary>
public sealed record ToneGuide
{
    public required string BrandVoice { get; init; }
    public required string SignOff { get; init; }
    public double MaxReadingGrade { get; init; } = 8;
    public IReadOnlyList<ToneCalibration> Calibration { get; init; } = [];
    public IReadOnlyList<BannedPhrase> BannedPhrases { get; init; } = [];

    /// <summary>
    /// Optional line every automatically sent reply carries to say how it was written (seed 003: disclose AI); null or
    /// empty for none. Replies a human reviews before sending do not carry it.
    /// </summary>
    public string? AiDisclosure { get; init; }

    /// <summary>
    /// Reply templates by language code (issue 25). English is built in; a covered language without an entry here is
    /// answered by a human (<c>reply-language-missing</c>).
    /// </summary>
    public IReadOnlyDictionary<string, ReplyLanguage> Languages { get; init; } = new Dictionary<string, ReplyLanguage>();

    /// <summary>True when a reply can be written in <paramref name="code"/>: English, or a language the guide has templates for.</summary>
    public bool CanReplyIn(string code) => code == "en" || Languages.ContainsKey(code);

    /// <summary>True when a reply in <paramref name="code"/> can say <paramref name="key"/> (English always can).</summary>
    public bool CanSay(string code, string key) => code == "en" || (Languages.TryGetValue(code, out var l) && l.HasTemplate(key));

    /// <summary>The calibration row for a customer tone, if the guide has one.</summary>
    public ToneCalibration? For(string customerTone) =>
        Calibration.FirstOrDefault(c => string.Equals(c.CustomerTone, customerTone, StringComparison.Ordinal));
}

/// <summary>One row of seed 003's tone calibration table.</summary>
public sealed record ToneCalibration(string CustomerTone, string MatchWith, string Opening);

/// <summary>A phrase drafts must never contain, and why.</summary>
public sealed record BannedPhrase(string Phrase, string Reason);

/// <summary>Customer tones of the calibration table.</summary>
public static class CustomerTones
{
    public const string Casual = "casual";
    public const string Formal = "formal";
    public const string Angry = "angry";
    public const string Technical = "technical";
    public const string Confused = "confused";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
        { Casual, Formal, Angry, Technical, Confused };
}

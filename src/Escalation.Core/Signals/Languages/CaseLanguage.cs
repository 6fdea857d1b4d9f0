namespace Escalation.Core.Signals;

/// <summary>
/// The language a customer wrote in, as the detect stage identified it. <see cref="Covered"/> says whether the
/// signal rules read that language; an undetermined language (text too short to tell) counts as covered,
/// because every covered language's rules run on it.
/// </summary>
public sealed record CaseLanguage
{
    /// <summary>ISO 639-1 code (<c>en</c>, <c>pl</c>, <c>ja</c>…), or <see cref="SignalLanguages.Undetermined"/>.</summary>
    public string Code { get; init; } = SignalLanguages.Undetermined;

    /// <summary>English name of the language, e.g. <c>Polish</c>; <c>undetermined</c> when not identified.</summary>
    public string Name { get; init; } = "undetermined";

    /// <summary>True when the signal rules cover the language (or it is undetermined and all covered rules run).</summary>
    public bool Covered { get; init; } = true;

    /// <summary>Relative confidence of the identification, 0 … 1 (0 when undetermined).</summary>
    public double Confidence { get; init; }

    /// <summary>How the language was told, in a few words, for the trace.</summary>
    public string Why { get; init; } = "";

    /// <summary>
    /// True for an undetermined language whose text has no English word in it ("Kündigen bitte", "Cancelar plan"): the
    /// English templates would not be understood, so no reply is sent without a person.
    /// </summary>
    public bool NotEnglish { get; init; }

    public bool Determined => Code != SignalLanguages.Undetermined;

    /// <summary>What is shown to people: <c>pl (Polish, not covered)</c>, <c>en (English)</c>, <c>undetermined</c>.</summary>
    public string Label => Determined ? $"{Code} ({Name}{(Covered ? "" : ", not covered")})" : "undetermined";
}

/// <summary>The languages whose signal rules exist (issue 25): only these can be auto-sent.</summary>
public static class SignalLanguages
{
    public const string Undetermined = "und";

    /// <summary>Covered languages, ISO 639-1. Keep in step with the lexicon's word lists and docs/signals.md.</summary>
    public static readonly IReadOnlyList<string> Covered = ["en", "es", "de", "fr", "pt", "it", "nl"];

    public static bool IsCovered(string code) => code == Undetermined || Covered.Contains(code, StringComparer.Ordinal);
}

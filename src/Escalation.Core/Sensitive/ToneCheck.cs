using Escalation.Core.Tracing;

namespace Escalation.Core.Sensitive;

/// <summary>The output of <c>tone-check</c>: a 0–100 score on seed 003's quality dimensions and every violation.</summary>
public sealed record ToneCheck
{
    public required int Score { get; init; }

    /// <summary>Score ≥ 70 (<see cref="ToneCheckStage.PassScore"/>) and no blocking violation; a blocking one caps the score below 50.</summary>
    public required bool Passed { get; init; }

    /// <summary>accuracy (25), empathy (20), completeness (20), clarity (15), efficiency (10), brand-voice (10).</summary>
    public IReadOnlyList<ToneDimension> Dimensions { get; init; } = [];
    public IReadOnlyList<ToneViolation> Violations { get; init; } = [];

    /// <summary>Flesch-Kincaid grade of the draft.</summary>
    public double ReadingGrade { get; init; }
    public IReadOnlyList<TraceEntry> Trace { get; init; } = [];
}

/// <summary>One scored dimension.</summary>
public sealed record ToneDimension(string Name, int Score, int Max);

/// <summary>A problem in a draft.</summary>
/// <param name="Code">Stable code (see <see cref="ToneViolationCodes"/>).</param>
/// <param name="Text">What is wrong, quoting the draft.</param>
/// <param name="Blocking">True when the draft must not be sent as is, whatever the score.</param>
public sealed record ToneViolation(string Code, string Text, bool Blocking);

/// <summary>Violation codes.</summary>
public static class ToneViolationCodes
{
    public const string BannedPhrase = "banned-phrase";
    public const string BlamesThirdParty = "blames-third-party";
    public const string PolicySpeak = "robotic-policy-speak";
    public const string MissingGreeting = "missing-greeting";
    public const string MissingAcknowledgement = "missing-acknowledgement";
    public const string MissingAction = "missing-action";
    public const string MissingTimeline = "missing-resolution-timeline";
    public const string MissingThanks = "missing-thanks";
    public const string AboveCap = "promise-above-cap";
    public const string OutsideWindow = "refund-outside-window-without-rationale";
    public const string PromiseBeforeReview = "money-promised-before-review";
    public const string UnsupportedDate = "unsupported-date";
    public const string AdmitsLiability = "admits-liability";
    public const string ReadingLevel = "reading-level";
    public const string WrongTone = "wrong-tone";
    public const string TwoGreetings = "two-greetings";
    public const string MissingApology = "missing-apology";
    public const string HoldingReply = "holding-reply";
    public const string WrongAmount = "amount-not-in-case";
    public const string MissingClosing = "missing-closing-invitation";
    public const string MissingHumanOffer = "missing-human-offer";
    public const string MissingAiDisclosure = "missing-ai-disclosure";
}

namespace Escalation.Core.Decisions;

/// <summary>One reason for a route: a stable code and a sentence for people.</summary>
/// <param name="Code">Stable code, e.g. <c>legal-sensitive</c>, <c>policy-conflict</c> (see <see cref="ReasonCodes"/>).</param>
/// <param name="Text">Why, with the facts that triggered it.</param>
/// <param name="HardRule">True when the reason is a non-negotiable rule (docs/design.md, "Hard rules").</param>
public sealed record RouteReason(string Code, string Text, bool HardRule);

/// <summary>Reason codes used by the route and resolve-or-escalate stages.</summary>
public static class ReasonCodes
{
    public const string LegalSensitive = "legal-sensitive";
    public const string HighIntensity = "high-intensity";
    public const string ManagerRequest = "manager-request";
    public const string VipSensitive = "vip-sensitive";
    public const string RepeatComplainant = "repeat-complainant";
    public const string PolicyConflict = "policy-conflict";
    public const string CommercialSensitivity = "commercial-sensitivity";
    public const string AboveCap = "amount-above-cap";
    public const string OutsideWindow = "outside-refund-window";
    public const string WeakPolicyMatch = "weak-policy-match";
    public const string ElevatedIntensity = "elevated-intensity";
    public const string Abusive = "abusive";
    public const string Security = "security-or-data-loss";
    public const string ToneCheckFailed = "tone-check-failed";
    public const string HandoffAmbiguity = "handoff-ambiguity";
    public const string MissingTierOneSteps = "missing-tier-1-steps";
    public const string WithinPolicy = "within-policy";
    public const string TierOneScope = "tier-1-scope";

    /// <summary>Tier 1 cannot go further (the locked-out user is the only admin): a senior verifies and resets.</summary>
    public const string TierOneBlocked = "tier-1-blocked";

    /// <summary>The refund, credit or cancellation asked was already made (by tier 1, or the customer thanks for it).</summary>
    public const string AlreadyDone = "already-done";

    // Issue 25: a case is sent only when understood; every other reason names what was not understood.
    public const string LanguageNotCovered = "language-not-covered";
    public const string ReplyLanguageMissing = "reply-language-missing";
    public const string IntentUnrecognised = "intent-unrecognised";
    public const string AmountAmbiguous = "amount-ambiguous";
    public const string FactMissing = "fact-missing";
    public const string Distress = "distress";
    public const string LiveIncident = "live-incident";
    public const string PublicExposure = "public-exposure";
    public const string FormalComplaint = "formal-complaint";
    public const string CompensationDemand = "compensation-demand";
    public const string RetentionReview = "retention-review";

    /// <summary>A refund already made has not reached the customer within the refund policy's processing days.</summary>
    public const string RefundOverdue = "refund-overdue";
    public const string RepeatReport = "repeat-report";
    public const string UnauthorisedCharge = "unauthorised-charge";
    public const string Bereavement = "bereavement";
    public const string ThreatOfHarm = "threat-of-harm";
    public const string PatientSafety = "patient-safety";
    public const string ActionNeedsApproval = "action-needs-approval";
    public const string AskNotCovered = "ask-not-covered";
    public const string QuestionNotRequest = "question-not-request";
    public const string RefundDestination = "refund-destination";

    /// <summary>The writer says they are not the account's owner or admin and asks to change it: a person confirms first.</summary>
    public const string RequesterAuthority = "requester-authority";

    public const string Sarcasm = "sarcasm";
    public const string ChurnThreat = "churn-threat";

    /// <summary>A lawyer, lawsuit or regulator mentioned only to rule it out ("no voy a demandar"): review, not legal escalation.</summary>
    public const string LegalDenied = "legal-denied";

    /// <summary>The only reason to auto-send: covered language, recognised intent with its facts, no caution signal.</summary>
    public const string Understood = "understood";
}

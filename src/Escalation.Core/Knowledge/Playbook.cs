namespace Escalation.Core.Knowledge;

/// <summary>Step-by-step guidance for one escalation type.</summary>
public sealed record Playbook
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Type { get; init; }
    public IReadOnlyList<string> TriggerWords { get; init; } = [];

    /// <summary>Signal names that trigger it (see <see cref="PlaybookSignals"/>).</summary>
    public IReadOnlyList<string> TriggerSignals { get; init; } = [];
    public IReadOnlyList<string> Steps { get; init; } = [];
}

/// <summary>
/// Signal names a playbook may be triggered by. They are read in every covered language (the trigger words are matched
/// as written), so a playbook with signals is found for a German or Spanish ticket too: "refund" is a refund asked for,
/// "refund-past-window" one asked for after the window, "cancellation" a cancellation asked for.
/// </summary>
public static class PlaybookSignals
{
    public const string Legal = "legal";
    public const string Abusive = "abusive";
    public const string ManagerRequest = "manager-request";
    public const string Churn = "churn";
    public const string Outage = "outage";
    public const string DataLoss = "data-loss";
    public const string Security = "security";
    public const string Chargeback = "chargeback";
    public const string Refund = "refund";
    public const string RefundPastWindow = "refund-past-window";
    public const string Cancellation = "cancellation";
    public const string Credit = "credit";
    public const string Fraud = "fraud";
    public const string Distress = "distress";
    public const string Incident = "incident";
    public const string PublicExposure = "public-exposure";
    public const string PatientSafety = "patient-safety";
    public const string PrivacyBreach = "privacy-breach";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Legal, Abusive, ManagerRequest, Churn, Outage, DataLoss, Security, Chargeback, Refund, RefundPastWindow, Cancellation,
        Credit, Fraud, Distress, Incident, PublicExposure, PatientSafety, PrivacyBreach,
    };
}

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

/// <summary>Signal names a playbook may be triggered by.</summary>
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

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
        { Legal, Abusive, ManagerRequest, Churn, Outage, DataLoss, Security, Chargeback };
}

namespace Escalation.Core.Workflow;

/// <summary>Activity names, shared by the orchestrator, the embedded engine's registry and the Functions app.</summary>
public static class CaseActivityNames
{
    public const string Detect = "Detect";
    public const string RetrievePolicy = "RetrievePolicy";
    public const string Draft = "Draft";
    public const string ToneCheck = "ToneCheck";
    public const string Route = "Route";

    public const string Receive = "Receive";
    public const string GatherContext = "GatherContext";
    public const string ApplyPolicy = "ApplyPolicy";
    public const string ResolveOrEscalate = "ResolveOrEscalate";
    public const string Document = "Document";

    public const string WriteTrace = "WriteTrace";
    public const string NotifyReviewers = "NotifyReviewers";
    public const string DeliverReply = "DeliverReply";
    public const string RecordOutcome = "RecordOutcome";
    public const string MarkNeedsAttention = "MarkNeedsAttention";

    /// <summary>Executes the decision's actions through the action port (orchestration version 2 on).</summary>
    public const string ExecuteActions = "ExecuteActions";

    /// <summary>When the review SLA timer fires: the decision a reviewer claimed first, or a claim for the timer.</summary>
    public const string ClaimReviewTimeout = "ClaimReviewTimeout";

    /// <summary>The sensitive pipeline's stage activities, in order (from <see cref="Sensitive.SensitiveCaseSteps.Stages"/>).</summary>
    public static readonly IReadOnlyList<string> SensitiveStages = [.. Sensitive.SensitiveCaseSteps.Stages.Select(s => s.Activity)];

    /// <summary>The escalation pipeline's stage activities, in order (from <see cref="Escalations.EscalationCaseSteps.Stages"/>).</summary>
    public static readonly IReadOnlyList<string> EscalationStages = [.. Escalations.EscalationCaseSteps.Stages.Select(s => s.Activity)];

    private static readonly Dictionary<string, string> TraceNames =
        Sensitive.SensitiveCaseSteps.Stages.Select(s => (s.Activity, s.TraceName))
            .Concat(Escalations.EscalationCaseSteps.Stages.Select(s => (s.Activity, s.TraceName)))
            .ToDictionary(p => p.Activity, p => p.TraceName, StringComparer.Ordinal);

    /// <summary>Stage name as the status and the trace write it (<c>retrieve-policy</c>).</summary>
    public static string StageName(string activity) => TraceNames.TryGetValue(activity, out var name) ? name : activity.ToLowerInvariant();
}

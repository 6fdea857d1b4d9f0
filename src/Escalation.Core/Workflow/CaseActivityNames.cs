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

    /// <summary>The sensitive pipeline's stages, in order.</summary>
    public static readonly IReadOnlyList<string> SensitiveStages = [Detect, RetrievePolicy, Draft, ToneCheck, Route];

    /// <summary>The escalation pipeline's stages, in order.</summary>
    public static readonly IReadOnlyList<string> EscalationStages = [Receive, GatherContext, ApplyPolicy, ResolveOrEscalate, Document];

    /// <summary>Stage name as the trace writes it (<c>retrieve-policy</c>).</summary>
    public static string StageName(string activity) => activity switch
    {
        RetrievePolicy => "retrieve-policy",
        ToneCheck => "tone-check",
        GatherContext => "gather-context",
        ApplyPolicy => "apply-policy",
        ResolveOrEscalate => "resolve-or-escalate",
        _ => activity.ToLowerInvariant(),
    };
}

namespace Escalation.Core.Notifications;

/// <summary>
/// What the service reports back to the help desk ticket as an internal note: a decision, a draft, a
/// routing reason or a review outcome (the callback payload, camelCase JSON).
/// </summary>
public sealed record HelpDeskNote
{
    public required string CaseId { get; init; }

    public required string TicketId { get; init; }

    /// <summary>What happened, e.g. <c>routed</c>, <c>draft-ready</c>, <c>review-approved</c>, <c>escalated</c>.</summary>
    public required string Event { get; init; }

    /// <summary>The route taken (<c>draft-and-send</c>, <c>draft-for-review</c>, <c>escalate</c>, …), when decided.</summary>
    public string? Route { get; init; }

    /// <summary>Why, in the words the trace uses.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>The draft reply, when there is one.</summary>
    public string? Draft { get; init; }

    /// <summary>
    /// Structured actions, each with its idempotency key: on an <c>actions</c> note, what to execute now (help-desk macros or
    /// automations act on them); on the reply note, what was executed. Left out when there are none.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Actions.ActionInstruction>? Actions { get; init; }

    /// <summary>The permanent audit URL of the decision trace.</summary>
    public string? AuditUrl { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset At { get; init; }
}

/// <summary>The outcome of a callback; a failure is recorded in the case, never dropped.</summary>
/// <param name="Delivered">True when the help desk answered 2xx.</param>
/// <param name="Attempts">How many requests were made.</param>
/// <param name="StatusCode">The last HTTP status received, if any.</param>
/// <param name="FailureReason">Why it failed, when it did.</param>
public sealed record CallbackResult(bool Delivered, int Attempts, int? StatusCode, string? FailureReason)
{
    public static CallbackResult Success(int attempts, int statusCode) => new(true, attempts, statusCode, null);

    public static CallbackResult Failure(int attempts, int? statusCode, string reason) => new(false, attempts, statusCode, reason);
}

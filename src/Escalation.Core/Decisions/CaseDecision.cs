using Escalation.Core.Tracing;

namespace Escalation.Core.Decisions;

/// <summary>
/// The summary of one case's decision, the same shape for both pipelines: what route, why, what draft,
/// who reviews by when, and what it read (policy citations, precedents, playbook, workspace version).
/// </summary>
public sealed record CaseDecision
{
    public required string TicketId { get; init; }

    /// <summary><c>sensitive</c> or <c>escalation</c>.</summary>
    public required string Kind { get; init; }
    public required string Priority { get; init; }

    /// <summary>One of <see cref="Routes"/>.</summary>
    public required string Route { get; init; }
    public IReadOnlyList<RouteReason> Reasons { get; init; } = [];

    /// <summary>The customer's language (ISO 639-1, <c>und</c> when too short to tell); null on decisions made before it was identified.</summary>
    public string? Language { get; init; }

    /// <summary>The language as people read it, e.g. <c>pl (Polish, not covered)</c>.</summary>
    public string? LanguageLabel { get; init; }

    /// <summary>The customer reply (never sent by the pipeline itself); empty when none was written.</summary>
    public string Draft { get; init; } = "";

    /// <summary>
    /// While the draft waits for a human: a short message that may go to the customer meanwhile (when they will hear
    /// from us). The draft itself is the final answer once approved; null when nothing is held.
    /// </summary>
    public string? Acknowledgement { get; init; }

    /// <summary>
    /// What the decision does besides replying (refund, credit, cancellation…), each within its policy's limits; executed
    /// only after auto-approval (those not marked <c>needsApproval</c>) or a reviewer's approval.
    /// </summary>
    public IReadOnlyList<Escalation.Core.Actions.CaseAction> Actions { get; init; } = [];

    /// <summary>Internal note for the ticket (escalations: the annotated handoff or resolution note).</summary>
    public string? InternalNote { get; init; }

    /// <summary>Why an exception to policy is considered, when one is.</summary>
    public string? ExceptionRationale { get; init; }

    /// <summary>One of <see cref="ReviewerQueues"/>.</summary>
    public string ReviewerQueue { get; init; } = ReviewerQueues.None;

    /// <summary>When a reviewer must have acted; null when no human is involved.</summary>
    public DateTimeOffset? SlaDeadline { get; init; }
    public int? ToneScore { get; init; }
    /// <summary>What the customer asked for (<see cref="Cases.CaseAsks"/> codes), in a fixed order.</summary>
    public IReadOnlyList<string> Asks { get; init; } = [];
    public IReadOnlyList<string> Citations { get; init; } = [];
    public IReadOnlyList<string> PrecedentIds { get; init; } = [];
    public string? PlaybookId { get; init; }

    /// <summary>What the customer wants, as a workspace policy names it (e.g. <c>refund</c>); null when not understood.</summary>
    public string? Intent { get; init; }
    public required string WorkspaceVersion { get; init; }
    public IReadOnlyList<TraceEntry> Trace { get; init; } = [];
}

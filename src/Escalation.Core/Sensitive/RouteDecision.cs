using Escalation.Core.Cases;
using Escalation.Core.Decisions;
using Escalation.Core.Signals;
using Escalation.Core.Tracing;

namespace Escalation.Core.Sensitive;

/// <summary>What <c>route</c> reads: the case's signals and facts, the retrieval and the tone-check (null before drafting).</summary>
public sealed record RouteInput
{
    public required CaseSignals Signals { get; init; }
    public required CaseFacts Facts { get; init; }
    public required PolicyRetrieval Retrieval { get; init; }

    /// <summary>Null for the provisional route taken before drafting.</summary>
    public ToneCheck? ToneCheck { get; init; }
    public string? ExceptionRationale { get; init; }

    /// <summary>The resolved customer (tenure and ARR for retention review); null when the caller has none.</summary>
    public Knowledge.CustomerEntity? Customer { get; init; }
}

/// <summary>The output of <c>route</c>.</summary>
public sealed record RouteDecision
{
    /// <summary><see cref="Routes.DraftAndSend"/>, <see cref="Routes.DraftForReview"/> or <see cref="Routes.Escalate"/>.</summary>
    public required string Route { get; init; }
    public IReadOnlyList<RouteReason> Reasons { get; init; } = [];
    public string ReviewerQueue { get; init; } = ReviewerQueues.None;
    public DateTimeOffset? SlaDeadline { get; init; }
    public IReadOnlyList<TraceEntry> Trace { get; init; } = [];

    /// <summary>What the request was read as (intent, policy, facts); shown with the route.</summary>
    public CaseUnderstanding? Understanding { get; init; }

    /// <summary>True when a human looks before anything is sent.</summary>
    public bool NeedsHuman => Route != Routes.DraftAndSend;
}

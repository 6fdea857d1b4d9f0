using Escalation.Core.Tracing;

namespace Escalation.Core.Signals;

/// <summary>
/// The output of the <c>detect</c> stage: the text signals plus what the customer entity and history add
/// (VIP tier, repeat complainant, commercial sensitivity) and the priority, each with its evidence.
/// </summary>
public sealed record CaseSignals
{
    public required TextSignals Text { get; init; }

    /// <summary>P0 … P3 (seed 003's priority matrix and auto-priority rules, plus tier and signals).</summary>
    public required string Priority { get; init; }

    /// <summary>Why that priority, in a few words.</summary>
    public string PriorityReason { get; init; } = "";
    public bool Vip { get; init; }
    public bool RepeatComplainant { get; init; }

    /// <summary>Renewal within the routing window, or ARR above the churn threshold with a churn threat.</summary>
    public bool CommerciallySensitive { get; init; }

    /// <summary>The language the customer wrote in; only covered languages can be auto-sent.</summary>
    public CaseLanguage Language { get; init; } = new();

    /// <summary>Customer-derived evidence (e.g. "4 complaints in 90 days", "renewal in 21 days").</summary>
    public IReadOnlyList<Evidence> CustomerEvidence { get; init; } = [];

    /// <summary>What the stage read, found and concluded.</summary>
    public IReadOnlyList<TraceEntry> Trace { get; init; } = [];
}

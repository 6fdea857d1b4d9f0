using System.Text.Json.Serialization;

namespace Escalation.Infrastructure.Workflow;

/// <summary>
/// One entry of an orchestration instance's history. The orchestrator is re-run against this list on every
/// step (replay), so it only ever grows; a completed activity's result is recorded here before the
/// orchestrator moves on.
/// </summary>
public sealed record HistoryEvent
{
    /// <summary>What happened (see <see cref="HistoryEventKind"/>).</summary>
    [JsonPropertyName("k")]
    public required HistoryEventKind Kind { get; init; }

    /// <summary>Sequence number of the activity call or timer within the orchestration (−1 when not applicable).</summary>
    [JsonPropertyName("s")]
    public int Seq { get; init; } = -1;

    /// <summary>Orchestrator, activity or event name.</summary>
    [JsonPropertyName("n")]
    public string? Name { get; init; }

    /// <summary>JSON payload: input, result, event payload, error text or custom status.</summary>
    [JsonPropertyName("d")]
    public string? Data { get; init; }

    /// <summary>When it was recorded (engine clock). Replays take the orchestrator's clock from here.</summary>
    [JsonPropertyName("t")]
    public DateTime At { get; init; }

    /// <summary>
    /// The orchestrator version the instance started with, on <see cref="HistoryEventKind.ExecutionStarted"/>; every
    /// replay runs with it. Null on the other events, and on instances started before versions were recorded (version 1).
    /// </summary>
    [JsonPropertyName("v")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Version { get; init; }

    /// <summary>Timer due time, for <see cref="HistoryEventKind.TimerCreated"/>.</summary>
    [JsonPropertyName("f")]
    public DateTime? FireAt { get; init; }
}

/// <summary>Kinds of <see cref="HistoryEvent"/>.</summary>
public enum HistoryEventKind
{
    ExecutionStarted,
    ActivityScheduled,
    ActivityCompleted,
    ActivityFailed,
    TimerCreated,
    TimerFired,
    EventRaised,
    CustomStatus,
    ExecutionCompleted,
    ExecutionFailed,
}

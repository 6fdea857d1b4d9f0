using Escalation.Core.Cases;
using Escalation.Core.Decisions;
using Escalation.Core.Knowledge;
using Escalation.Core.Signals;

namespace Escalation.Core.Sensitive;

/// <summary>
/// What the sensitive pipeline knows so far about one case. Each stage adds its part; between activities
/// the state is stored, so each stage runs once and the next one picks up where it left off.
/// </summary>
public sealed record SensitiveCaseState
{
    public CustomerEntity? Customer { get; init; }
    public CaseSignals? Signals { get; init; }
    public CaseFacts? Facts { get; init; }
    public PolicyRetrieval? Retrieval { get; init; }
    public string? ExceptionRationale { get; init; }
    public DraftRequest? Request { get; init; }
    public Draft? Draft { get; init; }
    public ToneCheck? ToneCheck { get; init; }
    public RouteDecision? Route { get; init; }
    public CaseDecision? Decision { get; init; }

    internal T Need<T>(T? value, string what, string stage) where T : class => StageInputs.Need(value, what, stage);
}

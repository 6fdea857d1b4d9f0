using Escalation.Core.Cases;
using Escalation.Core.Decisions;
using Escalation.Core.Knowledge;
using Escalation.Core.Signals;

namespace Escalation.Core.Escalations;

/// <summary>
/// What the escalation pipeline knows so far about one case; each stage adds its part and the state is stored
/// between activities.
/// </summary>
public sealed record EscalationCaseState
{
    public ReceivedHandoff? Received { get; init; }
    public CustomerEntity? Customer { get; init; }
    public CaseSignals? Signals { get; init; }
    public CaseFacts? Facts { get; init; }
    public EscalationContext? Context { get; init; }
    public PolicyApplication? Application { get; init; }
    public EscalationOutcome? Outcome { get; init; }
    public EscalationNote? Note { get; init; }
    public CaseDecision? Decision { get; init; }

    internal T Need<T>(T? value, string what, string stage) where T : class => StageInputs.Need(value, what, stage);
}

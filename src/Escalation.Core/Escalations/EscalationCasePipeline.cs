using Escalation.Core.Cases;
using Escalation.Core.Decisions;
using Escalation.Core.Knowledge;
using Escalation.Core.Sensitive;
using Escalation.Core.Signals;
using Escalation.Core.Tickets;
using Escalation.Core.Tracing;

namespace Escalation.Core.Escalations;

/// <summary>Every stage result of one escalation, and the decision summary.</summary>
public sealed record EscalationCaseResult
{
    public required ReceivedHandoff Received { get; init; }
    public required EscalationContext Context { get; init; }
    public required PolicyApplication Application { get; init; }
    public required EscalationOutcome Outcome { get; init; }
    public required EscalationNote Note { get; init; }
    public required CaseDecision Decision { get; init; }
}

/// <summary>receive → gather-context → apply-policy → resolve-or-escalate → document, in memory.</summary>
public sealed class EscalationCasePipeline(CaseDetector detect, IDraftWriter writer)
{
    private readonly EscalationCaseSteps _steps = new(detect, writer);

    /// <summary>Decide one escalation as of <paramref name="now"/>.</summary>
    public EscalationCaseResult Run(CaseSubmission ticket, Workspace workspace, DateTimeOffset now)
    {
        var state = _steps.Receive(new EscalationCaseState(), ticket, now);
        state = _steps.GatherContext(state, ticket, workspace, now);
        state = _steps.ApplyPolicy(state, workspace, now);
        state = _steps.ResolveOrEscalate(state, ticket, workspace, now);
        state = _steps.Document(state, ticket, workspace);
        return new EscalationCaseResult
        {
            Received = state.Received!,
            Context = state.Context!,
            Application = state.Application!,
            Outcome = state.Outcome!,
            Note = state.Note!,
            Decision = state.Decision!,
        };
    }
}

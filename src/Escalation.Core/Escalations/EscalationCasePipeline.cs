using Escalation.Core.Cases;
using Escalation.Core.Decisions;
using Escalation.Core.Knowledge;
using Escalation.Core.Sensitive;
using Escalation.Core.Signals;
using Escalation.Core.Tickets;
using Escalation.Core.Tracing;
using Escalation.Core.Workflow;

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

/// <summary>
/// receive → gather-context → apply-policy → resolve-or-escalate → document, in memory. <see cref="Run"/> is synchronous
/// and takes only a writer and reader whose steps complete synchronously (the composer, the embedded reading): it throws
/// <see cref="PendingStepException"/> rather than block on a chat model; <see cref="RunAsync"/> takes any writer.
/// </summary>
public sealed class EscalationCasePipeline(CaseDetector detect, IDraftWriter writer, ISignalReader? reader = null)
{
    private readonly EscalationCaseSteps _steps = new(detect, writer, reader);

    /// <summary>Decide one escalation as of <paramref name="now"/>, synchronously.</summary>
    /// <exception cref="PendingStepException">The writer or reader did not complete synchronously.</exception>
    public EscalationCaseResult Run(CaseSubmission ticket, Workspace workspace, DateTimeOffset now)
    {
        const string Name = nameof(EscalationCasePipeline);
        return Result(PipelineStages.RunAll(EscalationCaseSteps.Stages, _steps, new EscalationCaseState(), new StageContext(ticket, workspace, now), Name));
    }

    /// <summary>Decide one escalation as of <paramref name="now"/>, awaiting the writer and reader (a chat model).</summary>
    public async Task<EscalationCaseResult> RunAsync(CaseSubmission ticket, Workspace workspace, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        return Result(await PipelineStages.RunAllAsync(EscalationCaseSteps.Stages, _steps, new EscalationCaseState(), new StageContext(ticket, workspace, now, cancellationToken)).ConfigureAwait(false));
    }

    private static EscalationCaseResult Result(EscalationCaseState state) => new()
    {
        Received = state.Received!,
        Context = state.Context!,
        Application = state.Application!,
        Outcome = state.Outcome!,
        Note = state.Note!,
        Decision = state.Decision!,
    };
}

using Escalation.Core.Decisions;
using Escalation.Core.Escalations;
using Escalation.Core.Knowledge;
using Escalation.Core.Sensitive;
using Escalation.Core.Signals;
using Escalation.Core.Tickets;

namespace Escalation.Core.Pipelines;

/// <summary>
/// Both pipelines behind one call: a case is decided by the pipeline of its kind (<see cref="CaseSubmission.ResolvedKind"/>).
/// For in-memory deciding (CLI triage, the simulator, KPI consistency, the bench); the orchestration runs the same stages
/// one by one as activities.
/// </summary>
public sealed class CasePipelines(CaseDetector detect, IDraftWriter writer, ISignalReader? reader = null)
{
    /// <summary>The embedded reading and the composer: deterministic, no model, no I/O.</summary>
    public static CasePipelines Embedded() => new(CaseDetectors.Embedded, new ComposerDraftWriter());

    public SensitiveCasePipeline Sensitive { get; } = new(detect, writer, reader);

    public EscalationCasePipeline Escalation { get; } = new(detect, writer, reader);

    /// <summary>Decides one case synchronously (the writer and reader must complete synchronously; see the pipelines).</summary>
    public CaseDecision Decide(CaseSubmission ticket, Workspace workspace, DateTimeOffset now) =>
        ticket.ResolvedKind == CaseKind.Escalation
            ? Escalation.Run(ticket, workspace, now).Decision
            : Sensitive.Run(ticket, workspace, now).Decision;

    /// <summary>Decides one case, awaiting a writer or reader that calls a model.</summary>
    public async Task<CaseDecision> DecideAsync(CaseSubmission ticket, Workspace workspace, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ticket.ResolvedKind == CaseKind.Escalation
            ? (await Escalation.RunAsync(ticket, workspace, now, cancellationToken)).Decision
            : (await Sensitive.RunAsync(ticket, workspace, now, cancellationToken)).Decision;
}

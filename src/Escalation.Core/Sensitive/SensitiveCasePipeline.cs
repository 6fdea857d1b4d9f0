using Escalation.Core.Cases;
using Escalation.Core.Decisions;
using Escalation.Core.Knowledge;
using Escalation.Core.Signals;
using Escalation.Core.Tickets;
using Escalation.Core.Tracing;
using Escalation.Core.Workflow;

namespace Escalation.Core.Sensitive;

/// <summary>Every stage result of one sensitive case, and the decision summary.</summary>
public sealed record SensitiveCaseResult
{
    public required CustomerEntity Customer { get; init; }
    public required CaseSignals Signals { get; init; }
    public required CaseFacts Facts { get; init; }
    public required PolicyRetrieval Retrieval { get; init; }
    public string? ExceptionRationale { get; init; }
    public required Draft Draft { get; init; }
    public required ToneCheck ToneCheck { get; init; }
    public required RouteDecision Route { get; init; }
    public required CaseDecision Decision { get; init; }
}

/// <summary>
/// detect → retrieve-policy → draft → tone-check → route, in memory. The orchestration calls the same
/// stages one by one as activities; this runs them in one go for tests, CLI triage, the simulator and benchmarks.
/// <see cref="Run"/> is synchronous and hot (~100–300 µs a case): it takes only a writer and reader whose steps complete
/// synchronously (the composer, the embedded reading) and throws <see cref="PendingStepException"/> rather than block on
/// one that does not (a chat model); <see cref="RunAsync"/> takes any writer and awaits it.
/// </summary>
public sealed class SensitiveCasePipeline(CaseDetector detect, IDraftWriter writer, ISignalReader? reader = null)
{
    private readonly SensitiveCaseSteps _steps = new(detect, writer, reader);

    /// <summary>Decide one case as of <paramref name="now"/>, synchronously.</summary>
    /// <exception cref="PendingStepException">The writer or reader did not complete synchronously.</exception>
    public SensitiveCaseResult Run(CaseSubmission ticket, Workspace workspace, DateTimeOffset now)
    {
        const string Name = nameof(SensitiveCasePipeline);
        return Result(PipelineStages.RunAll(SensitiveCaseSteps.Stages, _steps, new SensitiveCaseState(), new StageContext(ticket, workspace, now), Name));
    }

    /// <summary>Decide one case as of <paramref name="now"/>, awaiting the writer and reader (a chat model).</summary>
    public async Task<SensitiveCaseResult> RunAsync(CaseSubmission ticket, Workspace workspace, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        return Result(await PipelineStages.RunAllAsync(SensitiveCaseSteps.Stages, _steps, new SensitiveCaseState(), new StageContext(ticket, workspace, now, cancellationToken)).ConfigureAwait(false));
    }

    private static SensitiveCaseResult Result(SensitiveCaseState state) => new()
    {
        Customer = state.Customer!,
        Signals = state.Signals!,
        Facts = state.Facts!,
        Retrieval = state.Retrieval!,
        ExceptionRationale = state.ExceptionRationale,
        Draft = state.Draft!,
        ToneCheck = state.ToneCheck!,
        Route = state.Route!,
        Decision = state.Decision!,
    };
}

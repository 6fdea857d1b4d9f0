using Escalation.Core.Cases;
using Escalation.Core.Decisions;
using Escalation.Core.Knowledge;
using Escalation.Core.Signals;
using Escalation.Core.Tickets;
using Escalation.Core.Tracing;

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
/// stages one by one as activities; this runs them in one go for tests, CLI triage and benchmarks.
/// </summary>
public sealed class SensitiveCasePipeline(CaseDetector detect, IDraftWriter writer)
{
    private readonly SensitiveCaseSteps _steps = new(detect, writer);

    /// <summary>Decide one case as of <paramref name="now"/>.</summary>
    public SensitiveCaseResult Run(CaseSubmission ticket, Workspace workspace, DateTimeOffset now)
    {
        var state = _steps.Detect(new SensitiveCaseState(), ticket, workspace, now);
        state = _steps.RetrievePolicy(state, ticket, workspace, now);
        state = _steps.Draft(state, ticket, workspace, now);
        state = _steps.ToneCheck(state, workspace);
        state = _steps.Route(state, ticket, workspace, now);
        return new SensitiveCaseResult
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
}

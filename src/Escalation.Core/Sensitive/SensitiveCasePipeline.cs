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
    private readonly CaseFactsExtractor _facts = new();
    private readonly PolicyRetrievalStage _retrieve = new();
    private readonly RouteStage _route = new();
    private readonly CheckedDraftWriter _drafts = new(writer, new ToneCheckStage());

    /// <summary>Decide one case as of <paramref name="now"/>.</summary>
    public SensitiveCaseResult Run(CaseSubmission ticket, Workspace workspace, DateTimeOffset now)
    {
        var customer = CaseCustomer.Resolve(ticket.Customer, workspace)
            ?? throw new CaseInputException($"customer '{ticket.Customer.Id}' is not in the workspace and the inline profile has no name or tier");
        var signals = detect(ticket, customer, workspace, now);
        var facts = _facts.Extract(ticket, workspace, now);
        var retrieval = _retrieve.Retrieve(ticket, customer, signals, facts, workspace, now);
        var rationale = ExceptionRationale.For(customer, signals, facts, retrieval, workspace, now);
        var provisional = _route.Route(new RouteInput { Signals = signals, Facts = facts, Retrieval = retrieval, ExceptionRationale = rationale }, workspace, now);
        var request = new DraftRequest
        {
            TicketId = ticket.TicketId,
            CustomerName = customer.Name,
            Subject = ticket.Subject,
            Signals = signals,
            Facts = facts,
            Retrieval = retrieval,
            HoldForReview = provisional.NeedsHuman,
            ReviewBy = provisional.SlaDeadline,
            ExceptionRationale = rationale,
        };
        var checkedDraft = _drafts.Write(request, workspace);
        var route = _route.Route(new RouteInput { Signals = signals, Facts = facts, Retrieval = retrieval, ToneCheck = checkedDraft.ToneCheck, ExceptionRationale = rationale }, workspace, now);

        // A tone failure after a provisional auto-send means the draft was written without the review hold: write it again, held.
        if (route.NeedsHuman && !request.HoldForReview)
        {
            request = request with { HoldForReview = true, ReviewBy = route.SlaDeadline };
            checkedDraft = _drafts.Write(request, workspace);
        }

        var trace = new List<TraceEntry>();
        trace.AddRange(signals.Trace);
        trace.AddRange(facts.Trace);
        trace.AddRange(retrieval.Trace);
        if (rationale is not null)
        {
            trace.Add(TraceEntry.Found("retrieve-policy", "Exception rationale: " + rationale));
        }

        trace.AddRange(checkedDraft.Draft.Trace);
        trace.AddRange(checkedDraft.ToneCheck.Trace);
        trace.AddRange(route.Trace);
        var decision = new CaseDecision
        {
            TicketId = ticket.TicketId,
            Kind = CaseKindNames.Sensitive,
            Priority = signals.Priority,
            Route = route.Route,
            Reasons = route.Reasons,
            Draft = checkedDraft.Draft.Text,
            ExceptionRationale = rationale,
            ReviewerQueue = route.ReviewerQueue,
            SlaDeadline = route.SlaDeadline,
            ToneScore = checkedDraft.ToneCheck.Score,
            Citations = retrieval.Citations,
            PrecedentIds = retrieval.Precedents.Select(p => p.Id).ToArray(),
            PlaybookId = retrieval.Playbook?.Id,
            WorkspaceVersion = workspace.Version,
            Trace = trace,
        };
        return new SensitiveCaseResult
        {
            Customer = customer,
            Signals = signals,
            Facts = facts,
            Retrieval = retrieval,
            ExceptionRationale = rationale,
            Draft = checkedDraft.Draft,
            ToneCheck = checkedDraft.ToneCheck,
            Route = route,
            Decision = decision,
        };
    }
}

using Escalation.Core.Cases;
using Escalation.Core.Decisions;
using Escalation.Core.Knowledge;
using Escalation.Core.Tickets;
using Escalation.Core.Tracing;

namespace Escalation.Core.Sensitive;

/// <summary>
/// The five stages of sensitive case handling as separate steps over a <see cref="SensitiveCaseState"/>:
/// the in-memory pipeline runs them back to back, the orchestration runs each as an activity.
/// </summary>
public sealed class SensitiveCaseSteps(CaseDetector detect, IDraftWriter writer)
{
    private readonly CaseFactsExtractor _facts = new();
    private readonly PolicyRetrievalStage _retrieve = new();
    private readonly RouteStage _route = new();
    private readonly CheckedDraftWriter _checked = new(writer, new ToneCheckStage());

    /// <summary>detect: who the customer is, the signals, and the facts of the case.</summary>
    public SensitiveCaseState Detect(SensitiveCaseState state, CaseSubmission ticket, Workspace workspace, DateTimeOffset now)
    {
        var customer = CaseCustomer.Resolve(ticket.Customer, workspace)
            ?? throw new CaseInputException($"customer '{ticket.Customer.Id}' is not in the workspace and the inline profile has no name or tier");
        var signals = detect(ticket, customer, workspace, now);
        return state with
        {
            Customer = customer,
            Signals = signals,
            Facts = _facts.Extract(ticket, workspace, now, signals.Language.Code),
        };
    }

    /// <summary>retrieve-policy: policies, precedents, playbook, and an exception rationale when one applies.</summary>
    public SensitiveCaseState RetrievePolicy(SensitiveCaseState state, CaseSubmission ticket, Workspace workspace, DateTimeOffset now)
    {
        var customer = state.Need(state.Customer, "customer", "retrieve-policy");
        var signals = state.Need(state.Signals, "signals", "retrieve-policy");
        var facts = state.Need(state.Facts, "facts", "retrieve-policy");
        var retrieval = _retrieve.Retrieve(ticket, customer, signals, facts, workspace, now);
        return state with { Retrieval = retrieval, ExceptionRationale = ExceptionRationale.For(customer, signals, facts, retrieval, workspace, now) };
    }

    /// <summary>draft: the reply, held for review (no money promised) when the provisional route needs a human.</summary>
    public SensitiveCaseState Draft(SensitiveCaseState state, CaseSubmission ticket, Workspace workspace, DateTimeOffset now)
    {
        var signals = state.Need(state.Signals, "signals", "draft");
        var facts = state.Need(state.Facts, "facts", "draft");
        var retrieval = state.Need(state.Retrieval, "policy retrieval", "draft");
        var customer = state.Need(state.Customer, "customer", "draft");
        var provisional = _route.Route(new RouteInput { Signals = signals, Facts = facts, Retrieval = retrieval, ExceptionRationale = state.ExceptionRationale, Customer = customer }, workspace, now);
        var (offer, proposal) = DraftResolution.For(customer, signals, facts, retrieval, workspace, now);
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
            Offer = provisional.NeedsHuman ? null : offer,
            Proposal = proposal,
            ExceptionRationale = state.ExceptionRationale,
        };
        return state with { Request = request, Draft = writer.Write(request, workspace) };
    }

    /// <summary>tone-check: score and violations; a failing draft is revised once when the writer can.</summary>
    public SensitiveCaseState ToneCheck(SensitiveCaseState state, Workspace workspace)
    {
        var request = state.Need(state.Request, "draft request", "tone-check");
        var (draft, check) = _checked.Check(state.Need(state.Draft, "draft", "tone-check"), request, workspace);
        return state with { Draft = draft, ToneCheck = check };
    }

    /// <summary>route: draft-and-send, draft-for-review or escalate, with every reason; the decision summary.</summary>
    public SensitiveCaseState Route(SensitiveCaseState state, CaseSubmission ticket, Workspace workspace, DateTimeOffset now)
    {
        var signals = state.Need(state.Signals, "signals", "route");
        var facts = state.Need(state.Facts, "facts", "route");
        var retrieval = state.Need(state.Retrieval, "policy retrieval", "route");
        var request = state.Need(state.Request, "draft request", "route");
        var draft = state.Need(state.Draft, "draft", "route");
        var check = state.Need(state.ToneCheck, "tone check", "route");
        var route = _route.Route(new RouteInput { Signals = signals, Facts = facts, Retrieval = retrieval, ToneCheck = check, ExceptionRationale = state.ExceptionRationale, Customer = state.Customer }, workspace, now);

        // A tone failure after a provisional auto-send means the draft was written without the review hold: write it again, held.
        if (route.NeedsHuman && !request.HoldForReview)
        {
            request = request with { HoldForReview = true, ReviewBy = route.SlaDeadline, Offer = null, Proposal = request.Proposal ?? request.Offer };
            (draft, check) = _checked.Write(request, workspace);
        }

        var trace = new List<TraceEntry>();
        trace.AddRange(signals.Trace);
        trace.AddRange(facts.Trace);
        trace.AddRange(retrieval.Trace);
        if (state.ExceptionRationale is not null)
        {
            trace.Add(TraceEntry.Found("retrieve-policy", "Exception rationale: " + state.ExceptionRationale));
        }

        trace.AddRange(draft.Trace);
        trace.AddRange(check.Trace);
        trace.AddRange(route.Trace);
        var customer = state.Need(state.Customer, "customer", "route");
        var actions = Escalation.Core.Actions.ActionPlanner.ForSensitive(customer, signals, facts, retrieval, workspace, now, ticket.Subject, Escalation.Core.Actions.ActionPlanner.CustomerText(ticket));
        trace.AddRange(Escalation.Core.Actions.ActionTrace.Proposed(actions));
        var decision = new CaseDecision
        {
            TicketId = ticket.TicketId,
            Kind = CaseKindNames.Sensitive,
            Priority = signals.Priority,
            Language = signals.Language.Code,
            LanguageLabel = signals.Language.Label,
            Route = route.Route,
            Reasons = route.Reasons,
            Draft = draft.Text,
            Actions = actions,
            Acknowledgement = route.NeedsHuman ? draft.Acknowledgement : null,
            ExceptionRationale = state.ExceptionRationale,
            ReviewerQueue = route.ReviewerQueue,
            SlaDeadline = route.SlaDeadline,
            ToneScore = check.Score,
            Asks = facts.Asks,
            Citations = retrieval.Citations,
            PrecedentIds = retrieval.Precedents.Select(p => p.Id).ToArray(),
            PlaybookId = retrieval.Playbook?.Id,
            Intent = route.Understanding?.Intent,
            WorkspaceVersion = workspace.Version,
            Trace = trace,
        };
        return state with { Request = request, Draft = draft, ToneCheck = check, Route = route, Decision = decision };
    }
}

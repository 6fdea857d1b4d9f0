using Escalation.Core.Cases;
using Escalation.Core.Decisions;
using Escalation.Core.Knowledge;
using Escalation.Core.Signals;
using Escalation.Core.Tickets;
using Escalation.Core.Tracing;

namespace Escalation.Core.Sensitive;

/// <summary>
/// The five stages of sensitive case handling as separate steps over a <see cref="SensitiveCaseState"/>:
/// the in-memory pipeline runs them back to back, the orchestration runs each as an activity. The steps that may call a
/// chat model or service (detect with an <see cref="ISignalReader"/>, draft, tone-check's revision, route's held rewrite) are
/// asynchronous; with the composer and no model reader their tasks are already completed.
/// </summary>
public sealed class SensitiveCaseSteps(CaseDetector detect, IDraftWriter writer, ISignalReader? reader = null)
{
    /// <summary>The stages in order: adding a stage means adding it here (and its trigger in the Functions app).</summary>
    public static readonly IReadOnlyList<Workflow.PipelineStage<SensitiveCaseSteps, SensitiveCaseState>> Stages =
    [
        new(Workflow.CaseActivityNames.Detect, "detect", s => s.Customer is not null && s.Signals is not null && s.Facts is not null,
            (steps, s, c) => steps.DetectAsync(s, c.Ticket, c.Workspace, c.Now, c.CancellationToken)),
        new(Workflow.CaseActivityNames.RetrievePolicy, "retrieve-policy", s => s.Retrieval is not null,
            (steps, s, c) => new(steps.RetrievePolicy(s, c.Ticket, c.Workspace, c.Now))),
        new(Workflow.CaseActivityNames.Draft, "draft", s => s.Request is not null && s.Draft is not null,
            (steps, s, c) => steps.DraftAsync(s, c.Ticket, c.Workspace, c.Now, c.CancellationToken)),
        new(Workflow.CaseActivityNames.ToneCheck, "tone-check", s => s.ToneCheck is not null,
            (steps, s, c) => steps.ToneCheckAsync(s, c.Workspace, c.CancellationToken)),
        new(Workflow.CaseActivityNames.Route, "route", s => s.Decision is not null,
            (steps, s, c) => steps.RouteAsync(s, c.Ticket, c.Workspace, c.Now, c.CancellationToken)),
    ];

    private readonly CaseFactsExtractor _facts = new();
    private readonly PolicyRetrievalStage _retrieve = new();
    private readonly RouteStage _route = new();
    private readonly CheckedDraftWriter _checked = new(writer, new ToneCheckStage());

    /// <summary>detect: who the customer is, the signals, and the facts of the case.</summary>
    public ValueTask<SensitiveCaseState> DetectAsync(SensitiveCaseState state, CaseSubmission ticket, Workspace workspace, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var customer = CaseCustomer.Resolve(ticket.Customer, workspace)
            ?? throw new CaseInputException($"customer '{ticket.Customer.Id}' is not in the workspace and the inline profile has no name or tier");
        var signals = detect(ticket, customer, workspace, now);
        return reader is null
            ? new(Detected(state, customer, signals, ticket, workspace, now))
            : ReadAsync(state, customer, signals, ticket, workspace, now, cancellationToken);
    }

    private async ValueTask<SensitiveCaseState> ReadAsync(SensitiveCaseState state, CustomerEntity customer, CaseSignals embedded, CaseSubmission ticket, Workspace workspace, DateTimeOffset now, CancellationToken cancellationToken) =>
        Detected(state, customer, await reader!.AddToAsync(embedded, ticket, cancellationToken).ConfigureAwait(false), ticket, workspace, now);

    private SensitiveCaseState Detected(SensitiveCaseState state, CustomerEntity customer, CaseSignals signals, CaseSubmission ticket, Workspace workspace, DateTimeOffset now) =>
        state with
        {
            Customer = customer,
            Signals = signals,
            Facts = _facts.Extract(ticket, workspace, now, signals.Language.Code),
        };

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
    public ValueTask<SensitiveCaseState> DraftAsync(SensitiveCaseState state, CaseSubmission ticket, Workspace workspace, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var signals = state.Need(state.Signals, "signals", "draft");
        var facts = state.Need(state.Facts, "facts", "draft");
        var retrieval = state.Need(state.Retrieval, "policy retrieval", "draft");
        var customer = state.Need(state.Customer, "customer", "draft");
        var provisional = _route.Route(new RouteInput { Signals = signals, Facts = facts, Retrieval = retrieval, ExceptionRationale = state.ExceptionRationale, Customer = customer }, workspace, now);
        // "If I cancelled, would I get the €199 back?": a question is answered, nothing is done or proposed as done; nor is
        // anything done for a person in crisis before a senior has read them ("just cancel whatever you need to cancel").
        var acts = facts.Hypothetical is null && !signals.Text.SeniorDecidesAll;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var cancelEffective = Actions.CancellationAuthority.CarriedOut(acts, customer, facts, workspace, today);
        var (offer, proposal) = acts ? DraftResolution.For(customer, signals, facts, retrieval, workspace, now) : (null, null);

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
            CancelEffective = cancelEffective,
            CancelTermEnds = Actions.CancellationAuthority.AskedAtOtherTiming(acts, customer, facts, today),
            CancelBilledUntil = Actions.CancellationAuthority.BilledUntilEffective(cancelEffective, today),
            ExceptionRationale = state.ExceptionRationale,
        };
        var written = writer.WriteAsync(request, workspace, cancellationToken);
        return written.IsCompletedSuccessfully
            ? new(state with { Request = request, Draft = written.Result })
            : DraftedAsync(state, request, written);
    }

    private static async ValueTask<SensitiveCaseState> DraftedAsync(SensitiveCaseState state, DraftRequest request, ValueTask<Draft> written) =>
        state with { Request = request, Draft = await written.ConfigureAwait(false) };

    /// <summary>tone-check: score and violations; a failing draft is revised once when the writer can.</summary>
    public ValueTask<SensitiveCaseState> ToneCheckAsync(SensitiveCaseState state, Workspace workspace, CancellationToken cancellationToken = default)
    {
        var request = state.Need(state.Request, "draft request", "tone-check");
        var checking = _checked.CheckAsync(state.Need(state.Draft, "draft", "tone-check"), request, workspace, cancellationToken);
        return checking.IsCompletedSuccessfully ? new(Checked(state, checking.Result)) : CheckedAsync(state, checking);
    }

    private static async ValueTask<SensitiveCaseState> CheckedAsync(SensitiveCaseState state, ValueTask<CheckedDraft> checking) =>
        Checked(state, await checking.ConfigureAwait(false));

    private static SensitiveCaseState Checked(SensitiveCaseState state, CheckedDraft result) =>
        state with { Draft = result.Draft, ToneCheck = result.ToneCheck };

    /// <summary>route: draft-and-send, draft-for-review or escalate, with every reason; the decision summary.</summary>
    public async ValueTask<SensitiveCaseState> RouteAsync(SensitiveCaseState state, CaseSubmission ticket, Workspace workspace, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var signals = state.Need(state.Signals, "signals", "route");
        var facts = state.Need(state.Facts, "facts", "route");
        var retrieval = state.Need(state.Retrieval, "policy retrieval", "route");
        var request = state.Need(state.Request, "draft request", "route");
        var draft = state.Need(state.Draft, "draft", "route");
        var check = state.Need(state.ToneCheck, "tone check", "route");
        var route = _route.Route(new RouteInput { Signals = signals, Facts = facts, Retrieval = retrieval, ToneCheck = check, ExceptionRationale = state.ExceptionRationale, Customer = state.Customer }, workspace, now);
        var customer = state.Need(state.Customer, "customer", "route");
        var actions = Escalation.Core.Actions.ActionPlanner.ForSensitive(customer, signals, facts, retrieval, workspace, now, ticket.Subject, Escalation.Core.Actions.ActionPlanner.CustomerText(ticket));

        // An action that needs a person's approval is never dropped by an auto-send: the case goes to review instead.
        if (!route.NeedsHuman && actions.FirstOrDefault(a => a.NeedsApproval) is { } waiting)
        {
            route = RouteStage.ForApproval(route, waiting, signals.Priority, workspace, now);
        }

        // A tone failure after a provisional auto-send means the draft was written without the review hold: write it again, held.
        if (route.NeedsHuman && !request.HoldForReview)
        {
            request = request with { HoldForReview = true, ReviewBy = route.SlaDeadline, Offer = null, Proposal = request.Proposal ?? request.Offer };
            (draft, check) = await _checked.WriteAsync(request, workspace, cancellationToken).ConfigureAwait(false);
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

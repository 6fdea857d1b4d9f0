using Escalation.Core.Cases;
using Escalation.Core.Decisions;
using Escalation.Core.Knowledge;
using Escalation.Core.Sensitive;
using Escalation.Core.Signals;
using Escalation.Core.Tickets;
using Escalation.Core.Tracing;

namespace Escalation.Core.Escalations;

/// <summary>
/// The five stages of complex escalation resolution as separate steps over an <see cref="EscalationCaseState"/>:
/// the in-memory pipeline runs them back to back, the orchestration runs each as an activity. gather-context (with a
/// <see cref="ISignalReader"/>) and resolve-or-escalate (the draft) may call a chat model and are asynchronous; with the
/// composer and no model reader their tasks are already completed.
/// </summary>
public sealed class EscalationCaseSteps(CaseDetector detect, IDraftWriter writer, ISignalReader? reader = null)
{
    /// <summary>The stages in order: adding a stage means adding it here (and its trigger in the Functions app).</summary>
    public static readonly IReadOnlyList<Workflow.PipelineStage<EscalationCaseSteps, EscalationCaseState>> Stages =
    [
        new(Workflow.CaseActivityNames.Receive, "receive", s => s.Received is not null,
            (steps, s, c) => new(steps.Receive(s, c.Ticket, c.Now))),
        new(Workflow.CaseActivityNames.GatherContext, "gather-context", s => s.Context is not null,
            (steps, s, c) => steps.GatherContextAsync(s, c.Ticket, c.Workspace, c.Now, c.CancellationToken)),
        new(Workflow.CaseActivityNames.ApplyPolicy, "apply-policy", s => s.Application is not null,
            (steps, s, c) => new(steps.ApplyPolicy(s, c.Workspace, c.Now))),
        new(Workflow.CaseActivityNames.ResolveOrEscalate, "resolve-or-escalate", s => s.Outcome is not null,
            (steps, s, c) => steps.ResolveOrEscalateAsync(s, c.Ticket, c.Workspace, c.Now, c.CancellationToken)),
        new(Workflow.CaseActivityNames.Document, "document", s => s.Decision is not null,
            (steps, s, c) => new(steps.Document(s, c.Ticket, c.Workspace, c.Now))),
    ];

    private readonly ReceiveStage _receive = new();
    private readonly CaseFactsExtractor _facts = new();
    private readonly GatherContextStage _gather = new();
    private readonly ApplyPolicyStage _apply = new();
    private readonly ResolveOrEscalateStage _resolve = new(writer);
    private readonly DocumentStage _document = new();

    /// <summary>receive: the tier-1 handoff and how clear it is.</summary>
    public EscalationCaseState Receive(EscalationCaseState state, CaseSubmission ticket, DateTimeOffset now) =>
        state with { Received = _receive.Receive(ticket, now) };

    /// <summary>gather-context: customer, history, signals, facts, policies, precedents and playbook in one place.</summary>
    public ValueTask<EscalationCaseState> GatherContextAsync(EscalationCaseState state, CaseSubmission ticket, Workspace workspace, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var received = state.Need(state.Received, "handoff", "gather-context");
        var customer = CaseCustomer.Resolve(ticket.Customer, workspace)
            ?? throw new CaseInputException($"customer '{ticket.Customer.Id}' is not in the workspace and the inline profile has no name or tier");
        var signals = detect(ticket, customer, workspace, now);
        return reader is null
            ? new(Gathered(state, received, customer, signals, ticket, workspace, now))
            : ReadAsync(state, received, customer, signals, ticket, workspace, now, cancellationToken);
    }

    private async ValueTask<EscalationCaseState> ReadAsync(EscalationCaseState state, ReceivedHandoff received, CustomerEntity customer, CaseSignals embedded,
        CaseSubmission ticket, Workspace workspace, DateTimeOffset now, CancellationToken cancellationToken) =>
        Gathered(state, received, customer, await reader!.AddToAsync(embedded, ticket, cancellationToken).ConfigureAwait(false), ticket, workspace, now);

    private EscalationCaseState Gathered(EscalationCaseState state, ReceivedHandoff received, CustomerEntity customer, CaseSignals signals,
        CaseSubmission ticket, Workspace workspace, DateTimeOffset now)
    {
        var facts = _facts.Extract(ticket, workspace, now, signals.Language.Code);
        var context = _gather.Gather(ticket, received, customer, signals, facts, workspace, now);
        return state with { Customer = customer, Signals = signals, Facts = facts, Context = context };
    }

    /// <summary>apply-policy: the rules against the facts, conflicts, and what is negotiable.</summary>
    public EscalationCaseState ApplyPolicy(EscalationCaseState state, Workspace workspace, DateTimeOffset now) =>
        state with { Application = _apply.Apply(state.Need(state.Context, "context", "apply-policy"), workspace, now) };

    /// <summary>resolve-or-escalate: resolve in place, return to tier 1 with guidance, or escalate to a senior human.</summary>
    public async ValueTask<EscalationCaseState> ResolveOrEscalateAsync(EscalationCaseState state, CaseSubmission ticket, Workspace workspace, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        state with
        {
            Outcome = await _resolve.DecideAsync(
                new CaseSubmissionRef(ticket.TicketId, ticket.Subject),
                state.Need(state.Received, "handoff", "resolve-or-escalate"),
                state.Need(state.Context, "context", "resolve-or-escalate"),
                state.Need(state.Application, "policy application", "resolve-or-escalate"),
                workspace,
                now,
                cancellationToken).ConfigureAwait(false),
        };

    /// <summary>document: the annotated handoff or resolution note, and the decision summary.</summary>
    public EscalationCaseState Document(EscalationCaseState state, CaseSubmission ticket, Workspace workspace, DateTimeOffset now)
    {
        var received = state.Need(state.Received, "handoff", "document");
        var context = state.Need(state.Context, "context", "document");
        var application = state.Need(state.Application, "policy application", "document");
        var outcome = state.Need(state.Outcome, "outcome", "document");
        var signals = state.Need(state.Signals, "signals", "document");
        var facts = state.Need(state.Facts, "facts", "document");
        var note = _document.Document(received, context, application, outcome);
        var trace = new List<TraceEntry>();
        trace.AddRange(received.Trace);
        trace.AddRange(signals.Trace);
        trace.AddRange(facts.Trace);
        trace.AddRange(context.Trace);
        trace.AddRange(application.Trace);
        trace.AddRange(outcome.Trace);
        trace.AddRange(note.Trace);
        // What a senior is asked to approve stays a proposal; an ambiguous handoff proposes nothing (the facts are unsure).
        var actions = received.Ambiguous ? [] : Escalation.Core.Actions.ActionPlanner.Plan(new Escalation.Core.Actions.ActionInputs
        {
            Customer = context.Customer, Signals = signals, Facts = facts, Retrieval = context.Retrieval, Application = application,
            Subject = ticket.Subject, CustomerText = Escalation.Core.Actions.ActionPlanner.CustomerText(ticket),
            Today = DateOnly.FromDateTime(now.UtcDateTime),
        }, workspace);
        trace.AddRange(Escalation.Core.Actions.ActionTrace.Proposed(actions));
        var decision = new CaseDecision
        {
            TicketId = ticket.TicketId,
            Kind = CaseKindNames.Escalation,
            Priority = signals.Priority,
            Language = signals.Language.Code,
            LanguageLabel = signals.Language.Label,
            Route = outcome.Route,
            Reasons = outcome.Reasons,
            Draft = outcome.Draft?.Text ?? "",
            Actions = actions,
            Acknowledgement = outcome.Route == Routes.ResolveInPlace ? null : outcome.Draft?.Acknowledgement,
            InternalNote = note.Text,
            ExceptionRationale = application.ExceptionRationale,
            ReviewerQueue = outcome.ReviewerQueue,
            SlaDeadline = outcome.SlaDeadline,
            ToneScore = outcome.ToneCheck?.Score,
            Asks = context.Facts.Asks,
            Citations = context.Retrieval.Citations,
            PrecedentIds = context.Retrieval.Precedents.Select(p => p.Id).ToArray(),
            PlaybookId = context.Retrieval.Playbook?.Id,
            WorkspaceVersion = workspace.Version,
            Trace = trace,
        };
        return state with { Note = note, Decision = decision };
    }
}

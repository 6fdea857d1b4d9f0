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
    private readonly ReceiveStage _receive = new();
    private readonly CaseFactsExtractor _facts = new();
    private readonly GatherContextStage _gather = new();
    private readonly ApplyPolicyStage _apply = new();
    private readonly ResolveOrEscalateStage _resolve = new(writer);
    private readonly DocumentStage _document = new();

    /// <summary>Decide one escalation as of <paramref name="now"/>.</summary>
    public EscalationCaseResult Run(CaseSubmission ticket, Workspace workspace, DateTimeOffset now)
    {
        var customer = CaseCustomer.Resolve(ticket.Customer, workspace)
            ?? throw new CaseInputException($"customer '{ticket.Customer.Id}' is not in the workspace and the inline profile has no name or tier");
        var received = _receive.Receive(ticket, now);
        CaseSignals signals = detect(ticket, customer, workspace, now);
        var facts = _facts.Extract(ticket, workspace, now);
        var context = _gather.Gather(ticket, received, customer, signals, facts, workspace, now);
        var application = _apply.Apply(context, workspace, now);
        var outcome = _resolve.Decide(new CaseSubmissionRef(ticket.TicketId, ticket.Subject), received, context, application, workspace, now);
        var note = _document.Document(received, context, application, outcome);
        var trace = new List<TraceEntry>();
        trace.AddRange(received.Trace);
        trace.AddRange(signals.Trace);
        trace.AddRange(facts.Trace);
        trace.AddRange(context.Trace);
        trace.AddRange(application.Trace);
        trace.AddRange(outcome.Trace);
        trace.AddRange(note.Trace);
        var decision = new CaseDecision
        {
            TicketId = ticket.TicketId,
            Kind = CaseKindNames.Escalation,
            Priority = signals.Priority,
            Route = outcome.Route,
            Reasons = outcome.Reasons,
            Draft = outcome.Draft?.Text ?? "",
            InternalNote = note.Text,
            ExceptionRationale = application.ExceptionRationale,
            ReviewerQueue = outcome.ReviewerQueue,
            SlaDeadline = outcome.SlaDeadline,
            ToneScore = outcome.ToneCheck?.Score,
            Citations = context.Retrieval.Citations,
            PrecedentIds = context.Retrieval.Precedents.Select(p => p.Id).ToArray(),
            PlaybookId = context.Retrieval.Playbook?.Id,
            WorkspaceVersion = workspace.Version,
            Trace = trace,
        };
        return new EscalationCaseResult { Received = received, Context = context, Application = application, Outcome = outcome, Note = note, Decision = decision };
    }
}

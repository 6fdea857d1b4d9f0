using Escalation.Core.Knowledge;
using Escalation.Core.Signals;
using Escalation.Core.Tickets;

namespace Escalation.Core.Decisions;

/// <summary>The <c>detect</c> stage as the pipelines call it: a ticket and its resolved customer to <see cref="CaseSignals"/>.</summary>
public delegate CaseSignals CaseDetector(CaseSubmission ticket, CustomerEntity customer, Workspace workspace, DateTimeOffset now);

/// <summary>Ways to make a <see cref="CaseDetector"/>.</summary>
public static class CaseDetectors
{
    /// <summary>The embedded lexicon reading: no model, no I/O. Triage, the simulator and the bench decide with it.</summary>
    public static CaseDetector Embedded { get; } = From(new DetectStage());

    /// <summary>The detect stage as of the day of <c>now</c> (renewal proximity, repeat-complaint window).</summary>
    public static CaseDetector From(DetectStage stage) => (ticket, customer, workspace, now) =>
        stage.Detect(ticket.Messages, ticket.Subject, customer, workspace.Routing, DateOnly.FromDateTime(now.UtcDateTime), ticket.Handoff);
}

using Escalation.Core.Decisions;
using Escalation.Core.Signals;

namespace Escalation.Cli;

/// <summary>The <c>detect</c> stage the triage command runs.</summary>
public static class TriageDetector
{
    /// <summary>The embedded lexicon analyser behind <see cref="DetectStage"/>.</summary>
    public static CaseDetector Default { get; } = Create(new DetectStage());

    /// <summary>Adapts a <see cref="DetectStage"/> to the pipelines' detector shape.</summary>
    public static CaseDetector Create(DetectStage stage) => (ticket, customer, workspace, now) =>
        stage.Detect(ticket.Messages, ticket.Subject, customer, workspace.Routing, DateOnly.FromDateTime(now.UtcDateTime));
}

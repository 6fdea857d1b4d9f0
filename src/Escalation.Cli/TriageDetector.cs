using Escalation.Core.Decisions;
using Escalation.Core.Signals;

namespace Escalation.Cli;

/// <summary>The detect stage the triage command uses: the embedded lexicon analyser.</summary>
public static class TriageDetector
{
    public static CaseDetector Default { get; } = CaseDetectors.From(new DetectStage());
}

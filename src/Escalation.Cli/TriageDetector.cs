using Escalation.Core.Decisions;

namespace Escalation.Cli;

/// <summary>The <c>detect</c> stage the triage command runs.</summary>
public static class TriageDetector
{
    /// <summary>Placeholder until the detect stage (branch <c>detect</c>) is merged: every ticket reports that detection is unavailable.</summary>
    public static CaseDetector Default { get; } = (_, _, _, _) =>
        throw new NotSupportedException("the detect stage is not available in this build");
}

namespace Escalation.Infrastructure.Workflow;

/// <summary>
/// The orchestrator did something other than what its history recorded (called a different activity, or in a
/// different order): its code is not deterministic. The instance fails, as it would on Durable Functions.
/// </summary>
public sealed class NonDeterministicWorkflowException(string message) : Core.Workflow.WorkflowNonDeterminismException(message);

/// <summary>An activity failed after all its retries; the orchestrator may catch this.</summary>
public sealed class ActivityFailedException(string activity, string message) : Exception($"Activity '{activity}' failed: {message}")
{
    public string Activity { get; } = activity;
}

using Escalation.Core.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Escalation.Functions.Orchestration;

/// <summary>The case orchestration on Durable Functions: the core <see cref="CaseWorkflow"/> through the context adapter.</summary>
public static class CaseOrchestratorFunction
{
    [Function(CaseWorkflow.Name)]
    public static Task<CaseOutcome> RunOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context) =>
        CaseWorkflow.RunAsync(
            new DurableWorkflowContext(context),
            context.GetInput<CaseWorkflowInput>() ?? throw new InvalidOperationException($"{CaseWorkflow.Name} started without input."));
}

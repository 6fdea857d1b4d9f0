using Escalation.Api.Simulations;
using Escalation.Core.Simulation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Escalation.Functions.Orchestration;

/// <summary>
/// What-if runs on Durable Functions: <see cref="SimulationWorkflow"/> as an orchestration that fans out one activity per
/// batch of cases over the app's workers, each activity one call into <see cref="SimulationSteps"/>.
/// </summary>
public sealed class SimulationFunctions(SimulationSteps steps)
{
    [Function(SimulationWorkflow.Name)]
    public static Task<SimulationStatus> RunOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context) =>
        SimulationWorkflow.RunAsync(
            new DurableWorkflowContext(context),
            context.GetInput<SimulationRunInput>() ?? throw new InvalidOperationException($"{SimulationWorkflow.Name} started without input."));

    [Function(SimulationWorkflow.Plan)]
    public Task<SimulationPlanResult> Plan([ActivityTrigger] SimulationRunInput input) => steps.PlanAsync(input);

    [Function(SimulationWorkflow.Batch)]
    public Task<int> Batch([ActivityTrigger] SimulationBatchInput input) => steps.RunBatchAsync(input);

    [Function(SimulationWorkflow.Complete)]
    public Task<SimulationStatus> Complete([ActivityTrigger] SimulationBatchInput input) => steps.CompleteAsync(input);

    [Function(SimulationWorkflow.Fail)]
    public Task<SimulationStatus> Fail([ActivityTrigger] SimulationFailInput input) => steps.FailAsync(input);
}

/// <summary>Starts a run as an orchestration whose instance id is the simulation id.</summary>
public sealed class DurableSimulationLauncher(DurableTaskClient client) : ISimulationLauncher
{
    public Task StartAsync(string simulationId, CancellationToken cancellationToken = default) =>
        client.ScheduleNewOrchestrationInstanceAsync(
            SimulationWorkflow.Name, new SimulationRunInput(simulationId), new StartOrchestrationOptions { InstanceId = simulationId }, cancellationToken);

    /// <summary>Durable Functions resumes a run after a restart: the stored status is the truth.</summary>
    public bool? IsActive(string simulationId) => null;
}

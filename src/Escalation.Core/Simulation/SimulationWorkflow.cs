using Escalation.Core.Workflow;

namespace Escalation.Core.Simulation;

/// <summary>
/// A what-if run over the stored cases as a workflow: one activity lists the cases (and stores the list), the batches are
/// decided in parallel (a fan-out, one activity per batch, each writing its comparisons), and one activity merges them
/// into the report. On Azure Functions it is a Durable orchestration, so thousands of cases spread over the workers and a
/// restart resumes where it was; the local server runs the same code in-process. Deterministic: no clock, no I/O; the
/// payloads are the simulation id and numbers.
/// </summary>
public static class SimulationWorkflow
{
    public const string Name = "Simulation";
    public const string Plan = "SimulationPlan";
    public const string Batch = "SimulationBatch";
    public const string Complete = "SimulationComplete";
    public const string Fail = "SimulationFail";

    /// <summary>Cases per batch activity: a few seconds of work, a result blob of a few hundred KB at most.</summary>
    public const int DefaultBatchSize = 250;

    public static async Task<SimulationStatus> RunAsync(IWorkflowContext context, SimulationRunInput input)
    {
        try
        {
            var plan = await context.CallActivityAsync<SimulationPlanResult>(Plan, input, ActivityRetry.Default);
            var batches = Enumerable.Range(0, plan.Batches)
                .Select(n => context.CallActivityAsync<int>(Batch, new SimulationBatchInput(input.SimulationId, n, plan.BatchSize), ActivityRetry.Default))
                .ToList();
            await Task.WhenAll(batches);
            return await context.CallActivityAsync<SimulationStatus>(Complete, new SimulationBatchInput(input.SimulationId, plan.Batches, plan.BatchSize), ActivityRetry.Default);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An activity failed after its retries: the run says so instead of staying "running" for ever.
            return await context.CallActivityAsync<SimulationStatus>(Fail, new SimulationFailInput(input.SimulationId, ex.Message));
        }
    }
}

/// <summary>Starts a run: the simulation's id (its request and candidate workspace are stored under it).</summary>
public sealed record SimulationRunInput(string SimulationId);

/// <summary>What the plan activity found: how many cases, in how many batches of what size.</summary>
public sealed record SimulationPlanResult(int Cases, int Batches, int BatchSize);

/// <summary>One batch of a run (for the completing activity: <see cref="Batch"/> is the number of batches).</summary>
public sealed record SimulationBatchInput(string SimulationId, int Batch, int BatchSize);

/// <summary>A run that could not finish, and why.</summary>
public sealed record SimulationFailInput(string SimulationId, string Error);

/// <summary>Where a run stands: <c>running</c>, <c>completed</c> or <c>failed</c>; the report once completed.</summary>
public sealed record SimulationStatus
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";

    public required string Id { get; init; }
    public required string Status { get; init; }
    public DateTimeOffset Requested { get; init; }

    /// <summary>Cases to decide again (known once the plan ran).</summary>
    public int? Cases { get; init; }

    public int? Batches { get; init; }
    public int BatchesDone { get; init; }
    public string? Error { get; init; }
    public SimulationReport? Report { get; init; }
}

using System.Collections.Concurrent;
using Escalation.Core.Simulation;
using Escalation.Core.Workflow;
using Microsoft.Extensions.Logging;

namespace Escalation.Api.Simulations;

/// <summary>
/// The local server's runs: <see cref="SimulationWorkflow"/> in the background, its activities called directly, as many
/// batches at once as there are cores. Not durable: a run cut by a restart reads as failed and is posted again (it only
/// reads and writes its own results).
/// </summary>
public sealed class InProcessSimulationLauncher(SimulationSteps steps, TimeProvider time, ILogger<InProcessSimulationLauncher>? log = null) : ISimulationLauncher
{
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);

    public Task StartAsync(string simulationId, CancellationToken cancellationToken = default)
    {
        _running[simulationId] = Task.Run(async () =>
        {
            try
            {
                await SimulationWorkflow.RunAsync(new DirectContext(simulationId, steps, time), new SimulationRunInput(simulationId)).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                log?.LogError(ex, "Simulation {SimulationId} could not record its failure", simulationId);
            }
            finally
            {
                _running.TryRemove(simulationId, out _);
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public bool? IsActive(string simulationId) => _running.ContainsKey(simulationId);

    /// <summary>The workflow port with activities as direct calls: no history, no replay, no events.</summary>
    private sealed class DirectContext(string id, SimulationSteps steps, TimeProvider time) : IWorkflowContext
    {
        private readonly SemaphoreSlim _slots = new(Math.Max(1, Environment.ProcessorCount));

        public string InstanceId => id;

        public DateTime CurrentUtcDateTime => time.GetUtcNow().UtcDateTime;

        public string Version => "";

        public bool IsReplaying => false;

        public async Task<TResult> CallActivityAsync<TResult>(string name, object? input, ActivityRetry? retry = null)
        {
            await _slots.WaitAsync().ConfigureAwait(false);
            try
            {
                object result = (name, input) switch
                {
                    (SimulationWorkflow.Plan, SimulationRunInput run) => await steps.PlanAsync(run).ConfigureAwait(false),
                    (SimulationWorkflow.Batch, SimulationBatchInput batch) => await steps.RunBatchAsync(batch).ConfigureAwait(false),
                    (SimulationWorkflow.Complete, SimulationBatchInput all) => await steps.CompleteAsync(all).ConfigureAwait(false),
                    (SimulationWorkflow.Fail, SimulationFailInput failed) => await steps.FailAsync(failed).ConfigureAwait(false),
                    _ => throw new NotSupportedException($"No simulation activity {name} for {input?.GetType().Name}."),
                };
                return (TResult)result;
            }
            finally
            {
                _slots.Release();
            }
        }

        public Task<ExternalEventResult<T>> WaitForExternalEventAsync<T>(string eventName, DateTime deadlineUtc) =>
            throw new NotSupportedException("A simulation waits for no event.");

        public Guid NewGuid() => throw new NotSupportedException("A simulation needs no id.");

        public void SetCustomStatus(object? status)
        {
        }

        public ILogger CreateReplaySafeLogger(string categoryName) => Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    }
}

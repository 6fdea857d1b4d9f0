using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Escalation.Core.Workflow;
using Escalation.Functions.Orchestration;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;

namespace Escalation.Functions.Tests.Orchestration;

/// <summary>
/// The real DurableTask engine (InProcessTestHost: the in-memory backend behind the gRPC sidecar) running the
/// project's own <see cref="CaseOrchestratorFunction"/>, <see cref="DurableWorkflowContext"/> and
/// <see cref="CaseActivityFunctions"/>. Only what the activities call is scripted (<see cref="ScriptedActivities"/>).
/// </summary>
internal sealed class DurableEngine : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private readonly DurableTaskTestHost _host;

    private DurableEngine(DurableTaskTestHost host, ScriptedActivities activities)
    {
        _host = host;
        Activities = activities;
    }

    public ScriptedActivities Activities { get; }

    public DurableTaskClient Client => _host.Client;

    /// <summary>
    /// Starts the engine with the case orchestration and every activity function. <paramref name="orchestrator"/>
    /// replaces the orchestrator body when a test deploys another version; by default it is the project's.
    /// </summary>
    public static async Task<DurableEngine> StartAsync(ScriptedActivities activities, Func<TaskOrchestrationContext, Task<CaseOutcome>>? orchestrator = null)
    {
        var functions = new CaseActivityFunctions(activities);
        return new DurableEngine(await StartHostAsync(tasks =>
        {
            tasks.AddOrchestratorFunc<CaseWorkflowInput, CaseOutcome>(CaseWorkflow.Name, (ctx, _) => (orchestrator ?? CaseOrchestratorFunction.RunOrchestrator)(ctx));
            foreach (var (name, method) in ActivityFunctions())
            {
                var inputType = method.GetParameters()[0].ParameterType;
                tasks.AddActivityFunc<JsonElement, object?>(name, async (_, input) =>
                {
                    var task = (Task)method.Invoke(functions, [input.Deserialize(inputType, Web)])!;
                    await task;
                    return task.GetType().GetProperty(nameof(Task<int>.Result))!.GetValue(task);
                });
            }
        }), activities);
    }

    /// <summary>
    /// Starts the real engine with <paramref name="registry"/>'s orchestrators and activities. The test host picks a random
    /// port between 30000 and 40000 without asking whether it is free, and another test host of this or another test
    /// process may hold it: try again on a fresh port.
    /// </summary>
    public static async Task<DurableTaskTestHost> StartHostAsync(Action<DurableTaskRegistry> registry)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await DurableTaskTestHost.StartAsync(registry);
            }
            catch (IOException ex) when (attempt < 8 && ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
            }
        }
    }

    /// <summary>Every <c>[Function]</c> of <see cref="CaseActivityFunctions"/>, by the name the orchestrator calls.</summary>
    public static IEnumerable<(string Name, MethodInfo Method)> ActivityFunctions() =>
        typeof(CaseActivityFunctions).GetMethods()
            .Select(m => (Attribute: m.GetCustomAttribute<FunctionAttribute>(), Method: m))
            .Where(x => x.Attribute is not null)
            .Select(x => (x.Attribute!.Name, x.Method));

    public async Task<OrchestrationMetadata> WaitForCompletionAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
    }

    /// <summary>Waits until the instance's custom status says it is at <paramref name="stage"/>.</summary>
    public async Task WaitForStageAsync(string instanceId, string stage)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            var metadata = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            if (metadata?.ReadCustomStatusAs<CaseProgress>()?.Stage == stage)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{instanceId} did not reach {stage}.");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}

/// <summary>
/// What the activity functions call, scripted: each stage returns a summary (the route stage decides), each side
/// effect records its call. A stage may be held on a gate or made to fail.
/// </summary>
internal sealed class ScriptedActivities(StageSummary decision) : ICaseActivities
{
    public ConcurrentQueue<string> Calls { get; } = new();

    public ConcurrentQueue<object> Inputs { get; } = new();

    /// <summary>A stage that waits for this gate before it returns.</summary>
    public (string Stage, TaskCompletionSource Gate)? Hold { get; init; }

    /// <summary>A stage that always throws.</summary>
    public string? Failing { get; init; }

    public async Task<StageSummary> RunStageAsync(string stage, StageInput input, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue(stage);
        if (Hold is { } hold && hold.Stage == stage)
        {
            await hold.Gate.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        }

        if (stage == Failing)
        {
            throw new InvalidOperationException($"{stage} is broken in this test.");
        }

        return stage is CaseActivityNames.Route or CaseActivityNames.ResolveOrEscalate
            ? decision
            : new StageSummary { Stage = CaseActivityNames.StageName(stage) };
    }

    public Task<string> WriteTraceAsync(WriteTraceInput input, CancellationToken cancellationToken = default) =>
        Record(CaseActivityNames.WriteTrace, input, $"tr-{input.Record}");

    public Task<bool> NotifyReviewersAsync(NotifyReviewersInput input, CancellationToken cancellationToken = default) =>
        Record(CaseActivityNames.NotifyReviewers, input, true);

    public Task<DeliveryResult> DeliverReplyAsync(DeliverReplyInput input, CancellationToken cancellationToken = default) =>
        Record(CaseActivityNames.DeliverReply, input, new DeliveryResult(true, "posted"));

    public Task<bool> RecordOutcomeAsync(RecordOutcomeInput input, CancellationToken cancellationToken = default) =>
        Record(CaseActivityNames.RecordOutcome, input, true);

    public Task<bool> MarkNeedsAttentionAsync(NeedsAttentionInput input, CancellationToken cancellationToken = default) =>
        Record(CaseActivityNames.MarkNeedsAttention, input, true);

    private Task<T> Record<T>(string name, object input, T result)
    {
        Calls.Enqueue(name);
        Inputs.Enqueue(input);
        return Task.FromResult(result);
    }
}

using Escalation.Core.Storage;
using Escalation.Core.Tickets;
using Escalation.Core.Workflow;
using Escalation.Infrastructure.Storage;
using Escalation.Infrastructure.Workflow;

namespace Escalation.Cli;

/// <summary>
/// The embedded engine running the real <see cref="CaseWorkflow"/> over <see cref="BenchActivities"/>, with the
/// history in a <see cref="FileHistoryLog"/> (or in memory) and file stores in a data directory.
/// </summary>
public sealed class BenchEngine : IAsyncDisposable
{
    private readonly IAsyncDisposable? _log;

    private BenchEngine(EmbeddedWorkflowEngine engine, BenchActivities activities, IAsyncDisposable? log)
    {
        Engine = engine;
        Activities = activities;
        _log = log;
    }

    public EmbeddedWorkflowEngine Engine { get; }

    public BenchActivities Activities { get; }

    /// <summary>Starts an engine. <paramref name="durable"/> false keeps the history in memory (engine cost without fsync).</summary>
    public static async Task<BenchEngine> StartAsync(BenchSamples samples, string dataDirectory, bool durable,
        Func<ICaseIndex, ICaseIndex>? wrapIndex = null, Func<ITraceStore, ITraceStore>? wrapTraces = null,
        Func<IStageArtifactStore, IStageArtifactStore>? wrapArtifacts = null, Func<IWorkflowHistoryStore, IWorkflowHistoryStore>? wrapHistory = null)
    {
        Directory.CreateDirectory(dataDirectory);
        ICaseIndex index = new FileCaseIndex(dataDirectory);
        ITraceStore traces = new FileTraceStore(dataDirectory);
        IStageArtifactStore artifacts = new FileStageArtifactStore(dataDirectory);
        var activities = new BenchActivities(samples.Workspace, wrapIndex?.Invoke(index) ?? index, wrapTraces?.Invoke(traces) ?? traces, wrapArtifacts?.Invoke(artifacts) ?? artifacts);
        FileHistoryLog? log = durable ? new FileHistoryLog(Path.Combine(dataDirectory, "workflow")) : null;
        IWorkflowHistoryStore history = log is null ? new InMemoryHistory() : log;
        var engine = new EmbeddedWorkflowEngine(wrapHistory?.Invoke(history) ?? history, new WorkflowRegistry().AddCaseWorkflow(activities), TimeProvider.System);
        await engine.StartAsync();
        return new BenchEngine(engine, activities, log);
    }

    /// <summary>Submits a ticket and waits until the case is decided (finished or waiting for a reviewer).</summary>
    public async Task<WorkflowInstanceState> RunCaseAsync(CaseSubmission ticket, TimeSpan timeout)
    {
        var input = await Activities.SubmitAsync(ticket, BenchSamples.EvaluationInstant);
        await Engine.StartNewAsync(CaseWorkflow.Name, input.CaseId, input);
        var state = await Engine.WaitForIdleAsync(input.CaseId, timeout);
        return state is { Status: WorkflowRuntimeStatus.Completed or WorkflowRuntimeStatus.Waiting }
            ? state
            : throw new InvalidOperationException($"case {input.CaseId} did not reach a decision: {state?.Status} {state?.Error}");
    }

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        if (_log is not null)
        {
            await _log.DisposeAsync();
        }
    }

    /// <summary>A history store that keeps nothing on disk.</summary>
    private sealed class InMemoryHistory : IWorkflowHistoryStore
    {
        public Task AppendAsync(string instanceId, IReadOnlyList<HistoryEvent> events, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<IReadOnlyDictionary<string, IReadOnlyList<HistoryEvent>>> LoadAllAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<HistoryEvent>>>(new Dictionary<string, IReadOnlyList<HistoryEvent>>());
    }
}

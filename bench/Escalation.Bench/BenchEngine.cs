using Escalation.Api.Cases;
using Escalation.Api.Links;
using Escalation.Core.Decisions;
using Escalation.Core.Cases;
using Escalation.Core.Escalations;
using Escalation.Core.Sensitive;
using Escalation.Core.Storage;
using Escalation.Core.Tickets;
using Escalation.Core.Workflow;
using Escalation.Infrastructure.Storage;
using Escalation.Infrastructure.Workflow;

namespace Escalation.Bench;

/// <summary>
/// The embedded engine running the real <see cref="CaseWorkflow"/> over the host's real <see cref="CaseActivities"/>
/// (or the lighter <see cref="BenchActivities"/>), with the history in a <see cref="FileHistoryLog"/> (or in memory) and
/// file stores in a data directory. Emails and help-desk callbacks are counted, not sent.
/// </summary>
public sealed class BenchEngine : IAsyncDisposable
{
    private readonly IAsyncDisposable? _log;

    private readonly LocalCaseStore _store;

    private readonly Func<CaseSubmission, Task<CaseWorkflowInput>> _submit;

    private BenchEngine(EmbeddedWorkflowEngine engine, ICaseActivities activities, BenchNotifications notifications, Func<CaseSubmission, Task<CaseWorkflowInput>> submit, IAsyncDisposable? log, LocalCaseStore store)
    {
        _store = store;
        Engine = engine;
        Activities = activities;
        Notifications = notifications;
        _submit = submit;
        _log = log;
    }

    public EmbeddedWorkflowEngine Engine { get; }

    public ICaseActivities Activities { get; }

    public BenchNotifications Notifications { get; }

    /// <summary>True to run the host's <see cref="CaseActivities"/>; false for <see cref="BenchActivities"/>.</summary>
    public static bool UseRealActivities { get; set; } = true;

    /// <summary>Stores the submission and the first index record, as the HTTP handler does before starting the workflow.</summary>
    public Task<CaseWorkflowInput> SubmitAsync(CaseSubmission ticket) => _submit(ticket);

    /// <summary>
    /// Starts an engine. <paramref name="durable"/> false keeps the history in memory (engine cost without fsync).
    /// <paramref name="cacheArtifacts"/> keeps a case's artifacts in memory between activities, as the local host does;
    /// false reads and writes them at every activity, as the Functions app does.
    /// </summary>
    public static async Task<BenchEngine> StartAsync(BenchSamples samples, string dataDirectory, bool durable,
        Func<ICaseIndex, ICaseIndex>? wrapIndex = null, Func<ITraceStore, ITraceStore>? wrapTraces = null,
        Func<IStageArtifactStore, IStageArtifactStore>? wrapArtifacts = null, Func<IWorkflowHistoryStore, IWorkflowHistoryStore>? wrapHistory = null,
        bool cacheArtifacts = true)
    {
        Directory.CreateDirectory(dataDirectory);
        // The case index, artifacts and traces as the local host stores them: the data directory's record log.
        var store = LocalCaseStore.Open(dataDirectory);
        ICaseIndex index = store.Index;
        ITraceStore traces = store.Traces;
        IStageArtifactStore artifacts = store.Artifacts;
        index = wrapIndex?.Invoke(index) ?? index;
        traces = wrapTraces?.Invoke(traces) ?? traces;
        artifacts = wrapArtifacts?.Invoke(artifacts) ?? artifacts;
        var notifications = new BenchNotifications();
        ICaseActivities activities;
        Func<CaseSubmission, Task<CaseWorkflowInput>> submit;
        if (UseRealActivities)
        {
            var typed = new CaseArtifacts(artifacts, cacheArtifacts ? new CaseArtifactCache() : null);
            var writer = new ComposerDraftWriter();
            activities = new CaseActivities(() => samples.Workspace, new SensitiveCaseSteps(CaseDetectors.Embedded, writer), new EscalationCaseSteps(CaseDetectors.Embedded, writer),
                typed, index, traces, notifications, notifications, new ReviewLinkSigner(new byte[32]), new CaseServiceOptions(), TimeProvider.System);
            submit = ticket => SubmitLikeTheHostAsync(ticket, typed, index);
        }
        else
        {
            var bench = new BenchActivities(samples.Workspace, index, traces, artifacts);
            activities = bench;
            submit = ticket => bench.SubmitAsync(ticket, BenchSamples.EvaluationInstant);
        }

        FileHistoryLog? log = durable ? new FileHistoryLog(Path.Combine(dataDirectory, "workflow")) : null;
        IWorkflowHistoryStore history = log is null ? new InMemoryHistory() : log;
        var engine = new EmbeddedWorkflowEngine(wrapHistory?.Invoke(history) ?? history, new WorkflowRegistry().AddCaseWorkflow(activities), TimeProvider.System);
        await engine.StartAsync();
        return new BenchEngine(engine, activities, notifications, submit, log, store);
    }

    private static async Task<CaseWorkflowInput> SubmitLikeTheHostAsync(CaseSubmission ticket, CaseArtifacts artifacts, ICaseIndex index) =>
        (await new CaseIntake(artifacts, index).StoreAsync(ticket, BenchSamples.EvaluationInstant)).Input;

    /// <summary>Submits a ticket and waits until the case is decided (finished or waiting for a reviewer).</summary>
    public async Task<WorkflowInstanceState> RunCaseAsync(CaseSubmission ticket, TimeSpan timeout)
    {
        var input = await SubmitAsync(ticket);
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

        await _store.DisposeAsync();
    }

    /// <summary>A history store that keeps nothing on disk.</summary>
    private sealed class InMemoryHistory : IWorkflowHistoryStore
    {
        public Task AppendAsync(string instanceId, IReadOnlyList<HistoryEvent> events, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<IReadOnlyDictionary<string, IReadOnlyList<HistoryEvent>>> LoadAllAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<HistoryEvent>>>(new Dictionary<string, IReadOnlyList<HistoryEvent>>());
    }
}

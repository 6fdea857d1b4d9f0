using System.Collections.Concurrent;
using System.Threading.Channels;
using Escalation.Core.Workflow;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Escalation.Infrastructure.Workflow;

/// <summary>
/// The local host's and the tests' Durable Functions: replay-based orchestrations with persisted histories,
/// activities run at least once, external events raced against durable timers, and a bounded worker pool.
/// One instance never runs on two threads at once; events raised while it runs are queued, not lost.
/// </summary>
public sealed class EmbeddedWorkflowEngine : IAsyncDisposable
{
    private readonly IWorkflowHistoryStore _store;
    private readonly WorkflowRegistry _registry;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _log;
    private readonly ConcurrentDictionary<string, Instance> _instances = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Instance> _completed = new(); // oldest first: the ones forgotten when there are too many
    private readonly Channel<Instance> _ready = Channel.CreateUnbounded<Instance>();
    private readonly CancellationTokenSource _draining = new(); // stopping: no new activity starts, running ones finish
    private readonly CancellationTokenSource _stopping = new(); // the grace period is over: running activities are cancelled
    private readonly List<Task> _workers = [];
    private readonly int _workerCount;
    private Task _compaction = Task.CompletedTask;

    /// <summary>
    /// How many completed instances the engine remembers (the most recent ones): their status and output answer
    /// <see cref="GetInstance"/> and their ids stay taken. Older ones are forgotten, so memory does not grow with every case
    /// ever decided; what a case decided is in the case index and its traces, which is what keeps it from running twice.
    /// Waiting, running and failed instances are always kept.
    /// </summary>
    public int CompletedKept { get; init; } = 1024;

    /// <summary>Whether start-up compacts the finished instances' histories in the background (on by default).</summary>
    public bool CompactOnStart { get; init; } = true;

    /// <summary>The background compaction start-up began; it completes with the number of events it dropped.</summary>
    public Task<int> Compaction { get; private set; } = Task.FromResult(0);

    public EmbeddedWorkflowEngine(IWorkflowHistoryStore store, WorkflowRegistry registry, TimeProvider time, ILoggerFactory? loggers = null, int workers = 0)
    {
        _store = store;
        _registry = registry;
        _time = time;
        _loggers = loggers ?? NullLoggerFactory.Instance;
        _log = _loggers.CreateLogger<EmbeddedWorkflowEngine>();
        _workerCount = workers > 0 ? workers : 256; // activities are I/O-bound (storage, email, callbacks): a wide but bounded pool
    }

    internal DateTime UtcNow => _time.GetUtcNow().UtcDateTime;

    /// <summary>How long a stop lets running activities finish (and record their results) before cancelling them.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>True once the engine is stopping: a run that reaches a new activity ends there, recording nothing.</summary>
    internal bool IsDraining => _draining.IsCancellationRequested;

    /// <summary>
    /// Loads the persisted histories, resumes unfinished instances and re-arms their timers; then, in the background, has
    /// the store drop the completed instances' events and the failed ones' events nothing replays
    /// (<see cref="IWorkflowHistoryStore.CompactAsync"/>), so the next start reads only what is still open.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var all = await _store.LoadAllAsync(cancellationToken).ConfigureAwait(false);
        var finished = new HashSet<string>(StringComparer.Ordinal);
        var purged = new HashSet<string>(StringComparer.Ordinal);
        var completed = new List<Instance>();
        foreach (var (id, history) in all)
        {
            // A run starts at its last start: an id started again after its earlier run was forgotten replaces that run.
            var start = LastStart(history);
            if (start < 0)
            {
                purged.Add(id); // events left behind by an instance whose start was already dropped
                continue;
            }

            var instance = new Instance(id, history[start].Name!, start == 0 ? history : history.Skip(start).ToList());
            _instances[id] = instance;
            if (!instance.IsFinished)
            {
                Schedule(instance);
            }
            else if (instance.Failed)
            {
                finished.Add(id);
            }
            else
            {
                completed.Add(instance);
                purged.Add(id);
            }
        }

        foreach (var instance in completed.OrderBy(i => i.LastUpdatedAt))
        {
            Forget(instance);
        }

        for (var i = 0; i < _workerCount; i++)
        {
            _workers.Add(Task.Run(WorkAsync));
        }

        if (CompactOnStart)
        {
            Compaction = Task.Run(() => CompactAsync(finished, purged));
            _compaction = Compaction;
        }
    }

    private static int LastStart(IReadOnlyList<HistoryEvent> history)
    {
        for (var i = history.Count - 1; i >= 0; i--)
        {
            if (history[i].Kind == HistoryEventKind.ExecutionStarted)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Queues a completed instance to be forgotten once <see cref="CompletedKept"/> more recent ones have completed (at
    /// most once per instance).
    /// </summary>
    private void Forget(Instance instance)
    {
        lock (instance.Gate)
        {
            if (instance.Forgotten || !instance.IsFinished || instance.Failed)
            {
                return;
            }

            instance.Forgotten = true;
        }

        _completed.Enqueue(instance);
        while (_completed.Count > CompletedKept && _completed.TryDequeue(out var oldest))
        {
            _instances.TryRemove(new KeyValuePair<string, Instance>(oldest.Id, oldest)); // not a later run under the same id
        }
    }

    private async Task<int> CompactAsync(IReadOnlySet<string> finished, IReadOnlySet<string> purged)
    {
        try
        {
            return await _store.CompactAsync(finished, purged, _draining.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_draining.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The histories are as they were: the next start tries again.
            _log.LogWarning(ex, "Compacting the workflow history failed; it is left as it was");
            return 0;
        }
    }

    /// <summary>
    /// Starts an orchestration; returns false (and starts nothing) when an instance with that id is running, waiting,
    /// failed or one of the <see cref="CompletedKept"/> most recently completed.
    /// </summary>
    public async Task<bool> StartNewAsync(string orchestrator, string instanceId, object? input)
    {
        if (!_registry.HasOrchestrator(orchestrator))
        {
            throw new InvalidOperationException($"No orchestrator named '{orchestrator}' is registered.");
        }

        var started = new HistoryEvent
        {
            Kind = HistoryEventKind.ExecutionStarted, Name = orchestrator, Data = WorkflowRegistry.Serialize(input), At = UtcNow,
            Version = _registry.VersionOf(orchestrator),
        };
        var instance = new Instance(instanceId, orchestrator, []);
        lock (instance.Gate)
        {
            if (!_instances.TryAdd(instanceId, instance))
            {
                return false;
            }
        }

        await AppendAsync(instance, [started]).ConfigureAwait(false);
        Schedule(instance);
        return true;
    }

    /// <summary>Delivers an external event; false when the instance is unknown or already finished.</summary>
    public async Task<bool> RaiseEventAsync(string instanceId, string eventName, object? payload)
    {
        if (!_instances.TryGetValue(instanceId, out var instance) || instance.IsFinished)
        {
            return false;
        }

        await AppendAsync(instance, [new HistoryEvent { Kind = HistoryEventKind.EventRaised, Name = eventName, Data = WorkflowRegistry.Serialize(payload), At = UtcNow }]).ConfigureAwait(false);
        Schedule(instance);
        return true;
    }

    public WorkflowInstanceState? GetInstance(string instanceId) =>
        _instances.TryGetValue(instanceId, out var i) ? i.Snapshot() : null;

    /// <summary>Every instance the engine knows: the open and failed ones and the most recently completed.</summary>
    public IEnumerable<WorkflowInstanceState> Instances => _instances.Values.Select(i => i.Snapshot());

    /// <summary>
    /// History events the engine holds in memory: those of unfinished instances only. A finished instance keeps its status,
    /// custom status and output; its events stay in the history store.
    /// </summary>
    public long EventsInMemory => _instances.Values.Sum(i =>
    {
        lock (i.Gate)
        {
            return (long)i.History.Count;
        }
    });

    /// <summary>Waits until the instance has finished or is waiting for an event, or until <paramref name="timeout"/>.</summary>
    public async Task<WorkflowInstanceState?> WaitForIdleAsync(string instanceId, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (!_instances.TryGetValue(instanceId, out var instance))
        {
            return null;
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        while (true)
        {
            Task changed;
            lock (instance.Gate)
            {
                if (instance.IsIdle)
                {
                    return instance.Snapshot();
                }

                changed = instance.Changed.Task;
            }

            try
            {
                await changed.WaitAsync(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return instance.Snapshot();
            }
        }
    }

    /// <summary>
    /// Appends to the instance's history in memory and in the store; waits for the disk unless the events are
    /// <paramref name="recomputable"/> (see <see cref="WorkflowRegistry.AddActivity"/>).
    /// </summary>
    internal async Task AppendAsync(Instance instance, IReadOnlyList<HistoryEvent> events, bool recomputable = false)
    {
        Task persisted;
        lock (instance.Gate)
        {
            // Memory and disk see the events in the same order: both are appended under the instance's lock.
            instance.History.AddRange(events);
            foreach (var e in events)
            {
                instance.Apply(e);
            }

            instance.ReleaseHistoryIfFinished();

            persisted = recomputable ? _store.AppendRecomputableAsync(instance.Id, events) : _store.AppendAsync(instance.Id, events);
        }

        await persisted.ConfigureAwait(false);
    }

    internal bool IsRecomputable(string activity) => _registry.IsRecomputable(activity);

    internal async Task<(bool Ok, string? Result)> RunActivityAsync(string name, string? inputJson, ActivityRetry? retry)
    {
        var activity = _registry.Activity(name);
        var attempts = Math.Max(1, retry?.MaxAttempts ?? 1);
        var delay = retry?.FirstRetryInterval ?? TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return (true, await activity(inputJson, _stopping.Token).ConfigureAwait(false));
            }
            catch (Exception ex) when (attempt < attempts && !_stopping.IsCancellationRequested)
            {
                _log.LogWarning(ex, "Activity {Activity} failed (attempt {Attempt} of {Attempts}); retrying in {Delay}", name, attempt, attempts, delay);
                await Task.Delay(delay, _time, _stopping.Token).ConfigureAwait(false);
                delay = TimeSpan.FromTicks((long)(delay.Ticks * (retry?.BackoffCoefficient ?? 1)));
            }
            catch (Exception ex) when (!_stopping.IsCancellationRequested)
            {
                _log.LogError(ex, "Activity {Activity} failed after {Attempts} attempt(s)", name, attempts);
                return (false, $"{ex.GetType().Name}: {ex.Message}");
            }
        }
    }

    private void Schedule(Instance instance)
    {
        lock (instance.Gate)
        {
            if (instance.Queued || instance.Running)
            {
                instance.Dirty = true;
                return;
            }

            instance.Queued = true;
        }

        _ready.Writer.TryWrite(instance);
    }

    private async Task WorkAsync()
    {
        try
        {
            while (await _ready.Reader.WaitToReadAsync(_stopping.Token).ConfigureAwait(false))
            {
                while (_ready.Reader.TryRead(out var instance))
                {
                    if (IsDraining)
                    {
                        continue; // stopping: the next start resumes it from its history
                    }

                    lock (instance.Gate)
                    {
                        instance.Queued = false;
                        instance.Running = true;
                        instance.Dirty = false;
                    }

                    try
                    {
                        await RunOnceAsync(instance).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (!_stopping.IsCancellationRequested)
                    {
                        _log.LogError(ex, "Orchestration {InstanceId} could not be advanced", instance.Id);
                    }

                    var again = false;
                    lock (instance.Gate)
                    {
                        instance.Running = false;
                        if (instance.Dirty && !instance.IsFinished)
                        {
                            // Something arrived while it ran: queue it again before anyone can see it idle.
                            instance.Queued = again = true;
                        }

                        instance.NotifyChanged();
                    }

                    if (again)
                    {
                        _ready.Writer.TryWrite(instance);
                    }
                    else
                    {
                        Forget(instance);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RunOnceAsync(Instance instance)
    {
        List<HistoryEvent> snapshot;
        lock (instance.Gate)
        {
            if (instance.IsFinished)
            {
                return;
            }

            snapshot = [.. instance.History];
            instance.Waiting = null;
        }

        var context = new ReplayContext(this, instance, snapshot, _loggers);
        var run = Task.Run(() => _registry.Orchestrator(instance.Name)(context, snapshot[0].Data));
        await Task.WhenAny(run, context.Suspended).ConfigureAwait(false);

        if (IsDraining && !run.IsCompletedSuccessfully)
        {
            // Stopping (Ctrl+C, SIGTERM) ended the run before a new activity, or cancelled one that outlived the grace
            // period: the run did not fail. Nothing is recorded; the next start replays the history from there.
            return;
        }

        // The run's last status and, when it ended, how it ended: one append, one wait for the disk.
        var events = new List<HistoryEvent>(2);
        if (context.CustomStatusJson != instance.CustomStatusJson)
        {
            events.Add(new HistoryEvent { Kind = HistoryEventKind.CustomStatus, Data = context.CustomStatusJson, At = UtcNow });
        }

        if (run.IsCompleted)
        {
            events.Add(run.IsCompletedSuccessfully
                ? new HistoryEvent { Kind = HistoryEventKind.ExecutionCompleted, Data = run.Result, At = UtcNow }
                : new HistoryEvent { Kind = HistoryEventKind.ExecutionFailed, Data = Describe(run.Exception), At = UtcNow });
            if (!run.IsCompletedSuccessfully)
            {
                _log.LogError(run.Exception?.GetBaseException(), "Orchestration {InstanceId} failed", instance.Id);
            }

            await AppendAsync(instance, events).ConfigureAwait(false);
            DisarmTimer(instance);
            return;
        }

        if (events.Count > 0)
        {
            await AppendAsync(instance, events).ConfigureAwait(false);
        }

        var (eventName, timerSeq, deadline) = context.WaitingOn!.Value;
        lock (instance.Gate)
        {
            instance.Waiting = (eventName, timerSeq, deadline);
        }

        ArmTimer(instance, timerSeq, deadline);
    }

    private static string Describe(AggregateException? ex)
    {
        var inner = ex?.GetBaseException();
        return inner is null ? "failed" : $"{inner.GetType().Name}: {inner.Message}";
    }

    private void ArmTimer(Instance instance, int seq, DateTime deadline)
    {
        lock (instance.Gate)
        {
            if (instance.TimerSeq == seq && instance.Timer is not null)
            {
                return;
            }

            instance.Timer?.Dispose();
            instance.TimerSeq = seq;
            var due = deadline - UtcNow;
            instance.Timer = _time.CreateTimer(_ => _ = FireTimerAsync(instance, seq), null, due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
        }
    }

    private static void DisarmTimer(Instance instance)
    {
        lock (instance.Gate)
        {
            instance.Timer?.Dispose();
            instance.Timer = null;
            instance.TimerSeq = -1;
        }
    }

    private async Task FireTimerAsync(Instance instance, int seq)
    {
        try
        {
            lock (instance.Gate)
            {
                if (instance.IsFinished || instance.History.Any(e => e.Kind == HistoryEventKind.TimerFired && e.Seq == seq))
                {
                    return;
                }
            }

            await AppendAsync(instance, [new HistoryEvent { Kind = HistoryEventKind.TimerFired, Seq = seq, At = UtcNow }]).ConfigureAwait(false);
            Schedule(instance);
        }
        catch (Exception ex)
        {
            _log.LogError(ex, "Timer {Seq} of {InstanceId} could not fire", seq, instance.Id);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Drain: no new activity starts, and those running finish and record their results (a help-desk callback
        // already posted gets its idempotency marker) — then, past the grace period, cancel the stragglers.
        await _draining.CancelAsync().ConfigureAwait(false);
        _ready.Writer.TryComplete();
        await _compaction.ConfigureAwait(false); // stops at the next segment once draining
        try
        {
            await Task.WhenAll(_workers).WaitAsync(DrainTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_workers).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }

        foreach (var i in _instances.Values)
        {
            DisarmTimer(i);
        }
    }

    /// <summary>In-memory state of one orchestration instance.</summary>
    internal sealed class Instance
    {
        public Instance(string id, string name, IReadOnlyList<HistoryEvent> history)
        {
            Id = id;
            Name = name;
            History = [];
            foreach (var e in history)
            {
                History.Add(e);
                Apply(e);
            }

            ReleaseHistoryIfFinished();
        }

        public object Gate { get; } = new();
        public string Id { get; }
        public string Name { get; }
        /// <summary>The events a run replays; emptied once the instance has finished (nothing replays it again).</summary>
        public List<HistoryEvent> History { get; private set; }

        /// <summary>How many events the instance's history holds, also after <see cref="History"/> was released.</summary>
        public int EventCount { get; private set; }

        public bool Queued { get; set; }
        public bool Running { get; set; }
        public bool Dirty { get; set; }
        public ITimer? Timer { get; set; }
        public int TimerSeq { get; set; } = -1;
        public (string EventName, int TimerSeq, DateTime Deadline)? Waiting { get; set; }
        public string? CustomStatusJson { get; private set; }
        public string? OutputJson { get; private set; }
        public string? Error { get; private set; }
        public bool IsFinished { get; private set; }

        /// <summary>Queued to be forgotten (see <see cref="CompletedKept"/>).</summary>
        public bool Forgotten { get; set; }
        public bool Failed { get; private set; }
        public DateTime CreatedAt { get; private set; }
        public DateTime LastUpdatedAt { get; private set; }
        public long Bytes { get; private set; }
        public TaskCompletionSource Changed { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool IsIdle => IsFinished || (!Queued && !Running && Waiting is not null);

        public void Apply(HistoryEvent e)
        {
            LastUpdatedAt = e.At;
            EventCount++;
            Bytes += (e.Data?.Length ?? 0) + (e.Name?.Length ?? 0) + 48;
            switch (e.Kind)
            {
                case HistoryEventKind.ExecutionStarted:
                    CreatedAt = e.At;
                    break;
                case HistoryEventKind.CustomStatus:
                    CustomStatusJson = e.Data;
                    break;
                case HistoryEventKind.ExecutionCompleted:
                    IsFinished = true;
                    OutputJson = e.Data;
                    break;
                case HistoryEventKind.ExecutionFailed:
                    IsFinished = true;
                    Failed = true;
                    Error = e.Data;
                    break;
            }
        }

        /// <summary>
        /// A finished instance keeps only its summary (status, custom status, output): a server that has decided thousands of
        /// cases does not hold every event of every one, which would grow the heap without bound and lengthen every garbage
        /// collection. The events stay in the history store.
        /// </summary>
        public void ReleaseHistoryIfFinished()
        {
            if (IsFinished && History.Count > 0)
            {
                History = [];
            }
        }

        public void NotifyChanged()
        {
            var old = Changed;
            Changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            old.TrySetResult();
        }

        public WorkflowInstanceState Snapshot()
        {
            lock (Gate)
            {
                var status = IsFinished ? (Failed ? WorkflowRuntimeStatus.Failed : WorkflowRuntimeStatus.Completed)
                    : Running ? WorkflowRuntimeStatus.Running
                    : Waiting is not null ? WorkflowRuntimeStatus.Waiting
                    : EventCount <= 1 ? WorkflowRuntimeStatus.Pending
                    : WorkflowRuntimeStatus.Running;
                return new WorkflowInstanceState(Id, Name, status, CustomStatusJson, OutputJson, Error, CreatedAt, LastUpdatedAt,
                    Waiting?.EventName, Waiting?.Deadline, EventCount, Bytes);
            }
        }
    }
}

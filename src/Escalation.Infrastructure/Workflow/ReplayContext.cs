using System.Security.Cryptography;
using System.Text;
using Escalation.Core.Workflow;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Escalation.Infrastructure.Workflow;

/// <summary>
/// Runs one replay of an orchestrator against its history: recorded activity results are returned without
/// running the activity again, new activities run and their results are persisted before the orchestrator
/// moves on, and a wait that history cannot satisfy suspends the run.
/// </summary>
internal sealed class ReplayContext : IWorkflowContext
{
    private readonly EmbeddedWorkflowEngine _engine;
    private readonly EmbeddedWorkflowEngine.Instance _instance;
    private readonly List<HistoryEvent> _history;
    private readonly Dictionary<int, int> _scheduledIndex = new();
    private readonly HashSet<int> _consumed = [];
    private readonly TaskCompletionSource _suspended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ILoggerFactory _loggers;
    private int _seq;
    private int _guidCounter;

    public ReplayContext(EmbeddedWorkflowEngine engine, EmbeddedWorkflowEngine.Instance instance, List<HistoryEvent> history, ILoggerFactory loggers)
    {
        _engine = engine;
        _instance = instance;
        _history = history;
        _loggers = loggers;
        for (var i = 0; i < history.Count; i++)
        {
            if (history[i].Kind is HistoryEventKind.ActivityScheduled or HistoryEventKind.TimerCreated)
            {
                _scheduledIndex[history[i].Seq] = i;
            }
        }

        CurrentUtcDateTime = history[0].At;
        IsReplaying = history.Count > 1;
        CustomStatusJson = instance.CustomStatusJson;
    }

    public string InstanceId => _instance.Id;

    public DateTime CurrentUtcDateTime { get; private set; }

    public string Version => _history[0].Version ?? "";

    public bool IsReplaying { get; private set; }

    /// <summary>Completes when the orchestrator is waiting for something history does not hold yet.</summary>
    public Task Suspended => _suspended.Task;

    /// <summary>The event and timer the run is suspended on.</summary>
    public (string EventName, int TimerSeq, DateTime Deadline)? WaitingOn { get; private set; }

    public string? CustomStatusJson { get; private set; }

    public async Task<TResult> CallActivityAsync<TResult>(string name, object? input, ActivityRetry? retry = null)
    {
        var seq = _seq++;
        if (_scheduledIndex.TryGetValue(seq, out var at))
        {
            var scheduled = _history[at];
            if (scheduled.Kind != HistoryEventKind.ActivityScheduled || scheduled.Name != name)
            {
                throw new NonDeterministicWorkflowException(
                    $"Orchestration '{InstanceId}' is not deterministic: step {seq} called activity '{name}' but its history recorded {Describe(scheduled)}.");
            }

            var outcome = _history.FindIndex(at, e => e.Seq == seq && e.Kind is HistoryEventKind.ActivityCompleted or HistoryEventKind.ActivityFailed);
            if (outcome >= 0)
            {
                var e = _history[outcome];
                Advance(e.At);
                return e.Kind == HistoryEventKind.ActivityFailed
                    ? throw new ActivityFailedException(name, e.Data ?? "failed")
                    : WorkflowRegistry.Deserialize<TResult>(e.Data)!;
            }
        }
        else if (_history.Any(e => e.Seq == seq && e.Kind is HistoryEventKind.ActivityCompleted or HistoryEventKind.ActivityFailed))
        {
            throw new NonDeterministicWorkflowException($"Orchestration '{InstanceId}' is not deterministic: step {seq} has a recorded result but no matching call.");
        }

        // New work: run the activity (with retries), persist the outcome, then let the orchestrator continue.
        if (_engine.IsDraining)
        {
            throw new OperationCanceledException("The engine is stopping; the next start runs this activity.");
        }

        IsReplaying = false;
        var inputJson = WorkflowRegistry.Serialize(input);
        var (ok, result) = await _engine.RunActivityAsync(name, inputJson, retry).ConfigureAwait(false);
        var now = _engine.UtcNow;
        var events = new List<HistoryEvent>
        {
            new() { Kind = HistoryEventKind.ActivityScheduled, Seq = seq, Name = name, At = now },
            new() { Kind = ok ? HistoryEventKind.ActivityCompleted : HistoryEventKind.ActivityFailed, Seq = seq, Name = name, Data = result, At = now },
        };
        await _engine.AppendAsync(_instance, events, recomputable: ok && _engine.IsRecomputable(name)).ConfigureAwait(false);
        _scheduledIndex[seq] = _history.Count;
        _history.AddRange(events);
        Advance(now);
        return ok ? WorkflowRegistry.Deserialize<TResult>(result)! : throw new ActivityFailedException(name, result ?? "failed");
    }

    public async Task<ExternalEventResult<T>> WaitForExternalEventAsync<T>(string eventName, DateTime deadlineUtc)
    {
        var seq = _seq++;
        if (_scheduledIndex.TryGetValue(seq, out var at))
        {
            var created = _history[at];
            if (created.Kind != HistoryEventKind.TimerCreated || created.Name != eventName)
            {
                throw new NonDeterministicWorkflowException(
                    $"Orchestration '{InstanceId}' is not deterministic: step {seq} waited for event '{eventName}' but its history recorded {Describe(created)}.");
            }

            deadlineUtc = created.FireAt ?? deadlineUtc;
        }
        else
        {
            IsReplaying = false;
            var timer = new HistoryEvent { Kind = HistoryEventKind.TimerCreated, Seq = seq, Name = eventName, FireAt = deadlineUtc, At = CurrentUtcDateTime };
            await _engine.AppendAsync(_instance, [timer]).ConfigureAwait(false);
            _scheduledIndex[seq] = _history.Count;
            _history.Add(timer);
        }

        // The first of: an unconsumed event of that name, or this wait's timer firing, in history order.
        for (var i = 0; i < _history.Count; i++)
        {
            var e = _history[i];
            if (e.Kind == HistoryEventKind.EventRaised && e.Name == eventName && _consumed.Add(i))
            {
                Advance(e.At);
                return new ExternalEventResult<T>(false, WorkflowRegistry.Deserialize<T>(e.Data));
            }

            if (e.Kind == HistoryEventKind.TimerFired && e.Seq == seq)
            {
                Advance(e.At);
                return new ExternalEventResult<T>(true, default);
            }
        }

        IsReplaying = false;
        WaitingOn = (eventName, seq, deadlineUtc);
        _suspended.TrySetResult();
        await new TaskCompletionSource().Task.ConfigureAwait(false); // never resumes: the next replay takes over
        throw new InvalidOperationException("unreachable");
    }

    public Guid NewGuid()
    {
        // Name-based (like Durable's): instance id + current orchestration time + a per-replay counter.
        var name = $"{InstanceId}|{CurrentUtcDateTime:O}|{_guidCounter++}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16));
    }

    public void SetCustomStatus(object? status) => CustomStatusJson = WorkflowRegistry.Serialize(status);

    public ILogger CreateReplaySafeLogger(string categoryName) => new ReplaySafeLogger(this, _loggers.CreateLogger(categoryName));

    private void Advance(DateTime at)
    {
        if (at > CurrentUtcDateTime)
        {
            CurrentUtcDateTime = at;
        }
    }

    private static string Describe(HistoryEvent e) =>
        e.Kind == HistoryEventKind.TimerCreated ? $"a wait for event '{e.Name}'" : $"activity '{e.Name}'";

    private sealed class ReplaySafeLogger(ReplayContext context, ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => !context.IsReplaying && inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!context.IsReplaying)
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }

}

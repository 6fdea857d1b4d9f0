using System.Collections.Concurrent;
using Escalation.Core.Workflow;
using Escalation.Infrastructure.Workflow;
using Microsoft.Extensions.Time.Testing;

namespace Escalation.Infrastructure.Tests.Workflow;

public sealed class EmbeddedWorkflowEngineTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "wf-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private readonly ConcurrentDictionary<string, int> _runs = new();
    private readonly List<IAsyncDisposable> _owned = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var d in _owned)
        {
            await d.DisposeAsync();
        }

        Directory.Delete(_dir, recursive: true);
    }

    private sealed record Approval(string Action, string By);

    private WorkflowRegistry Registry(Func<IWorkflowContext, string, Task<string>>? orchestrator = null, string? version = null)
    {
        var registry = new WorkflowRegistry()
            .AddActivity<string, string>("Echo", (input, _) =>
            {
                _runs.AddOrUpdate("Echo:" + input, 1, (_, n) => n + 1);
                return Task.FromResult("echo:" + input);
            })
            .AddActivity<string, string>("Other", (input, _) => Task.FromResult("other:" + input));
        registry.AddOrchestrator("Review", orchestrator ?? (async (ctx, input) =>
        {
            var first = await ctx.CallActivityAsync<string>("Echo", input);
            ctx.SetCustomStatus(new { stage = "awaiting-review" });
            var decision = await ctx.WaitForExternalEventAsync<Approval>("ReviewDecision", ctx.CurrentUtcDateTime.AddHours(4));
            var outcome = decision.TimedOut ? "timed-out" : $"{decision.Payload!.Action} by {decision.Payload.By}";
            var last = await ctx.CallActivityAsync<string>("Echo", outcome);
            return $"{first}|{last}";
        }), version);
        return registry;
    }

    private async Task<(EmbeddedWorkflowEngine Engine, FileHistoryLog Log)> StartEngineAsync(WorkflowRegistry registry, int workers = 4, TimeSpan? drain = null)
    {
        var log = new FileHistoryLog(_dir);
        var engine = new EmbeddedWorkflowEngine(log, registry, _time, workers: workers) { DrainTimeout = drain ?? TimeSpan.FromSeconds(10) };
        _owned.Add(log);
        _owned.Insert(0, engine);
        await engine.StartAsync();
        return (engine, log);
    }

    private static async Task StopAsync((EmbeddedWorkflowEngine Engine, FileHistoryLog Log) e)
    {
        await e.Engine.DisposeAsync();
        await e.Log.DisposeAsync();
    }

    private async Task<(EmbeddedWorkflowEngine Engine, FileHistoryLog Log)> StartSmallSegmentsAsync()
    {
        var log = new FileHistoryLog(_dir) { SegmentBytes = 600 };
        var registry = Registry();
        registry.AddOrchestrator<string, string>("Boom", async (ctx, input) =>
        {
            await ctx.CallActivityAsync<string>("Echo", "boom:" + input);
            throw new InvalidOperationException("the orchestrator broke");
        });
        var engine = new EmbeddedWorkflowEngine(log, registry, _time, workers: 4);
        await engine.StartAsync();
        return (engine, log);
    }

    private long HistoryBytes() => Directory.EnumerateFiles(_dir, "history-*.jsonl").Sum(f => new FileInfo(f).Length);

    [Fact]
    public async Task Restart_ManyCompletedCases_ForgetsThemAndReadsOnlyWhatIsStillOpenOrFailed()
    {
        var first = await StartSmallSegmentsAsync();
        Assert.True(await first.Engine.StartNewAsync("Boom", "case-failed", "x"));
        await WaitForStatusAsync(first.Engine, "case-failed", WorkflowRuntimeStatus.Failed);
        for (var i = 0; i < 12; i++)
        {
            Assert.True(await first.Engine.StartNewAsync("Review", $"case-{i}", $"t{i}"));
            await first.Engine.WaitForIdleAsync($"case-{i}", Wait);
            if (i != 5)
            {
                await first.Engine.RaiseEventAsync($"case-{i}", "ReviewDecision", new Approval("approve", "rev-" + i));
                await first.Engine.WaitForIdleAsync($"case-{i}", Wait);
            }
        }

        var failed = first.Engine.GetInstance("case-failed")!;
        await StopAsync(first);
        var bytesBefore = HistoryBytes();

        // Two starts: the first loads the last process's segments and compacts them once it is up; the second reads what is left.
        var second = await StartSmallSegmentsAsync();
        await second.Engine.Compaction;
        await StopAsync(second);
        var third = await StartSmallSegmentsAsync();

        Assert.True(HistoryBytes() < bytesBefore * 0.5, $"{HistoryBytes()} bytes of {bytesBefore} left");
        Assert.Equal(["case-5", "case-failed"], third.Engine.Instances.Select(i => i.InstanceId).Order());
        var stillFailed = third.Engine.GetInstance("case-failed")!;
        Assert.Equal((WorkflowRuntimeStatus.Failed, failed.Error), (stillFailed.Status, stillFailed.Error));

        // The case still waiting kept every event it replays: it goes on where it was, its first activity not run again.
        await third.Engine.RaiseEventAsync("case-5", "ReviewDecision", new Approval("reject", "rev-5"));
        var resumed = await third.Engine.WaitForIdleAsync("case-5", Wait);
        Assert.Equal("\"echo:t5|echo:reject by rev-5\"", resumed!.OutputJson);
        Assert.Equal(1, _runs["Echo:t5"]);
        await StopAsync(third);
    }

    [Fact]
    public async Task Complete_MoreThanTheEngineKeeps_ForgetsTheOldestCompletedAndKeepsTheOpenOnes()
    {
        var log = new FileHistoryLog(_dir);
        var engine = new EmbeddedWorkflowEngine(log, Registry(), _time, workers: 4) { CompletedKept = 3 };
        _owned.Add(log);
        _owned.Insert(0, engine);
        await engine.StartAsync();
        await engine.StartNewAsync("Review", "case-open", "open");
        for (var i = 0; i < 10; i++)
        {
            await engine.StartNewAsync("Review", $"case-{i}", $"t{i}");
            await WaitForStatusAsync(engine, $"case-{i}", WorkflowRuntimeStatus.Waiting);
            await engine.RaiseEventAsync($"case-{i}", "ReviewDecision", new Approval("approve", "rev-1"));
            await WaitForStatusAsync(engine, $"case-{i}", WorkflowRuntimeStatus.Completed);
        }

        Assert.Equal(["case-7", "case-8", "case-9", "case-open"], engine.Instances.Select(i => i.InstanceId).Order());
        Assert.Null(engine.GetInstance("case-0"));
        Assert.Equal(WorkflowRuntimeStatus.Waiting, engine.GetInstance("case-open")!.Status);

        // A remembered id stays taken; a forgotten one can be started again (the case index keeps a case from being re-run).
        Assert.False(await engine.StartNewAsync("Review", "case-9", "again"));
        Assert.True(await engine.StartNewAsync("Review", "case-0", "again"));
        Assert.Equal(WorkflowRuntimeStatus.Waiting, (await WaitForStatusAsync(engine, "case-0", WorkflowRuntimeStatus.Waiting)).Status);
    }

    [Fact]
    public async Task RaiseEvent_WhileWaiting_CompletesWithThePayload()
    {
        var (engine, _) = await StartEngineAsync(Registry());

        Assert.True(await engine.StartNewAsync("Review", "case-1", "a"));
        var waiting = await engine.WaitForIdleAsync("case-1", Wait);
        Assert.Equal(WorkflowRuntimeStatus.Waiting, waiting!.Status);
        Assert.Equal("ReviewDecision", waiting.WaitingForEvent);
        Assert.Contains("awaiting-review", waiting.CustomStatusJson);

        await engine.RaiseEventAsync("case-1", "ReviewDecision", new Approval("approve", "rev-7"));
        var done = await engine.WaitForIdleAsync("case-1", Wait);

        Assert.Equal(WorkflowRuntimeStatus.Completed, done!.Status);
        Assert.Equal("\"echo:a|echo:approve by rev-7\"", done.OutputJson);
        Assert.Equal(1, _runs["Echo:a"]);
    }

    [Fact]
    public async Task Complete_ManyInstances_KeepsTheirOutcomeButNotTheirHistoryInMemory()
    {
        var (engine, log) = await StartEngineAsync(Registry());
        for (var i = 0; i < 20; i++)
        {
            await engine.StartNewAsync("Review", $"case-{i}", $"t{i}");
        }

        await engine.StartNewAsync("Review", "case-open", "open");
        for (var i = 0; i < 20; i++)
        {
            await WaitForStatusAsync(engine, $"case-{i}", WorkflowRuntimeStatus.Waiting);
            await engine.RaiseEventAsync($"case-{i}", "ReviewDecision", new Approval("approve", "rev-1"));
        }

        var finished = new List<WorkflowInstanceState>();
        for (var i = 0; i < 20; i++)
        {
            finished.Add(await WaitForStatusAsync(engine, $"case-{i}", WorkflowRuntimeStatus.Completed));
        }

        var open = await WaitForStatusAsync(engine, "case-open", WorkflowRuntimeStatus.Waiting);

        // Only the instance still waiting holds its events; every finished one still answers with its outcome.
        Assert.Equal(open.HistoryEvents, engine.EventsInMemory);
        Assert.All(finished, s => Assert.Equal("\"echo:" + s.InstanceId.Replace("case-", "t") + "|echo:approve by rev-1\"", s.OutputJson));
        Assert.All(finished, s => Assert.True(s.HistoryEvents > open.HistoryEvents, $"{s.InstanceId} counts {s.HistoryEvents} events"));

        // A restart loads the finished ones as outcomes too, and replays nothing.
        await StopAsync((engine, log));
        var (restarted, _) = await StartEngineAsync(Registry());
        Assert.Equal(open.HistoryEvents, restarted.EventsInMemory);
        Assert.Equal(finished[7].OutputJson, restarted.GetInstance("case-7")!.OutputJson);
        Assert.Equal(finished[7].HistoryEvents, restarted.GetInstance("case-7")!.HistoryEvents);
        Assert.Equal(1, _runs["Echo:t7"]);
    }

    [Fact]
    public async Task StartNew_SameInstanceIdTwice_StartsOnlyOnce()
    {
        var (engine, _) = await StartEngineAsync(Registry());

        Assert.True(await engine.StartNewAsync("Review", "case-dup", "x"));
        Assert.False(await engine.StartNewAsync("Review", "case-dup", "x"));
        await engine.WaitForIdleAsync("case-dup", Wait);

        Assert.Equal(1, _runs["Echo:x"]);
    }

    [Fact]
    public async Task Timer_DeadlinePassesWithoutEvent_TimesOut()
    {
        var (engine, _) = await StartEngineAsync(Registry());
        await engine.StartNewAsync("Review", "case-sla", "b");
        await engine.WaitForIdleAsync("case-sla", Wait);

        _time.Advance(TimeSpan.FromHours(3));
        var stillWaiting = await engine.WaitForIdleAsync("case-sla", Wait);
        Assert.Equal(WorkflowRuntimeStatus.Waiting, stillWaiting!.Status);

        _time.Advance(TimeSpan.FromHours(1.5));
        var done = await WaitForStatusAsync(engine, "case-sla", WorkflowRuntimeStatus.Completed);

        Assert.Equal("\"echo:b|echo:timed-out\"", done.OutputJson);
    }

    [Fact]
    public async Task Restart_WhileWaiting_KeepsWaitingAndResumesOnEventWithoutRerunningActivities()
    {
        var first = await StartEngineAsync(Registry());
        await first.Engine.StartNewAsync("Review", "case-restart", "c");
        await first.Engine.WaitForIdleAsync("case-restart", Wait);
        await StopAsync(first);

        var (engine, _) = await StartEngineAsync(Registry());
        var resumed = await engine.WaitForIdleAsync("case-restart", Wait);
        Assert.Equal(WorkflowRuntimeStatus.Waiting, resumed!.Status);

        await engine.RaiseEventAsync("case-restart", "ReviewDecision", new Approval("reject", "rev-1"));
        var done = await WaitForStatusAsync(engine, "case-restart", WorkflowRuntimeStatus.Completed);

        Assert.Equal("\"echo:c|echo:reject by rev-1\"", done.OutputJson);
        Assert.Equal(1, _runs["Echo:c"]);
    }

    [Fact]
    public async Task Restart_AfterDeadlinePassedWhileDown_FiresTheTimer()
    {
        var first = await StartEngineAsync(Registry());
        await first.Engine.StartNewAsync("Review", "case-down", "d");
        await first.Engine.WaitForIdleAsync("case-down", Wait);
        await StopAsync(first);

        _time.Advance(TimeSpan.FromHours(5));
        var (engine, _) = await StartEngineAsync(Registry());
        var done = await WaitForStatusAsync(engine, "case-down", WorkflowRuntimeStatus.Completed);

        Assert.Equal("\"echo:d|echo:timed-out\"", done.OutputJson);
    }

    [Fact]
    public async Task RaiseEvent_BeforeTheWaitIsReached_IsNotLost()
    {
        var gate = new TaskCompletionSource();
        var registry = Registry(async (ctx, input) =>
        {
            await ctx.CallActivityAsync<string>("Slow", input);
            var e = await ctx.WaitForExternalEventAsync<Approval>("ReviewDecision", ctx.CurrentUtcDateTime.AddHours(1));
            return e.Payload?.Action ?? "none";
        }).AddActivity<string, string>("Slow", async (i, _) =>
        {
            await gate.Task;
            return i;
        });
        var (engine, _) = await StartEngineAsync(registry);

        await engine.StartNewAsync("Review", "case-early", "e");
        await engine.RaiseEventAsync("case-early", "ReviewDecision", new Approval("escalate", "rev-2"));
        gate.SetResult();
        var done = await WaitForStatusAsync(engine, "case-early", WorkflowRuntimeStatus.Completed);

        Assert.Equal("\"escalate\"", done.OutputJson);
    }

    [Fact]
    public async Task Stop_ActivityOutlivesTheGracePeriod_DoesNotFailTheInstanceAndTheNextStartFinishesIt()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holdUntilStopped = true;
        var registry = Registry(async (ctx, input) =>
        {
            var held = await ctx.CallActivityAsync<string>("Hold", input);
            return await ctx.CallActivityAsync<string>("Echo", held);
        }).AddActivity<string, string>("Hold", async (i, ct) =>
        {
            if (holdUntilStopped)
            {
                started.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct); // a graceful stop (Ctrl+C, SIGTERM) cancels it
            }

            return "held:" + i;
        });
        var first = await StartEngineAsync(registry, drain: TimeSpan.FromMilliseconds(200));
        await first.Engine.StartNewAsync("Review", "case-stop", "s");
        await started.Task.WaitAsync(Wait);

        await StopAsync(first);
        holdUntilStopped = false;
        var (engine, _) = await StartEngineAsync(registry);
        var done = await WaitForStatusAsync(engine, "case-stop", WorkflowRuntimeStatus.Completed);

        Assert.Equal("\"echo:held:s\"", done.OutputJson);
    }

    [Fact]
    public async Task Stop_WhileAnActivityRuns_LetsItFinishAndRecordsItsResultSoTheNextStartDoesNotRepeatIt()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sent = 0;
        var registry = Registry(async (ctx, input) =>
        {
            var posted = await ctx.CallActivityAsync<string>("Post", input);
            return await ctx.CallActivityAsync<string>("Echo", posted);
        }).AddActivity<string, string>("Post", async (i, _) =>
        {
            started.TrySetResult();
            await release.Task; // e.g. a help-desk callback whose response is on its way
            Interlocked.Increment(ref sent);
            return "posted:" + i;
        });
        var first = await StartEngineAsync(registry);
        await first.Engine.StartNewAsync("Review", "case-drain", "d");
        await started.Task.WaitAsync(Wait);

        var stopping = StopAsync(first);
        release.SetResult();
        await stopping;
        Assert.Equal(0, _runs.GetValueOrDefault("Echo:posted:d")); // no new activity started while stopping
        var (engine, _) = await StartEngineAsync(registry);
        var done = await WaitForStatusAsync(engine, "case-drain", WorkflowRuntimeStatus.Completed);

        Assert.Equal("\"echo:posted:d\"", done.OutputJson);
        Assert.Equal(1, sent);
    }

    [Fact]
    public async Task Replay_OrchestratorCallsADifferentActivity_FailsTheInstanceWithAClearError()
    {
        var flip = false;
        Func<IWorkflowContext, string, Task<string>> fickle = async (ctx, input) =>
        {
            await ctx.CallActivityAsync<string>(flip ? "Other" : "Echo", input);
            await ctx.WaitForExternalEventAsync<Approval>("ReviewDecision", ctx.CurrentUtcDateTime.AddHours(1));
            return "done";
        };
        var (engine, _) = await StartEngineAsync(Registry(fickle));
        await engine.StartNewAsync("Review", "case-nd", "f");
        await engine.WaitForIdleAsync("case-nd", Wait);

        flip = true;
        await engine.RaiseEventAsync("case-nd", "ReviewDecision", new Approval("approve", "r"));
        var failed = await WaitForStatusAsync(engine, "case-nd", WorkflowRuntimeStatus.Failed);

        Assert.Contains("not deterministic", failed.Error);
        Assert.Contains("'Other'", failed.Error);
        Assert.Contains("'Echo'", failed.Error);
    }

    // A deploy that inserts an activity before the wait: version 2 of "Review" calls "Other" first, behind the version
    // gate, so an instance that started on version 1 and waits for its reviewer replays the path it started on.
    private static Func<IWorkflowContext, string, Task<string>> InsertsAnActivityBeforeTheWait(bool gated) => async (ctx, input) =>
    {
        var extra = !gated || WorkflowVersions.IsAtLeast(ctx.Version, 2) ? await ctx.CallActivityAsync<string>("Other", input) + "|" : "";
        var first = await ctx.CallActivityAsync<string>("Echo", input);
        var decision = await ctx.WaitForExternalEventAsync<Approval>("ReviewDecision", ctx.CurrentUtcDateTime.AddHours(4));
        var last = await ctx.CallActivityAsync<string>("Echo", decision.TimedOut ? "timed-out" : decision.Payload!.Action);
        return $"{ctx.Version}:{extra}{first}|{last}";
    };

    [Fact]
    public async Task Upgrade_InstanceWaitingOnTheOldVersion_CompletesOnTheOldPathAfterTheNewVersionIsRegistered()
    {
        var before = await StartEngineAsync(Registry(version: "1"));
        await before.Engine.StartNewAsync("Review", "case-v1", "old");
        await before.Engine.WaitForIdleAsync("case-v1", Wait);
        await StopAsync(before);

        var (engine, _) = await StartEngineAsync(Registry(InsertsAnActivityBeforeTheWait(gated: true), version: "2"));
        await engine.StartNewAsync("Review", "case-v2", "new");
        await engine.WaitForIdleAsync("case-v2", Wait);
        await engine.RaiseEventAsync("case-v1", "ReviewDecision", new Approval("approve", "r"));
        await engine.RaiseEventAsync("case-v2", "ReviewDecision", new Approval("approve", "r"));
        var old = await WaitForStatusAsync(engine, "case-v1", WorkflowRuntimeStatus.Completed);
        var current = await WaitForStatusAsync(engine, "case-v2", WorkflowRuntimeStatus.Completed);

        Assert.Equal("\"1:echo:old|echo:approve\"", old.OutputJson);
        Assert.Equal("\"2:other:new|echo:new|echo:approve\"", current.OutputJson);
        Assert.Equal(1, _runs["Echo:old"]);
    }

    [Fact]
    public async Task Upgrade_WithoutTheVersionGate_FailsTheWaitingInstanceAsNotDeterministic()
    {
        var before = await StartEngineAsync(Registry(version: "1"));
        await before.Engine.StartNewAsync("Review", "case-ungated", "old");
        await before.Engine.WaitForIdleAsync("case-ungated", Wait);
        await StopAsync(before);

        var (engine, _) = await StartEngineAsync(Registry(InsertsAnActivityBeforeTheWait(gated: false), version: "2"));
        await engine.RaiseEventAsync("case-ungated", "ReviewDecision", new Approval("approve", "r"));
        var failed = await WaitForStatusAsync(engine, "case-ungated", WorkflowRuntimeStatus.Failed);

        Assert.Contains("not deterministic", failed.Error);
    }

    [Fact]
    public async Task StartNew_InstanceFromBeforeVersionsWereRecorded_ReadsAsVersionOne()
    {
        var (engine, _) = await StartEngineAsync(Registry(async (ctx, _) => $"{ctx.Version}|{WorkflowVersions.Major(ctx.Version)}"));

        await engine.StartNewAsync("Review", "case-unversioned", "x");
        var done = await WaitForStatusAsync(engine, "case-unversioned", WorkflowRuntimeStatus.Completed);

        Assert.Equal("\"|1\"", done.OutputJson);
    }

    [Fact]
    public async Task CallActivity_FailingTwiceWithRetryOfThree_Succeeds()
    {
        var attempts = 0;
        var registry = Registry(async (ctx, input) => await ctx.CallActivityAsync<string>("Flaky", input, new ActivityRetry(3, TimeSpan.Zero)))
            .AddActivity<string, string>("Flaky", (i, _) => ++attempts < 3 ? throw new IOException("disk busy") : Task.FromResult("ok:" + i));
        var (engine, _) = await StartEngineAsync(registry);

        await engine.StartNewAsync("Review", "case-flaky", "g");
        var done = await WaitForStatusAsync(engine, "case-flaky", WorkflowRuntimeStatus.Completed);

        Assert.Equal("\"ok:g\"", done.OutputJson);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task CallActivity_FailingEveryTime_LetsTheOrchestratorHandleIt()
    {
        var registry = Registry(async (ctx, input) =>
        {
            try
            {
                return await ctx.CallActivityAsync<string>("Broken", input, new ActivityRetry(2, TimeSpan.Zero));
            }
            catch (ActivityFailedException ex)
            {
                return "handled: " + ex.Message;
            }
        }).AddActivity<string, string>("Broken", (_, _) => throw new InvalidOperationException("smtp down"));
        var (engine, _) = await StartEngineAsync(registry);

        await engine.StartNewAsync("Review", "case-broken", "h");
        var done = await WaitForStatusAsync(engine, "case-broken", WorkflowRuntimeStatus.Completed);

        Assert.Contains("smtp down", done.OutputJson);
    }

    [Fact]
    public async Task Replay_ClockAndGuids_AreTheSameOnEveryReplay()
    {
        var seen = new ConcurrentBag<string>();
        var registry = Registry(async (ctx, input) =>
        {
            var id = ctx.NewGuid();
            var t = ctx.CurrentUtcDateTime;
            await ctx.CallActivityAsync<string>("Echo", $"{id}@{t:O}");
            await ctx.WaitForExternalEventAsync<Approval>("ReviewDecision", t.AddHours(1));
            seen.Add($"{id}@{t:O}");
            return "ok";
        });
        var (engine, _) = await StartEngineAsync(registry);
        await engine.StartNewAsync("Review", "case-det", "i");
        await engine.WaitForIdleAsync("case-det", Wait);
        _time.Advance(TimeSpan.FromMinutes(10));

        await engine.RaiseEventAsync("case-det", "ReviewDecision", new Approval("approve", "r"));
        await WaitForStatusAsync(engine, "case-det", WorkflowRuntimeStatus.Completed);

        var only = Assert.Single(seen.Distinct());
        Assert.Equal(1, _runs["Echo:" + only]);
    }

    [Fact]
    public async Task ManyInstances_OnABoundedPool_AllCompleteAndNoneRunsOnTwoThreads()
    {
        var active = new ConcurrentDictionary<string, int>();
        var overlaps = 0;
        var registry = Registry(async (ctx, input) =>
        {
            for (var i = 0; i < 3; i++)
            {
                await ctx.CallActivityAsync<string>("Track", ctx.InstanceId);
            }

            return "ok";
        }).AddActivity<string, string>("Track", async (id, _) =>
        {
            if (active.AddOrUpdate(id, 1, (_, n) => n + 1) > 1)
            {
                Interlocked.Increment(ref overlaps);
            }

            await Task.Yield();
            active.AddOrUpdate(id, 0, (_, n) => n - 1);
            return id;
        });
        var (engine, _) = await StartEngineAsync(registry, workers: 4);

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => engine.StartNewAsync("Review", $"case-{i}", "x")));
        foreach (var i in Enumerable.Range(0, 200))
        {
            await WaitForStatusAsync(engine, $"case-{i}", WorkflowRuntimeStatus.Completed);
        }

        Assert.Equal(0, overlaps);
    }

    [Fact]
    public async Task LoadAll_TornLastLine_IsIgnored()
    {
        var first = await StartEngineAsync(Registry());
        await first.Engine.StartNewAsync("Review", "case-torn", "j");
        await first.Engine.WaitForIdleAsync("case-torn", Wait);
        await StopAsync(first);
        var segment = Directory.GetFiles(_dir, "history-*.jsonl").Single();
        await File.AppendAllTextAsync(segment, "{\"I\":\"case-torn\",\"E\":{\"k\":\"Eve");

        var (engine, _) = await StartEngineAsync(Registry());
        var state = await engine.WaitForIdleAsync("case-torn", Wait);
        Assert.Equal(WorkflowRuntimeStatus.Waiting, state!.Status);

        await engine.RaiseEventAsync("case-torn", "ReviewDecision", new Approval("approve", "r"));
        await WaitForStatusAsync(engine, "case-torn", WorkflowRuntimeStatus.Completed);
    }

    /// <summary>
    /// A file history that records which appends waited for the disk, and can lose the ones that did not (what a crash
    /// before the next flush does).
    /// </summary>
    private sealed class WatchedHistory(FileHistoryLog inner, bool loseRecomputable) : IWorkflowHistoryStore
    {
        public ConcurrentQueue<(bool Durable, HistoryEventKind[] Kinds, string?[] Names)> Appends { get; } = new();

        public Task AppendAsync(string instanceId, IReadOnlyList<HistoryEvent> events, CancellationToken cancellationToken = default)
        {
            Appends.Enqueue((true, [.. events.Select(e => e.Kind)], [.. events.Select(e => e.Name)]));
            return inner.AppendAsync(instanceId, events, cancellationToken);
        }

        public Task AppendRecomputableAsync(string instanceId, IReadOnlyList<HistoryEvent> events, CancellationToken cancellationToken = default)
        {
            Appends.Enqueue((false, [.. events.Select(e => e.Kind)], [.. events.Select(e => e.Name)]));
            return loseRecomputable ? Task.CompletedTask : inner.AppendRecomputableAsync(instanceId, events, cancellationToken);
        }

        public Task<IReadOnlyDictionary<string, IReadOnlyList<HistoryEvent>>> LoadAllAsync(CancellationToken cancellationToken = default) => inner.LoadAllAsync(cancellationToken);
    }

    private WorkflowRegistry PureThenEcho() => Registry(async (ctx, input) =>
    {
        var pure = await ctx.CallActivityAsync<string>("Pure", input);
        var echo = await ctx.CallActivityAsync<string>("Echo", pure);
        ctx.SetCustomStatus(new { stage = "waiting" });
        var decision = await ctx.WaitForExternalEventAsync<Approval>("ReviewDecision", ctx.CurrentUtcDateTime.AddHours(4));
        ctx.SetCustomStatus(new { stage = "done" });
        return $"{echo}|{decision.Payload?.Action}";
    }).AddActivity<string, string>("Pure", (input, _) =>
    {
        _runs.AddOrUpdate("Pure:" + input, 1, (_, n) => n + 1);
        return Task.FromResult("pure:" + input);
    }, recomputable: true);

    [Fact]
    public async Task CallActivity_RecomputableActivity_RecordsItsResultWithoutWaitingAndEverythingElseDurably()
    {
        var log = new FileHistoryLog(_dir);
        _owned.Add(log);
        var history = new WatchedHistory(log, loseRecomputable: false);
        var engine = new EmbeddedWorkflowEngine(history, PureThenEcho(), _time, workers: 2);
        _owned.Insert(0, engine);
        await engine.StartAsync();

        await engine.StartNewAsync("Review", "case-pure", "p");
        await engine.WaitForIdleAsync("case-pure", Wait);
        await engine.RaiseEventAsync("case-pure", "ReviewDecision", new Approval("approve", "r"));
        var done = await WaitForStatusAsync(engine, "case-pure", WorkflowRuntimeStatus.Completed);

        Assert.Equal("\"echo:pure:p|approve\"", done.OutputJson);
        var appends = history.Appends.ToArray();
        var notWaited = Assert.Single(appends, a => !a.Durable);
        Assert.Equal(["Pure", "Pure"], notWaited.Names.Select(n => n!));
        Assert.Contains(appends, a => a.Durable && a.Names.SequenceEqual(["Echo", "Echo"]));
        // The run's last status and its completion reach the disk in one append.
        Assert.Equal([HistoryEventKind.CustomStatus, HistoryEventKind.ExecutionCompleted], appends[^1].Kinds);
    }

    [Fact]
    public async Task Restart_RecomputableResultLostInACrash_RunsThatActivityAgainAndNothingElse()
    {
        var log = new FileHistoryLog(_dir);
        var engine = new EmbeddedWorkflowEngine(new WatchedHistory(log, loseRecomputable: true), PureThenEcho(), _time, workers: 2);
        await engine.StartAsync();
        await engine.StartNewAsync("Review", "case-lost", "q");
        Assert.Equal(WorkflowRuntimeStatus.Waiting, (await engine.WaitForIdleAsync("case-lost", Wait))!.Status);
        await engine.DisposeAsync();
        await log.DisposeAsync();

        var (restarted, _) = await StartEngineAsync(PureThenEcho());
        Assert.Equal(WorkflowRuntimeStatus.Waiting, (await restarted.WaitForIdleAsync("case-lost", Wait))!.Status);
        await restarted.RaiseEventAsync("case-lost", "ReviewDecision", new Approval("reject", "r"));
        var done = await WaitForStatusAsync(restarted, "case-lost", WorkflowRuntimeStatus.Completed);

        Assert.Equal("\"echo:pure:q|reject\"", done.OutputJson);
        Assert.Equal(2, _runs["Pure:q"]); // its result never reached the disk: run again on replay
        Assert.Equal(1, _runs["Echo:pure:q"]); // recorded durably: not repeated
    }

    private static async Task<WorkflowInstanceState> WaitForStatusAsync(EmbeddedWorkflowEngine engine, string id, WorkflowRuntimeStatus status)
    {
        var until = DateTime.UtcNow + Wait;
        while (DateTime.UtcNow < until)
        {
            var s = await engine.WaitForIdleAsync(id, TimeSpan.FromMilliseconds(200));
            if (s?.Status == status)
            {
                return s;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"{id} did not reach {status}: {engine.GetInstance(id)}");
    }
}

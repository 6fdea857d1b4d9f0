using System.Diagnostics;
using Escalation.Core.Decisions;
using Escalation.Core.Storage;
using Escalation.Core.Tickets;
using Escalation.Core.Tracing;
using Escalation.Core.Workflow;
using Escalation.Infrastructure.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Escalation.Bench;

/// <summary>Durable throughput, engine overhead, trace writes and waiting-case memory on the embedded engine with file storage.</summary>
public static class BenchDurable
{
    /// <summary>Decided cases per second, and the process's CPU per case while they were measured.</summary>
    public sealed record Throughput(double CasesPerSecond, double CpuMillisecondsPerCase, double CoresUsed);

    /// <summary>Cases decided per second with <paramref name="concurrency"/> cases in flight, for <paramref name="measure"/>.</summary>
    public static async Task<Throughput> CasesPerSecondAsync(BenchSamples samples, string dataDirectory, bool durable, TimeSpan measure, int concurrency, bool storesInMemory = false, TimeSpan? warmUp = null)
    {
        var memory = new InMemoryStores();
        await using var bench = storesInMemory
            ? await BenchEngine.StartAsync(samples, dataDirectory, durable, _ => memory, _ => memory, _ => memory)
            : await BenchEngine.StartAsync(samples, dataDirectory, durable);
        var tickets = samples.Tickets.Select(t => t.Ticket).ToArray();

        // Cases finished by `concurrency` clients in `span`, each ticket made unique with the prefix.
        Task<(long Done, TimeSpan Elapsed)> RunAsync(TimeSpan span, string prefix) =>
            BenchStats.LoadAsync(concurrency, span, n => bench.RunCaseAsync(BenchSamples.Unique(tickets[n % tickets.Length], $"{prefix}{n}"), TimeSpan.FromSeconds(60)));

        // Warm-up, not counted: until the tiered JIT has compiled the engine's and the stores' hot paths at their final
        // tier a fresh process decides cases up to twice as slowly (1 s of warm-up measured 0.6 × the steady state here).
        await RunAsync(warmUp ?? TimeSpan.FromSeconds(3), "w");
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (cases, elapsed) = await RunAsync(measure, "d");
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu; // the load generator's share included
        return new Throughput(cases / elapsed.TotalSeconds, used.TotalMilliseconds / Math.Max(1, cases), used / elapsed);
    }

    public sealed record Overhead(double DirectMicros, double EngineInMemoryMicros, double EngineDurableMicros, int Cases);

    /// <summary>
    /// Median µs per case, one case at a time, for the same orchestrator code and the same file stores: called directly
    /// (no engine), on the engine with history in memory, and on the engine with the fsync'd history log. Only routes
    /// that do not wait for a reviewer, so every variant runs a case to its end.
    /// </summary>
    public static async Task<Overhead> EngineOverheadAsync(BenchSamples samples, string dataDirectory, TimeSpan measurePerVariant)
    {
        var tickets = samples.Tickets.Select(t => t.Ticket).Where(t => samples.Decide(t).Route != Routes.DraftForReview).ToList();
        var direct = new List<double>();
        var inMemory = new List<double>();
        var onDisk = new List<double>();
        await using var directBench = await BenchEngine.StartAsync(samples, Path.Combine(dataDirectory, "direct"), durable: false);
        await using var memoryBench = await BenchEngine.StartAsync(samples, Path.Combine(dataDirectory, "engine-mem"), durable: false);
        await using var diskBench = await BenchEngine.StartAsync(samples, Path.Combine(dataDirectory, "engine-disk"), durable: true);

        // The three variants take turns case by case, so a noisy neighbour slows them alike.
        var clock = Stopwatch.StartNew();
        for (var n = 0; clock.Elapsed < measurePerVariant * 3 && n < 100_000 && tickets.Count > 0; n++)
        {
            var ticket = tickets[n % tickets.Count];
            var start = Stopwatch.GetTimestamp();
            var input = await directBench.SubmitAsync(BenchSamples.Unique(ticket, $"o{n}"));
            try
            {
                await CaseWorkflow.RunAsync(new DirectContext(directBench.Activities, input.CaseId), input);
            }
            catch (DirectWaitException)
            {
                // Decided alone it was sent; with the customer's earlier cases in the store it goes to review. Routes
                // with a wait are not compared here: the sample leaves the rotation.
                tickets.Remove(ticket);
                continue;
            }

            var t1 = Stopwatch.GetTimestamp();
            await memoryBench.RunCaseAsync(BenchSamples.Unique(ticket, $"m{n}"), TimeSpan.FromSeconds(30));
            var t2 = Stopwatch.GetTimestamp();
            await diskBench.RunCaseAsync(BenchSamples.Unique(ticket, $"e{n}"), TimeSpan.FromSeconds(30));
            var t3 = Stopwatch.GetTimestamp();
            if (n >= 10)
            {
                direct.Add(BenchStats.Micros(t1 - start));
                inMemory.Add(BenchStats.Micros(t2 - t1));
                onDisk.Add(BenchStats.Micros(t3 - t2));
            }
        }

        return new Overhead(BenchStats.Percentile(direct, 0.5), BenchStats.Percentile(inMemory, 0.5), BenchStats.Percentile(onDisk, 0.5), direct.Count);
    }

    /// <summary>
    /// Trace appends per second (one new case chain each) with <paramref name="writers"/> concurrent writers, on the store
    /// the local host uses (the data directory's record log).
    /// </summary>
    public static async Task<double> TraceWritesPerSecondAsync(string dataDirectory, TimeSpan measure, int writers)
    {
        await using var local = LocalCaseStore.Open(dataDirectory);
        var store = local.Traces;
        var (done, elapsed) = await BenchStats.LoadAsync(writers, measure, n => store.AppendAsync(new DecisionTrace
        {
            CaseId = $"trace-bench-{n}",
            Sequence = 0,
            Kind = TraceRecordKinds.Decision,
            TicketId = $"ZD-{n}",
            CustomerId = "cus_014",
            WorkspaceVersion = "bench",
            Entries = [TraceEntry.Decided("route", "Refund above the auto-approve cap: a reviewer decides.", "refund@3#abc")],
            Decision = new TraceDecision(Routes.DraftForReview, ["amount above cap"]),
            Actor = TraceActor.Agent(),
            At = BenchSamples.EvaluationInstant,
        }));
        return done / elapsed.TotalSeconds;
    }

    public sealed record Memory(int Cases, long ManagedBytes, long WorkingSetBytes, int Waiting);

    /// <summary>Starts <paramref name="cases"/> review-routed cases that wait for a reviewer; memory before and after.</summary>
    public static async Task<Memory> WaitingCasesMemoryAsync(BenchSamples samples, string dataDirectory, int cases)
    {
        var review = samples.WithRoute(Routes.DraftForReview);
        await using var bench = await BenchEngine.StartAsync(samples, dataDirectory, durable: true);
        await bench.RunCaseAsync(BenchSamples.Unique(review[0], "warm"), TimeSpan.FromSeconds(30));
        // The earlier sections left a large heap behind: an aggressive collection hands its free memory back first, so the
        // working set measured before is this section's starting point rather than what the runtime happens to keep committed.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var wsBefore = Process.GetCurrentProcess().WorkingSet64;
        using var gate = new SemaphoreSlim(64);
        await Task.WhenAll(Enumerable.Range(0, cases).Select(async n =>
        {
            await gate.WaitAsync();
            try
            {
                await bench.RunCaseAsync(BenchSamples.Unique(review[n % review.Count], $"w{n}"), TimeSpan.FromSeconds(120));
            }
            finally
            {
                gate.Release();
            }
        }));
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true); // likewise: what the cases hold, not the allocation budget
        var managedAfter = GC.GetTotalMemory(forceFullCollection: true);
        using var self = Process.GetCurrentProcess();
        var waiting = bench.Engine.Instances.Count(i => i.Status == Infrastructure.Workflow.WorkflowRuntimeStatus.Waiting);
        return new Memory(cases, managedAfter - managedBefore, self.WorkingSet64 - wsBefore, waiting);
    }

    /// <summary>Runs the orchestrator's code with activities called in-line: no history, no engine.</summary>
    /// <summary>The direct run reached a wait for a reviewer, which it does not take.</summary>
    private sealed class DirectWaitException() : Exception("the direct run only takes routes that do not wait");

    private sealed class DirectContext(ICaseActivities activities, string caseId) : IWorkflowContext
    {
        public string Version => CaseWorkflow.Version;

        public string InstanceId => caseId;

        public DateTime CurrentUtcDateTime => BenchSamples.EvaluationInstant.UtcDateTime;

        public bool IsReplaying => false;

        public async Task<TResult> CallActivityAsync<TResult>(string name, object? input, ActivityRetry? retry = null)
        {
            object result = name switch
            {
                CaseActivityNames.WriteTrace => await activities.WriteTraceAsync((WriteTraceInput)input!),
                CaseActivityNames.NotifyReviewers => await activities.NotifyReviewersAsync((NotifyReviewersInput)input!),
                CaseActivityNames.DeliverReply => await activities.DeliverReplyAsync((DeliverReplyInput)input!),
                CaseActivityNames.RecordOutcome => await activities.RecordOutcomeAsync((RecordOutcomeInput)input!),
                CaseActivityNames.ExecuteActions => await activities.ExecuteActionsAsync((ExecuteActionsInput)input!),
                CaseActivityNames.MarkNeedsAttention => await activities.MarkNeedsAttentionAsync((NeedsAttentionInput)input!),
                CaseActivityNames.ClaimReviewTimeout => (object?)await activities.ClaimReviewTimeoutAsync((ReviewTimeoutInput)input!) ?? throw new NotSupportedException("the direct run never waits for a review"),
                _ => await activities.RunStageAsync(name, (StageInput)input!),
            };
            return (TResult)result;
        }

        public Task<ExternalEventResult<T>> WaitForExternalEventAsync<T>(string eventName, DateTime deadlineUtc) =>
            throw new DirectWaitException();

        public Guid NewGuid() => Guid.NewGuid();

        public void SetCustomStatus(object? status)
        {
        }

        public ILogger CreateReplaySafeLogger(string categoryName) => NullLogger.Instance;
    }
}

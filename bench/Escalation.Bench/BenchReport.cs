using Escalation.Core.Decisions;

namespace Escalation.Bench;

/// <summary>Runs the benchmark sections after the signals line and prints one line (or a few) per figure.</summary>
public static class BenchReport
{
    public static async Task RunAsync(BenchSamples samples, string root, TimeSpan section, TimeSpan httpSection, bool quick, string? server, bool noHttp, TextWriter stdout)
    {
        var p = BenchPipeline.Run(samples, section);
        await stdout.WriteLineAsync(
            $"pipeline (both pipelines over {samples.Tickets.Count} sample tickets, in memory, 1 thread): {BenchStats.N(p.PerSecond)} cases/s; " +
            $"median {BenchStats.N(p.MedianMicros, "0")} µs, p99 {BenchStats.N(p.P99Micros, "0")} µs per case " +
            $"(sensitive median {BenchStats.N(p.SensitiveMedianMicros, "0")} µs, escalation {BenchStats.N(p.EscalationMedianMicros, "0")} µs) — goal median < 1,000 µs: {BenchStats.Goal(p.MedianMicros < 1000)}");

        var sim = BenchSimulation.Run(samples, section);
        await stdout.WriteLineAsync(
            $"what-if replay (simulate: each sample ticket decided again with a candidate workspace and compared with its decision on record, 1 thread): " +
            $"{BenchStats.N(sim.PerSecond)} cases re-decided/s — goal ≥ 2,000: {BenchStats.Goal(sim.PerSecond >= 2000)} " +
            $"(against a baseline workspace, two decisions per case: {BenchStats.N(sim.WithBaselinePerSecond)} cases/s)");

        BenchDisk.WriteBack(); // what was written before the bench (a build, a test run) must not slow the first loop down
        var fsyncBefore = BenchDisk.FsyncWritesPerSecond(Path.Combine(root, "disk"), section);
        await stdout.WriteLineAsync($"disk yardstick: {BenchStats.N(fsyncBefore)} fsync'd 4 KB writes/s (write + Flush(true), one file, {root})");

        var concurrency = 64;
        // The first durable figure warms the process up for longer: a fresh process takes 13–20 s of cases under this load
        // before the tiered JIT has compiled the engine's, the stores' and JSON's hot paths at their final tier (a 5 s
        // window after 8 s of warm-up measured about 0.6 × the later ones); the two variants after it reuse that code.
        var warmUp = TimeSpan.FromSeconds(quick ? 1 : 3);
        var durable = await BenchDurable.CasesPerSecondAsync(samples, Path.Combine(root, "durable"), durable: true, section, concurrency, warmUp: TimeSpan.FromSeconds(quick ? 2 : 20));
        var memoryOnly = await BenchDurable.CasesPerSecondAsync(samples, Path.Combine(root, "durable-mem"), durable: false, section, concurrency, warmUp: warmUp);
        var engineOnly = await BenchDurable.CasesPerSecondAsync(samples, Path.Combine(root, "durable-engine"), durable: true, section, concurrency, storesInMemory: true, warmUp: warmUp);
        // The same loop again right after the durable runs: the disk's speed moves with the other work on the machine (700
        // to 3,800 writes/s within a day here), so the ratios use the mean of the loop before and after them.
        BenchDisk.WriteBack(); // first what the durable runs left for the kernel to write, so the loop does not compete with it
        var fsyncAfter = BenchDisk.FsyncWritesPerSecond(Path.Combine(root, "disk-after"), section);
        var fsync = (fsyncBefore + fsyncAfter) / 2;
        await stdout.WriteLineAsync($"disk yardstick again, after the durable runs: {BenchStats.N(fsyncAfter)} fsync'd 4 KB writes/s; the ratios below use the mean, {BenchStats.N(fsync)}/s");
        await stdout.WriteLineAsync(
            $"durable cases (embedded engine + FileHistoryLog + the local record-log store, real CaseWorkflow, {(BenchEngine.UseRealActivities ? "the host's CaseActivities" : "bench activities")}, {concurrency} in flight): " +
            $"{BenchStats.N(durable.CasesPerSecond)} cases/s = {BenchStats.N(durable.CasesPerSecond / fsync, "0.00")} × the fsync loop — goal ≥ 0.50: {BenchStats.Goal(durable.CasesPerSecond / fsync >= 0.5)} " +
            $"(history in memory instead: {BenchStats.N(memoryOnly.CasesPerSecond)} cases/s)");
        await stdout.WriteLineAsync(
            $"  CPU per durable case: {BenchStats.N(durable.CpuMillisecondsPerCase, "0.00")} ms, the load generator included; the process had {BenchStats.N(durable.CoresUsed, "0.0")} of {Environment.ProcessorCount} cores " +
            $"(the rest went to other processes and to waiting for the disk)");
        await stdout.WriteLineAsync(
            $"durable engine alone (FileHistoryLog fsync'd, case stores in memory, {concurrency} in flight): {BenchStats.N(engineOnly.CasesPerSecond)} cases/s = {BenchStats.N(engineOnly.CasesPerSecond / fsync, "0.00")} × the fsync loop");

        var o = await BenchDurable.EngineOverheadAsync(samples, Path.Combine(root, "overhead"), section);
        await stdout.WriteLineAsync(
            $"engine overhead per case (median, one case at a time, same activities and file stores; routes without a wait): direct {BenchStats.N(o.DirectMicros, "0")} µs; " +
            $"engine, history in memory {BenchStats.N(o.EngineInMemoryMicros, "0")} µs (+{BenchStats.N(o.EngineInMemoryMicros - o.DirectMicros, "0")}); " +
            $"engine, fsync'd history {BenchStats.N(o.EngineDurableMicros, "0")} µs (+{BenchStats.N(o.EngineDurableMicros - o.DirectMicros, "0")})");

        var traces1 = await BenchDurable.TraceWritesPerSecondAsync(Path.Combine(root, "traces-1"), section, 1);
        var traces16 = await BenchDurable.TraceWritesPerSecondAsync(Path.Combine(root, "traces-16"), section, 16);
        await stdout.WriteLineAsync(
            $"trace writes (LogTraceStore via TraceChain.AppendAsync, new chain each): 1 writer {BenchStats.N(traces1)}/s = {BenchStats.N(traces1 / fsync, "0.00")} × the fsync loop; " +
            $"16 writers {BenchStats.N(traces16)}/s = {BenchStats.N(traces16 / fsync, "0.00")} ×");

        var waiting = quick ? 200 : 1000;
        var m = await BenchDurable.WaitingCasesMemoryAsync(samples, Path.Combine(root, "memory"), waiting);
        var per1000 = 1000.0 / m.Cases;
        await stdout.WriteLineAsync(
            $"memory per 1,000 waiting cases ({m.Cases} {Routes.DraftForReview} cases started, {m.Waiting} waiting for a reviewer): " +
            $"managed heap +{BenchStats.N(m.ManagedBytes * per1000 / 1048576.0, "0.0")} MB, " +
            (m.WorkingSetBytes >= 0
                ? $"working set +{BenchStats.N(m.WorkingSetBytes * per1000 / 1048576.0, "0.0")} MB"
                // The process's working set also holds what the earlier sections left; when the runtime hands that back meanwhile, the difference says nothing.
                : $"working set not measurable in this run (it fell by {BenchStats.N(-m.WorkingSetBytes / 1048576.0, "0.0")} MB as the runtime returned memory the earlier sections had used)"));

        if (noHttp)
        {
            await stdout.WriteLineAsync("http latency: skipped (--no-http)");
            return;
        }

        // The HTTP figures start from a clean slate: the sections above leave hundreds of megabytes of files for the kernel
        // to write back (the server's fsyncs would queue behind them) and a large heap in this process, the load generator.
        BenchDisk.Empty(root);
        BenchDisk.WriteBack();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        await BenchHttpReport.RunAsync(samples, root, httpSection, quick, server, stdout);
    }
}

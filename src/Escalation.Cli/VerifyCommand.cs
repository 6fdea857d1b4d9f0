using System.CommandLine;
using System.Text.Json;
using Escalation.Core.Storage;
using Escalation.Core.Tracing;
using Escalation.Infrastructure.Storage;

namespace Escalation.Cli;

/// <summary>
/// <c>escalation verify &lt;traceId|file&gt; [--data DIR]</c>: recomputes the hash chain of the trace's case
/// (file storage under the data directory) or checks one exported trace file; says exactly where it breaks.
/// <c>escalation verify --data DIR</c> checks the whole store: every damaged range of its record log and every
/// case's chain. Exit code 0 when intact, 1 when broken, damaged or not found, 2 on usage errors.
/// </summary>
public static class VerifyCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("TRACE") { Description = "a trace id (tr-…) or an exported trace file; without it, the whole store", Arity = ArgumentArity.ZeroOrOne };
        var data = new Option<string>("--data") { Description = $"the data directory of the local store (default {CliOptions.DefaultDataDirectory} with a trace id)", HelpName = "DIR" };
        var command = new Command("verify", "recompute a case's trace hash chain, one exported trace, or the whole store; exit 1 where it breaks") { target, data };
        command.Validators.Add(result =>
        {
            if (result.GetResult(target) is null && result.GetResult(data) is null)
            {
                result.AddError("verify: give a trace id or file, or --data DIR to check the whole store");
            }
        });
        command.SetAction(parse => RunAsync(parse.GetValue(target), parse.GetValue(data), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    public static async Task<int> RunAsync(string? target, string? folder, TextWriter stdout, TextWriter stderr)
    {
        if (target is null)
        {
            await using var whole = LocalCaseStore.OpenReadOnly(folder!);
            return await VerifyStoreAsync(whole, folder!, stdout);
        }

        if (File.Exists(target))
        {
            return await VerifyFileAsync(target, stdout);
        }

        if (!TraceCanonicalJson.IsTraceId(target))
        {
            await stderr.WriteLineAsync($"'{target}' is neither a file nor a trace id (tr- followed by 64 hex digits)");
            return 2;
        }

        var data = folder ?? CliOptions.DefaultDataDirectory;
        await using var store = LocalCaseStore.OpenReadOnly(data);
        var damaged = await ReportDamageAsync(store, stdout);
        return Math.Max(damaged ? 1 : 0, await VerifyStoredAsync(target, store.Traces, data, stdout));
    }

    /// <summary>The whole store: every damaged range of the record log, then the chain of every case.</summary>
    private static async Task<int> VerifyStoreAsync(LocalCaseStore store, string data, TextWriter stdout)
    {
        var damaged = await ReportDamageAsync(store, stdout);
        var cases = store.TraceLog.CaseIds();
        var broken = 0;
        foreach (var caseId in cases)
        {
            var result = await store.Traces.VerifyCaseAsync(caseId);
            if (!result.Ok)
            {
                broken++;
                await stdout.WriteLineAsync($"BROKEN  case {caseId}, chain of {result.Length}:");
                foreach (var b in result.Breaks)
                {
                    await stdout.WriteLineAsync($"  {b}");
                }
            }

            foreach (var id in result.Superseded)
            {
                await stdout.WriteLineAsync($"SUPERSEDED  case {caseId}: {id} (lost the race for its chain slot; kept, not part of the chain)");
            }
        }

        var ok = !damaged && broken == 0;
        await stdout.WriteLineAsync($"{(ok ? "OK" : "BROKEN")}  store {Path.GetFullPath(data)}: {store.Log.Count} records readable, "
            + $"{store.Log.Damage.Count} damaged range{(store.Log.Damage.Count == 1 ? "" : "s")}, {cases.Count} case chain{(cases.Count == 1 ? "" : "s")} verified, {broken} broken");
        return ok ? 0 : 1;
    }

    /// <summary>Prints each range of the record log that holds no readable record; true when there is one.</summary>
    private static async Task<bool> ReportDamageAsync(LocalCaseStore store, TextWriter stdout)
    {
        foreach (var range in store.Log.Damage)
        {
            await stdout.WriteLineAsync($"DAMAGED  {range}");
        }

        return store.Log.Damage.Count > 0;
    }

    private static async Task<int> VerifyFileAsync(string path, TextWriter stdout)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var bytes = await File.ReadAllBytesAsync(path);
        var result = TraceChainVerifier.VerifySingle(bytes, TraceCanonicalJson.IsTraceId(name) ? name : null);
        var id = TraceCanonicalJson.IdOf(bytes);
        if (result.Ok)
        {
            var trace = TraceCanonicalJson.Deserialize(bytes);
            await stdout.WriteLineAsync($"OK  {id}  case {trace.CaseId}, sequence {trace.Sequence}: canonical, hash matches");
            return 0;
        }

        await stdout.WriteLineAsync($"BROKEN  {path}: {result.FirstBreak!.Message}");
        return 1;
    }

    private static async Task<int> VerifyStoredAsync(string traceId, ITraceStore store, string data, TextWriter stdout)
    {
        var bytes = await store.GetAsync(traceId);
        if (bytes is null)
        {
            await stdout.WriteLineAsync($"NOT FOUND  {traceId} is not stored under {Path.GetFullPath(data)}");
            return 1;
        }

        DecisionTrace trace;
        try
        {
            trace = TraceCanonicalJson.Deserialize(bytes);
        }
        catch (JsonException)
        {
            await stdout.WriteLineAsync($"BROKEN  {traceId}: not a readable trace; stored bytes hash to {TraceCanonicalJson.IdOf(bytes)}");
            return 1;
        }

        var chain = await store.ListChainAsync(trace.CaseId);
        var result = await store.VerifyCaseAsync(trace.CaseId);
        var position = chain.ToList().FindIndex(l => l.TraceId == traceId);
        if (!result.Ok)
        {
            await stdout.WriteLineAsync($"BROKEN  case {trace.CaseId}, chain of {result.Length}:");
            foreach (var b in result.Breaks)
            {
                await stdout.WriteLineAsync($"  {b}");
            }

            return 1;
        }

        if (position < 0 && result.Superseded.Contains(traceId))
        {
            await stdout.WriteLineAsync($"SUPERSEDED  {traceId}: stored for case {trace.CaseId} by a writer that lost the race for its chain slot and wrote again; not part of the record. The chain of {result.Length} traces verifies.");
            return 0;
        }

        if (position < 0)
        {
            await stdout.WriteLineAsync($"BROKEN  {traceId} is not part of the chain of case {trace.CaseId} ({result.Length} traces) and is not recorded as superseded (OUTSIDE CHAIN: its writer stopped between storing it and claiming a slot, or the store was tampered with)");
            return 1;
        }

        await stdout.WriteLineAsync($"OK  case {trace.CaseId}: chain of {result.Length} trace{(result.Length == 1 ? "" : "s")} verified ({traceId} is position {position})");
        return 0;
    }
}

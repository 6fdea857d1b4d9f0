using System.Globalization;
using System.Text.Json;
using Escalation.Core.Metrics;
using Escalation.Core.Storage;
using Escalation.Core.Tickets;
using Escalation.Core.Workflow;
using Escalation.Infrastructure.Hosting;
using Escalation.Infrastructure.Storage;
using Escalation.Infrastructure.Workspace;

namespace Escalation.Cli;

/// <summary>
/// <c>escalation kpis [--data DIR] [--now ISO] [--json] [--no-consistency] [--workspace DIR]</c>: the KPI summary of a
/// data directory's case index (default <c>.data</c>), with a policy-consistency re-run of the stored submissions.
/// <c>escalation kpis rebuild (--connection-string CS | --account NAME) [--table NAME] | [--data DIR]</c>: recomputes the
/// Azure index's KPI counter shards from its case rows (docs/kpis.md).
/// </summary>
public static class KpiCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length > 0 && args[0] == "rebuild")
        {
            return await RebuildAsync(args[1..], stdout, stderr);
        }

        var data = CliArgs.Option(args, "--data") ?? ".data";
        if (!Directory.Exists(data))
        {
            await stderr.WriteLineAsync($"kpis: no data directory at {Path.GetFullPath(data)}");
            return 1;
        }

        var now = DateTimeOffset.UtcNow;
        if (CliArgs.Option(args, "--now") is { } nowText
            && !DateTimeOffset.TryParse(nowText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out now))
        {
            await stderr.WriteLineAsync($"--now: not an ISO instant: {nowText}");
            return 2;
        }

        await using var store = LocalCaseStore.OpenReadOnly(data);
        var cases = await ReadAllAsync(store.Index);
        IReadOnlyList<PolicyConsistencyCheck>? checks = null;
        if (!CliArgs.Flag(args, "--no-consistency"))
        {
            var workspace = CliArgs.Option(args, "--workspace") ?? "samples/workspace";
            checks = await ConsistencyAsync(cases, store, workspace, stderr);
        }

        var summary = KpiSummary.From(cases, now, checks);
        await stdout.WriteLineAsync(CliArgs.Flag(args, "--json") ? JsonSerializer.Serialize(summary, Json) : KpiText.Render(summary));
        return 0;
    }

    /// <summary>
    /// <c>kpis rebuild</c>: on Azure Tables (a connection string, or an account name with the signed-in or managed
    /// identity) recomputes every counter shard from the case rows, with a progress line every 10,000 cases; a local data
    /// directory needs no rebuild (the local store recounts its case index at every start), and says so.
    /// </summary>
    public static async Task<int> RebuildAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var connection = CliArgs.Option(args, "--connection-string") ?? Environment.GetEnvironmentVariable("Escalation__Storage__ConnectionString");
        var accountName = CliArgs.Option(args, "--account");
        if (connection is null && accountName is null)
        {
            var data = CliArgs.Option(args, "--data") ?? ".data";
            if (!Directory.Exists(data))
            {
                await stderr.WriteLineAsync($"kpis rebuild: no data directory at {Path.GetFullPath(data)}; for Azure Tables pass --connection-string or --account");
                return 1;
            }

            await stdout.WriteLineAsync($"kpis rebuild: {Path.GetFullPath(data)} is local storage, whose counters are recomputed from the case index at every start of the server; nothing to rebuild");
            return 0;
        }

        var account = connection is not null
            ? AzureStorageAccount.FromConnectionString(connection)
            : AzureStorageAccount.FromAccountName(accountName!, AzureStorageAccount.Credential(CliArgs.Option(args, "--managed-identity-client-id")));
        var table = CliArgs.Option(args, "--table") ?? AzureCaseIndex.DefaultTable;
        var index = new AzureCaseIndex(account, table);
        var inv = CultureInfo.InvariantCulture;
        try
        {
            var (cases, unwritten) = await index.RebuildCountersAsync(read => stderr.WriteLine(string.Format(inv, "kpis rebuild: {0:N0} cases read", read)));
            if (unwritten > 0)
            {
                await stderr.WriteLineAsync(string.Format(inv, "kpis rebuild: {0} of {1} shards changed during each of three scans and were left as they were; run it again when fewer cases are moving", unwritten, AzureKpiShards.Count));
                return 1;
            }

            await stdout.WriteLineAsync(string.Format(inv, "kpis rebuild: {0:N0} cases counted into {1} shards of table {2}idx", cases, AzureKpiShards.Count, table));
            return 0;
        }
        catch (Azure.RequestFailedException ex)
        {
            await stderr.WriteLineAsync($"kpis rebuild: the table service refused: {ex.Status} {ex.ErrorCode}");
            return 1;
        }
    }

    /// <summary>Every case in the index once, also while the server is moving cases on.</summary>
    public static Task<IReadOnlyList<CaseRecord>> ReadAllAsync(ICaseIndex index) => index.QueryAllAsync();

    /// <summary>Every case in a data directory's index as of now (read-only: a server may be writing it).</summary>
    public static async Task<IReadOnlyList<CaseRecord>> ReadAllAsync(string dataDirectory)
    {
        await using var store = LocalCaseStore.OpenReadOnly(dataDirectory);
        return await ReadAllAsync(store.Index);
    }

    /// <summary>
    /// Re-decides each case from its stored submission (artifact <c>submission</c>) as of its creation time and compares
    /// the route with the one its first decision trace recorded; cases decided on another workspace version are skipped.
    /// </summary>
    public static async Task<IReadOnlyList<PolicyConsistencyCheck>?> ConsistencyAsync(IReadOnlyList<CaseRecord> cases, LocalCaseStore store, string workspacePath, TextWriter stderr)
    {
        BenchSamples samples;
        try
        {
            samples = await BenchSamples.LoadAsync(workspacePath, WorkspaceLocator.Resolve("samples/tickets"));
        }
        catch (Exception ex) when (ex is IOException or Core.Knowledge.WorkspaceValidationException)
        {
            await stderr.WriteLineAsync($"kpis: policy consistency not checked — workspace {workspacePath}: {ex.Message}");
            return null;
        }

        var (artifacts, traces) = (store.Artifacts, store.Traces);
        var checks = new List<PolicyConsistencyCheck>();
        foreach (var c in cases)
        {
            var chain = await traces.ListChainAsync(c.CaseId);
            var first = chain.Count > 0 ? await traces.GetTraceAsync(chain[0].TraceId) : null;
            var stored = first?.Decision?.Route;
            if (stored is null)
            {
                checks.Add(new PolicyConsistencyCheck(c.CaseId, c.Route, null, "no decision trace"));
                continue;
            }

            if (first!.WorkspaceVersion != samples.Workspace.Version)
            {
                checks.Add(new PolicyConsistencyCheck(c.CaseId, stored, null, $"decided on workspace {first.WorkspaceVersion}"));
                continue;
            }

            var json = await artifacts.GetAsync(c.CaseId, "submission");
            if (json is null)
            {
                checks.Add(new PolicyConsistencyCheck(c.CaseId, stored, null, c.Extra.ContainsKey("erased") ? "personal data erased" : "no stored submission"));
                continue;
            }

            try
            {
                var (ticket, decidedAt) = Api.Simulations.StoredCases.ReadSubmission(json, c.Created);
                var decision = ticket.ResolvedKind == CaseKind.Escalation
                    ? samples.Escalation.Run(ticket, samples.Workspace, decidedAt).Decision
                    : samples.Sensitive.Run(ticket, samples.Workspace, decidedAt).Decision;
                checks.Add(new PolicyConsistencyCheck(c.CaseId, stored, decision.Route));
            }
            catch (Exception ex) when (ex is JsonException or Core.Decisions.CaseInputException)
            {
                checks.Add(new PolicyConsistencyCheck(c.CaseId, stored, null, "stored submission unreadable: " + ex.Message));
            }
        }

        return checks;
    }
}

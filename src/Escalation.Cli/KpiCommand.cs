using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Escalation.Core.Knowledge;
using Escalation.Core.Metrics;
using Escalation.Core.Pipelines;
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

    public static Command Create()
    {
        var data = CliOptions.Data();
        var now = CliOptions.Instant("--now", "the instant the summary is as of (default: now)");
        var json = CliOptions.Json("the summary as JSON");
        var noConsistency = new Option<bool>("--no-consistency") { Description = "skip re-deciding the stored submissions" };
        var workspace = CliOptions.Workspace("the workspace the policy-consistency check decides with");
        var command = new Command("kpis", "KPI summary from a data directory's case index") { data, now, json, noConsistency, workspace, CreateRebuild() };
        command.SetAction(parse => RunAsync(
            parse.GetValue(data)!, parse.GetValue(now) ?? DateTimeOffset.UtcNow, parse.GetValue(json),
            parse.GetValue(noConsistency) ? null : parse.GetValue(workspace), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static Command CreateRebuild()
    {
        var connection = new Option<string>("--connection-string") { Description = "the storage account's connection string (default: Escalation__Storage__ConnectionString)", HelpName = "CS" };
        var account = new Option<string>("--account") { Description = "the storage account's name, with the signed-in or managed identity", HelpName = "NAME" };
        var identity = new Option<string>("--managed-identity-client-id") { Description = "the user-assigned managed identity to sign in as", HelpName = "ID" };
        var table = new Option<string>("--table") { Description = "the case index table", HelpName = "NAME", DefaultValueFactory = _ => AzureCaseIndex.DefaultTable };
        var data = CliOptions.Data("a local data directory (needs no rebuild; says so)");
        var command = new Command("rebuild", "recompute the Azure index's KPI counters from its case rows (docs/kpis.md)") { connection, account, identity, table, data };
        command.SetAction(parse => RebuildAsync(
            new RebuildTarget(
                parse.GetValue(connection) ?? Environment.GetEnvironmentVariable("Escalation__Storage__ConnectionString"),
                parse.GetValue(account), parse.GetValue(identity), parse.GetValue(table)!, parse.GetValue(data)!),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>The store <c>kpis rebuild</c> recounts: Azure Tables by connection string or account name, else a local folder.</summary>
    public sealed record RebuildTarget(string? ConnectionString, string? AccountName, string? ManagedIdentityClientId, string Table, string Data);

    /// <summary>The summary of <paramref name="data"/>; <paramref name="workspace"/> null skips the policy-consistency re-run.</summary>
    public static async Task<int> RunAsync(string data, DateTimeOffset now, bool json, string? workspace, TextWriter stdout, TextWriter stderr)
    {
        if (!Directory.Exists(data))
        {
            await stderr.WriteLineAsync($"kpis: no data directory at {Path.GetFullPath(data)}");
            return 1;
        }

        await using var store = LocalCaseStore.OpenReadOnly(data);
        var cases = await store.Index.QueryAllAsync(); // every case once, also while a server moves cases on
        IReadOnlyList<PolicyConsistencyCheck>? checks = null;
        if (workspace is not null)
        {
            checks = await ConsistencyAsync(cases, store, workspace, stderr);
        }

        var summary = KpiSummary.From(cases, now, checks);
        await stdout.WriteLineAsync(json ? JsonSerializer.Serialize(summary, Json) : KpiText.Render(summary));
        return 0;
    }

    /// <summary>
    /// <c>kpis rebuild</c>: on Azure Tables (a connection string, or an account name with the signed-in or managed
    /// identity) recomputes every counter shard from the case rows, with a progress line every 10,000 cases; a local data
    /// directory needs no rebuild (the local store recounts its case index at every start), and says so.
    /// </summary>
    public static async Task<int> RebuildAsync(RebuildTarget target, TextWriter stdout, TextWriter stderr)
    {
        var (connection, accountName) = (target.ConnectionString, target.AccountName);
        if (connection is null && accountName is null)
        {
            var data = target.Data;
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
            : AzureStorageAccount.FromAccountName(accountName!, AzureStorageAccount.Credential(target.ManagedIdentityClientId));
        var table = target.Table;
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

    /// <summary>
    /// Re-decides each case from its stored submission (artifact <c>submission</c>) as of its creation time and compares
    /// the route with the one its first decision trace recorded; cases decided on another workspace version are skipped.
    /// </summary>
    public static async Task<IReadOnlyList<PolicyConsistencyCheck>?> ConsistencyAsync(IReadOnlyList<CaseRecord> cases, LocalCaseStore store, string workspacePath, TextWriter stderr)
    {
        Workspace workspace;
        try
        {
            workspace = await WorkspaceLoader.LoadFolderAsync(WorkspaceLocator.Resolve(workspacePath));
        }
        catch (Exception ex) when (ex is IOException or Core.Knowledge.WorkspaceValidationException)
        {
            await stderr.WriteLineAsync($"kpis: policy consistency not checked — workspace {workspacePath}: {ex.Message}");
            return null;
        }

        var (artifacts, traces) = (store.Artifacts, store.Traces);
        var pipelines = CasePipelines.Embedded();
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

            if (first!.WorkspaceVersion != workspace.Version)
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
                var decision = pipelines.Decide(ticket, workspace, decidedAt);
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

using System.CommandLine;
using System.Text.Json;
using Escalation.Core.Decisions;
using Escalation.Core.Knowledge;
using Escalation.Core.Metrics;
using Escalation.Core.Simulation;
using Escalation.Core.Storage;
using Escalation.Core.Tickets;
using Escalation.Api.Simulations;
using Escalation.Infrastructure.Hosting;
using Escalation.Infrastructure.Storage;
using Escalation.Infrastructure.Workspace;

namespace Escalation.Cli;

/// <summary>
/// <c>escalation simulate --candidate DIR [--baseline DIR] (--data DIR | --tickets GLOB) [--since DATE] [--now ISO]
/// [--json] [--html FILE] [--base-url URL] [--fail-on RULES]</c>: decides past cases (or ticket files) again with a
/// candidate workspace and reports what would change. Exit 0; 1 when a <c>--fail-on</c> rule is met; 2 on bad usage.
/// </summary>
public static class SimulateCommand
{
    /// <summary>The instant ticket files are decided at unless <c>--now</c> says otherwise: the samples' (samples/tickets/README.md).</summary>
    public static readonly DateTimeOffset SamplesInstant = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The rules <c>--fail-on</c> knows.</summary>
    public static readonly IReadOnlyList<string> FailRules = ["new-auto-sends", "risky-flips", "flips"];

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly JsonSerializerOptions Output = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>One simulation as the command line asked for it: exactly one of <see cref="Data"/> and <see cref="Tickets"/>.</summary>
    public sealed record SimulateRun(string Candidate, string? Baseline, string? Data, string? Tickets, DateTimeOffset Since, DateTimeOffset Now,
        bool Json, string? Html, string BaseUrl, IReadOnlyList<string> FailOn);

    public static Command Create(CliHost host)
    {
        var candidate = new Option<string>("--candidate") { Description = "the changed workspace folder", HelpName = "DIR", Required = true };
        var baseline = new Option<string>("--baseline") { Description = "the workspace to compare with (default: each case's decision on record)", HelpName = "DIR" };
        var data = new Option<string>("--data") { Description = "past cases from a local store's data directory", HelpName = "DIR" };
        var tickets = new Option<string>("--tickets") { Description = "ticket files instead of stored cases (a folder or a glob; needs --baseline)", HelpName = "GLOB" };
        var since = CliOptions.Instant("--since", "only cases created since this date");
        var now = CliOptions.Instant("--now", "the instant ticket files are decided at (default: the samples' evaluation instant, 2026-11-23T12:00Z)");
        var json = CliOptions.Json("the report as JSON");
        var html = new Option<string>("--html") { Description = "also write the report as an HTML page", HelpName = "FILE" };
        var baseUrl = CliOptions.BaseUrl();
        var failOn = new Option<string[]>("--fail-on")
        {
            Description = $"exit 1 when the candidate would do this: {string.Join(", ", FailRules)} (comma-separated)",
            HelpName = "RULES",
            CustomParser = result =>
            {
                var rules = result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
                if (rules.FirstOrDefault(r => !FailRules.Contains(r)) is { } unknown)
                {
                    result.AddError($"--fail-on: unknown rule '{unknown}' (known: {string.Join(", ", FailRules)})");
                }

                return rules;
            },
        };
        var command = new Command("simulate", "decide past cases again with a changed workspace: what flips, and why")
        {
            candidate, baseline, data, tickets, since, now, json, html, baseUrl, failOn,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetResult(data) is null) == (result.GetResult(tickets) is null))
            {
                result.AddError("simulate: give exactly one of --data DIR and --tickets GLOB");
            }
        });
        command.SetAction(parse => RunAsync(
            new SimulateRun(
                parse.GetValue(candidate)!, parse.GetValue(baseline), parse.GetValue(data), parse.GetValue(tickets),
                parse.GetValue(since) ?? DateTimeOffset.MinValue, parse.GetValue(now) ?? SamplesInstant, parse.GetValue(json),
                parse.GetValue(html), parse.GetValue(baseUrl)!, parse.GetValue(failOn) ?? []),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            host.Interactive));
        return command;
    }

    public static async Task<int> RunAsync(SimulateRun run, TextWriter stdout, TextWriter stderr, bool showProgress = false)
    {
        var (candidatePath, data, tickets, since, now, failOn) = (run.Candidate, run.Data, run.Tickets, run.Since, run.Now, run.FailOn);
        Workspace candidate;
        Workspace? baseline = null;
        try
        {
            candidate = await WorkspaceLoader.LoadFolderAsync(WorkspaceLocator.Resolve(candidatePath));
            if (run.Baseline is { } baselinePath)
            {
                baseline = await WorkspaceLoader.LoadFolderAsync(WorkspaceLocator.Resolve(baselinePath));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or WorkspaceValidationException)
        {
            await stderr.WriteLineAsync($"simulate: workspace: {ex.Message}");
            return 2;
        }

        IReadOnlyList<SimulatedCase> cases;
        if (tickets is not null)
        {
            if (baseline is null)
            {
                await stderr.WriteLineAsync("simulate: ticket files have no decision on record; give --baseline DIR to compare with");
                return 2;
            }

            var read = await ReadTicketsAsync(tickets, now, stderr);
            if (read is null)
            {
                return 2;
            }

            cases = read;
        }
        else
        {
            if (!Directory.Exists(data))
            {
                await stderr.WriteLineAsync($"simulate: no data directory at {Path.GetFullPath(data!)}");
                return 2;
            }

            cases = await ReadStoredCasesAsync(data!, since, run.BaseUrl.TrimEnd('/'));
        }

        var progress = showProgress && cases.Count >= 200
            ? new Progress<int>(done => { if (done % 100 == 0 || done == cases.Count) { stderr.Write($"\rsimulate: {done}/{cases.Count} cases"); } })
            : null;
        var report = new Simulator(CaseDetectors.Embedded).Run(cases, candidate, baseline, progress);
        if (progress is not null)
        {
            await stderr.WriteLineAsync();
        }

        if (run.Html is { } html)
        {
            await File.WriteAllTextAsync(html, SimulationHtml.Render(report));
        }

        await stdout.WriteLineAsync(run.Json ? JsonSerializer.Serialize(report, Output) : SimulationText.Render(report));
        var failed = failOn.Where(rule => rule switch
        {
            "new-auto-sends" => report.NewAutoSends.Count > 0,
            "risky-flips" => report.RiskyFlips.Count > 0,
            _ => report.Flipped > 0,
        }).ToList();
        foreach (var rule in failed)
        {
            await stderr.WriteLineAsync($"simulate: --fail-on {rule}: the candidate {rule switch
            {
                "new-auto-sends" => $"would send {report.NewAutoSends.Count} case(s) without a human that a human handled",
                "risky-flips" => $"would auto-send {report.RiskyFlips.Count} case(s) a reviewer edited, rejected or escalated",
                _ => $"changes the route of {report.Flipped} case(s)",
            }}");
        }

        return failed.Count > 0 ? 1 : 0;
    }

    /// <summary>The stored cases of a data directory, each with its recorded decision, review outcome and audit URL.</summary>
    public static async Task<IReadOnlyList<SimulatedCase>> ReadStoredCasesAsync(string data, DateTimeOffset since, string baseUrl)
    {
        await using var store = LocalCaseStore.OpenReadOnly(data);
        var stored = new StoredCases(store.Index, store.Artifacts, store.Traces);
        var list = new List<SimulatedCase>();
        foreach (var id in await stored.ListAsync(since))
        {
            if (await stored.ReadAsync(id, baseUrl) is { } c)
            {
                list.Add(c);
            }
        }

        return list;
    }

    private static async Task<IReadOnlyList<SimulatedCase>?> ReadTicketsAsync(string glob, DateTimeOffset now, TextWriter stderr)
    {
        var directory = Path.GetDirectoryName(glob) is { Length: > 0 } d ? d : ".";
        var pattern = Path.GetFileName(glob) is { Length: > 0 } p ? p : "*.json";
        if (Directory.Exists(glob))
        {
            (directory, pattern) = (glob, "*.json");
        }

        if (!Directory.Exists(directory))
        {
            await stderr.WriteLineAsync($"--tickets: no folder {Path.GetFullPath(directory)}");
            return null;
        }

        var list = new List<SimulatedCase>();
        foreach (var file in Directory.EnumerateFiles(directory, pattern).Order(StringComparer.Ordinal))
        {
            try
            {
                var ticket = JsonSerializer.Deserialize<CaseSubmission>(await File.ReadAllTextAsync(file), Web) ?? throw new JsonException("empty file");
                list.Add(new SimulatedCase(Path.GetFileName(file), ticket, now));
            }
            catch (JsonException ex)
            {
                await stderr.WriteLineAsync($"{file}: not a ticket: {ex.Message}");
            }
        }

        if (list.Count == 0)
        {
            await stderr.WriteLineAsync($"--tickets: no ticket files match {glob}");
            return null;
        }

        return list;
    }
}

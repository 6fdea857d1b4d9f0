using System.Globalization;
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
    public const string Usage =
        "usage: escalation simulate --candidate DIR [--baseline DIR] (--data DIR | --tickets GLOB) [--since DATE] [--now ISO] [--json] [--html FILE] [--base-url URL] [--fail-on new-auto-sends,risky-flips,flips]";

    /// <summary>The rules <c>--fail-on</c> knows.</summary>
    public static readonly IReadOnlyList<string> FailRules = ["new-auto-sends", "risky-flips", "flips"];

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly JsonSerializerOptions Output = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, bool showProgress = false)
    {
        var candidatePath = CliArgs.Option(args, "--candidate");
        var data = CliArgs.Option(args, "--data");
        var tickets = CliArgs.Option(args, "--tickets");
        if (candidatePath is null || (data is null) == (tickets is null))
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        var failOn = (CliArgs.Option(args, "--fail-on") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (failOn.FirstOrDefault(r => !FailRules.Contains(r)) is { } unknown)
        {
            await stderr.WriteLineAsync($"--fail-on: unknown rule '{unknown}' (known: {string.Join(", ", FailRules)})");
            return 2;
        }

        if (!TryInstant(args, "--since", DateTimeOffset.MinValue, out var since) || !TryInstant(args, "--now", BenchSamples.EvaluationInstant, out var now))
        {
            await stderr.WriteLineAsync("--since/--now: not an ISO date or instant");
            return 2;
        }

        Workspace candidate;
        Workspace? baseline = null;
        try
        {
            candidate = await WorkspaceLoader.LoadFolderAsync(WorkspaceLocator.Resolve(candidatePath));
            if (CliArgs.Option(args, "--baseline") is { } baselinePath)
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

            cases = await ReadStoredCasesAsync(data!, since, (CliArgs.Option(args, "--base-url") ?? "http://localhost:7071").TrimEnd('/'));
        }

        var progress = showProgress && cases.Count >= 200
            ? new Progress<int>(done => { if (done % 100 == 0 || done == cases.Count) { stderr.Write($"\rsimulate: {done}/{cases.Count} cases"); } })
            : null;
        var report = new Simulator(TriageDetector.Default).Run(cases, candidate, baseline, progress);
        if (progress is not null)
        {
            await stderr.WriteLineAsync();
        }

        if (CliArgs.Option(args, "--html") is { } html)
        {
            await File.WriteAllTextAsync(html, SimulationHtml.Render(report));
        }

        await stdout.WriteLineAsync(CliArgs.Flag(args, "--json") ? JsonSerializer.Serialize(report, Output) : SimulationText.Render(report));
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

    private static bool TryInstant(string[] args, string name, DateTimeOffset fallback, out DateTimeOffset value)
    {
        value = fallback;
        return CliArgs.Option(args, name) is not { } text
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }
}

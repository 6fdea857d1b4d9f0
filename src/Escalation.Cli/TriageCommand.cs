using System.CommandLine;
using Escalation.Infrastructure.Drafting;
using System.Text.Json;
using System.Text.Json.Serialization;
using Escalation.Core.Decisions;
using Escalation.Core.Knowledge;
using Escalation.Core.Pipelines;
using Escalation.Core.Sensitive;
using Escalation.Core.Signals;
using Escalation.Core.Tickets;
using Escalation.Infrastructure.Hosting;
using Escalation.Infrastructure.Workspace;

namespace Escalation.Cli;

/// <summary>
/// <c>escalation triage FILE... [--json] [--now ISO] [--workspace DIR] [--drafter composer|model]</c>: runs each
/// ticket file through its pipeline and prints a table (or one JSON line per ticket). Bad files are
/// reported by name; the run continues and exits 1 at the end.
/// </summary>
public static class TriageCommand
{
    private static readonly JsonSerializerOptions ReadOptions = new(JsonSerializerDefaults.Web);

    private static readonly JsonSerializerOptions WriteOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The drafters <c>--drafter</c> takes.</summary>
    public static readonly string[] Drafters = ["composer", "model"];

    public static Command Create(CliHost host)
    {
        var files = new Argument<string[]>("FILE") { Description = "ticket JSON files (a submission each)", Arity = ArgumentArity.OneOrMore };
        var json = CliOptions.Json("one JSON line per ticket instead of the table");
        var now = CliOptions.Instant("--now", "the instant the tickets are decided at (default: now)");
        var workspace = CliOptions.Workspace();
        var drafter = new Option<string>("--drafter") { Description = "composer (embedded) or model (docs/drafting.md)", DefaultValueFactory = _ => "composer" };
        drafter.AcceptOnlyFromAmong(Drafters);
        var command = new Command("triage", "decide each ticket file and print its route and reasons") { files, json, now, workspace, drafter };
        command.SetAction(parse => RunAsync(
            new TriageRun(parse.GetValue(files)!, parse.GetValue(json), parse.GetValue(now) ?? DateTimeOffset.UtcNow, parse.GetValue(workspace)!, parse.GetValue(drafter)!),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            host.Detector,
            host.Interactive));
        return command;
    }

    /// <summary>One triage run as the command line asked for it.</summary>
    public sealed record TriageRun(IReadOnlyList<string> Files, bool Json, DateTimeOffset Now, string Workspace, string Drafter);

    public static async Task<int> RunAsync(TriageRun run, TextWriter stdout, TextWriter stderr, CaseDetector detect, bool stderrIsTerminal)
    {
        var (files, now, drafter) = (run.Files, run.Now, run.Drafter);
        IDraftWriter writer;
        ModelReader? reader = null;
        switch (drafter)
        {
            case "composer":
                writer = new ComposerDraftWriter();
                break;
            case "model":
                try
                {
                    var options = DraftingOptions.FromEnvironment();
                    if (!options.UsesModel)
                    {
                        await stderr.WriteLineAsync("--drafter model: Escalation__Drafting__Provider is not set (openai or azure-openai); see docs/drafting.md.");
                        return 2;
                    }

                    writer = DraftingSetup.CreateDraftWriter(options);
                    reader = DraftingSetup.CreateModelReader(options);
                }
                catch (DraftingConfigurationException ex)
                {
                    await stderr.WriteLineAsync("--drafter model: " + ex.Message);
                    return 2;
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(run), drafter, "the parser accepts only the known drafters");
        }

        Workspace workspace;
        try
        {
            workspace = await WorkspaceLoader.LoadFolderAsync(WorkspaceLocator.Resolve(run.Workspace));
        }
        catch (Exception ex) when (ex is WorkspaceValidationException or DirectoryNotFoundException)
        {
            await stderr.WriteLineAsync(ex.Message);
            return 1;
        }

        var json = run.Json;
        // DecideAsync: with --drafter model the writer and reader await the model (Decide would refuse them rather than block).
        var pipelines = new CasePipelines(detect, writer, reader);
        var progress = stderrIsTerminal || files.Count > 20;
        var failed = false;
        var rows = new List<CaseDecision>();
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            try
            {
                var ticket = JsonSerializer.Deserialize<CaseSubmission>(await File.ReadAllTextAsync(file), ReadOptions)
                    ?? throw new CaseInputException("empty file");
                if (ticket.Messages.All(m => string.IsNullOrWhiteSpace(m.Text)))
                {
                    throw new CaseInputException("at least one message with text is required");
                }

                var decision = await pipelines.DecideAsync(ticket, workspace, now);
                if (json)
                {
                    await stdout.WriteLineAsync(JsonSerializer.Serialize(TriageLine.From(decision, file), WriteOptions));
                }
                else
                {
                    rows.Add(decision);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or CaseInputException or NotSupportedException)
            {
                failed = true;
                await stderr.WriteLineAsync($"{file}: {ex.Message}");
            }

            if (progress)
            {
                await stderr.WriteAsync(TriageTable.ProgressBar(i + 1, files.Count));
            }
        }

        if (progress)
        {
            await stderr.WriteLineAsync();
        }

        if (!json)
        {
            await stdout.WriteAsync(TriageTable.Render(rows));
        }

        return failed ? 1 : 0;
    }
}

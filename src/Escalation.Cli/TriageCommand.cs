using Escalation.Infrastructure.Drafting;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Escalation.Core.Decisions;
using Escalation.Core.Escalations;
using Escalation.Core.Knowledge;
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

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CaseDetector detect, bool stderrIsTerminal)
    {
        var files = CliArgs.Positional(args, "--now", "--workspace", "--drafter");
        if (files.Count == 0)
        {
            await stderr.WriteLineAsync("usage: escalation triage FILE... [--json] [--now ISO] [--workspace DIR] [--drafter composer|model]");
            return 2;
        }

        var now = DateTimeOffset.UtcNow;
        if (CliArgs.Option(args, "--now") is { } nowText
            && !DateTimeOffset.TryParse(nowText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out now))
        {
            await stderr.WriteLineAsync($"--now: not an ISO instant: {nowText}");
            return 2;
        }

        var drafter = CliArgs.Option(args, "--drafter") ?? "composer";
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
                await stderr.WriteLineAsync($"--drafter: unknown drafter '{drafter}' (available: composer, model)");
                return 2;
        }

        Workspace workspace;
        try
        {
            workspace = await WorkspaceLoader.LoadFolderAsync(WorkspaceLocator.Resolve(CliArgs.Option(args, "--workspace") ?? "samples/workspace"));
        }
        catch (Exception ex) when (ex is WorkspaceValidationException or DirectoryNotFoundException)
        {
            await stderr.WriteLineAsync(ex.Message);
            return 1;
        }

        var json = CliArgs.Flag(args, "--json");
        // RunAsync: with --drafter model the writer and reader await the model (Run would refuse them rather than block).
        var sensitive = new SensitiveCasePipeline(detect, writer, reader);
        var escalation = new EscalationCasePipeline(detect, writer, reader);
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

                var decision = ticket.ResolvedKind == CaseKind.Escalation
                    ? (await escalation.RunAsync(ticket, workspace, now)).Decision
                    : (await sensitive.RunAsync(ticket, workspace, now)).Decision;
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

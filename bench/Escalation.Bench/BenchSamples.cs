using System.Text.Json;
using Escalation.Core.Decisions;
using Escalation.Core.Knowledge;
using Escalation.Core.Pipelines;
using Escalation.Core.Tickets;
using Escalation.Infrastructure.Hosting;
using Escalation.Infrastructure.Workspace;

namespace Escalation.Bench;

/// <summary>The sample workspace and tickets the benchmarks run on, and the pipelines that decide them.</summary>
public sealed class BenchSamples
{
    /// <summary>The instant the sample tickets are written against (samples/tickets/README.md).</summary>
    public static readonly DateTimeOffset EvaluationInstant = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private BenchSamples(Workspace workspace, IReadOnlyList<(string File, CaseSubmission Ticket)> tickets)
    {
        Workspace = workspace;
        Tickets = tickets;
    }

    public Workspace Workspace { get; }

    public IReadOnlyList<(string File, CaseSubmission Ticket)> Tickets { get; }

    /// <summary>The embedded pipelines the samples are decided with.</summary>
    public CasePipelines Pipelines { get; } = CasePipelines.Embedded();

    /// <summary>The samples, or null after telling <paramref name="stderr"/> why they could not be loaded.</summary>
    public static async Task<BenchSamples?> TryLoadAsync(string command, TextWriter stderr)
    {
        try
        {
            return await LoadAsync();
        }
        catch (Exception ex) when (ex is IOException or Core.Knowledge.WorkspaceValidationException)
        {
            await stderr.WriteLineAsync($"{command}: cannot load samples/workspace and samples/tickets: {ex.Message}");
            return null;
        }
    }

    /// <summary>Loads <c>samples/workspace</c> and <c>samples/tickets/*.json</c> (paths resolved from the current directory upwards).</summary>
    public static async Task<BenchSamples> LoadAsync(string workspace = "samples/workspace", string tickets = "samples/tickets")
    {
        var ws = await WorkspaceLoader.LoadFolderAsync(WorkspaceLocator.Resolve(workspace));
        var dir = WorkspaceLocator.Resolve(tickets);
        var list = new List<(string, CaseSubmission)>();
        foreach (var file in Directory.EnumerateFiles(dir, "*.json").Order(StringComparer.Ordinal))
        {
            list.Add((Path.GetFileName(file), JsonSerializer.Deserialize<CaseSubmission>(await File.ReadAllTextAsync(file), Json)!));
        }

        return new BenchSamples(ws, list);
    }

    /// <summary>Decides a ticket with its pipeline, as of the samples' evaluation instant.</summary>
    public CaseDecision Decide(CaseSubmission ticket) => Pipelines.Decide(ticket, Workspace, EvaluationInstant);

    /// <summary>The sample tickets whose pipeline route is <paramref name="route"/>.</summary>
    public IReadOnlyList<CaseSubmission> WithRoute(string route) =>
        [.. Tickets.Select(t => t.Ticket).Where(t => Decide(t).Route == route)];

    /// <summary>A copy of a ticket with a ticket id no other run uses.</summary>
    public static CaseSubmission Unique(CaseSubmission ticket, string suffix) => ticket with { TicketId = $"{ticket.TicketId}-{suffix}", CallbackUrl = null };

    /// <summary>A ticket as the JSON body of <c>POST /api/cases</c>.</summary>
    public static string ToJson(CaseSubmission ticket) => JsonSerializer.Serialize(ticket, Json);
}

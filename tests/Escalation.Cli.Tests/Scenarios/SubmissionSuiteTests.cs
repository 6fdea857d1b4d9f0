using System.Text.Json;
using System.Text.Json.Nodes;
using Escalation.Core.Decisions;
using Escalation.Core.Knowledge;
using Escalation.Core.Pipelines;
using Escalation.Core.Tickets;
using Escalation.Infrastructure.Workspace;

namespace Escalation.Cli.Tests.Scenarios;

/// <summary>
/// Whole submissions written by independent ticket writers (Scenarios/Submissions/*.jsonl: customers given inline,
/// tier-1 handoffs as a help desk sends them) and what a senior would decide: the routes and priorities they accept,
/// and, for a reply sent or a case resolved without a human, the actions with their amounts and dates.
/// </summary>
public sealed class SubmissionSuiteTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly Lazy<Workspace> Ws = new(() => WorkspaceLoader.LoadFolderAsync(Path.Combine(ScenarioFile.RepoRoot(), "samples", "workspace")).GetAwaiter().GetResult());
    private static readonly Lazy<Dictionary<string, JsonObject>> Cases = new(Load);

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var id in Cases.Value.Keys)
        {
            data.Add(id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Run_Submission_DecidesAsASeniorWould(string id)
    {
        var entry = Cases.Value[id];
        var expect = entry["expect"]!.AsObject();
        var ticket = entry["submission"]!.Deserialize<CaseSubmission>(Json)!;

        var decision = CasePipelines.Embedded().Decide(ticket, Ws.Value, Now);

        var why = $"{id}: got {decision.Route} {decision.Priority} [{string.Join(", ", decision.Reasons.Select(r => r.Code))}] " +
            $"{string.Join("; ", decision.Actions.Select(a => a.Describe()))} — {entry["note"]}";
        Assert.True(Strings(expect["routes"]).Contains(decision.Route), why);
        Assert.True(Strings(expect["priorities"]).Contains(decision.Priority), why);
        // Money already moved: whatever the route, no action of these kinds is proposed (approving cannot pay twice).
        if (expect["forbid"] is JsonArray forbidden)
        {
            Assert.True(!decision.Actions.Any(a => Strings(forbidden).Contains(a.Kind)), $"{why} (forbidden: {string.Join(", ", Strings(forbidden))})");
        }

        if (decision.Route is Routes.DraftAndSend or Routes.ResolveInPlace)
        {
            var actions = decision.Actions.Where(a => a.Kind != "bug-report").ToList();
            Assert.True(expect["actions"] is JsonArray, $"{why} (the entry allows this route but names no actions to check)");
            var expected = expect["actions"]!.AsArray().Select(a => a!.AsObject()).ToList();
            Assert.True(expected.Select(a => (string)a["kind"]!).Order().SequenceEqual(actions.Select(a => a.Kind).Order()), why);
            foreach (var e in expected)
            {
                var action = actions.First(a => a.Kind == (string)e["kind"]!);
                var described = JsonSerializer.Serialize(action, Json);
                if (e["amount"] is { } amount)
                {
                    Assert.True(action.Amount == (decimal)amount, why);
                }

                if (e["chargeDate"] is { } day)
                {
                    Assert.True(described.Contains((string)day!, StringComparison.Ordinal), why);
                }

                if (e["effective"] is { } effective)
                {
                    Assert.True(described.Contains((string)effective!, StringComparison.Ordinal), why);
                }
            }
        }
    }

    /// <summary>The decision on one submission of the suite, for tests that read its draft.</summary>
    internal static CaseDecision Decide(string id) =>
        CasePipelines.Embedded().Decide(Cases.Value[id]["submission"]!.Deserialize<CaseSubmission>(Json)!, Ws.Value, Now);

    private static string[] Strings(JsonNode? node) => node!.AsArray().Select(n => (string)n!).ToArray();

    private static Dictionary<string, JsonObject> Load()
    {
        var dir = Path.Combine(ScenarioFile.RepoRoot(), "tests", "Escalation.Cli.Tests", "Scenarios", "Submissions");
        return Directory.GetFiles(dir, "*.jsonl").Order(StringComparer.Ordinal)
            .SelectMany(File.ReadAllLines)
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonNode.Parse(line)!.AsObject())
            .ToDictionary(o => (string)o["id"]!, StringComparer.Ordinal);
    }
}

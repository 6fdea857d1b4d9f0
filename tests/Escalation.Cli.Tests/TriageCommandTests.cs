using System.Text.Json;
using Escalation.Cli;
using Escalation.Core.Decisions;
using Escalation.Core.Signals;

namespace Escalation.Cli.Tests;

public sealed class TriageCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("triage-").FullName;

    private static readonly CaseDetector Calm = (_, _, _, _) => new CaseSignals { Text = new TextSignals(), Priority = "P3" };

    private static readonly CaseDetector Legal = (_, _, _, _) =>
        new CaseSignals { Text = new TextSignals { Legal = true, LegalKinds = [LegalKinds.Lawyer] }, Priority = "P1" };

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Workspace()
    {
        var ws = Path.Combine(_dir, "ws");
        Directory.CreateDirectory(Path.Combine(ws, "policies"));
        File.WriteAllText(Path.Combine(ws, "routing.yaml"), "intensity:\n  escalateAt: 0.75\n  reviewAt: 0.4\nvipTiers: [Enterprise]\nrepeatComplainant:\n  windowDays: 90\n  count: 3\nrenewalProximityDays: 30\nchurnArrThreshold: 10000\nautoApproveCap: 250\ndefaultCurrency: EUR\npolicyMatch:\n  minStrength: 0.45\nreviewSlaHours:\n  P0: 1\n  P1: 4\n  P2: 24\n  P3: 72\n");
        File.WriteAllText(Path.Combine(ws, "tone-guide.yaml"), "brandVoice: Plain.\nsignOff: Sam, Support\nmaxReadingGrade: 8\ncalibration:\n  - customerTone: angry\n    matchWith: Calm\n    opening: I understand.\nbannedPhrases:\n  - phrase: calm down\n    reason: Dismissive.\n");
        File.WriteAllText(Path.Combine(ws, "customers.yaml"), "customers:\n  - id: cus_001\n    name: Ada Example\n    tier: Growth\n    arr: 1200\n    customerSince: 2024-01-15\n");
        File.WriteAllText(Path.Combine(ws, "precedents.yaml"), "precedents: []\n");
        File.WriteAllText(Path.Combine(ws, "playbooks.yaml"), "playbooks: []\n");
        File.WriteAllText(Path.Combine(ws, "policies", "refund.md"), "---\nid: refund\ntitle: Refund policy\nversion: \"2026.3\"\neffective: 2026-03-01\ncategory: refund\ntags: [refund]\nnumbers:\n  refundWindowDays: 30\n  autoApproveCap: 250\n---\nRefunds.\n");
        return ws;
    }

    private string Ticket(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            ticketId = "T-" + name, customer = new { id = "cus_001" }, messages = new[] { new { from = "customer", text } },
        }));
        return path;
    }

    private async Task<(int Code, string Out, string Err)> Run(CaseDetector detect, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(["triage", .. args], stdout, stderr, new CliHost(TextReader.Null, detect, Interactive: false));
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Triage_TwoTickets_PrintsTableRowPerTicket()
    {
        var a = Ticket("a.json", "I was charged $49 on 2026-11-20 and changed my mind, could I get a refund?");
        var b = Ticket("b.json", "Please refund me.");

        var (code, output, err) = await Run(Calm, a, b, "--workspace", Workspace(), "--now", "2026-11-23T12:00:00Z");

        Assert.True(code == 0, err);
        Assert.Contains("TICKET", output, StringComparison.Ordinal);
        Assert.Contains("T-a.json", output, StringComparison.Ordinal);
        Assert.Contains("T-b.json", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Triage_Json_WritesOneLinePerTicketWithRouteReasonsAndDraft()
    {
        var a = Ticket("a.json", "My lawyer says refund the $49.");

        var (code, output, _) = await Run(Legal, a, "--json", "--workspace", Workspace(), "--now", "2026-11-23T12:00:00Z");

        Assert.Equal(0, code);
        var line = JsonDocument.Parse(output.Trim()).RootElement;
        Assert.Equal("T-a.json", line.GetProperty("ticketId").GetString());
        Assert.Equal("sensitive", line.GetProperty("kind").GetString());
        Assert.Equal(Routes.Escalate, line.GetProperty("route").GetString());
        Assert.StartsWith("legal-sensitive", line.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Hello Ada,", line.GetProperty("draft").GetString(), StringComparison.Ordinal);
        Assert.Equal("2026-11-23T16:00:00+00:00", line.GetProperty("slaDeadline").GetString());
    }

    [Fact]
    public async Task Triage_JsonPolishTicket_CarriesLanguageAndIsNeverSent()
    {
        var a = Ticket("pl.json", "Dzień dobry, zapłaciłem 49 euro 20 listopada i chciałbym prosić o zwrot pieniędzy. Dziękuję bardzo.");

        var (code, output, err) = await Run(CaseDetectors.Embedded, a, "--json", "--workspace", Workspace(), "--now", "2026-11-23T12:00:00Z");

        Assert.True(code == 0, err);
        var line = JsonDocument.Parse(output.Trim()).RootElement;
        Assert.Equal("pl", line.GetProperty("language").GetString());
        Assert.NotEqual(Routes.DraftAndSend, line.GetProperty("route").GetString());
        Assert.Contains(line.GetProperty("reasonCodes").EnumerateArray(), c => c.GetString() == ReasonCodes.LanguageNotCovered);
    }

    [Fact]
    public async Task Triage_BadFile_ReportsFileNameContinuesAndExitsOne()
    {
        var bad = Path.Combine(_dir, "bad.json");
        File.WriteAllText(bad, "{ not json");
        var good = Ticket("good.json", "Please refund me.");

        var (code, output, err) = await Run(Calm, bad, good, "--workspace", Workspace(), "--now", "2026-11-23T12:00:00Z");

        Assert.Equal(1, code);
        Assert.Contains("bad.json", err, StringComparison.Ordinal);
        Assert.Contains("T-good.json", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Triage_ManyFiles_ShowsProgressBarOnStderr()
    {
        var files = Enumerable.Range(0, 21).Select(i => Ticket($"t{i}.json", "Please refund me.")).ToArray();

        var (_, _, err) = await Run(Calm, [.. files, "--workspace", Workspace(), "--now", "2026-11-23T12:00:00Z"]);

        Assert.Contains("21/21", err, StringComparison.Ordinal);
    }
}

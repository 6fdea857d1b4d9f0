using System.Text.Json;
using Escalation.Core.Cases;
using Escalation.Core.Decisions;
using Escalation.Core.Metrics;
using Escalation.Core.Sensitive;
using Escalation.Core.Storage;
using Escalation.Core.Tickets;
using Escalation.Core.Tracing;
using Escalation.Infrastructure.Hosting;
using Escalation.Infrastructure.Storage;
using Escalation.Infrastructure.Workspace;

namespace Escalation.Cli.Tests;

public sealed class SimulateCommandTests : IDisposable
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private readonly string _root = Directory.CreateTempSubdirectory("escalation-simulate-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string Samples(string path) => WorkspaceLocator.Resolve(path);

    /// <summary>A copy of the sample workspace with the refund window (and the policy's version) changed.</summary>
    private string CandidateWithRefundWindow(int days)
    {
        var copy = Path.Combine(_root, $"candidate-{days}");
        foreach (var file in Directory.EnumerateFiles(Samples("samples/workspace"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(Samples("samples/workspace"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var refund = Path.Combine(copy, "policies", "refund.md");
        var text = File.ReadAllText(refund);
        Assert.Contains("refundWindowDays: 30", text);
        File.WriteAllText(refund, text.Replace("refundWindowDays: 30", $"refundWindowDays: {days}").Replace("version: \"2026.3\"", "version: \"2026.3-what-if\""));
        return copy;
    }

    /// <summary>The seat-pack refund of sample 02, bought <paramref name="daysBefore"/> days before the evaluation instant.</summary>
    private static CaseSubmission SeatPackRefund(string ticketId, int daysBefore)
    {
        var sample = JsonSerializer.Deserialize<CaseSubmission>(File.ReadAllText(Path.Combine(Samples("samples/tickets"), "02-refund-within-window-seat-pack.json")), Web)!;
        var bought = DateOnly.FromDateTime(SimulateCommand.SamplesInstant.UtcDateTime).AddDays(-daysBefore);
        var message = new TicketMessage
        {
            From = "customer",
            At = SimulateCommand.SamplesInstant.AddHours(-2),
            Text = $"Hi there! We bought the extra seat pack for €49 on {bought:yyyy-MM-dd} for a project that has now been cancelled, so we won't need the seats. Could you refund the €49 and remove the pack from our account? Nobody has logged in with those seats. Thanks as always, Tobias",
        };
        return sample with { TicketId = ticketId, Messages = [message] };
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await CliApp.RunAsync(["simulate", .. args], TextReader.Null, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Simulate_RefundWindowMovedTo45Days_ChangesExactlyTheCasesWhoseChargeBecameInWindow()
    {
        var tickets = Path.Combine(_root, "tickets");
        Directory.CreateDirectory(tickets);
        foreach (var file in Directory.EnumerateFiles(Samples("samples/tickets"), "*.json"))
        {
            File.Copy(file, Path.Combine(tickets, Path.GetFileName(file)));
        }

        foreach (var days in new[] { 20, 40, 44, 50 })
        {
            await File.WriteAllTextAsync(Path.Combine(tickets, $"seat-pack-{days}-days.json"), JsonSerializer.Serialize(SeatPackRefund($"WHATIF-{days}", days), Web));
        }

        // Independently of the simulation: the tickets whose charge is 31-45 days old and that the baseline holds as outside the window.
        var baseline = await WorkspaceLoader.LoadFolderAsync(Samples("samples/workspace"));
        var pipeline = new SensitiveCasePipeline(CaseDetectors.Embedded, new ComposerDraftWriter());
        var facts = new CaseFactsExtractor();
        var expected = new List<string>();
        foreach (var file in Directory.EnumerateFiles(tickets, "*.json").Order(StringComparer.Ordinal))
        {
            var ticket = JsonSerializer.Deserialize<CaseSubmission>(await File.ReadAllTextAsync(file), Web)!;
            if (ticket.ResolvedKind == CaseKind.Sensitive
                && facts.Extract(ticket, baseline, SimulateCommand.SamplesInstant).DaysSincePurchase is > 30 and <= 45
                && pipeline.Run(ticket, baseline, SimulateCommand.SamplesInstant).Decision.Reasons.Any(r => r.Code == ReasonCodes.OutsideWindow))
            {
                expected.Add(Path.GetFileName(file));
            }
        }

        var (code, output, error) = await RunAsync("--candidate", CandidateWithRefundWindow(45), "--baseline", Samples("samples/workspace"), "--tickets", tickets, "--json");

        Assert.True(code == 0, error);
        var report = JsonDocument.Parse(output).RootElement;
        var flips = report.GetProperty("flips").EnumerateArray().ToList();
        Assert.Contains("seat-pack-40-days.json", expected);
        Assert.Contains("seat-pack-44-days.json", expected);
        Assert.Equal(expected, flips.Select(f => f.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
        Assert.All(flips, f =>
        {
            Assert.Contains(ReasonCodes.OutsideWindow, f.GetProperty("reasonsBefore").EnumerateArray().Select(r => r.GetString()));
            Assert.DoesNotContain(ReasonCodes.OutsideWindow, f.GetProperty("reasonsAfter").EnumerateArray().Select(r => r.GetString()));
        });
        var seatPack = flips.Single(f => f.GetProperty("id").GetString() == "seat-pack-40-days.json");
        Assert.Equal((Routes.DraftForReview, Routes.DraftAndSend), (seatPack.GetProperty("from").GetString(), seatPack.GetProperty("to").GetString()));
        static decimal AutoRefunds(JsonElement money) => money.EnumerateArray()
            .Where(m => m.GetProperty("kind").GetString() == "refund" && m.GetProperty("when").GetString() == "auto").Sum(m => m.GetProperty("amount").GetDecimal());
        var (before, after) = (AutoRefunds(report.GetProperty("moneyBefore")), AutoRefunds(report.GetProperty("moneyAfter")));
        Assert.True(after == before + 98, $"the two seat packs now in the window are refunded without a human (€49 each): {before} → {after}");
        Assert.Contains(report.GetProperty("transitions").EnumerateArray(), t =>
            t.GetProperty("from").GetString() == Routes.DraftForReview && t.GetProperty("to").GetString() == Routes.DraftAndSend && t.GetProperty("count").GetInt32() >= 2);
    }

    [Fact]
    public async Task Simulate_UnchangedWorkspaceAgainstItself_FlipsNothingAndPassesEveryFailOnRule()
    {
        var (code, output, error) = await RunAsync(
            "--candidate", Samples("samples/workspace"), "--baseline", Samples("samples/workspace"), "--tickets", Samples("samples/tickets"),
            "--fail-on", "new-auto-sends,risky-flips,flips");

        Assert.True(code == 0, error);
        Assert.Contains("34 case(s) decided again", output);
        Assert.Contains("0 route change(s), 0 newly auto-sent, 0 newly to a human, 0 risky flip(s)", output);
        Assert.DoesNotContain("reason codes", output);
    }

    [Fact]
    public async Task Simulate_StoredCasesAReviewerRejected_ListsARiskyFlipAndFailOnRiskyFlipsExitsOne()
    {
        var data = Path.Combine(_root, "data");
        var baseline = await WorkspaceLoader.LoadFolderAsync(Samples("samples/workspace"));
        var pipeline = new SensitiveCasePipeline(CaseDetectors.Embedded, new ComposerDraftWriter());
        var traceIds = new Dictionary<string, string>();
        await using (var store = LocalCaseStore.Open(data))
        {
            foreach (var (caseId, outcome) in new[] { ("case-rejected", "reject"), ("case-approved", "approve") })
            {
                var ticket = SeatPackRefund("T-" + caseId, 40);
                var decision = pipeline.Run(ticket, baseline, SimulateCommand.SamplesInstant).Decision;
                Assert.Equal(Routes.DraftForReview, decision.Route);
                await store.Artifacts.PutAsync(caseId, "submission", JsonSerializer.Serialize(new { submission = ticket, receivedAt = SimulateCommand.SamplesInstant }, Web));
                await store.Artifacts.PutAsync(caseId, "decision", JsonSerializer.Serialize(decision, Web));
                var trace = await store.Traces.AppendAsync(new DecisionTrace
                {
                    CaseId = caseId, Sequence = 0, Kind = TraceRecordKinds.Decision, TicketId = ticket.TicketId, CustomerId = ticket.Customer.Id,
                    WorkspaceVersion = baseline.Version, Decision = new TraceDecision(decision.Route, [.. decision.Reasons.Select(r => r.Text)]),
                    Actor = TraceActor.Agent(), At = SimulateCommand.SamplesInstant,
                });
                traceIds[caseId] = trace.TraceId;
                await store.Index.UpsertAsync(new CaseRecord
                {
                    CaseId = caseId, TicketId = ticket.TicketId, CustomerId = ticket.Customer.Id, Kind = "sensitive", Status = outcome == "reject" ? "rejected" : "sent",
                    Route = decision.Route, Priority = decision.Priority, Created = SimulateCommand.SamplesInstant, Updated = SimulateCommand.SamplesInstant.AddHours(1),
                    Extra = new Dictionary<string, string> { [KpiFields.ReviewOutcome] = outcome },
                }, null);
            }
        }

        var candidate = CandidateWithRefundWindow(45);
        var (code, output, error) = await RunAsync("--candidate", candidate, "--data", data, "--json", "--fail-on", "risky-flips", "--base-url", "https://esc.example.com");
        var (againstItself, _, _) = await RunAsync("--candidate", Samples("samples/workspace"), "--data", data, "--fail-on", "risky-flips");

        Assert.Equal(1, code);
        Assert.Contains("--fail-on risky-flips", error);
        var report = JsonDocument.Parse(output).RootElement;
        var risky = Assert.Single(report.GetProperty("riskyFlips").EnumerateArray());
        Assert.Equal(("case-rejected", "reject"), (risky.GetProperty("id").GetString(), risky.GetProperty("reviewOutcome").GetString()));
        Assert.Equal($"https://esc.example.com/api/audit/{traceIds["case-rejected"]}", risky.GetProperty("auditUrl").GetString());
        Assert.Equal(["case-approved", "case-rejected"], report.GetProperty("newAutoSends").EnumerateArray().Select(f => f.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(0, againstItself);
    }

    [Theory]
    [InlineData("--tickets", "x")]
    [InlineData("--candidate", "samples/workspace")]
    [InlineData("--candidate", "samples/workspace", "--tickets", "a", "--data", "b")]
    [InlineData("--candidate", "samples/workspace", "--tickets", "samples/tickets", "--fail-on", "everything")]
    public async Task Simulate_BadUsage_ExitsTwoAndSaysWhy(params string[] args)
    {
        var (code, _, error) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}

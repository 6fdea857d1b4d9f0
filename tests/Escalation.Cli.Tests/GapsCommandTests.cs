using System.Text.Json;
using Escalation.Core.Decisions;
using Escalation.Core.Metrics;
using Escalation.Core.Storage;
using Escalation.Core.Tracing;
using Escalation.Infrastructure.Storage;

namespace Escalation.Cli.Tests;

public sealed class GapsCommandTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private readonly string _data = Directory.CreateTempSubdirectory("escalation-gaps-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private static async Task StoreAsync(LocalCaseStore store, string caseId, string? outcome, string policy, string reason, string? playbook = null)
    {
        var decision = new CaseDecision
        {
            TicketId = "T-" + caseId, Kind = "sensitive", Priority = "P2", Route = Routes.DraftForReview, WorkspaceVersion = "ws-1",
            Reasons = [new RouteReason(reason, "why", false)], Citations = [$"{policy}#{new string('a', 64)}"], PlaybookId = playbook,
        };
        await store.Artifacts.PutAsync(caseId, "decision", JsonSerializer.Serialize(decision, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        await store.Traces.AppendAsync(new DecisionTrace
        {
            CaseId = caseId, Sequence = 0, Kind = TraceRecordKinds.Decision, TicketId = "T-" + caseId, CustomerId = "cus_002", WorkspaceVersion = "ws-1",
            Decision = new TraceDecision(Routes.DraftForReview, ["why"]), Actor = TraceActor.Agent(), At = T0,
        });
        await store.Index.UpsertAsync(new CaseRecord
        {
            CaseId = caseId, TicketId = "T-" + caseId, CustomerId = "cus_002", Kind = "sensitive", Status = "sent", Route = Routes.DraftForReview,
            Priority = "P2", Created = T0, Updated = T0.AddHours(2),
            Extra = outcome is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [KpiFields.ReviewOutcome] = outcome },
        }, null);
    }

    [Fact]
    public async Task Gaps_ReviewedCases_NamesTheMostEditedPolicyFirstWithRatesAndAuditExamples()
    {
        await using (var store = LocalCaseStore.Open(_data))
        {
            await StoreAsync(store, "c1", "edit", "refund@2026.3", ReasonCodes.OutsideWindow, "refund-past-window");
            await StoreAsync(store, "c2", "edit", "refund@2026.3", ReasonCodes.OutsideWindow, "refund-past-window");
            await StoreAsync(store, "c3", "approve", "refund@2026.3", ReasonCodes.AboveCap);
            await StoreAsync(store, "c4", "reject", "sla-credits@2026.1", ReasonCodes.WeakPolicyMatch);
            await StoreAsync(store, "c5", "approve", "sla-credits@2026.1", ReasonCodes.WeakPolicyMatch);
            await StoreAsync(store, "c6", "sla-timeout", "goodwill@2026.2", ReasonCodes.ElevatedIntensity);
            await StoreAsync(store, "c7", null, "refund@2026.3", ReasonCodes.OutsideWindow); // auto-sent: not reviewed
        }

        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await CliApp.RunAsync(["gaps", "--data", _data, "--json", "--base-url", "https://esc.example.com"], TextReader.Null, stdout, stderr);

        Assert.True(code == 0, stderr.ToString());
        var report = JsonSerializer.Deserialize<ReviewGapReport>(stdout.ToString(), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal((6, 2, 2, 1, 0, 1), (report.Reviewed, report.Approved, report.Edited, report.Rejected, report.Escalated, report.TimedOut));
        Assert.Equal(0.6, report.DisagreementRate); // 3 of the 5 answered reviews
        var first = report.ByPolicy[0];
        Assert.Equal(("refund@2026.3", 3, 2), (first.Key, first.Reviewed, first.Edited));
        Assert.Equal(2, first.Examples.Count);
        Assert.All(first.Examples, url => Assert.StartsWith("https://esc.example.com/api/audit/tr-", url));
        Assert.Equal(("sla-credits@2026.1", 0.5), (report.ByPolicy[1].Key, report.ByPolicy[1].DisagreementRate));
        Assert.Equal(ReasonCodes.OutsideWindow, report.ByReason[0].Key);
        Assert.Equal("refund-past-window", report.ByPlaybook[0].Key);
    }

    [Fact]
    public async Task Gaps_TextReport_SaysHowOftenReviewersOverruleTheAgent()
    {
        await using (var store = LocalCaseStore.Open(_data))
        {
            await StoreAsync(store, "c1", "escalate", "legal-and-compliance@2026.1", ReasonCodes.LegalSensitive);
            await StoreAsync(store, "c2", "approve", "legal-and-compliance@2026.1", ReasonCodes.LegalSensitive);
        }

        var stdout = new StringWriter();
        var code = await CliApp.RunAsync(["gaps", "--data", _data], TextReader.Null, stdout, new StringWriter());

        Assert.Equal(0, code);
        Assert.Contains("2 reviewed case(s): 1 approved, 0 edited, 0 rejected, 1 escalated", stdout.ToString());
        Assert.Contains("legal-and-compliance@2026.1: 2 reviewed, 0 edited, 0 rejected, 1 escalated (50% overruled)", stdout.ToString());
    }
}

using Escalation.Core.Pipelines;
using System.Text.Json;
using Escalation.Cli;
using Escalation.Core.Actions;
using Escalation.Core.Decisions;
using Escalation.Core.Escalations;
using Escalation.Core.Knowledge;
using Escalation.Core.Sensitive;
using Escalation.Core.Tickets;
using Escalation.Infrastructure.Workspace;

namespace Escalation.Cli.Tests;

/// <summary>The actions sample tickets carry, against the sample workspace's numbers (seed 003's refund tree).</summary>
public sealed class ActionScenarioTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly string Root = FindRoot();
    private static readonly Lazy<Workspace> Ws = new(() => WorkspaceLoader.LoadFolderAsync(Path.Combine(Root, "samples", "workspace")).GetAwaiter().GetResult());

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "EscalationFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("repository root (EscalationFunctions.sln) not found");
    }

    private static string Sample(string prefix) => Directory.GetFiles(Path.Combine(Root, "samples", "tickets"), prefix + "-*.json").Single();

    private static CaseDecision Decide(string prefix, Func<CaseSubmission, CaseSubmission>? change = null)
    {
        var ticket = JsonSerializer.Deserialize<CaseSubmission>(System.IO.File.ReadAllText(Sample(prefix)), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        ticket = change?.Invoke(ticket) ?? ticket;
        var writer = new ComposerDraftWriter();
        return new CasePipelines(CaseDetectors.Embedded, writer).Decide(ticket, Ws.Value, Now);
    }

    [Fact]
    public void Decide_WithinWindowSeatPack_RefundsThe49AndRemovesThePackOnItsOwn()
    {
        var d = Decide("02");

        Assert.Equal(Routes.DraftAndSend, d.Route);
        var refund = d.Actions[0];
        Assert.Equal(ActionKinds.Refund, refund.Kind);
        Assert.Equal(49m, refund.Amount);
        Assert.Equal("EUR", refund.Currency);
        Assert.Equal(new DateOnly(2026, 11, 9), refund.ChargeDate);
        Assert.Equal("within-window", refund.Rule);
        Assert.False(refund.NeedsApproval);
        Assert.StartsWith("refund@2026.3#", refund.PolicyCitation, StringComparison.Ordinal);
        Assert.Equal(ActionKinds.RemoveAddOn, d.Actions[1].Kind);
        Assert.Equal("extra seat pack", d.Actions[1].Summary);
        Assert.Contains("refunded", d.Draft, StringComparison.Ordinal);
        Assert.Contains(d.Trace, e => e.Stage == ActionTrace.Stage && e.Text.StartsWith("Proposed action 1: refund €49", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_WithinWindowAboveTheCap_ProposesTheRefundForApprovalOnly()
    {
        var d = Decide("07");

        var refund = Assert.Single(d.Actions, a => a.Kind == ActionKinds.Refund);
        Assert.Equal(597m, refund.Amount);
        Assert.True(refund.NeedsApproval);
    }

    [Fact]
    public void Decide_PastWindowOutageLongTenure_RefundWithRetentionOfferAndRootCauseForReview()
    {
        var d = Decide("01");

        Assert.Equal(Routes.DraftForReview, d.Route);
        Assert.Equal([ActionKinds.Refund, ActionKinds.RetentionDiscount, ActionKinds.BugReport], d.Actions.Select(a => a.Kind));
        Assert.True(d.Actions[0].NeedsApproval);
        Assert.Equal("past-window-outage", d.Actions[0].Rule);
        // The cancellation policy's numbers: 20 % off for 3 months.
        Assert.Equal(20m, d.Actions[1].Percent);
        Assert.Equal(3, d.Actions[1].Months);
    }

    [Fact]
    public void Decide_PastWindowChangedMindNewCustomer_OffersTheGoodwillCreditNotTheRefund()
    {
        // Sample 02 a year later: outside the window, no valid reason, nothing but the customer's change of plans.
        var d = Decide("02", t => t with
        {
            Customer = t.Customer with { CustomerSince = new DateOnly(2026, 9, 1) },
            Messages = [t.Messages[0] with { Text = t.Messages[0].Text.Replace("2026-11-09", "2026-08-01", StringComparison.Ordinal) }],
        });

        Assert.DoesNotContain(d.Actions, a => a.Kind == ActionKinds.Refund);
        var alternative = d.Actions[0];
        Assert.True(alternative.Kind is ActionKinds.Credit or ActionKinds.Downgrade, alternative.Describe());
        Assert.True(alternative.NeedsApproval);
        if (alternative.Kind == ActionKinds.Credit)
        {
            // Goodwill: 10 % of one month's fee, never above the goodwill policy's EUR 100.
            Assert.InRange(alternative.Amount!.Value, 0.01m, 100m);
            Assert.StartsWith("goodwill@", alternative.PolicyCitation, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Decide_ResolveInPlaceSlaCredit_CreditsTheComputedAmountWithinTheThirtyPercentLimit()
    {
        var d = Decide("22");

        Assert.Equal(Routes.ResolveInPlace, d.Route);
        var credit = Assert.Single(d.Actions);
        Assert.Equal(ActionKinds.Credit, credit.Kind);
        Assert.Equal(67.50m, credit.Amount);
        Assert.False(credit.NeedsApproval);
        Assert.True(credit.Amount <= credit.Limit);
        Assert.Equal("credit-formula", credit.Rule);
    }

    [Fact]
    public void Decide_LegalThreat_ProposesNoAction()
    {
        Assert.Empty(Decide("10").Actions);
    }

    [Fact]
    public async Task Triage_WithinWindowRefund_ShowsTheActionItWouldTake()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await CliApp.RunAsync(["triage", Sample("02"), "--now", "2026-11-23T12:00:00Z", "--workspace", Path.Combine(Root, "samples", "workspace")], TextReader.Null, stdout, stderr);
        var json = new StringWriter();
        await CliApp.RunAsync(["triage", Sample("02"), "--json", "--now", "2026-11-23T12:00:00Z", "--workspace", Path.Combine(Root, "samples", "workspace")], TextReader.Null, json, stderr);

        Assert.Equal(0, code);
        Assert.Contains("would refund €49 (charge 2026-11-09)  [auto]", stdout.ToString(), StringComparison.Ordinal);
        var line = JsonDocument.Parse(json.ToString()).RootElement;
        var action = line.GetProperty("actions")[0];
        Assert.Equal("refund", action.GetProperty("kind").GetString());
        Assert.Equal(49m, action.GetProperty("amount").GetDecimal());
        Assert.Equal("auto", action.GetProperty("when").GetString());
    }
}

using System.Text.Json;
using Escalation.Cli;
using Escalation.Core.Decisions;
using Escalation.Core.Escalations;
using Escalation.Core.Knowledge;
using Escalation.Core.Sensitive;
using Escalation.Core.Tickets;
using Escalation.Infrastructure.Workspace;

namespace Escalation.Cli.Tests;

/// <summary>Every sample ticket against the sample workspace at the README's evaluation instant.</summary>
public sealed class TriageScenarioTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly string Samples = FindSamples();
    private static readonly Lazy<Workspace> Ws = new(() => WorkspaceLoader.LoadFolderAsync(Path.Combine(Samples, "workspace")).GetAwaiter().GetResult());

    private static string FindSamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EscalationFunctions.sln")))
            {
                return Path.Combine(dir.FullName, "samples");
            }
        }

        throw new DirectoryNotFoundException("repository root (EscalationFunctions.sln) not found");
    }

    private static CaseDecision Decide(string prefix)
    {
        var file = Directory.GetFiles(Path.Combine(Samples, "tickets"), prefix + "-*.json").Single();
        var ticket = JsonSerializer.Deserialize<CaseSubmission>(File.ReadAllText(file), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var writer = new ComposerDraftWriter();
        return ticket.ResolvedKind == CaseKind.Escalation
            ? new EscalationCasePipeline(TriageDetector.Default, writer).Run(ticket, Ws.Value, Now).Decision
            : new SensitiveCasePipeline(TriageDetector.Default, writer).Run(ticket, Ws.Value, Now).Decision;
    }

    [Theory]
    [InlineData("01", Routes.DraftForReview, ReasonCodes.PolicyConflict)]
    [InlineData("02", Routes.DraftAndSend, ReasonCodes.Understood)]
    [InlineData("03", Routes.DraftAndSend, ReasonCodes.Understood)]
    [InlineData("04", Routes.DraftAndSend, ReasonCodes.Understood)]
    [InlineData("05", Routes.DraftAndSend, ReasonCodes.Understood)]
    [InlineData("06", Routes.DraftAndSend, ReasonCodes.Understood)]
    [InlineData("07", Routes.DraftForReview, ReasonCodes.AboveCap)]
    [InlineData("08", Routes.DraftForReview, ReasonCodes.ElevatedIntensity)]
    [InlineData("09", Routes.DraftForReview, ReasonCodes.WeakPolicyMatch)]
    [InlineData("10", Routes.Escalate, ReasonCodes.LegalSensitive)]
    [InlineData("11", Routes.Escalate, ReasonCodes.LegalSensitive)]
    [InlineData("12", Routes.Escalate, ReasonCodes.LegalSensitive)]
    [InlineData("13", Routes.Escalate, ReasonCodes.LegalSensitive)]
    [InlineData("14", Routes.Escalate, ReasonCodes.HighIntensity)]
    [InlineData("15", Routes.Escalate, ReasonCodes.Abusive)]
    [InlineData("16", Routes.Escalate, ReasonCodes.ManagerRequest)]
    [InlineData("17", Routes.Escalate, ReasonCodes.VipSensitive)]
    [InlineData("18", Routes.Escalate, ReasonCodes.RepeatComplainant)]
    [InlineData("19", Routes.Escalate, ReasonCodes.CommercialSensitivity)]
    [InlineData("20", Routes.Escalate, ReasonCodes.LegalSensitive)]
    [InlineData("21", Routes.ResolveInPlace, ReasonCodes.WithinPolicy)]
    [InlineData("22", Routes.ResolveInPlace, ReasonCodes.WithinPolicy)]
    [InlineData("23", Routes.ResolveInPlace, ReasonCodes.WithinPolicy)]
    [InlineData("24", Routes.ReturnToTierOne, ReasonCodes.TierOneScope)]
    [InlineData("25", Routes.ReturnToTierOne, ReasonCodes.MissingTierOneSteps)]
    [InlineData("26", Routes.Escalate, ReasonCodes.PolicyConflict)]
    [InlineData("27", Routes.Escalate, ReasonCodes.LegalSensitive)]
    [InlineData("28", Routes.Escalate, ReasonCodes.HandoffAmbiguity)]
    [InlineData("29", Routes.Escalate, ReasonCodes.RepeatComplainant)]
    [InlineData("30", Routes.Escalate, ReasonCodes.CommercialSensitivity)]
    [InlineData("31", Routes.Escalate, ReasonCodes.LegalSensitive)]
    [InlineData("32", Routes.Escalate, ReasonCodes.AboveCap)]
    [InlineData("33", Routes.Escalate, ReasonCodes.VipSensitive)]
    [InlineData("34", Routes.Escalate, ReasonCodes.AboveCap)]
    public void Decide_SampleTicket_ReachesIntendedRouteWithKeyReason(string prefix, string route, string reason)
    {
        var d = Decide(prefix);

        Assert.Equal(route, d.Route);
        Assert.Contains(d.Reasons, r => r.Code == reason);
        Assert.Equal(Ws.Value.Version, d.WorkspaceVersion);
    }

    [Fact]
    public void Decide_DelegateZero_ReviewWithExceptionRationaleAndNoRefundPromise()
    {
        var d = Decide("01");

        Assert.Equal(Routes.DraftForReview, d.Route);
        Assert.Contains(d.Citations, c => c.StartsWith("refund@2026.3#", StringComparison.Ordinal));
        Assert.Contains("pr-046-day-refund", d.PrecedentIds);
        Assert.Contains("outage", d.ExceptionRationale, StringComparison.Ordinal);
        Assert.Contains("14 months", d.ExceptionRationale, StringComparison.Ordinal);
        Assert.Contains("renews in 21 days", d.ExceptionRationale, StringComparison.Ordinal);
        Assert.Contains("pr-046-day-refund", d.ExceptionRationale, StringComparison.Ordinal);
        Assert.Contains("€450", d.Draft, StringComparison.Ordinal);
        Assert.DoesNotContain("started a refund", d.Draft, StringComparison.Ordinal);
        Assert.Contains("You will hear from us by", d.Draft, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_SlaCreditThreeHours_ReplyStatesCreditFromSlaPolicy()
    {
        var d = Decide("22");

        Assert.Contains("€67.50", d.Draft, StringComparison.Ordinal);
        Assert.Contains(d.Citations, c => c.StartsWith("sla-credits@", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_BillingErrorProration_RefundsTheDifferenceOnly()
    {
        var d = Decide("23");

        Assert.Contains("refund of €119.40", d.Draft, StringComparison.Ordinal);
        Assert.DoesNotContain("€318.40", d.Draft, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_EmptyWhatTried_InternalNoteGuidesTierOne()
    {
        var d = Decide("25");

        Assert.Contains("Guidance for tier 1:", d.InternalNote, StringComparison.Ordinal);
        Assert.Contains("Tell the customer", d.InternalNote, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_OddQuestionNoPolicyCovers_ReviewNamesTheUnrecognisedIntent()
    {
        var d = Decide("09");

        Assert.Equal(Routes.DraftForReview, d.Route);
        Assert.Contains(d.Reasons, r => r.Code == ReasonCodes.IntentUnrecognised && r.Text.Contains("no request a workspace policy covers", StringComparison.Ordinal));
        Assert.Equal("en", d.Language);
    }
}

using Escalation.Core.Pipelines;
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
        return new CasePipelines(CaseDetectors.Embedded, writer).Decide(ticket, Ws.Value, Now);
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
    public void Decide_RefundWithinTheWindow_IsNotHandledByThePastTheWindowPlaybook()
    {
        var d = Decide("02");

        Assert.NotEqual("refund-past-window", d.PlaybookId);
    }

    [Fact]
    public void Decide_DelegateZero_ReviewDraftProposesTheExceptionRefund()
    {
        var d = Decide("01");

        Assert.Equal(Routes.DraftForReview, d.Route);
        Assert.Contains(d.Citations, c => c.StartsWith("refund@2026.3#", StringComparison.Ordinal));
        Assert.Contains("pr-046-day-refund", d.PrecedentIds);
        Assert.Contains("outage", d.ExceptionRationale, StringComparison.Ordinal);
        Assert.Contains("14 months", d.ExceptionRationale, StringComparison.Ordinal);
        Assert.Contains("renews in 21 days", d.ExceptionRationale, StringComparison.Ordinal);
        Assert.Contains("pr-046-day-refund", d.ExceptionRationale, StringComparison.Ordinal);
        Assert.Contains("I have made an exception for you, because the outage hit the period you paid for.", d.Draft, StringComparison.Ordinal);
        Assert.Contains("I have refunded €450 to the card or account you paid with. It will reach you within 5 business days.", d.Draft, StringComparison.Ordinal);

        // The customer refused another "passed on to a colleague": that goes nowhere near the draft.
        Assert.DoesNotContain("colleague", d.Draft, StringComparison.Ordinal);
        // The outage is past and resolved, so the case is not P0: the deadline is the review SLA of its priority.
        Assert.Matches(@"you will have our full answer by \w+day \d+ \w+ 2026 at \d\d:\d\d UTC", d.Acknowledgement);
    }

    /// <summary>Issue 26's acceptance: each sample's draft states the case's facts, the action and the policy's timeline.</summary>
    [Theory]
    [InlineData("01", "Hello Dana,", "I have refunded €450", "within 5 business days", "the charge on 8 October 2026")]
    [InlineData("02", "Hi Tobias,", "I have refunded €49 to the card or account you paid with.", "within 5 business days", "the charge on 9 November 2026")]
    [InlineData("03", "Hello Rahul,", "I have added a credit of €7.45 to your account.", "It will show on your next invoice.", "1 hour")]
    [InlineData("04", "Hello Greta,", "I have issued a corrected invoice with the details you sent.", "within 1 business day", "LD-2026-11-0412")]
    [InlineData("05", "Hello Julian,", "I have issued a corrected invoice with the details you sent.", "within 1 business day", "PO number")]
    [InlineData("06", "Hello Lea,", "I have refunded €99 to the card or account you paid with.", "within 5 business days", "the charge on 6 November 2026")]
    [InlineData("07", "Hello Claire,", "I have refunded €597 to the card or account you paid with.", "within 5 business days", "the charge on 10 November 2026")]
    [InlineData("08", "Hello Yuki,", "I have added a credit of €45 to your account.", "It will show on your next invoice.", "I'm sorry this has not worked")]
    [InlineData("11", "Hello Ines,", "I have passed your request to our privacy team.", "within 30 days", "a copy of the data we hold about you")]
    [InlineData("16", "Hello Samuel,", "I have asked a team lead to take over your case.", "by Tuesday 24 November 2026 at 12:00 UTC", "asked to speak with a manager")]
    [InlineData("21", "Hello Amara,", "I have refunded €180 to the card or account you paid with.", "within 5 business days", "the charge on 10 November 2026")]
    [InlineData("22", "Hello Greta,", "I have added a credit of €67.50 to your account.", "It will show on your next invoice.", "3 hours")]
    [InlineData("23", "Hello Julian,", "I have refunded €119.40 to the card or account you paid with.", "within 5 business days", "I have asked our billing team to check your next invoice")]
    [InlineData("26", "Hello Yuki,", "I have refunded €450 to the card or account you paid with.", "within 5 business days", "I have made an exception for you")]
    [InlineData("34", "Hello Nadia,", "I have added a credit of €750 to your account.", "It will show on your next invoice.", "9 hours")]
    public void Decide_SampleTicket_DraftStatesFactsActionAndTimeline(string prefix, string greeting, string action, string timeline, string fact)
    {
        var d = Decide(prefix);

        Assert.StartsWith(greeting + "\n\n", d.Draft, StringComparison.Ordinal);
        Assert.Contains(action, d.Draft, StringComparison.Ordinal);
        Assert.Contains(timeline, d.Draft, StringComparison.Ordinal);
        Assert.Contains(fact, d.Draft, StringComparison.Ordinal);
    }

    public static TheoryData<string> AllSamples() =>
        new(Directory.GetFiles(Path.Combine(Samples, "tickets"), "*.json").Select(f => Path.GetFileName(f)[..2]).Order(StringComparer.Ordinal));

    /// <summary>Seed 003's ticket checklist on every sample, and no automatic reply that only promises to get back.</summary>
    [Theory]
    [MemberData(nameof(AllSamples))]
    public void Decide_SampleTicket_DraftFollowsTheChecklist(string prefix)
    {
        var d = Decide(prefix);
        if (d.Route == Routes.ReturnToTierOne)
        {
            Assert.Equal("", d.Draft);
            return;
        }

        var paragraphs = d.Draft.Split("\n\n");
        Assert.Equal(3, paragraphs.Length);
        Assert.Matches(@"^(Hi|Hello) \p{L}+,$", paragraphs[0]);
        Assert.DoesNotMatch(@"(?i)\b(hey|hi|hello|dear)\b", paragraphs[1]);
        Assert.DoesNotContain("!", d.Draft, StringComparison.Ordinal);
        Assert.Matches(@"You (asked|wrote)", paragraphs[1]);
        Assert.Matches(@"I have \w+", paragraphs[1]);
        Assert.Matches(@"within \w+ (business )?days?|next invoice|by \w+day \d+ \w+ 2026", paragraphs[1]);
        Assert.Contains("Thank you", paragraphs[1], StringComparison.Ordinal);
        Assert.Contains("If anything else comes up, just reply to this email.", paragraphs[1], StringComparison.Ordinal);
        Assert.Equal(Ws.Value.ToneGuide.SignOff, paragraphs[2]);
        Assert.True(d.ToneScore >= ToneCheckStage.PassScore, $"score {d.ToneScore}");

        if (d.Route is Routes.DraftAndSend or Routes.ResolveInPlace)
        {
            Assert.DoesNotMatch(@"(?i)get back to you|take a look|colleague|will review", d.Draft);
            Assert.Contains("talk it through with a person", d.Draft, StringComparison.Ordinal);
            Assert.Contains(Ws.Value.ToneGuide.AiDisclosure!, d.Draft, StringComparison.Ordinal);
            Assert.Null(d.Acknowledgement);
        }
        else
        {
            Assert.DoesNotContain(Ws.Value.ToneGuide.AiDisclosure!, d.Draft, StringComparison.Ordinal);
            Assert.Matches(@"full answer by \w+day \d+ \w+ 2026 at \d\d:\d\d UTC", d.Acknowledgement);
        }
    }

    [Fact]
    public void Decide_LostTwoFactorPhone_TierOneToldTheFixToGive()
    {
        var d = Decide("24");

        Assert.Contains("Tell the customer the fix for their case, step by step: For a lost 2FA device, an admin resets it", d.InternalNote, StringComparison.Ordinal);
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

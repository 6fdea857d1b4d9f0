using Escalation.Core.Cases;
using Escalation.Core.Sensitive;
using Escalation.Core.Signals;

namespace Escalation.Core.Tests.Sensitive;

public sealed class ToneCheckStageTests
{
    private static ToneCheck Check(string draft, TextSignals? text = null, bool hold = false, CaseFacts? facts = null) =>
        new ToneCheckStage().Check(
            new Draft { Text = draft, Writer = "test" },
            new DraftRequest
            {
                TicketId = "T-1", CustomerName = "Dana Ruiz", Signals = TestWorkspace.Signals(text), Facts = facts ?? new CaseFacts(),
                Retrieval = new PolicyRetrieval(), HoldForReview = hold, ReviewBy = hold ? TestWorkspace.Now.AddHours(4) : null,
            },
            TestWorkspace.Build());

    private const string Good = "Hi Dana,\n\nYou asked for a refund. I have checked your account. I will get back to you within one business day. Thank you for reaching out.\n\nPriya";

    [Fact]
    public void Check_GoodHeartDraft_Passes()
    {
        var c = Check(Good);

        Assert.True(c.Passed);
        Assert.True(c.Score >= 90);
        Assert.Empty(c.Violations);
    }

    [Fact]
    public void Check_BannedPhrase_FailsWithViolation()
    {
        var c = Check(Good.Replace("You asked", "Please calm down. You asked", StringComparison.Ordinal));

        Assert.False(c.Passed);
        Assert.Contains(c.Violations, v => v.Code == ToneViolationCodes.BannedPhrase);
    }

    [Fact]
    public void Check_AmountAboveCap_IsBlockingPromise()
    {
        var c = Check(Good.Replace("I have checked your account.", "I have started a refund of €450.", StringComparison.Ordinal));

        Assert.False(c.Passed);
        Assert.Contains(c.Violations, v => v.Code == ToneViolationCodes.AboveCap);
    }

    [Fact]
    public void Check_RefundOutsideWindowWithoutRationale_IsViolation()
    {
        var c = Check(Good.Replace("I have checked your account.", "I have started a refund of €40.", StringComparison.Ordinal),
            facts: new CaseFacts { DaysPastWindow = 5, RefundWindowDays = 30 });

        Assert.Contains(c.Violations, v => v.Code == ToneViolationCodes.OutsideWindow);
    }

    [Fact]
    public void Check_LiabilityOnLegalCase_Fails()
    {
        var c = Check(Good.Replace("I have checked", "This was our fault. I have checked", StringComparison.Ordinal),
            new TextSignals { Legal = true, LegalKinds = [LegalKinds.Lawyer] });

        Assert.False(c.Passed);
        Assert.Contains(c.Violations, v => v.Code == ToneViolationCodes.AdmitsLiability);
    }

    [Fact]
    public void Check_MissingHeartParts_ListsEachMissingPart()
    {
        var c = Check("The matter has been noted.");

        Assert.Contains(c.Violations, v => v.Code == ToneViolationCodes.MissingGreeting);
        Assert.Contains(c.Violations, v => v.Code == ToneViolationCodes.MissingThanks);
        Assert.Contains(c.Violations, v => v.Code == ToneViolationCodes.MissingTimeline);
        Assert.False(c.Passed);
    }

    [Fact]
    public void Check_DenseLongSentences_FlagsReadingLevel()
    {
        var dense = "Hi Dana,\n\nYou asked about the comprehensive organisational reconfiguration of administrative authentication infrastructure, which necessitates considerable investigation regarding interoperability, accessibility and international regulatory documentation requirements. I have checked everything within one business day. Thank you.\n\nPriya";

        var c = Check(dense);

        Assert.Contains(c.Violations, v => v.Code == ToneViolationCodes.ReadingLevel);
        Assert.True(c.ReadingGrade > 8);
    }

    [Fact]
    public void Check_ExclamationsForAngryCustomer_IsWrongTone()
    {
        var c = Check(Good.Replace("Thank you for reaching out.", "Hey, no worries!", StringComparison.Ordinal), new TextSignals { CustomerTone = "angry" });

        Assert.Contains(c.Violations, v => v.Code == ToneViolationCodes.WrongTone);
    }

    [Fact]
    public void Check_DateNotInCase_IsUnsupported()
    {
        var c = Check(Good.Replace("within one business day", "by 30 November 2026", StringComparison.Ordinal));

        Assert.Contains(c.Violations, v => v.Code == ToneViolationCodes.UnsupportedDate);
    }
}

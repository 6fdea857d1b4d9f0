using Escalation.Core.Cases;
using Escalation.Core.Sensitive;
using Escalation.Core.Signals;

namespace Escalation.Core.Tests.Sensitive;

public sealed class ToneCheckStageTests
{
    private static ToneCheck Check(string draft, TextSignals? text = null, bool hold = false, CaseFacts? facts = null,
        DraftOffer? offer = null, DraftOffer? proposal = null, bool vip = false) =>
        new ToneCheckStage().Check(
            new Draft { Text = draft, Writer = "test" },
            new DraftRequest
            {
                TicketId = "T-1", CustomerName = "Dana Ruiz", Signals = TestWorkspace.Signals(text, vip: vip), Facts = facts ?? new CaseFacts(),
                Retrieval = new PolicyRetrieval(), HoldForReview = hold, ReviewBy = hold ? TestWorkspace.Now.AddHours(4) : null,
                Offer = offer, Proposal = proposal,
            },
            TestWorkspace.Build());

    private const string Closing = " If anything else comes up, just reply to this email. If you would rather talk to a person, say so.";

    private const string Good = "Hi Dana,\n\nYou asked for a refund. I have checked your account. I will get back to you within one business day. Thank you for reaching out." + Closing + "\n\nPriya";

    /// <summary>A €49 refund inside the window and under the cap: the policy resolves the case.</summary>
    private static readonly CaseFacts SeatPack = new()
    {
        Amount = 49, Currency = "EUR", Asks = [CaseAsks.Refund], RefundWindowDays = 30, DaysPastWindow = 0, PurchaseDate = new DateOnly(2026, 11, 9),
    };

    private static readonly DraftOffer SeatPackRefund = new("refund", 49, "EUR", "refund@2026.3#aaa");

    private const string Resolved =
        "Hi Dana,\n\nThanks for the note. You asked for a refund of €49 for the charge on 9 November 2026. I have refunded €49 to the card or account you paid with. " +
        "It will reach you within 5 business days. Thank you for reaching out." + Closing + "\n\nPriya";

    private static readonly TextSignals Angry = new() { CustomerTone = "angry", Negative = true, Intensity = 0.5 };

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
        Assert.True(c.Score < ToneCheckStage.PassScore, $"score {c.Score}");
        Assert.Contains(c.Violations, v => v.Code == ToneViolationCodes.AboveCap);
    }

    [Fact]
    public void Check_ResolvedRefundWithTimeline_Passes()
    {
        var c = Check(Resolved, facts: SeatPack, offer: SeatPackRefund);

        Assert.True(c.Passed, string.Join("; ", c.Violations.Select(v => v.Text)));
        Assert.True(c.Score >= 90, $"score {c.Score}");
    }

    [Fact]
    public void Check_HoldingReplyOnResolvableCase_ScoresBelowThreshold()
    {
        var holding = "Hi Dana,\n\nThanks for the note. You asked for a refund of €49 for the charge on 9 November 2026. I have checked your account. " +
            "I will get back to you within one business day with the next step. Thank you for reaching out." + Closing + "\n\nPriya";

        var c = Check(holding, facts: SeatPack, offer: SeatPackRefund);

        Assert.False(c.Passed);
        Assert.True(c.Score < ToneCheckStage.PassScore, $"score {c.Score}");
        Assert.Contains(c.Violations, v => v.Code == ToneViolationCodes.HoldingReply);
    }

    [Fact]
    public void Check_WrongAmount_ScoresBelowThreshold()
    {
        var c = Check(Resolved.Replace("refunded €49", "refunded €94", StringComparison.Ordinal), facts: SeatPack, offer: SeatPackRefund);

        Assert.False(c.Passed);
        Assert.True(c.Score < ToneCheckStage.PassScore, $"score {c.Score}");
        Assert.Contains(c.Violations, v => v.Code == ToneViolationCodes.WrongAmount && v.Text.Contains("€94", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_NoApologyToAngryCustomer_ScoresBelowThreshold()
    {
        var c = Check(Resolved.Replace("Thanks for the note. ", "", StringComparison.Ordinal), Angry, facts: SeatPack, offer: SeatPackRefund);

        Assert.False(c.Passed);
        Assert.True(c.Score < ToneCheckStage.PassScore, $"score {c.Score}");
        Assert.Contains(c.Violations, v => v.Code == ToneViolationCodes.MissingApology);
    }

    [Fact]
    public void Check_SpecificApologyToAngryCustomer_Passes()
    {
        var c = Check(Resolved.Replace("Thanks for the note.", "I'm sorry we charged you for seats you did not need.", StringComparison.Ordinal),
            Angry, facts: SeatPack, offer: SeatPackRefund);

        Assert.True(c.Passed, string.Join("; ", c.Violations.Select(v => v.Text)));
    }

    [Fact]
    public void Check_TwoGreetings_ScoresBelowThreshold()
    {
        var c = Check(Resolved.Replace("Thanks for the note.", "Hey! Thanks for the note.", StringComparison.Ordinal), facts: SeatPack, offer: SeatPackRefund);

        Assert.False(c.Passed);
        Assert.True(c.Score < ToneCheckStage.PassScore, $"score {c.Score}");
        Assert.Contains(c.Violations, v => v.Code == ToneViolationCodes.TwoGreetings);
    }

    [Fact]
    public void Check_HeldDraftStatingTheProposedExceptionRefund_Passes()
    {
        var facts = new CaseFacts { Amount = 450, Currency = "EUR", Asks = [CaseAsks.Refund], RefundWindowDays = 30, DaysPastWindow = 16 };
        var draft = "Hi Dana,\n\nI'm sorry our outage got in the way of your work. You asked for a refund of €450. Our refunds normally cover the first 30 days after a charge. " +
            "I have made an exception for you, because our outage kept your team offline. I have refunded €450 to the card or account you paid with. " +
            "It will reach you within 5 business days. Thank you for your patience. If anything else comes up, just reply to this email.\n\nPriya";

        var c = new ToneCheckStage().Check(new Draft { Text = draft, Writer = "test" }, new DraftRequest
        {
            TicketId = "T-1", CustomerName = "Dana Ruiz", Signals = TestWorkspace.Signals(Angry), Facts = facts, Retrieval = new PolicyRetrieval(),
            HoldForReview = true, ReviewBy = TestWorkspace.Now.AddHours(4), ExceptionRationale = "Confirmed outage.",
            Proposal = new DraftOffer("refund", 450, "EUR", "refund@2026.3#aaa"),
        }, TestWorkspace.Build());

        Assert.True(c.Passed, string.Join("; ", c.Violations.Select(v => v.Text)));
    }

    [Fact]
    public void Check_HeldDraftPassingTheCaseOnInsteadOfProposing_IsHoldingReply()
    {
        var c = Check("Hi Dana,\n\nYou asked for a refund of €450. I have shared your case with a senior colleague. You will hear from us by Monday. Thank you." + Closing + "\n\nPriya",
            hold: true, facts: new CaseFacts { Amount = 450, Asks = [CaseAsks.Refund] }, proposal: new DraftOffer("refund", 450, "EUR", "refund@2026.3#aaa"));

        Assert.False(c.Passed);
        Assert.Contains(c.Violations, v => v.Code == ToneViolationCodes.HoldingReply);
    }

    [Fact]
    public void Check_VipGreetedCasually_IsWrongTone()
    {
        var c = Check(Resolved.Replace("Thanks for the note.", "Awesome, thanks for the note.", StringComparison.Ordinal), facts: SeatPack, offer: SeatPackRefund, vip: true);

        Assert.Contains(c.Violations, v => v.Code == ToneViolationCodes.WrongTone && v.Text.Contains("VIP", StringComparison.Ordinal));
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

using Escalation.Core.Knowledge;
using Escalation.Core.Signals;
using Escalation.Core.Tickets;

namespace Escalation.Core.Tests.Signals;

public class LexiconSignalAnalyzerTests
{
    private static readonly LexiconSignalAnalyzer Analyzer = new();

    private static TextSignals Read(string text) => Analyzer.AnalyzeText(text);

    [Fact]
    public void Analyze_PositiveThanks_IsPositiveAndCalm()
    {
        var s = Read("Thanks so much, the new dashboard is great and the team was really helpful!");
        Assert.True(s.Sentiment > 0.5);
        Assert.False(s.Negative);
        Assert.False(s.Complaint);
        Assert.True(s.Intensity < 0.2);
    }

    [Fact]
    public void Analyze_NegatedPraise_IsNegative()
    {
        var s = Read("The support was not good and not helpful.");
        Assert.True(s.Sentiment < 0);
        Assert.True(s.Negative);
    }

    [Fact]
    public void Analyze_ServiceComplaintWithoutEmotionWords_IsComplaint()
    {
        var s = Read("My order was delayed again and I am still waiting for the refund after three weeks.");
        Assert.True(s.Complaint);
        Assert.True(s.Negative);
    }

    [Fact]
    public void Analyze_HowToQuestion_IsNotComplaint()
    {
        var s = Read("How do I export my invoices to CSV?");
        Assert.False(s.Complaint);
        Assert.False(s.Negative);
    }

    [Fact]
    public void Analyze_AngryCapsThirdTime_IsIntense()
    {
        var s = Read("This is the THIRD TIME I am writing about this. It is UNACCEPTABLE!!! Fix it now.");
        Assert.True(s.Intensity >= 0.75, $"intensity {s.Intensity}");
        Assert.Equal(CustomerTones.Angry, s.CustomerTone);
        Assert.Contains(s.Evidence, e => e.Signal == "intensity" && e.Text.StartsWith("caps:", StringComparison.Ordinal));
        Assert.Contains(s.Evidence, e => e.Signal == "intensity" && e.Text == "exclamations: !!!");
        Assert.Contains(s.Evidence, e => e.Signal == "intensity" && e.Text == "THIRD TIME");
    }

    [Fact]
    public void Analyze_NotAngry_HasLowIntensity()
    {
        var s = Read("I'm not angry at all, just checking when the invoice will arrive.");
        Assert.True(s.Intensity < 0.4, $"intensity {s.Intensity}");
        Assert.DoesNotContain(s.Evidence, e => e.Text == "angry");
    }

    [Theory]
    [InlineData("I have spoken to my lawyer about this.", LegalKinds.Lawyer)]
    [InlineData("We will sue you if this is not fixed.", LegalKinds.Lawsuit)]
    [InlineData("I will take this to small claims court.", LegalKinds.Lawsuit)]
    [InlineData("I have filed a complaint with the CFPB.", LegalKinds.Regulator)]
    [InlineData("I will report this to the Better Business Bureau.", LegalKinds.Regulator)]
    [InlineData("Under GDPR I want a copy of my data.", LegalKinds.DataRequest)]
    [InlineData("Please treat this as a subject access request.", LegalKinds.DataRequest)]
    [InlineData("Delete my account and all my personal data.", LegalKinds.DataRequest)]
    [InlineData("I withdraw my consent to marketing emails.", LegalKinds.ConsentWithdrawal)]
    [InlineData("If you do not refund me I will file a chargeback.", LegalKinds.Chargeback)]
    [InlineData("This is discrimination against disabled users.", LegalKinds.Discrimination)]
    [InlineData("The charger caught fire and my son was injured.", LegalKinds.Safety)]
    public void Analyze_LegalPhrase_FlagsLegalKind(string text, string kind)
    {
        var s = Read(text);
        Assert.True(s.Legal);
        Assert.Contains(kind, s.LegalKinds);
    }

    [Theory]
    [InlineData("I'm not going to sue anyone over this, just fix the invoice.")]
    [InlineData("No lawyers needed, we only want the duplicate charge reversed.")]
    public void Analyze_NegatedLegalThreat_IsDeniedNotLegal(string text)
    {
        var s = Read(text);
        Assert.False(s.Legal);
        Assert.True(s.LegalDenied);
    }

    [Theory]
    [InlineData("I don't want to involve lawyers, but this has to stop.")]
    [InlineData("I'd rather not go to court over this.")]
    [InlineData("Preferiría no tener que llamar a un abogado.")]
    [InlineData("Ich möchte ungern einen Anwalt einschalten.")]
    [InlineData("Je ne voudrais pas en arriver au tribunal.")]
    public void Analyze_ReluctantLegalMention_KeepsLegalActionInReserveAndStaysLegal(string text)
    {
        var s = Read(text);
        Assert.True(s.Legal, text);
        Assert.False(s.LegalDenied, text);
    }

    [Fact]
    public void Analyze_NegatedChargebackThreat_IsStillSensitive() => Assert.True(Read("I'm not threatening a chargeback yet.").Legal);

    [Theory]
    [InlineData("Can you resend last month's invoice? The amount looks wrong.")]
    [InlineData("I have an issue with my account settings.")]
    [InlineData("My mother gave me power of attorney over her account.")]
    public void Analyze_NoLegalWords_IsNotLegal(string text)
    {
        Assert.False(Read(text).Legal);
    }

    [Fact]
    public void Analyze_LawFirmCustomerAskingAboutInvoice_IsNotLegal()
    {
        var s = Read("Hello, could you send a corrected copy of our firm's invoice for March? Our attorneys need it for the books.\n\nBest,\nMaya Hart\nHart & Vale LLP, Attorneys at Law");
        Assert.False(s.Legal);
        Assert.Contains(s.Evidence, e => e.Signal == "law-firm-writer");
    }

    [Fact]
    public void Analyze_LawFirmNamedOnlyInTheSignatureAndDisclaimer_ItsLegalDepartmentIsNoThreat()
    {
        var s = Read("Could you please re-issue our October invoice with our new VAT number? Our legal department needs the corrected copy.\n\n"
            + "Kind regards,\nJulian Vale\nPartner | Hart & Vale\n\nCONFIDENTIALITY NOTICE: This email may be legally privileged. "
            + "Hart & Vale is authorised and regulated by the Solicitors Regulation Authority.");

        Assert.False(s.Legal);
        Assert.Contains(s.Evidence, e => e.Signal == "law-firm-writer");
    }

    [Fact]
    public void Analyze_MailForwardedFromTheFirstLine_ItsBodyIsReadAndTheFirmInItIsNoSignature()
    {
        var s = Read("From: Mark Davies\nSent: 22 November 2026 19:03\nTo: support@lumendesk.example\nSubject: FW: Final notice\n\n"
            + "I have now passed this matter to Pritchard & Co Solicitors. Please direct all further correspondence to them.\n\nSent from my iPhone");

        Assert.True(s.Legal);
        Assert.DoesNotContain(s.Evidence, e => e.Signal == "law-firm-writer");
    }

    [Fact]
    public void Analyze_OurOwnReplyForwardedBack_IsNotReadAsTheCustomers()
    {
        var s = Read("From: Lumen Desk Support <support@lumendesk.example>\nSent: 22 November 2026\nSubject: Re: refund\n\n"
            + "If you want to take this to your lawyer, that is your right.");

        Assert.False(s.Legal);
    }

    [Fact]
    public void Analyze_LawFirmCustomerThreateningSuit_IsStillLegal()
    {
        var s = Read("Our firm will sue if the data is not restored.\nHart & Vale LLP");
        Assert.True(s.Legal);
        Assert.Contains(LegalKinds.Lawsuit, s.LegalKinds);
    }

    [Fact]
    public void Analyze_LegalWordInQuotedReplyHistory_IsNotReadTwice()
    {
        var s = Read("Thanks, that worked.\n\nOn Tue, 3 Mar 2026, Support wrote:\n> our legal team says we cannot sue");
        Assert.False(s.Legal);
    }

    [Fact]
    public void Analyze_LegalEvidenceSpan_PointsAtMatchedText()
    {
        const string text = "Honestly, I will contact my attorney tomorrow.";
        var s = Read(text);
        var e = Assert.Single(s.Evidence, e => e.Signal == "legal:lawyer");
        Assert.Equal("attorney", e.Text);
        Assert.Equal(0, e.Message);
        Assert.Equal(text.IndexOf("attorney", StringComparison.Ordinal), e.Start);
        Assert.Equal(text.Substring(e.Start, e.Length), e.Text);
    }

    [Theory]
    [InlineData("You are a bunch of idiots.")]
    [InlineData("This fucking app never works.")]
    public void Analyze_AbusiveLanguage_IsAbusive(string text) => Assert.True(Read(text).Abusive);

    [Fact]
    public void Analyze_PoliteComplaint_IsNotAbusive() => Assert.False(Read("I'm disappointed the export failed again.").Abusive);

    [Theory]
    [InlineData("I want to speak to a manager right now.")]
    [InlineData("Please escalate this to your boss.")]
    [InlineData("Let me talk to your supervisor.")]
    public void Analyze_ManagerRequest_IsFlagged(string text) => Assert.True(Read(text).ManagerRequest);

    [Theory]
    [InlineData("I don't need to speak to a manager, just fix the export.")]
    [InlineData("I am a manager at a small agency and need a second seat.")]
    public void Analyze_NoOrNegatedManagerRequest_IsNotFlagged(string text) => Assert.False(Read(text).ManagerRequest);

    [Fact]
    public void Analyze_SwitchToNamedCompetitor_IsChurnWithCompetitor()
    {
        var s = Read("This is the third outage this month. We are switching to Zendesk next week.");
        Assert.True(s.ChurnThreat);
        Assert.Equal("Zendesk", s.Competitor);
    }

    [Theory]
    [InlineData("We will not be renewing our contract.")]
    [InlineData("Please cancel my subscription today.")]
    public void Analyze_ChurnPhrase_IsChurn(string text) => Assert.True(Read(text).ChurnThreat);

    [Theory]
    [InlineData("We are not planning to cancel our subscription, just asking about seats.")]
    [InlineData("I'm moving to Berlin next month, please update my address.")]
    public void Analyze_NegatedOrHarmlessChurnWords_IsNotChurn(string text) => Assert.False(Read(text).ChurnThreat);

    [Fact]
    public void Analyze_OutageDataLossSecurity_AreFlagged()
    {
        var s = Read("The site is down, half our records were deleted and we think an account was hacked.");
        Assert.True(s.Outage);
        Assert.True(s.DataLoss);
        Assert.True(s.Security);
    }

    [Fact]
    public void Analyze_NegatedOutage_IsNotOutage() => Assert.False(Read("The service is not down, it's just slow on my laptop.").Outage);

    [Fact]
    public void Analyze_AgentMessages_DoNotSetCustomerEmotion()
    {
        var s = Analyzer.Analyze(
        [
            new TicketMessage { From = "customer", Text = "Thanks, the new report looks great." },
            new TicketMessage { From = "agent", Text = "Sorry for the terrible, awful delay, that was unacceptable of us and we were idiots." },
        ]);
        Assert.False(s.Negative);
        Assert.False(s.Abusive);
        Assert.True(s.Intensity < 0.2);
    }

    [Fact]
    public void Analyze_EvidenceMessageIndex_IsTheCustomerMessage()
    {
        var s = Analyzer.Analyze(
        [
            new TicketMessage { From = "customer", Text = "Export fails." },
            new TicketMessage { From = "agent", Text = "We are looking into it." },
            new TicketMessage { From = "customer", Text = "Then I will speak to a lawyer." },
        ]);
        var e = Assert.Single(s.Evidence, e => e.Signal == "legal:lawyer");
        Assert.Equal(2, e.Message);
        Assert.Equal("lawyer", e.Text);
    }

    [Theory]
    [InlineData("Our webhook endpoint returns a 502 and the API logs show a timeout.", CustomerTones.Technical)]
    [InlineData("I'm confused, I don't understand where the export button is.", CustomerTones.Confused)]
    [InlineData("hey guys, quick one lol - can I add a teammate?", CustomerTones.Casual)]
    [InlineData("Dear team, I am writing to request a copy of the March statement. Kind regards, Ann", CustomerTones.Formal)]
    public void Analyze_CustomerTone_IsRecognised(string text, string tone) => Assert.Equal(tone, Read(text).CustomerTone);

    [Theory]
    [InlineData("Still no reply from support :(")]
    [InlineData("Still no reply from support 😡")]
    public void Analyze_SadOrAngryFace_IsNegative(string text) => Assert.True(Read(text).Negative);

    [Fact]
    public void Analyze_UrlWithColonSlash_IsNotAFace() => Assert.False(Read("See https://example.com/help for details").Negative);

    [Fact]
    public void Analyze_SmileyThanks_IsPositive() => Assert.True(Read("Got it working, thanks :)").Sentiment > 0.3);

    [Fact]
    public void Analyze_NegatedDataLossAndBreach_AreNotFlagged()
    {
        var s = Read("Good news: nothing was deleted and there was no breach, the import just ran slowly.");
        Assert.False(s.DataLoss);
        Assert.False(s.Security);
    }

    [Fact]
    public void Analyze_NegatedInsult_IsStillAbusive() => Assert.True(Read("I'm not saying you are idiots, but fix it.").Abusive);

    [Fact]
    public void Analyze_ChargebackThreat_IsChargebackAndLegal()
    {
        var s = Read("Refund me this week or I will file a chargeback.");
        Assert.True(s.Chargeback);
        Assert.Contains(LegalKinds.Chargeback, s.LegalKinds);
    }

    [Fact]
    public void Analyze_NoChargebackWords_IsNotChargeback() => Assert.False(Read("Please refund the duplicate payment.").Chargeback);

    [Fact]
    public void Analyze_ManagerEvidenceSpan_PointsAtMatchedText()
    {
        const string text = "Enough. I want to speak to a manager today.";
        var e = Assert.Single(Read(text).Evidence, e => e.Signal == "manager");
        Assert.Equal("speak to a manager", e.Text);
        Assert.Equal(text.Substring(e.Start, e.Length), e.Text);
    }

    [Theory]
    [InlineData("I have been on hold for 2 hours and nobody picks up.")]
    [InlineData("Thanks for getting back to me, but my order still hasn't arrived.")]
    [InlineData("Three emails and no update since Monday.")]
    [InlineData("The app won't let me reset my password.")]
    [InlineData("My parcel was delayed again, so I missed my appointment.")]
    [InlineData("I will never order from you again.")]
    public void Analyze_ServiceFailureInPoliteOrNeutralWords_IsNegative(string text)
    {
        var s = Read(text);
        Assert.True(s.Negative, $"sentiment {s.Sentiment}");
        Assert.Contains(s.Evidence, e => e.Signal == "service-failure");
    }

    [Theory]
    [InlineData("My order arrived today, thanks for the quick delivery!")]
    [InlineData("Could you tell me which plan includes SSO?")]
    public void Analyze_NoServiceFailure_HasNoFailureEvidence(string text)
    {
        var s = Read(text);
        Assert.False(s.Negative);
        Assert.DoesNotContain(s.Evidence, e => e.Signal is "service-failure" or "sarcasm");
    }

    [Theory]
    [InlineData("I haven't been waiting long, no rush.")]
    [InlineData("I am not saying you never replied, I just missed the email.")]
    public void Analyze_NegatedServiceFailure_IsNotFailureEvidence(string text) =>
        Assert.DoesNotContain(Read(text).Evidence, e => e.Signal == "service-failure");

    [Fact]
    public void Analyze_NegatedWaiting_IsNotNegative() => Assert.False(Read("I haven't been waiting long, no rush.").Negative);

    [Fact]
    public void Analyze_ServiceFailureEvidenceSpan_PointsAtMatchedText()
    {
        const string text = "Hello. We have been waiting since Friday for the export.";
        var e = Assert.Single(Read(text).Evidence, e => e.Signal == "service-failure");
        Assert.Equal("been waiting", e.Text);
        Assert.Equal(0, e.Message);
        Assert.Equal(text.IndexOf("been waiting", StringComparison.Ordinal), e.Start);
        Assert.Equal(text.Substring(e.Start, e.Length), e.Text);
    }

    [Fact]
    public void Analyze_DelayWithDuration_TwoWeakCuesMakeAFailure()
    {
        var s = Read("Shipment delayed, tracking has said the same for 3 days.");
        Assert.True(s.Negative);
        Assert.Contains(s.Evidence, e => e.Signal == "service-failure" && e.Text == "for 3 days");
    }

    [Fact]
    public void Analyze_ServiceFailureWithClearPraise_IsNotNegative()
    {
        var s = Read("The parcel was delayed by a day, but the driver was wonderful and your support team was fantastic. Thank you!");
        Assert.False(s.Negative, $"sentiment {s.Sentiment}");
        Assert.Contains(s.Evidence, e => e.Signal == "service-failure" && e.Text == "delayed by");
    }

    [Fact]
    public void Analyze_ServiceFailureInAgentMessage_DoesNotMakeCustomerNegative()
    {
        var s = Analyzer.Analyze(
        [
            new TicketMessage { From = "agent", Text = "Sorry you have been on hold for so long and got no update." },
            new TicketMessage { From = "customer", Text = "No worries, it is sorted now." },
        ]);
        Assert.False(s.Negative);
        Assert.DoesNotContain(s.Evidence, e => e.Signal == "service-failure");
    }

    [Theory]
    [InlineData("Great, another delay. Thanks for nothing.")]
    [InlineData("Refund promised last week, big surprise it never came.")]
    [InlineData("Yeah right, \"resolved\".")]
    public void Analyze_SarcasmMarker_IsNegative(string text)
    {
        var s = Read(text);
        Assert.True(s.Negative, $"sentiment {s.Sentiment}");
        Assert.Contains(s.Evidence, e => e.Signal == "sarcasm");
    }

    [Theory]
    [InlineData("Thanks for the quick reply, the export works now.")]
    [InlineData("Great, that fixed it. Thank you so much for your help!")]
    public void Analyze_SincereThanks_IsNotSarcasm(string text)
    {
        var s = Read(text);
        Assert.False(s.Negative);
        Assert.DoesNotContain(s.Evidence, e => e.Signal == "sarcasm");
    }

    [Fact]
    public void Analyze_SarcasmEvidenceSpan_PointsAtMatchedText()
    {
        const string text = "Two weeks for a reply. Thanks for nothing!";
        var e = Assert.Single(Read(text).Evidence, e => e.Signal == "sarcasm");
        Assert.Equal("Thanks for nothing", e.Text);
        Assert.Equal(0, e.Message);
        Assert.Equal(text.IndexOf("Thanks", StringComparison.Ordinal), e.Start);
        Assert.Equal(text.Substring(e.Start, e.Length), e.Text);
    }

    [Theory]
    [InlineData("Can't wait to try the new dashboard!")]
    [InlineData("No complaints, the migration went smoothly.")]
    public void Analyze_PositiveIdiomWithNegativeWords_IsNotNegative(string text)
    {
        var s = Read(text);
        Assert.False(s.Negative);
        Assert.True(s.Sentiment > 0, $"sentiment {s.Sentiment}");
    }

    [Fact]
    public void Analyze_CannotWaitAnyLonger_IsNegative() => Assert.True(Read("We can't wait any longer for this fix.").Negative);

    [Theory]
    [InlineData("Could you send the invoice to our customer contact on the website form?")]
    [InlineData("I would like a copy of the March invoice.")]
    public void Analyze_PlainRequest_IsNeutral(string text)
    {
        var s = Read(text);
        Assert.False(s.Negative);
        Assert.Equal(0, s.Sentiment);
    }

    [Fact]
    public void Analyze_LikeAsComparison_IsNotPraise() => Assert.True(Read("Looks like the sync is stuck again.").Sentiment < 0);

    [Theory]
    [InlineData("The replacement charger is faulty.")]
    [InlineData("My claim was mishandled and is still unresolved.")]
    public void Analyze_SupportFailureWord_IsNegative(string text) => Assert.True(Read(text).Negative);

    [Fact]
    public void Analyze_ExasperatedPunctuationWithAnotherCue_IsNegativeWithEvidence()
    {
        const string text = "Where is my parcel?! It was due for 3 days now.";
        var s = Read(text);
        Assert.True(s.Negative, $"sentiment {s.Sentiment}");
        var e = Assert.Single(s.Evidence, e => e.Signal == "service-failure" && e.Text == "?!");
        Assert.Equal(0, e.Message);
        Assert.Equal(text.IndexOf("?!", StringComparison.Ordinal), e.Start);
        Assert.Equal(2, e.Length);
    }

    [Theory]
    [InlineData("Is the new report available yet??")]
    [InlineData("Where do I find the API key? And the webhook secret?")]
    public void Analyze_QuestionMarksAlone_AreNotNegative(string text) => Assert.False(Read(text).Negative);

    [Fact]
    public void Analyze_HopeWithFailure_DoesNotHideIt() => Assert.True(Read("I hope someone replies soon, I have been waiting since Monday.").Negative);

    [Fact]
    public void Analyze_CurlyApostropheNegation_IsHandled() => Assert.False(Read("I don’t need to speak to a manager.").ManagerRequest);
}

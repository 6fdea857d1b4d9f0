using Escalation.Core.Cases;
using Escalation.Core.Decisions;
using Escalation.Core.Knowledge;
using Escalation.Core.Sensitive;
using Escalation.Core.Signals;

namespace Escalation.Core.Tests.Sensitive;

/// <summary>Issue 25: a case is auto-sent only when understood, and every other route names what was not understood.</summary>
public sealed class UnderstoodRoutingTests
{
    private static SensitiveCaseResult Run(string text, string customer = "cus_100", Workspace? workspace = null, string? subject = null) =>
        new SensitiveCasePipeline(CaseDetectors.From(new DetectStage()), new ComposerDraftWriter())
            .Run(TestWorkspace.Ticket(text, customer, subject), workspace ?? TestWorkspace.Build(), TestWorkspace.Now);

    private static RouteReason Reason(SensitiveCaseResult r, string code) =>
        Assert.Single(r.Decision.Reasons, x => x.Code == code);

    [Fact]
    public void Route_CalmEnglishRefundWithAmountAndDate_SendsAsUnderstood()
    {
        var r = Run("Hello, I was charged €49 on 2026-11-20 but I changed my mind. Could I get a refund?");

        Assert.Equal(Routes.DraftAndSend, r.Decision.Route);
        var why = Reason(r, ReasonCodes.Understood);
        Assert.Contains("refund under refund@2026.3", why.Text, StringComparison.Ordinal);
        Assert.Contains("charge date 2026-11-20", why.Text, StringComparison.Ordinal);
        Assert.Equal("en", r.Decision.Language);
    }

    [Theory]
    [InlineData("Dzień dobry, zapłaciłem 49 euro 20 listopada i chciałbym prosić o zwrot pieniędzy. Dziękuję bardzo.", "pl (Polish, not covered)")]
    [InlineData("こんにちは。11月20日に49ユーロを請求されましたが、返金をお願いできますか。よろしくお願いします。", "ja (Japanese, not covered)")]
    public void Route_UncoveredLanguage_NeverSentAndNamesTheLanguage(string text, string label)
    {
        var r = Run(text);

        Assert.NotEqual(Routes.DraftAndSend, r.Decision.Route);
        Assert.Contains(label, Reason(r, ReasonCodes.LanguageNotCovered).Text, StringComparison.Ordinal);
        Assert.Equal(label, r.Decision.LanguageLabel);
        Assert.Contains(r.Decision.Trace, e => e.Stage == "detect" && e.Text.StartsWith("language " + label, StringComparison.Ordinal));
    }

    [Fact]
    public void Route_NoRecognisedIntent_ReviewNamesWhatWasNotUnderstoodAndHoldsTheReply()
    {
        var r = Run("Hello, I love the new colours in the inbox. Which font do you use for the headings? Thanks!");

        Assert.Equal(Routes.DraftForReview, r.Decision.Route);
        var why = Reason(r, ReasonCodes.IntentUnrecognised);
        Assert.Contains("no request a workspace policy covers was recognised", why.Text, StringComparison.Ordinal);
        Assert.Contains("You will hear from us by", r.Decision.Draft, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_RefundWithNoAmount_ReviewSaysTheAmountWasNotRead()
    {
        var r = Run("Hello, I was charged on 2026-11-20 for a plan I did not want. Could I get a refund please?");

        Assert.Equal(Routes.DraftForReview, r.Decision.Route);
        Assert.Contains("no amount was read", Reason(r, ReasonCodes.AmountAmbiguous).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_AmountTheParserFlagsAmbiguous_ReviewQuotesWhy()
    {
        var signals = TestWorkspace.Signals(new TextSignals { CustomerTone = "formal" });
        var facts = new CaseFacts { Asks = [CaseAsks.Refund], Amount = 49, Currency = "EUR", PurchaseDate = new DateOnly(2026, 11, 20), AmountAmbiguity = "two different amounts, €49 and €94" };
        var retrieval = new PolicyRetrieval { Policies = [new PolicyMatch("refund", "2026.3", PolicyCategories.Refund, "refund@2026.3#a", 0.9, "refund asked")], MatchStrength = 0.9 };

        var d = new RouteStage().Route(new RouteInput { Signals = signals, Facts = facts, Retrieval = retrieval }, TestWorkspace.Build(), TestWorkspace.Now);

        Assert.Equal(Routes.DraftForReview, d.Route);
        Assert.Contains("two different amounts, €49 and €94", Assert.Single(d.Reasons, x => x.Code == ReasonCodes.AmountAmbiguous).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_CoveredLanguageWithoutReplyTemplate_ReviewReplyLanguageMissing()
    {
        var r = Run("Hola, me cobraron 49 euros el 20 de noviembre por un plan que no quería. ¿Me pueden devolver el dinero, por favor?");

        Assert.Equal(Routes.DraftForReview, r.Decision.Route);
        Assert.Equal("es", r.Decision.Language);
        Assert.Contains("es (Spanish)", Reason(r, ReasonCodes.ReplyLanguageMissing).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_Distress_EscalatesToSeniorAtOnce()
    {
        var r = Run("I was charged €49 on 2026-11-20 and honestly I can't go on like this, everything is falling apart. Could I get a refund?");

        Assert.Equal(Routes.Escalate, r.Decision.Route);
        Assert.Equal(ReasonCodes.Distress, r.Decision.Reasons[0].Code);
        Assert.Equal(ReviewerQueues.Senior, r.Decision.ReviewerQueue);
        Assert.Equal(TestWorkspace.Now.AddHours(1), r.Decision.SlaDeadline);
    }

    [Fact]
    public void Route_LiveIncident_EscalatesAsP0()
    {
        var r = Run("Your app is down right now and nobody can log in, our whole support desk is stuck.");

        Assert.Equal(Routes.Escalate, r.Decision.Route);
        Assert.Contains("is down", Reason(r, ReasonCodes.LiveIncident).Text, StringComparison.Ordinal);
        Assert.Equal("P0", r.Decision.Priority);
        Assert.Equal(TestWorkspace.Now.AddHours(1), r.Decision.SlaDeadline);
    }

    [Fact]
    public void Route_PastResolvedOutage_IsContextNotALiveIncident()
    {
        var r = Run("The sync was down for 2 hours yesterday; it is back up now. Could we get an SLA credit for it?");

        Assert.DoesNotContain(r.Decision.Reasons, x => x.Code == ReasonCodes.LiveIncident);
        Assert.NotEqual("P0", r.Decision.Priority);
    }

    [Fact]
    public void Route_PublicExposure_EscalatesToTheSocialQueue()
    {
        var r = Run("I was charged €49 on 2026-11-20 for nothing. Refund it or I will post this on Twitter for all to see.");

        Assert.Equal(Routes.Escalate, r.Decision.Route);
        Assert.Contains("Twitter", Reason(r, ReasonCodes.PublicExposure).Text, StringComparison.Ordinal);
        Assert.Equal("social", r.Decision.ReviewerQueue);
    }

    [Fact]
    public void Route_FormalComplaint_GoesToReview()
    {
        var r = Run("I was charged €49 on 2026-11-20. Please treat this as a formal complaint and refund the charge.");

        Assert.NotEqual(Routes.DraftAndSend, r.Decision.Route);
        Assert.Contains("formal complaint", Reason(r, ReasonCodes.FormalComplaint).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_CancellationFromLongTenureCustomer_RetentionReview()
    {
        var ws = TestWorkspace.Build();
        var routing = ws.Routing with { RetentionTenureMonths = 12 };
        var workspace = new Workspace(ws.Version, routing, ws.ToneGuide, ws.Customers, ws.Policies, ws.Precedents, ws.Playbooks);

        var r = Run("Hello, we would like to cancel our subscription at the end of this month. Thank you.", "cus_014", workspace);

        Assert.NotEqual(Routes.DraftAndSend, r.Decision.Route);
        Assert.Contains("14 months", Reason(r, ReasonCodes.RetentionReview).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_SameIssueReportedThirdTime_EscalatesWithBugReportNote()
    {
        var r = Run("This is the third time I report that the export skips the last row. I was charged €49 on 2026-11-20, please refund it.");

        Assert.Equal(Routes.Escalate, r.Decision.Route);
        Assert.Contains("bug report", Reason(r, ReasonCodes.RepeatReport).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I was charged $49 on 2026-11-20 but I changed my mind. Could I get a refund?", "USD")]
    [InlineData("Am 20. November wurden CHF 49.00 abgebucht, ich habe es mir anders überlegt. Bitte erstatten.", "CHF")]
    [InlineData("Fui cobrada R$ 49,90 no dia 20 de novembro, mudei de ideia. Podem reembolsar?", "BRL")]
    public void Route_RefundInACurrencyTheAccountIsNotBilledIn_ReviewNamesBothCurrencies(string text, string currency)
    {
        var r = Run(text);

        Assert.Equal(Routes.DraftForReview, r.Decision.Route);
        var why = Reason(r, ReasonCodes.AmountAmbiguous).Text;
        Assert.Contains($"is in {currency}, but the account is billed in EUR", why, StringComparison.Ordinal);
    }
}

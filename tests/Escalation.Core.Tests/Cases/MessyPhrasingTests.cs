using Escalation.Core.Cases;
using Escalation.Core.Knowledge;
using Escalation.Core.Sensitive;
using Escalation.Core.Signals;
using Escalation.Core.Tests.Sensitive;

namespace Escalation.Core.Tests.Cases;

/// <summary>
/// Tickets as help desks receive them (eleventh probe batch): typed fast, said plainly, in any of the covered languages.
/// What they ask is read as what it is, and what they do not ask is not read into them.
/// </summary>
public sealed class MessyPhrasingTests
{
    private static CaseFacts Extract(string text, string? subject = null) =>
        new CaseFactsExtractor().Extract(TestWorkspace.Ticket(text, subject: subject), TestWorkspace.Build(), TestWorkspace.Now);

    [Theory]
    [InlineData("buenas, queremos darnos de baja, ya no lo usamos desde el verano. un saludo")]
    [InlineData("Hola, me doy de baja, gracias.")]
    [InlineData("Wir möchten unser Abo beenden.")]
    [InlineData("Nous résilions notre abonnement au 31 décembre.")]
    public void Extract_CancellationInEverydayWords_IsACancellationAsk(string text) =>
        Assert.Contains(CaseAsks.Cancel, Extract(text).Asks);

    [Theory]
    [InlineData("Jahresverlängerung trotz Kündigung", "Am 2. November wurde unser Jahresabo über 1.299,00 € verlängert und abgebucht. Bitte erstatten Sie die 1.299,00 € vollständig.")]
    [InlineData("Charged despite my cancellation", "You renewed us for €1,299 on 2 November. Please refund the €1,299.")]
    [InlineData("Renovación a pesar de la baja", "Nos cobraron 1.299 € el 2 de noviembre. Devuélvannos los 1.299 €, por favor.")]
    public void Extract_ChargedDespiteACancellation_IsARefundOfAPastCancellationNotANewOne(string subject, string text)
    {
        var f = Extract(text, subject);

        Assert.Contains(CaseAsks.Refund, f.Asks);
        Assert.DoesNotContain(CaseAsks.Cancel, f.Asks);
    }

    [Fact]
    public void Extract_TypedFast_RefundAmountAndDateAreRead()
    {
        var f = Extract("hi ther i wud like a refnd for the 29 euro xtra inbox i bougt on 18 nov by mistake, clikd the rong buton. thx dave");

        Assert.Contains(CaseAsks.Refund, f.Asks);
        Assert.Equal(29m, f.Amount);
        Assert.Equal(new DateOnly(2026, 11, 18), f.PurchaseDate);
    }

    [Theory]
    [InlineData("can you yank the SMS reminders add-on off our plan and give back the €35 you charged for it on 9 November?")]
    [InlineData("charged twice, €149 on 3 Nov and another €149 on 3 Nov. just put one of them back please")]
    public void Extract_MoneyAskedBackInPlainWords_IsARefundAsk(string text) =>
        Assert.Contains(CaseAsks.Refund, Extract(text).Asks);

    [Fact]
    public void Extract_YankTheAddOnOffThePlan_IsTheAddOnToRemove() =>
        Assert.Contains("SMS", Extract("can you yank the SMS reminders add-on off our plan and give back the €35 you charged for it on 9 November?").RemoveAddOn, StringComparison.Ordinal);

    [Fact]
    public void Extract_GermanChargeAsAnAdjectiveAfterTheDate_DatesTheCharge() =>
        Assert.Equal(new DateOnly(2026, 11, 8),
            Extract("wir bitten um Rückerstattung des am 08.11.2026 abgebuchten Betrags von 149,00 €. Die Lizenz wurde versehentlich doppelt gebucht.").PurchaseDate);

    [Theory]
    [InlineData("Hoi, graag de €49 voor de extra seat pack van 13 november terug, en die pack mag ook weg, we hebben hem niet nodig.", "seat pack")]
    [InlineData("Pourriez-vous retirer l'option Rapports avancés de notre abonnement et nous rembourser les 39 € prélevés le 12 novembre ?", "option Rapports avancés")]
    public void Extract_RemovalSaidPlainly_NamesTheWholeAddOn(string text, string name)
    {
        var f = Extract(text);

        Assert.Contains(name, f.RemoveAddOn, StringComparison.Ordinal);
        Assert.DoesNotContain("13", f.RemoveAddOn, StringComparison.Ordinal);
        Assert.Contains(CaseAsks.Refund, f.Asks);
    }

    [Fact]
    public void Extract_PutMeBackOnTheOldPlan_IsAnAskTheRefundDoesNotCover() =>
        Assert.Contains(Extract("I hit 'upgrade to Operator' on the 14th thinking it was a free trial. got charged €149 extra. can we undo that and put me back on Growth?").OtherAsks,
            a => a.Contains("Growth", StringComparison.Ordinal));

    [Theory]
    [InlineData("thanks so much for sorting the refund yesterday! one more thing: our finance team needs the November invoice to show our PO number PO-7781, can you reissue it?", null)]
    [InlineData("Just a quick note to say thank you for the refund of the €49 last week, it came through this morning. No need to reply!", "Re: your refund")]
    public void Extract_RefundThankedFor_IsNoRefundAsk(string text, string? subject) =>
        Assert.DoesNotContain(CaseAsks.Refund, Extract(text, subject).Asks);

    [Fact]
    public void Extract_RefundAskedWithATellMeOnceDone_IsStillARefundAsk() =>
        Assert.Contains(CaseAsks.Refund, Extract("Please refund the €49 and let me know once done.").Asks);

    [Fact]
    public void Analyze_SlaBreach_IsNoSecurityIncident()
    {
        var s = new LexiconSignalAnalyzer().AnalyzeText("our inbound email was dead for about an hour on the 17th. I believe that's an SLA breach; please apply whatever credit we're due.");

        Assert.False(s.Security);
    }

    [Fact]
    public void Understanding_CancellationWordsWithoutACancellationAsk_IsNotUnderstoodAndSaysWhy()
    {
        var t = new TextSignals { Cancellation = true, Evidence = [new Evidence("cancellation", "baja", 0, 0, 4)] };

        var u = CaseUnderstanding.Of(new CaseFacts(), t, new PolicyRetrieval(), "EUR");

        Assert.False(u.Understood);
        Assert.Contains("\"baja\"", u.Unrecognised, StringComparison.Ordinal);
        Assert.DoesNotContain("Add a policy", u.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_ChargedAfterCancellingAndWantsItBack_IsARefundNotACancellation()
    {
        var f = Extract("so I cancelled on 29 october, have the confirmation email, and you still took €199 on 1 november. taking money after a cancellation is not legal. I want it back this week");

        Assert.Contains(CaseAsks.Refund, f.Asks);
        Assert.DoesNotContain(CaseAsks.Cancel, f.Asks);
    }

    [Fact]
    public void Analyze_ManagerNamedAsTheTargetOfAThreat_IsNoManagerRequest()
    {
        var s = new LexiconSignalAnalyzer().AnalyzeText("Se entro domani non risolvete giuro che vengo nei vostri uffici e ve la faccio pagare di persona, so dove trovare il vostro responsabile.");

        Assert.False(s.ManagerRequest);
    }

    [Fact]
    public void Analyze_ConsumerAdviceConsulted_IsLegalSensitive() =>
        Assert.True(new LexiconSignalAnalyzer().AnalyzeText("I've spoken to someone at Citizens Advice and they said I'm entitled to a partial refund. I will take it further if I have to.").Legal);

    [Fact]
    public void Analyze_CheerfulCancellationWithAWellWishAndASuggestion_IsNoSarcasm()
    {
        var s = new LexiconSignalAnalyzer().AnalyzeText("Hi there, hope you're well! It's been a wild few weeks and I've been living out of my car lol. "
            + "To be fair the first week was lovely and the templates are really nicely done. We just don't have the bandwidth right now, so we'd like "
            + "to cancel our subscription please. Feedback: the calendar view would be amazing for event people, and the onboarding emails came a bit "
            + "too often (four in one week!). Thanks for everything and have a lovely week,\nElena");

        Assert.DoesNotContain(s.Evidence, e => e.Signal == "sarcasm");
    }

    [Fact]
    public void Extract_ARefundAlreadyMadeOnADay_IsNotTheChargeDate() =>
        Assert.Equal(new DateOnly(2026, 11, 1),
            Extract("Hi, thanks for refunding €70 on 12 November for the two removed seats. Unfortunately the November invoice (€770 charged on 1 November: €700 plan plus 2 seats at €35) has the same two seats. Please refund that €70 too.").PurchaseDate);

    [Fact]
    public void Extract_GermanPolitePronounBeforeThePack_IsNoPartOfItsName()
    {
        var f = Extract("Guten Tag, am 14.11. wurden uns neunundvierzig Euro für das Zusatzpaket mit den extra Plätzen abgebucht. Bitte erstatten Sie die neunundvierzig Euro und entfernen Sie das Paket.");

        Assert.Equal("Zusatzpaket", f.RemoveAddOn);
        Assert.Equal(49m, f.Amount);
    }

    [Theory]
    [InlineData("Goedemorgen, op 12-11 is er € 1.188,00 afgeschreven, het jaarbedrag, terwijl wij maandelijks betalen (€ 99 per maand). Graag het verschil van € 1.089,00 terugstorten.", 1089)]
    [InlineData("You charged the annual €1,188 instead of the monthly €99. Please refund the difference of €1,089.", 1089)]
    public void Extract_TheDifferenceAskedBack_IsTheSum(string text, decimal sum) =>
        Assert.Equal(sum, Extract(text).Amount);

    [Fact]
    public void Extract_GetTheSumInWordsBack_IsARefundAsk()
    {
        var f = Extract("Hi - you charged us forty-nine euros on 9 November for the extra seat pack. Could we get the forty-nine euros back and have the pack removed?");

        Assert.Contains(CaseAsks.Refund, f.Asks);
        Assert.Equal(49m, f.Amount);
    }

    [Fact]
    public void Analyze_GermanOutageToldAsPastWithAnApproximateDuration_IsNoLiveIncident()
    {
        var s = new LexiconSignalAnalyzer().AnalyzeText("Am 2.11. war Lumen Desk bei uns ca. 5 Stunden nicht erreichbar. Bitte schreiben Sie uns die SLA-Gutschrift gut.");

        Assert.False(s.LiveIncident);
    }
}

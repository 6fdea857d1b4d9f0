using Escalation.Core.Knowledge;
using Escalation.Core.Signals;
using Escalation.Core.Tickets;

namespace Escalation.Core.Tests.Signals;

/// <summary>Paraphrases of the hard-rule signals, sarcasm, and the signals added for issue 25.</summary>
public class ParaphraseAndNewSignalTests
{
    private static readonly LexiconSignalAnalyzer Analyzer = new();

    private static TextSignals Read(string text) => Analyzer.AnalyzeText(text);

    [Fact]
    public void Analyze_BreachOfContract_IsLegalNotASecurityBreach()
    {
        var s = Read("Our counsel says this is a breach of contract.");

        Assert.True(s.Legal);
        Assert.Contains(LegalKinds.Contract, s.LegalKinds);
        Assert.Contains(LegalKinds.Lawyer, s.LegalKinds);
        Assert.False(s.Security);
        Assert.NotEqual(PriorityRules.P0, PriorityRules.FromText(s).Priority);
    }

    [Fact]
    public void Analyze_DataBreach_IsStillSecurity() => Assert.True(Read("We think there was a data breach last night.").Security);

    [Theory]
    [InlineData("Sort this out or I'm getting legal involved.")]
    [InlineData("I know my consumer rights and I will use them.")]
    [InlineData("This is a clear breach of our agreement.")]
    public void Analyze_LegalParaphrase_IsLegal(string text) => Assert.True(Read(text).Legal);

    [Theory]
    [InlineData("I'm going to ask my bank to reverse the €29 payment.")]
    [InlineData("I have already filed a dispute with Visa.")]
    [InlineData("I will open a dispute with PayPal tomorrow.")]
    [InlineData("Reverse the payment or I dispute it with my card.")]
    public void Analyze_ChargebackParaphrase_IsChargebackAndLegal(string text)
    {
        var s = Read(text);

        Assert.True(s.Chargeback);
        Assert.True(s.Legal);
    }

    [Theory]
    [InlineData("Get me someone senior NOW.")]
    [InlineData("I want to speak to your supervisor.")]
    [InlineData("Put me through to the person in charge.")]
    public void Analyze_ManagerParaphrase_IsManagerRequest(string text) => Assert.True(Read(text).ManagerRequest);

    [Theory]
    [InlineData("We are moving to Freshdesk next month.", "Freshdesk")]
    [InlineData("We're switching to Help Scout when the contract ends.", "Help Scout")]
    public void Analyze_MoveToNamedCompetitor_IsChurn(string text, string competitor)
    {
        var s = Read(text);

        Assert.True(s.ChurnThreat);
        Assert.Equal(competitor, s.Competitor);
    }

    [Fact]
    public void Analyze_SarcasticPraiseAroundFailure_ReadsAngry()
    {
        var s = Read("Oh wonderful, the sync is broken AGAIN. Fantastic job, really stellar work… Brilliant. Truly.");

        Assert.True(s.Negative);
        Assert.True(s.Sentiment < 0, $"sentiment {s.Sentiment}");
        Assert.Equal(CustomerTones.Angry, s.CustomerTone);
        Assert.Contains(s.Evidence, e => e.Signal == "sarcasm" && e.Text == "Fantastic");
    }

    [Theory]
    [InlineData("Great, the export failed again. Just perfect.")]
    [InlineData("Brilliant work, amazing, the invoices are missing again.")]
    public void Analyze_OtherSarcasm_IsNegative(string text) => Assert.True(Read(text).Negative, text);

    [Theory]
    [InlineData("The delivery was a day late, but the driver was wonderful and very helpful. Thank you!")]
    [InlineData("Fantastic job on the new dashboard, it is brilliant.")]
    public void Analyze_SincerePraise_IsNotSarcasm(string text)
    {
        var s = Read(text);

        Assert.False(s.Negative, text);
        Assert.DoesNotContain(s.Evidence, e => e.Signal == "sarcasm");
    }

    [Theory]
    [InlineData("I honestly don't see the point of going on anymore.")]
    [InlineData("Some days I just want to end it all.")]
    [InlineData("i havent slept in two days and honestly i cant cope anymore, i just cant")]
    public void Analyze_Distress_IsFlaggedAndP0(string text)
    {
        var s = Read(text);

        Assert.True(s.Distress);
        Assert.Equal(PriorityRules.P0, PriorityRules.FromText(s).Priority);
    }

    [Theory]
    [InlineData("Everything is down for all 150 of our users right now.", true)]
    [InlineData("Nobody can log in since this morning.", true)]
    [InlineData("There is an outage right now, the dashboard returns 503.", true)]
    [InlineData("Last week's outage was resolved quickly. Can you send the invoice?", false)]
    [InlineData("The site was down yesterday for two hours; it is back up now.", false)]
    public void Analyze_LiveIncidentVersusPastOutage(string text, bool live) => Assert.Equal(live, Read(text).Incident);

    [Theory]
    [InlineData("I've posted about this on X and it's trending, 40k views.", true)]
    [InlineData("I will leave a one-star review on Trustpilot.", true)]
    [InlineData("A journalist from the tech press has already contacted me.", true)]
    [InlineData("How do I connect my Facebook ads account?", false)]
    [InlineData("Is the API publicly available?", false)]
    public void Analyze_PublicExposure(string text, bool exposed) => Assert.Equal(exposed, Read(text).PublicExposure);

    [Fact]
    public void Analyze_FormalComplaintAndCompensation_AreFlagged()
    {
        var s = Read("Please treat this as a formal complaint. I expect compensation for the lost weekend.");

        Assert.True(s.FormalComplaint);
        Assert.True(s.CompensationDemand);
    }

    [Theory]
    [InlineData("Please cancel my subscription today.", true)]
    [InlineData("I would like to cancel our account at the end of the month.", true)]
    [InlineData("We are not going to cancel our subscription, just asking about seats.", false)]
    public void Analyze_Cancellation(string text, bool cancel)
    {
        var s = Read(text);

        Assert.Equal(cancel, s.Cancellation);
        Assert.Equal(cancel, s.ChurnThreat);
    }

    [Fact]
    public void Analyze_ThirdTimeReporting_IsRepeatReport() => Assert.True(Read("Third time reporting this: the export still fails.").RepeatReport);

    [Fact]
    public void Analyze_ThreeComplaintsInTheThread_IsRepeatReport()
    {
        TicketMessage Customer(string text) => new() { From = "customer", Text = text };
        TicketMessage Agent(string text) => new() { From = "agent", Text = text };

        var s = Analyzer.Analyze(
        [
            Customer("The export is broken and shows an error."),
            Agent("Thanks, we are looking into it."),
            Customer("The export is still not working, nothing changed."),
            Agent("We have escalated it."),
            Customer("Still broken today. This is not acceptable."),
        ]);

        Assert.True(s.RepeatReport);
    }

    [Fact]
    public void Analyze_OrdinaryQuestion_RaisesNoNewSignal()
    {
        var s = Read("Hi, could you tell me how to add a second admin to our workspace? Thanks!");

        Assert.False(s.Distress || s.Incident || s.PublicExposure || s.FormalComplaint || s.CompensationDemand || s.Cancellation || s.RepeatReport);
    }

    [Theory]
    [InlineData("I've already disputed the €99 from 21 Nov with my card company, so don't bother.")]
    [InlineData("We filed a dispute with the card issuer this morning.")]
    public void Analyze_ADisputeFiledWithTheCardCompany_IsAChargeback(string text) => Assert.True(Read(text).Chargeback);

    [Theory]
    [InlineData("Olá, quero cancelar a nossa assinatura. Vamos mudar para o Freshdesk a partir de janeiro.", "Freshdesk")]
    [InlineData("We are switching to the Zendesk suite next month.", "Zendesk")]
    public void Analyze_SwitchingToANamedCompetitorAfterAnArticle_NamesIt(string text, string rival)
    {
        var s = Read(text);

        Assert.True(s.ChurnThreat);
        Assert.Equal(rival, s.Competitor);
    }

    [Theory]
    [InlineData("one of our nurses opened a ticket this morning and the side panel showed another clinic's patient: name, date of birth, medication list.")]
    [InlineData("A colleague who left us in October can apparently still log in, and she exported our whole customer contact list last night.")]
    [InlineData("En el panel aparecen datos de otro cliente.")]
    public void Analyze_DataSeenByWhoShouldNot_IsSecurity(string text) =>
        Assert.True(CautionSignals.Add(Read(text), [new TicketMessage { From = "customer", Text = text }], null).Security);

    [Theory]
    [InlineData("We opened another account for our second office, can you link them?")]
    [InlineData("Please remove the seat of a former employee from our plan.")]
    public void Analyze_RoutineAccountWords_AreNoSecurityIncident(string text) =>
        Assert.False(CautionSignals.Add(Read(text), [new TicketMessage { From = "customer", Text = text }], null).Security);

    [Theory]
    [InlineData("A Clínica Carvalho retira, com efeito imediato, o consentimento para os resumos por IA das mensagens dos nossos doentes.")]
    [InlineData("Hiermit widerrufen wir unsere Einwilligung für die KI-Zusammenfassungen.")]
    [InlineData("Ritiriamo il nostro consenso alle registrazioni delle chiamate.")]
    public void Analyze_ConsentWithdrawnInOtherWords_IsLegalConsentWithdrawal(string text)
    {
        var s = Read(text);

        Assert.True(s.Legal);
        Assert.Contains(LegalKinds.ConsentWithdrawal, s.LegalKinds);
    }
}

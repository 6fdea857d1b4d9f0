using Escalation.Core.Actions;
using Escalation.Core.Cases;
using Escalation.Core.Decisions;
using Escalation.Core.Escalations;
using Escalation.Core.Sensitive;
using Escalation.Core.Signals;
using Escalation.Core.Tests.Sensitive;
using Escalation.Core.Tickets;

namespace Escalation.Core.Tests.Decisions;

/// <summary>
/// Whole conversations and tier-1 handoffs (twenty-fourth and twenty-fifth probe batches): the last message changes the
/// ask, our own earlier reply says what was done, tier 1 names another sum, an order of goods is no charge of ours.
/// </summary>
public sealed class ThreadsAndHandoffsTests
{
    private static SensitiveCaseResult Decide(string text) => TestWorkspace.Decide(text);

    private static SensitiveCaseResult Decide(CaseSubmission ticket) => TestWorkspace.Decide(ticket);

    private static CaseFacts Facts(CaseSubmission ticket) => new CaseFactsExtractor().Extract(ticket, TestWorkspace.Build(), TestWorkspace.Now);

    /// <summary>A thread of (from, text) messages a day apart, the last one a day before <see cref="TestWorkspace.Now"/>.</summary>
    private static CaseSubmission Thread(string? subject, TierOneHandoff? handoff, params (string From, string Text)[] messages) => new()
    {
        TicketId = "T-1",
        Customer = new CustomerProfile { Id = "cus_100" },
        Subject = subject,
        Messages = [.. messages.Select((m, i) => new TicketMessage { From = m.From, At = TestWorkspace.Now.AddDays(i - messages.Length), Text = m.Text })],
        Handoff = handoff,
    };

    private static EscalationCaseResult Escalate(CaseSubmission ticket, CaseSignals? signals = null) =>
        new EscalationCasePipeline(signals is null ? CaseDetectors.From(new DetectStage()) : (_, _, _, _) => signals, new ComposerDraftWriter())
            .Run(ticket, TestWorkspace.Build(), TestWorkspace.Now);

    [Theory]
    [InlineData("Hello, I ordered a pair of hiking boots (order #88123, paid €64.90) on 8 November and the tracking hasn't moved for 9 days. Can you find out where it is or send me my money back? Thanks, Gary")]
    [InlineData("Hola compré unas zapatillas el 5 de noviembre (pedido 55-0912, 89,99 €) y ya se les ha despegado la suela. Esto es un defecto. Quiero que me devuelvan el dinero.")]
    [InlineData("Hallo, mein Paket hängt laut Sendungsverfolgung seit einer Woche fest. Bitte erstatten Sie mir die 39 €.")]
    public void Route_AnOrderOfGoods_IsForAPersonAndMovesNoMoney(string text)
    {
        var r = Decide(text);

        Assert.Equal(Routes.DraftForReview, r.Decision.Route);
        Assert.Contains(r.Decision.Reasons, x => x.Code == ReasonCodes.AskNotCovered && x.Text.Contains("order of goods", StringComparison.Ordinal));
        Assert.Empty(r.Decision.Actions);
    }

    [Fact]
    public void Route_AnOrderInAShopsWorkspace_IsDecidedAsAnyOtherAsk()
    {
        var returns = TestWorkspace.Policies()[0] with { Id = "returns", Title = "Returns and deliveries", Tags = ["order", "delivery", "return"] };
        var shop = TestWorkspace.Build([.. TestWorkspace.Policies(), returns]);
        var r = TestWorkspace.Decide(TestWorkspace.Ticket("Hello, my order #88123 arrived with one boot missing. Please refund the €64.90.", "cus_100"), shop);

        Assert.DoesNotContain(r.Decision.Reasons, x => x.Text.Contains("order of goods", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Please re-issue the November invoice with our purchase order 4500012345 on it.")]
    [InlineData("I was charged €49 twice on 12 November. Please refund the duplicate.")]
    public void Extract_ASubscriptionsOwnWords_AreNoOrderOfGoods(string text) =>
        Assert.Null(Facts(TestWorkspace.Ticket(text, "cus_100")).GoodsOrder);

    [Fact]
    public void Extract_TierOneAsksAnotherSumThanTheCustomer_IsAConflictAndNothingIsRefunded()
    {
        var ticket = Thread("Rimborso componente aggiuntivo",
            TestWorkspace.Handoff("Customer wants refund of the Reporting Plus add-on and removal.", "Tried refund", "No refund permission", "Refund EUR 49 and remove add-on.", "Refund"),
            ("customer", "Buongiorno, il 14/11 abbiamo acquistato il componente aggiuntivo Reporting Plus per 79 €, ma non ci serve più. Potete rimuoverlo e rimborsare i 79 €? Grazie, Chiara"));

        Assert.True(Facts(ticket).AmountConflict);
        Assert.DoesNotContain(Escalate(ticket).Decision.Actions, a => a.Kind == ActionKinds.Refund);
    }

    [Fact]
    public void Extract_TierOneAsksTheCustomersSum_IsNoConflict()
    {
        var ticket = Thread(null,
            TestWorkspace.Handoff("Customer wants the add-on refunded.", "Tried refund", "No refund permission", "Refund EUR 79.", "Refund"),
            ("customer", "Hi, please refund the €79 add-on we bought on 14 November, we don't use it."));

        Assert.False(Facts(ticket).AmountConflict);
    }

    [Fact]
    public void Extract_ACancellationOnADayOfTheirOwn_IsThatDayAheadNotAYearAgo() =>
        Assert.Equal(new DateOnly(2026, 11, 30), Facts(TestWorkspace.Ticket("Bonjour, je souhaite résilier notre abonnement le 30 novembre. Nous fermons l'agence à cette date. Merci, Olivier", "cus_100")).CancelDate);

    [Fact]
    public void Extract_EndOfThePeriodAgreedBesideASeatPackRefund_KeepsThePlanToTheEndOfTheTerm()
    {
        var facts = Facts(Thread(null, null,
            ("customer", "Hello, I bought the extra seat pack (€49) on 20 November by mistake. Could you refund it please? Elena"),
            ("customer", "Actually, please cancel our whole subscription too. End of the current period is fine. Thanks, Elena")));

        Assert.True(facts.CancelAtTermEnd);
        Assert.False(facts.RefundsThePeriod);
    }

    [Fact]
    public void Extract_CancelarJaInTheSubject_IsNothingAlreadyDone() =>
        Assert.Null(Facts(TestWorkspace.Ticket("Olá, quero cancelar a assinatura imediatamente e pedir o reembolso dos 149 € cobrados em 10/11.", "cus_100", subject: "Cancelar já e reembolso")).AlreadyDone);

    [Fact]
    public void Receive_TierOneStartingADayAfterTheFirstMessage_IsNoAmbiguity()
    {
        var handoff = TestWorkspace.Handoff("Refund of the €49 add-on", "Tried refund", "No permission", "Refund €49", "Refund") with { Started = TestWorkspace.Now };
        var ticket = TestWorkspace.Ticket("Please refund the €49 add-on.", "cus_100", handoff: handoff) with
        {
            Messages = [new TicketMessage { From = "customer", At = TestWorkspace.Now.AddDays(-4), Text = "Please refund the €49 add-on." }],
        };

        Assert.False(new ReceiveStage().Receive(ticket, TestWorkspace.Now).Ambiguous);
    }

    [Fact]
    public void Route_AHowToNearRenewal_GoesBackToTierOneNotToASenior()
    {
        var ticket = Thread("no puedo entrar", new TierOneHandoff
        {
            Summary = "Admin can't log in, forgot password.", Category = "account", Priority = "P2", WhatTried = [], WhatNeeded = "Reset the password.", CustomerExpectation = "Access",
        }, ("customer", "buenas, se me olvidó la contraseña y el enlace de restablecer no me llega. soy el administrador. gracias"));

        var calm = Escalate(ticket, TestWorkspace.Signals(new TextSignals { Intensity = 0.1 }, commercial: true));
        var angry = Escalate(ticket, TestWorkspace.Signals(new TextSignals { Intensity = 0.5, Negative = true }, commercial: true));

        Assert.Equal(Routes.ReturnToTierOne, calm.Decision.Route);
        Assert.Equal(Routes.Escalate, angry.Decision.Route);
        Assert.Contains(angry.Decision.Reasons, x => x.Code == ReasonCodes.CommercialSensitivity);
    }

    [Theory]
    [InlineData("Perfect, thanks a lot!", true)]
    [InlineData("¡Genial, muchas gracias!", true)]
    [InlineData("Thanks in advance, waiting for the new invoice.", false)]
    [InlineData("Thanks, but it still shows 10 seats?", false)]
    public void Route_AThreadEndingInThanks_GoesBackToTierOneToClose(string last, bool closes)
    {
        var ticket = Thread("Remove 3 seats from next invoice",
            TestWorkspace.Handoff("Seat reduction 10->7 from next invoice, already done.", "Removed 3 seats effective next invoice", "Done, customer confirmed", "Confirm and close", "Next invoice for 7 seats"),
            ("customer", "Hi, we're down to 7 agents. Can you take 3 seats off from the next invoice?"),
            ("agent", "Hi Tobias, done: I've removed 3 seats, your next invoice will be for 7 seats."),
            ("customer", last));

        Assert.Equal(closes, Facts(ticket).ClosingThanks is not null);
        if (closes)
        {
            Assert.Equal(Routes.ReturnToTierOne, Escalate(ticket).Decision.Route);
        }
    }

    [Theory]
    [InlineData("Bonjour, merci. D'accord pour la remise de 20 % pendant 3 mois, on reste finalement ! Claire")]
    [InlineData("Ach, laat die terugbetaling maar zitten: mijn collega gebruikt de rapporten toch wel. We houden de add-on.")]
    [InlineData("Vale, de acuerdo con el descuento, nos quedamos entonces.")]
    public void Extract_TheLastMessageTakesTheAskBack_IsRead(string last)
    {
        var ticket = Thread("Résiliation", null,
            ("customer", "Hello, please cancel our plan and refund the €39 add-on charged on 15 November."),
            ("agent", "Before you go: we can offer 20% off for the next 3 months. Would that help?"),
            ("customer", last));

        Assert.NotNull(Facts(ticket).Retracted);
        Assert.NotEqual(Routes.DraftAndSend, Decide(ticket).Decision.Route);
    }

    [Fact]
    public void Route_OurPortugueseRefundInTheThread_IsNotRefundedAgain()
    {
        var ticket = Thread("Re: Devolução 99 euros", null,
            ("customer", "Olá, cancelei o pacote extra mas continuou cobrando 99 euros em 1/11. Podem devolver?"),
            ("agent", "Olá Ana, devolvemos hoje os 99,00 €. O valor aparece na fatura do cartão em até 5 dias úteis. Abraço, Sam"),
            ("customer", "Boa tarde, até hoje não recebi os 99 euros. Já se passaram três semanas! O que aconteceu?"));

        var r = Decide(ticket);

        Assert.DoesNotContain(r.Decision.Actions, a => a.Kind == ActionKinds.Refund);
        Assert.NotEqual(Routes.DraftAndSend, r.Decision.Route);
    }

    [Theory]
    [InlineData("Guten Tag Frau Vogel, ja: für die bestätigten 3 Stunden schreiben wir Ihnen 15 % von 450,00 € gut, also 67,50 €, auf der nächsten Rechnung.")]
    [InlineData("Hi Lena, we have applied a €67.50 credit for the 3 confirmed hours; it shows on your next invoice.")]
    public void Plan_ACreditWeAlreadyGave_IsNotProposedAgain(string ours)
    {
        var ticket = Thread(null, null,
            ("customer", "Do we get a credit for the outage on 2 November? Our sales team could not work for three hours."),
            ("agent", ours),
            ("customer", "Thanks. Is the credit of €67.50 for the outage going to show on the December invoice?"));

        Assert.NotNull(Facts(ticket).AlreadyDone);
        Assert.DoesNotContain(Decide(ticket).Decision.Actions, a => a.Kind == ActionKinds.Credit);
    }

    [Fact]
    public void Extract_RefaireLaFacture_AsksACorrectedInvoice() =>
        Assert.True(AskCoverage.ReissueAsked("Peux-tu demander de refaire la facture du 01/11 avec notre numéro de TVA ?"));

    [Theory]
    [InlineData("Bis wann sollte sie da sein?", true)]
    [InlineData("alguma novidade?", true)]
    [InlineData("any update on the corrected invoice?", false)]
    public void Asks_ANudgeOrAGermanWhenAfterARefund_IsARefundStatusQuestion(string text, bool asks) =>
        Assert.Equal(asks, RefundStatus.Asks(text));

    [Fact]
    public void Route_ARefundToTheCompanyCard_IsCheckedByAPerson() =>
        Assert.Contains(Decide("Hi, the €49 seat pack charged on 16/11 went on my personal Amex again. Can you refund it to the company Visa (ending 7731) instead?").Decision.Reasons,
            x => x.Code == ReasonCodes.RefundDestination);

    [Fact]
    public void Extract_OurRefundMadeTodayOfAnEarlierCharge_IsDatedByOurReply()
    {
        var ticket = Thread(null, null,
            ("customer", "Please refund the €49 charged on 12 November, we never used it."),
            ("agent", "Hi Elena, I refunded the €49 charge of 12 November to your card today."),
            ("customer", "Thanks! When will it arrive on my card?"));

        Assert.Equal(DateOnly.FromDateTime(TestWorkspace.Now.AddDays(-2).UtcDateTime), Facts(ticket).RefundStatus?.RefundedOn);
    }

    [Fact]
    public void Draft_APlainCancellationReadAsNegative_DoesNotThankForReportingAProblem()
    {
        var r = Decide("Buongiorno, il nostro studio legale passa a un altro gestionale per la comunicazione con i clienti. Vi chiediamo di disdire l'abbonamento alla fine del periodo in corso. Cordiali saluti, Avv. Paolo Esposito");

        Assert.DoesNotContain("segnalato il problema", r.Decision.Draft, StringComparison.Ordinal);
    }
}

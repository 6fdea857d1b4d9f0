using Escalation.Core.Actions;
using Escalation.Core.Cases;
using Escalation.Core.Decisions;
using Escalation.Core.Sensitive;
using Escalation.Core.Signals;
using Escalation.Core.Tests.Sensitive;
using Escalation.Core.Tickets;

namespace Escalation.Core.Tests.Cases;

/// <summary>
/// What customers write after money has moved: "where is my refund?" after our reply said it was made, "the refund
/// arrived, thanks", our own "c'est fait : nous avons remboursé 99 €" above a thank-you. None of them is a new refund.
/// </summary>
public sealed class MoneyAlreadyMovedTests
{
    private static readonly DateTimeOffset Now = TestWorkspace.Now; // Monday 23 November 2026

    private static CaseSubmission Thread(params (string From, DateTimeOffset At, string Text)[] messages) => new()
    {
        TicketId = "T-1",
        Customer = new CustomerProfile { Id = "cus_100" },
        Messages = [.. messages.Select(m => new TicketMessage { From = m.From, At = m.At, Text = m.Text })],
    };

    private static RefundStatusAsk? ReadStatus(CaseSubmission ticket) =>
        RefundStatus.Read(ticket, DateOnly.FromDateTime(Now.UtcDateTime), 5, EarlierSteps.AlreadyDone(ticket));

    private static SensitiveCaseResult Decide(CaseSubmission ticket) => TestWorkspace.Decide(ticket);

    private static readonly DateTimeOffset Thursday = new(2026, 11, 19, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Hi Sam, I have refunded the €49 for the add-on today. Tom", "Hi Tom, the refund still isn't on my card. When should I expect it?")]
    [InlineData("Hallo, ich habe Ihnen die 49 € heute erstattet. Tom", "Das Geld ist noch nicht auf meinem Konto angekommen. Wann kommt die Erstattung?")]
    [InlineData("Bonjour, nous avons effectué le remboursement de 49 € aujourd'hui. Tom", "Je n'ai toujours pas reçu le remboursement. Quand vais-je le recevoir ?")]
    [InlineData("Hola, te he reembolsado los 49 € hoy. Tom", "Todavía no lo veo en la tarjeta, ¿cuándo llega?")]
    [InlineData("Ciao, ho rimborsato i 49 € oggi. Tom", "Non l'ho ancora ricevuto, quando arriva?")]
    [InlineData("Olá, reembolsei os 49 € hoje. Tom", "Ainda não caiu no cartão, quando chega?")]
    [InlineData("Hallo, ik heb de 49 euro vandaag teruggestort. Tom", "Het staat nog niet op mijn rekening, wanneer komt het?")]
    public void Read_OurReplySaysRefundedAndTheCustomerAsksWhen_IsAStatusQuestionDatedByTheReply(string ours, string theirs)
    {
        var status = ReadStatus(Thread(("agent", Thursday, ours), ("customer", Now.AddHours(-2), theirs)));

        Assert.NotNull(status);
        Assert.Equal(RefundStatus.Sources.Agent, status.MadeBy);
        Assert.Equal(new DateOnly(2026, 11, 19), status.RefundedOn);
        Assert.Equal(new DateOnly(2026, 11, 26), status.ExpectedBy); // 5 business days after a Thursday: the Thursday after
        Assert.False(status.Overdue);
    }

    [Fact]
    public void Read_PastTheProcessingDays_IsOverdue()
    {
        var early = new DateTimeOffset(2026, 11, 9, 10, 0, 0, TimeSpan.Zero);
        var status = ReadStatus(Thread(("agent", early, "I have refunded the €49 today."), ("customer", Now.AddHours(-2), "Still not on my card. Where is my refund?")));

        Assert.True(status?.Overdue);
        Assert.Equal(new DateOnly(2026, 11, 16), status!.ExpectedBy);
    }

    [Theory]
    [InlineData("I asked for a refund of the €49 last week and still haven't received it. When will I get my money back?")]
    [InlineData("Thanks for the refund! I haven't received the corrected invoice yet though.")]
    public void Read_NoRefundOnRecordOrNoMoneyAwaited_IsNoStatusQuestion(string text) =>
        Assert.Null(ReadStatus(TestWorkspace.Ticket(text)));

    [Fact]
    public void Read_OnlyTheCustomerSaysWeRefunded_HasNoDay()
    {
        var status = ReadStatus(TestWorkspace.Ticket("Thanks for refunding the €49 last week. I still don't see it on my card - when will the money arrive?"));

        Assert.Equal(RefundStatus.Sources.Customer, status?.MadeBy);
        Assert.Null(status!.RefundedOn);
    }

    [Fact]
    public void Read_RefundItAgain_IsASecondRefundAskedNotAStatusQuestion() =>
        Assert.Null(ReadStatus(Thread(("agent", Thursday, "I have refunded the €49 today."), ("customer", Now.AddHours(-2), "I still don't see it on my card. Please refund it again."))));

    [Fact]
    public void Route_StatusQuestionWithinTheProcessingDays_SendsTheDatesAndMovesNoMoney()
    {
        var r = Decide(Thread(("agent", Thursday, "Hi Sam, I have refunded the €49 for the add-on today. Tom"), ("customer", Now.AddHours(-2), "Hi Tom, the refund still isn't on my card. When should I expect it?")));

        Assert.Equal(Routes.DraftAndSend, r.Decision.Route);
        Assert.DoesNotContain(r.Decision.Actions, a => a.Kind == ActionKinds.Refund);
        Assert.Contains("We sent your refund on 19 November 2026.", r.Decision.Draft, StringComparison.Ordinal);
        Assert.Contains("so you will see it by 26 November 2026", r.Decision.Draft, StringComparison.Ordinal);
        Assert.DoesNotContain("I have refunded", r.Decision.Draft, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_StatusQuestionPastTheProcessingDays_GoesToAPersonWhoChecksIt()
    {
        var early = new DateTimeOffset(2026, 11, 9, 10, 0, 0, TimeSpan.Zero);
        var r = Decide(Thread(("agent", early, "I have refunded the €49 today."), ("customer", Now.AddHours(-2), "Still not on my card. Where is my refund?")));

        Assert.Equal(Routes.DraftForReview, r.Decision.Route);
        Assert.Contains("2026-11-16", Assert.Single(r.Decision.Reasons, x => x.Code == ReasonCodes.RefundOverdue).Text, StringComparison.Ordinal);
        Assert.DoesNotContain(r.Decision.Actions, a => a.Kind == ActionKinds.Refund);
    }

    [Theory]
    [InlineData("Bonjour Léa, c'est fait : nous avons remboursé 99 € sur votre carte et retiré l'option Reporting Plus.", "Bien reçu, merci beaucoup ! Vous pouvez clôturer la demande.")]
    [InlineData("Hi Lea, done: we have refunded €99 to your card and removed Reporting Plus.", "Got it, thanks a lot! You can close the ticket.")]
    public void Route_ThanksAfterOurReplySaidRefunded_NeverRefundsAgain(string ours, string theirs)
    {
        var r = Decide(Thread(("customer", Thursday.AddDays(-1), "I bought Reporting Plus (€99) on 6 November by mistake. Can you refund it and remove it?"),
            ("agent", Thursday, ours), ("customer", Now.AddHours(-2), theirs)));

        Assert.NotEqual(Routes.DraftAndSend, r.Decision.Route);
        Assert.DoesNotContain(r.Decision.Actions, a => a.Kind == ActionKinds.Refund && !a.NeedsApproval);
    }

    [Theory]
    [InlineData("die Erstattung der 49 € für das Sitzplatzpaket vom 12.11.2026 ist angekommen, vielen Dank!")]
    [InlineData("Ya me ha llegado el reembolso de los 49 € del paquete de asientos, ¡gracias!")]
    [InlineData("Le remboursement de 49 € pour le pack du 12/11 est bien arrivé sur ma carte, merci.")]
    [InlineData("Ho visto che il rimborso di 49 € del 12/11 è arrivato sulla carta, grazie.")]
    [InlineData("O reembolso de 49 € do pacote de 12/11 já chegou ao cartão, obrigada.")]
    [InlineData("De terugbetaling van € 49 voor het stoelenpakket is binnen, bedankt.")]
    [InlineData("The €49 refund for the seat pack from 12 November arrived on my card, thanks!")]
    public void AlreadyDone_TheRefundArrived_IsDone(string text) => Assert.NotNull(EarlierSteps.AlreadyDone(TestWorkspace.Ticket(text)));

    [Theory]
    [InlineData("Die Erstattung der 49 € ist noch nicht angekommen.")]
    [InlineData("No me ha llegado el reembolso de los 49 €.")]
    [InlineData("O reembolso de 49 € ainda não chegou.")]
    [InlineData("We got our credit for the October outage, thanks; now the November invoice is wrong.")]
    public void AlreadyDone_MoneyStillAwaitedOrAnotherMatter_IsNotDone(string text) => Assert.Null(EarlierSteps.AlreadyDone(TestWorkspace.Ticket(text)));

    [Theory]
    [InlineData("Hola Diego: devuelto. Priya")]
    [InlineData("Bonjour Claire, c'est fait, 199 € remboursés. Priya")]
    [InlineData("Guten Tag Frau Vogel, ich habe die Erstattung über 149 € heute veranlasst. Sie sollte in 5 Werktagen da sein.")]
    [InlineData("Guten Tag, die doppelte Abbuchung über 450 € habe ich heute zurückerstattet.")]
    [InlineData("Olá Ines, fiz hoje o reembolso de 39 € para o cartão com que pagou.")]
    [InlineData("Bom dia Ines, reembolsámos hoje os 49 € para o cartão terminado em 7781.")]
    public void OursSaysRefunded_OurReplySaysItIsDoneInAnyWords_IsDone(string reply) => Assert.NotNull(RefundStatus.OursSaysRefunded(reply));

    [Theory]
    [InlineData("I've asked a colleague with billing access to process the refund and will let you know as soon as it's done.")]
    [InlineData("Buongiorno Chiara, il rimborso è in lavorazione, la aggiorno appena fatto.")]
    [InlineData("I will refund the €49 once the charge settles.")]
    [InlineData("Refunds reach your card within 5 business days.")]
    public void OursSaysRefunded_ARefundStillToCome_IsNotDone(string reply) => Assert.Null(RefundStatus.OursSaysRefunded(reply));

    [Fact]
    public void AlreadyDone_TierOnesToolFailedInItalian_IsNotDone() =>
        Assert.Null(EarlierSteps.AlreadyDone(TestWorkspace.Ticket("A che punto siamo col rimborso?", handoff: TestWorkspace.Handoff(
            "Rimborso di 49 € non ancora processato.", "Tentato rimborso di 49 €", "Errore dello strumento di fatturazione, rimborso non eseguito",
            "Eseguire il rimborso di 49 €.", "Rimborso di 49 €."))));

    [Theory]
    [InlineData("Oi Priya, ainda não caiu o reembolso aqui. Quando é que cai?")]
    [InlineData("Já caiu o estorno, obrigada! Só queria saber da fatura.")]
    public void Analyze_MoneyThatCaiu_IsNoOutage(string text) => Assert.False(new LexiconSignalAnalyzer().AnalyzeText(text).Outage, text);

    [Fact]
    public void Extract_ANewChargeInALaterMessage_IsDatedByThatMessage()
    {
        var ticket = Thread(("customer", new DateTimeOffset(2026, 11, 10, 8, 0, 0, TimeSpan.Zero), "Hi, could you refund the €49 seat pack from 2026-11-08? Not needed after all."),
            ("agent", new DateTimeOffset(2026, 11, 11, 9, 0, 0, TimeSpan.Zero), "Hi Tobias, refunded the €49 today."),
            ("customer", new DateTimeOffset(2026, 11, 21, 9, 30, 0, TimeSpan.Zero), "Thanks, the €49 came through on Monday. Separate thing though: on 18 November we were charged €99 for the Analytics add-on. Could you refund that €99 as well?"));

        var f = new CaseFactsExtractor().Extract(ticket, TestWorkspace.Build(), Now);

        Assert.Equal(new DateOnly(2026, 11, 18), f.PurchaseDate);
        Assert.False(f.OutsideWindow);
    }

    [Fact]
    public void Extract_ATakeBackThatAsksAgainInTheSameSentence_KeepsWhatItAsks()
    {
        var f = new CaseFactsExtractor().Extract(TestWorkspace.Ticket("Please cancel the whole subscription and refund everything we paid. Actually no, scratch that - just refund the €49 for the Analytics add-on we bought on 12 November and remove it."), TestWorkspace.Build(), Now);

        Assert.Contains(CaseAsks.Refund, f.Asks);
        Assert.DoesNotContain(CaseAsks.Cancel, f.Asks);
    }
}

using Escalation.Core.Actions;
using Escalation.Core.Cases;
using Escalation.Core.Knowledge;
using Escalation.Core.Signals;
using Escalation.Core.Tests.Sensitive;
using Escalation.Core.Tickets;

namespace Escalation.Core.Tests.Cases;

/// <summary>
/// Tickets as a Monday queue brings them (fifteenth probe batch): a corrected invoice asked beside a cancellation, idioms
/// for a refund or a cancellation, a complaint about an agent, a refund to a bank account, a take-back in the same breath,
/// and tier 1's own routing words.
/// </summary>
public sealed class MondayQueueTests
{
    private static CaseFacts Extract(string text, string? subject = null, TierOneHandoff? handoff = null) =>
        new CaseFactsExtractor().Extract(TestWorkspace.Ticket(text, subject: subject, handoff: handoff), TestWorkspace.Build(), TestWorkspace.Now);

    private static Workspace WithInvoiceCorrection() => TestWorkspace.Build(TestWorkspace.Policies().Select(p => p.Category == PolicyCategories.Refund
        ? p with { Rules = [new PolicyRule(ActionPlanner.InvoiceCorrectionRule, "Re-issue an invoice with corrected company details or VAT number on request.")] }
        : p));

    [Theory]
    [InlineData("Please cancel our subscription at the end of the term. Also, I ask you to re-issue the November invoice with our new VAT number FR40123456789.")]
    [InlineData("Guten Tag, bitte kündigen Sie unser Abonnement zum Ende der Laufzeit. Außerdem bitte ich Sie, die Rechnung vom 1. November mit unserer neuen USt-IdNr. DE298765432 neu auszustellen.")]
    [InlineData("Bonjour, merci de résilier notre abonnement à l'échéance. Et pourriez-vous rééditer la facture de novembre avec notre nouveau numéro de TVA FR55987654321 ?")]
    public void Extract_ACorrectedInvoiceBesideACancellation_IsAnAskOfItsOwnNotSwallowedByTheDate(string text)
    {
        var f = Extract(text);

        Assert.Contains(CaseAsks.Cancel, f.Asks);
        Assert.NotNull(f.InvoiceReissue);
        Assert.Empty(f.OtherAsks);
    }

    [Fact]
    public void ReissueBeside_TheWorkspaceHasAnInvoiceCorrectionRule_AuthorisesIt()
    {
        var f = Extract("Please cancel our plan at the end of the term, and please re-issue our November invoice with our new VAT number FR40123456789.");

        Assert.NotNull(ActionPlanner.ReissueBeside(f, WithInvoiceCorrection()));
        Assert.Null(ActionPlanner.ReissueBeside(f, TestWorkspace.Build()));
    }

    [Fact]
    public void Extract_NoNeedToReissue_IsNoInvoiceAsk() =>
        Assert.Null(Extract("Please cancel our plan at the end of the term. There is no need to re-issue the November invoice, thanks.").InvoiceReissue);

    [Fact]
    public void Extract_AComplaintAboutAnAgentWithAnAdverb_IsAnAskTheCreditReplyDoesNotCover() =>
        Assert.Contains(Extract("We couldn't work during the 2 November outage, 09:10-12:10 UTC. We'd like the SLA credit. I also want to complain about your agent Mark, who closed the chat on me.").OtherAsks,
            a => a.Contains("complain", StringComparison.Ordinal));

    [Theory]
    [InlineData("Queremos o reembolso dos 149 € de 7 de novembro em reais, para a nossa conta bancária no Brasil; o cartão era da empresa antiga.")]
    [InlineData("Please refund the €149 from 7 November to our bank account, the card is gone.")]
    [InlineData("Please refund the €149 charged on 7 November in US dollars.")]
    public void Extract_ARefundToABankAccountOrInAnotherCurrency_GoesElsewhereThanThePayment(string text) =>
        Assert.NotNull(Extract(text).RefundElsewhere);

    [Theory]
    [InlineData("Please cancel my account immediately. Actually no - keep the account but move us to something cheaper.")]
    [InlineData("Bitte kündigen Sie sofort. Ach, doch nicht – wir behalten das Konto.")]
    public void Extract_ACancellationTakenBackInTheSameMessage_IsNoLongerAsked(string text) =>
        Assert.DoesNotContain(CaseAsks.Cancel, Extract(text).Asks);

    [Theory]
    [InlineData("Looks like you took the November payment twice - two lines of 149 on 14 Nov. Can you sort out the double charge?", CaseAsks.Refund)]
    [InlineData("I cancelled on 29 October and you still took €199 on 1 November. I'd like that back please.", CaseAsks.Refund)]
    [InlineData("pls pull the plug on our account, were closing the bakery. dont want another charge. ta, ben", CaseAsks.Cancel)]
    public void Extract_AnIdiomForTheAsk_IsReadAsIt(string text, string ask) =>
        Assert.Contains(ask, Extract(text).Asks);

    [Fact]
    public void Extract_IWantToSay_IsNoAsk() =>
        Assert.Empty(Extract("So first of all I want to say the product has mostly been fine for us, the front desk team like the shared inbox. You still took €199 on 1 November after I cancelled, please refund it.").OtherAsks);

    [Theory]
    [InlineData("Bitte erstatten Sie die 49 € vom 18. November für das SMS-Paket. Gibt es schon eine Antwort?")]
    [InlineData("Please refund the €49 SMS add-on charged on 18 November. Any update on this?")]
    public void Extract_ANudgeForAnAnswer_IsNoAskOfItsOwn(string text) =>
        Assert.Empty(Extract(text).OtherAsks);

    [Fact]
    public void Extract_AnUnrecognisedAsk_IsQuotedForTheReviewer() =>
        Assert.Contains(Extract("Hello, could you re-issue our October invoice in GBP instead of EUR? Our accountant needs pounds.").AskedClauses,
            a => a.Contains("GBP", StringComparison.Ordinal));

    [Fact]
    public void Extract_TierOnesSomeoneSeniorToAnswer_IsNoManagerAskOfTheCustomers()
    {
        var handoff = TestWorkspace.Handoff("Admin asks how to reset 2FA for a staff member with a new phone.", "Sent help-centre link", "Did not help",
            "Someone senior to answer.", "Steps to reset 2FA.", category: "account");

        Assert.DoesNotContain(CaseAsks.Manager, Extract("How do I reset two-factor for one of my staff? She got a new phone.", handoff: handoff).Asks);
        Assert.Contains(CaseAsks.Manager, Extract("How do I reset two-factor for one of my staff?", handoff: handoff with { WhatNeeded = "Customer insists on speaking to a manager." }).Asks);
    }

    private static CaseFacts ExtractWithIncident(string text) =>
        new CaseFactsExtractor().Extract(TestWorkspace.Ticket(text), TestWorkspace.Build(TestWorkspace.Policies().Select(p => p.Category == PolicyCategories.SlaCredit
            ? p with { Incidents = [new PolicyIncident(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 2), 3, "full outage, EU-West")] }
            : p)), TestWorkspace.Now);

    [Fact]
    public void Extract_TwoOutageDaysOneConfirmed_TheUnconfirmedDayIsNamed()
    {
        var f = ExtractWithIncident("Our dedicated instance was down for six hours on 9 November, on top of the 2 November incident. We expect the SLA credits for both.");

        Assert.Contains("2026-11-09", f.OutageUnconfirmed, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_AGermanOrdinalDateBeforeTheHours_IsTheConfirmedDayAlone() =>
        Assert.Null(ExtractWithIncident("Die Synchronisierung war am 2. November 3 Stunden lang ausgefallen, seitdem läuft alles wieder. Bekommen wir dafür die SLA-Gutschrift?").OutageUnconfirmed);

    [Theory]
    [InlineData("Hola, nos cobraron dos veces el plan el 6 de noviembre, 99 € cada uno. ¿Pueden devolver el cobro duplicado?")]
    [InlineData("Hi, we were charged twice on 6 November, €99 each. Please refund the duplicate.")]
    public void Extract_ChargedTwiceAtAPriceEach_TheSumIsOneCharge(string text)
    {
        var f = Extract(text);

        Assert.Equal(99m, f.Amount);
        Assert.False(f.AmountAmbiguous);
    }

    [Fact]
    public void Extract_AMeetingAskedBesideACredit_IsAnAskOfItsOwn() =>
        Assert.Contains(Extract("Seit dem Ausfall am 02.11. kommen unsere Exporte verspätet. Bevor wir über die Verlängerung sprechen, möchte ich einen Termin mit jemandem, der das technisch erklären kann, und eine Gutschrift für November.").OtherAsks,
            a => a.Contains("Termin", StringComparison.Ordinal));

    [Fact]
    public void Extract_TierOneFoundAnotherSumThanTheExpectationRepeats_NoSumIsSettled()
    {
        var handoff = TestWorkspace.Handoff("Customer disputes a seat charge on 2026-11-06.", "Checked charge",
            "Charge on 2026-11-06 was EUR 102.00, not EUR 120, for 2 extra seats prorated", "Refund the seat charge", "Refund of EUR 120");

        var f = Extract("you charged us €120 extra on 6 Nov for seats we never added. refund it please.", handoff: handoff);

        Assert.True(f.AmountAmbiguous);
        Assert.Contains("102", f.AmountAmbiguity, StringComparison.Ordinal);
    }
}

/// <summary>
/// The auto-send audit (sixteenth probe batch): tier 1's findings that deny the duplicate or say the money went back in
/// other words, and plain asks in words the product had not read yet.
/// </summary>
public sealed class AutoSendAuditTests
{
    private static CaseFacts Extract(string text, TierOneHandoff? handoff = null) =>
        new CaseFactsExtractor().Extract(TestWorkspace.Ticket(text, handoff: handoff), TestWorkspace.Build(), TestWorkspace.Now);

    private static TierOneHandoff Checked(string result) =>
        TestWorkspace.Handoff("Customer reports a duplicate charge.", "Checked the billing log", result, "Refund the duplicate", "Refund of EUR 199");

    [Theory]
    [InlineData("Only one charge of EUR 199.00 on 2026-11-08; no duplicate found")]
    [InlineData("Solo hay un cargo de 199,00 € el 2026-11-08; no hay cargo duplicado")]
    [InlineData("The second line was a pending authorisation that was released")]
    public void Extract_TierOneFoundNoDuplicate_NoSumIsSettled(string result)
    {
        var f = Extract("You charged us twice on 8 November, €199. Please refund the duplicate charge.", Checked(result));

        Assert.True(f.AmountConflict);
        Assert.Contains("no duplicate", f.AmountAmbiguity, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Reversed the EUR 99 charge on 2026-11-20")]
    [InlineData("EUR 99 went back to the customer's card on 2026-11-20")]
    [InlineData("Zurückgebucht: 99 € am 20.11.")]
    public void AlreadyDone_TierOneSaysTheMoneyWentBackInOtherWords_IsDone(string result) =>
        Assert.NotNull(EarlierSteps.AlreadyDone(TestWorkspace.Ticket("Please refund the €99 from 18 November.", handoff: Checked(result))));

    [Fact]
    public void AlreadyDone_TierOneCouldNotReverseIt_IsNotDone() =>
        Assert.Null(EarlierSteps.AlreadyDone(TestWorkspace.Ticket("Please refund the €99 from 18 November.", handoff: Checked("Tried to reverse it: no permission"))));

    [Theory]
    [InlineData("Looks like we got stung twice. €149 went out on the 2nd of November and then again on the 3rd. Could you sort us out and send the second one back?", CaseAsks.Refund)]
    [InlineData("We added the Analytics Pro add-on on 16 November by mistake. Can you pop the €29 back on my card and get rid of it?", CaseAsks.Refund)]
    [InlineData("Buenos días, les escribo para solicitar la cancelación de nuestra suscripción al final del periodo actual.", CaseAsks.Cancel)]
    public void Extract_APlainAskInOtherWords_IsRead(string text, string ask)
    {
        var f = Extract(text);

        Assert.Contains(ask, f.Asks);
        Assert.Empty(f.OtherAsks);
    }

    [Fact]
    public void Extract_AnOptionAddedOnADate_IsTheChargeDate() =>
        Assert.Equal(new DateOnly(2026, 11, 14), Extract("Bonjour, nous avons ajouté l'option Reporting Plus le 14 novembre (29 €) par erreur. Pouvez-vous la rembourser et la retirer ?").PurchaseDate);

    [Fact]
    public void Extract_DatBedragTerugboeken_IsTheRefundClause() =>
        Assert.Empty(Extract("Hallo, op 11 november is er 59 euro afgeschreven voor een maand die we niet gebruiken. Kunnen jullie dat bedrag terugboeken?").OtherAsks);

    [Theory]
    [InlineData("Regards,\nHélène Girard", "Hélène Girard")]
    [InlineData("Merci d'annuler son abonnement. Cordialement, Hélène Girard", "Hélène Girard")]
    [InlineData("Thanks for the help!", null)]
    public void SignedName_TheWordsAfterTheLastSignOff_AreTheWritersName(string text, string? name) =>
        Assert.Equal(name, CaseText.SignedName(text));
}

/// <summary>
/// Handoffs written in a hurry (seventeenth probe batch): tier 1's checks that correct the customer's sum, date, duplicate
/// or impact, and a customer's later word that the money came or that they want something else instead.
/// </summary>
public sealed class HurriedHandoffTests
{
    private static TierOneHandoff Checked(string result, string summary = "Customer asks a refund.") =>
        TestWorkspace.Handoff(summary, "Checked", result, "Please advise", "Money back");

    private static CaseFacts Extract(string text, TierOneHandoff handoff) =>
        new CaseFactsExtractor().Extract(TestWorkspace.Ticket(text, handoff: handoff), TestWorkspace.Build(), TestWorkspace.Now);

    [Fact]
    public void Extract_TierOneSaysNotThatSumInSpanish_NoSumIsSettled() =>
        Assert.True(Extract("Me cobraron 250 € el 12 de noviembre por error. Por favor, reembolsen los 250 €.", Checked("El cargo del 12/11 es de 205 €, no de 250 €")).AmountConflict);

    [Fact]
    public void Extract_TierOneDatesTheChargeInAnotherMonth_TheChargeDateIsUnsettled() =>
        Assert.Contains("2026-10-14", Extract("Please refund the €149 you charged on 14 November.", Checked("The €149 charge was on 2026-10-14, not in November; no November charge yet")).PurchaseDateConflict, StringComparison.Ordinal);

    [Theory]
    [InlineData("17 Nov incident was US-East only; cx is hosted in EU-West - not affected")]
    [InlineData("Der Ausfall am 02.11. betraf nur EU-West. Kunde war nicht betroffen.")]
    public void Extract_TierOneFoundTheCustomerNotAffected_NoDowntimeIsConfirmed(string result) =>
        Assert.Contains("not affected", Extract("We could not use the platform during the outage on 2 November for 3 hours. We want the SLA credit.", Checked(result, "Customer asks an SLA credit.")).OutageUnconfirmed, StringComparison.Ordinal);

    [Fact]
    public void AlreadyDone_TheCustomerSaysTheRefundCameThrough_IsDone() =>
        Assert.NotNull(EarlierSteps.AlreadyDone(TestWorkspace.Ticket("Ignore my earlier email, the €49 refund already came through yesterday, thank you!")));

    [Theory]
    [InlineData("Mejor no: en lugar del reembolso, prefiero que cancelen la suscripción al final del periodo.")]
    [InlineData("On second thought, instead of the refund please just cancel the plan at the end of the term.")]
    public void RetractedAsks_InsteadOfTheRefund_TakesBackTheRefundOnly(string text)
    {
        var taken = EarlierSteps.RetractedAsks(TestWorkspace.Ticket(text));

        Assert.Contains(CaseAsks.Refund, taken);
        Assert.DoesNotContain(CaseAsks.Cancel, taken);
    }
}

/// <summary>Signals of the fifteenth probe batch: takeovers told in other words, sales lost in other languages, Swedish "slut".</summary>
public sealed class MondayQueueSignalTests
{
    private static CaseSignals Detect(string text) =>
        new DetectStage().Detect([new TicketMessage { From = "customer", Text = text }], null,
            new CustomerEntity { Id = "cus_1", Name = "A", Tier = "Operator", Arr = 1200 }, new RoutingSettings(), new DateOnly(2026, 11, 23));

    [Theory]
    [InlineData("An associate who left us at the end of October can still log into the shared inbox - she emailed a client from it yesterday.")]
    [InlineData("Er heeft vannacht iemand ingelogd op ons account vanuit het buitenland en het wachtwoord van de beheerder is gewijzigd.")]
    public void Detect_SomeoneInTheAccountWhoShouldNotBe_IsASecurityIncidentAtP0(string text)
    {
        var s = Detect(text);

        Assert.True(s.Text.Security);
        Assert.Equal("P0", s.Priority);
    }

    [Theory]
    [InlineData("Bom dia, os clientes da nossa loja não conseguem finalizar as compras. Estamos perdendo vendas.")]
    [InlineData("Hallo, seit gestern können unsere Kunden im Shop nicht bezahlen und wir verlieren Umsatz. Bitte helfen Sie uns schnell.")]
    public void Detect_SalesLostInAnotherLanguage_IsP1(string text) =>
        Assert.Equal("P1", Detect(text).Priority);

    [Fact]
    public void Detect_SwedishSlutInAnUncoveredLanguage_SetsNeitherAbuseNorTheIntensity()
    {
        var s = Detect("Hej, vi vill säga upp vårt abonnemang vid periodens slut. Tack för ett bra samarbete. Vänliga hälsningar, Tobias");

        Assert.False(s.Text.Abusive);
        Assert.True(s.Text.Intensity < 0.4, $"intensity {s.Text.Intensity}");
    }

    [Fact]
    public void Detect_AskingWhetherOtherPatientsAreAffected_IsNoPrivacyBreach()
    {
        var s = Detect("Our SMS reminders stopped going out on Friday. We need to know what happened, whether other patients are affected, and when reminders will be reliable again.");

        Assert.False(s.Text.Legal);
        Assert.False(s.Text.Security);
    }

    [Fact]
    public void Detect_AnItalianCheckoutOutOfOrderRightNow_IsALiveIncident() =>
        Assert.True(Detect("Il checkout del negozio è fuori uso in questo momento, i clienti non possono pagare.").Text.LiveIncident);

    [Fact]
    public void Detect_ADutchSwitchConsideredInTheInfinitive_IsAChurnThreat() =>
        Assert.True(Detect("We overwegen over te stappen naar Freshdesk als dit niet snel wordt opgelost.").Text.ChurnThreat);

    [Fact]
    public void Detect_ADisputeWithHerBank_IsAChargebackThreat() =>
        Assert.True(Detect("Customer says she will dispute it with her bank if it is not refunded by Friday.").Text.Chargeback);

    [Fact]
    public void Detect_AnAdminResettingTwoFactorForStaff_IsNoSecurityIncident() =>
        Assert.False(Detect("How do I reset two-factor for one of my staff? She got a new phone.").Text.Security);
}

using Escalation.Core.Cases;
using Escalation.Core.Signals;
using Escalation.Core.Tests.Sensitive;

namespace Escalation.Core.Tests.Cases;

/// <summary>Everyday phrasings of plain requests (eighth probe batch): read as what they are, so they can be answered.</summary>
public sealed class EverydayPhrasingTests
{
    private static CaseFacts Extract(string text) =>
        new CaseFactsExtractor().Extract(TestWorkspace.Ticket(text), TestWorkspace.Build(), TestWorkspace.Now);

    [Theory]
    [InlineData("Am 3.11. wurden 35 € abgebucht, bitte zurückerstatten.", 11, 3)]
    [InlineData("Op 3.11. is 35 euro afgeschreven, kunnen jullie dat terugstorten?", 11, 3)]
    public void Extract_DayAndMonthWithoutYear_IsTheChargeDateAndTheRefundIsAsked(string text, int month, int day)
    {
        var f = Extract(text);

        Assert.Equal(new DateOnly(TestWorkspace.Now.Year, month, day), f.PurchaseDate);
        Assert.Contains(CaseAsks.Refund, f.Asks);
    }

    [Theory]
    [InlineData("PUT IT BACK ON MY CARD AND CLOSE THE ACCOUNT LIKE I ASKED.")]
    [InlineData("Please close this account, we are done.")]
    [InlineData("Por favor, cierren mi cuenta.")]
    [InlineData("Merci de fermer mon compte.")]
    [InlineData("Bitte unser Konto zum Monatsende schließen.")]
    [InlineData("Podem encerrar a minha conta?")]
    [InlineData("Chiudete il mio account, grazie.")]
    [InlineData("Kunnen jullie ons account opheffen?")]
    public void Extract_ClosingTheAccount_IsACancellationAsk(string text) =>
        Assert.Contains(CaseAsks.Cancel, Extract(text).Asks);

    [Theory]
    [InlineData("Unless the scheduled export delays are fixed this month, we will not renew.")]
    [InlineData("If this isn't sorted by Friday, I'm cancelling.")]
    [InlineData("Wenn das nicht bis Freitag behoben ist, kündigen wir.")]
    [InlineData("We will cancel unless the sync works again this week.")]
    public void Extract_CancellationOnACondition_IsNoCancellationAsk(string text) =>
        Assert.DoesNotContain(CaseAsks.Cancel, Extract(text).Asks);

    [Theory]
    [InlineData("Please lock it down NOW. - Alicia Brook, practice manager, Brook Dental")]
    [InlineData("My account manager told me the export would be fixed.")]
    public void Extract_AManagerNamedAsATitle_IsNoManagerRequest(string text) =>
        Assert.DoesNotContain(CaseAsks.Manager, Extract(text).Asks);

    [Fact]
    public void Extract_AskingForTheManager_IsAManagerRequest() =>
        Assert.Contains(CaseAsks.Manager, Extract("I want to speak to a manager about this today.").Asks);

    [Fact]
    public void Extract_UsDateWithoutYearWhereTheDayCannotBeAMonth_IsTheChargeDate() =>
        Assert.Equal(new DateOnly(2026, 11, 14),
            Extract("looks like you charged me twice this month - 99.00 EUR on 11/14 and then again 99.00 EUR on 11/14. pls refund the duplicate one.").PurchaseDate);

    [Fact]
    public void Extract_AddOnNamedInQuotes_IsTheAddOnToRemove() =>
        Assert.Equal("Informes Plus",
            Extract("El 12 de noviembre me cobraron 29,00 € por el complemento «Informes Plus». Lo activé por error y no lo necesitamos. ¿Me podéis devolver ese importe y quitarlo de la suscripción?").RemoveAddOn);

    [Theory]
    [InlineData("El 12 de noviembre me cobraron 29,00 € por el complemento «Informes Plus». Lo activé por error al explorar el panel y no lo necesitamos. ¿Me podéis devolver ese importe?")]
    [InlineData("Please cancel our subscription at the end of the current term.\n\nEli Wren\n--\nThis message was sent from a shared mailbox. Please do not reply to unsubscribe requests here.")]
    public void Extract_NeedDeniedOrASignatureBelowTheRule_AsksNothingElse(string text) =>
        Assert.Empty(Extract(text).OtherAsks);

    [Fact]
    public void Extract_CancelSoItDoesNotRenew_AsksNoDateOfItsOwn() =>
        Assert.Null(Extract("Morning. Please cancel our plan so it does not renew on the 30th. The chat widget just isn't for us.").CancelTiming);

    [Theory]
    [InlineData("Por medio de la presente solicito la supresión de todos mis datos personales conforme al artículo 17 del RGPD (derecho al olvido).", true)]
    [InlineData("Please delete all my personal data under GDPR, right to be forgotten.", true)]
    [InlineData("Bitte löschen Sie meine Daten gemäß DSGVO.", true)]
    [InlineData("Under GDPR I want a copy of all my personal data.", false)]
    public void Extract_DataRequest_TellsErasureFromAccess(string text, bool erasure)
    {
        var f = Extract(text);

        Assert.Contains(CaseAsks.DataAccess, f.Asks);
        Assert.Equal(erasure, f.DataErasure);
    }

    [Theory]
    [InlineData("Chiedo il rimborso della fattura di ottobre (450 €, addebitata il 1° ottobre): durante il blocco della sincronizzazione dal 12 al 16 ottobre il nostro team non ha potuto lavorare.")]
    [InlineData("Il 1° ottobre ci avete addebitato 450,00 €. Dal 12 al 16 ottobre la sincronizzazione non ha funzionato. Chiedo il rimborso di quell'addebito.")]
    public void Extract_ItalianOutageAfterTheCharge_IsTheCauseAndTheChargeKeepsItsDate(string text)
    {
        var f = Extract(text);

        Assert.Equal(CaseCauses.Outage, f.Cause);
        Assert.Equal(new DateOnly(2026, 10, 1), f.PurchaseDate);
    }

    [Fact]
    public void Extract_DeadlineInTheSentenceAfterAnAbbreviatedMonth_IsNoChargeDate() =>
        Assert.Equal(new DateOnly(2026, 11, 1),
            Extract("I downgraded in October and you still charged the full €199 on 1 Nov. If this isn't refunded today I'm calling my bank to dispute the charge.").PurchaseDate);

    [Theory]
    [InlineData("Hola, el pasado martes me cobraron 99 euros por el complemento Informes Plus, que nunca pedí. Quiero que me devuelvan el dinero.", 17, 99)]
    [InlineData("Hoi, vorige week maandag is er 99,- afgeschreven voor het extra gebruikerspakket. Kunnen jullie het bedrag terugstorten?", 9, 99)] // written on Sunday 22 November: the Monday of the week before
    public void Extract_LastWeekdayAndDashedEuros_DateAndAmountAreRead(string text, int day, decimal amount)
    {
        var f = Extract(text);

        Assert.Equal(new DateOnly(2026, 11, day), f.PurchaseDate);
        Assert.Equal(amount, f.Amount);
    }

    [Theory]
    [InlineData("Hey team, quick one before we upgrade to the annual plan: what is your refund window? Thanks!")]
    [InlineData("Bonjour, quel est votre délai de remboursement ? Merci d'avance.")]
    public void Extract_QuestionAboutThePolicy_IsAQuestionNotARequest(string text) =>
        Assert.NotNull(Extract(text).Hypothetical);

    [Fact]
    public void Extract_DottedDateFollowedByAComma_IsRead() =>
        Assert.Equal(new DateOnly(2026, 11, 20), Extract("Am Freitag, 20.11., wurden uns 49 € abgebucht. Bitte erstatten.").PurchaseDate);

    [Fact]
    public void Extract_DashBeforeTheReasonOutsideAList_AsksNothingElse() =>
        Assert.Empty(Extract("Please re-issue invoice INV-2026-1111 with our VAT number NL123456789B01 and company name Olsen Trading B.V. - our accountant can't book it otherwise.").OtherAsks);

    [Fact]
    public void Extract_SpanishRemovalRetiren_RemovesTheNamedAddOn() =>
        Assert.Equal("complemento Informes Plus",
            Extract("Hola, el pasado martes me cobraron 99 euros por el complemento Informes Plus, que nunca pedí. Quiero que lo retiren de mi suscripción y me devuelvan el dinero.").RemoveAddOn);

    [Theory]
    [InlineData("Je conteste la facture d'octobre et je demande l'annulation de la facture.")]
    [InlineData("Please cancel the charge of €99 from 3 November, it was a mistake.")]
    [InlineData("Bitte stornieren Sie die Rechnung vom 3.11.")]
    public void Extract_CancellingABillOrACharge_IsNoCancellationOfThePlan(string text) =>
        Assert.DoesNotContain(CaseAsks.Cancel, Extract(text).Asks);

    [Fact]
    public void Extract_ThePlanNamedAfterTheAmount_DatesTheCharge() =>
        Assert.Equal(new DateOnly(TestWorkspace.Now.Year, 11, 3), Extract("Please refund the €35 from 3 November.").PurchaseDate);

    [Fact]
    public void Extract_CouldNotSyncForHours_IsAnOutageWithItsDuration()
    {
        var f = Extract("Our workspace couldn't sync for about 4 hours on 3 November (your status page confirmed it). What SLA credit do we get?");

        Assert.Equal(4, f.OutageHours);
        Assert.Contains(CaseAsks.Credit, f.Asks);
    }

    [Theory]
    [InlineData("I had switched to Free the day before the renewal.")]
    [InlineData("We moved to the Growth plan last month.")]
    public void Analyze_SwitchingToOneOfTheProductsPlans_IsNoChurnThreat(string text) =>
        Assert.False(new LexiconSignalAnalyzer().AnalyzeText(text).ChurnThreat, text);

    [Theory]
    [InlineData("I was charged €35 on 3 November. I don't want a refund, I want the export to work.")]
    [InlineData("Me cobraron 35 € el 3 de noviembre. No quiero un reembolso, quiero que funcione.")]
    [InlineData("Am 3. November wurden 35 € abgebucht. Ich will keine Erstattung, sondern eine Lösung.")]
    [InlineData("Not asking for my money back - just fix the sync.")]
    public void Extract_RefundTheCustomerRefuses_IsNoRefundAsk(string text) => Assert.DoesNotContain(CaseAsks.Refund, Extract(text).Asks);

    [Theory]
    [InlineData("If you don't refund the €35 from 3 November I will dispute it.")]
    [InlineData("I want a refund, not a credit, for the €35 from 3 November.")]
    [InlineData("Please don't charge me again, and refund the €35 from 3 November.")]
    public void Extract_RefundAskedBesideANegation_IsStillARefundAsk(string text) => Assert.Contains(CaseAsks.Refund, Extract(text).Asks);

    [Theory]
    [InlineData("We pay for 6 seats at €15 each since 3 November, but only 4 people use it. Refund the unused seats.")]
    [InlineData("Nos cobran 15 € por usuario desde el 3 de noviembre y sobran dos usuarios. Devuélvanlos.")]
    [InlineData("Seit dem 3. November zahlen wir 15 € pro Nutzer, zwei davon brauchen wir nicht. Bitte erstatten.")]
    public void Extract_PricePerSeat_IsNoTotalToRefund(string text) =>
        Assert.Contains("price per unit", Extract(text).AmountAmbiguity ?? "", StringComparison.Ordinal);

    [Fact]
    public void Extract_MonthlyPrice_IsTheCharge() =>
        Assert.Null(Extract("Our plan is €35 per month; please refund the €35 charged on 3 November.").AmountAmbiguity);

    [Theory]
    [InlineData("You charged me €35 yesterday for a renewal I cancelled. Refund please.", 1)]
    [InlineData("Ayer me cobraron 35 € por una renovación cancelada. Devuélvanlo.", 1)]
    [InlineData("Vor drei Tagen wurden 35 € abgebucht. Bitte erstatten.", 3)]
    [InlineData("Il y a deux semaines, vous avez prélevé 35 €. Remboursez-moi.", 14)]
    [InlineData("Cobraram 35 € há 5 dias. Devolvam, por favor.", 5)]
    [InlineData("Mi avete addebitato 35 € due mesi fa. Rimborsatemi.", 60)]
    [InlineData("Twee weken geleden is 35 euro afgeschreven. Graag terugbetalen.", 14)]
    public void Extract_ChargeDateToldRelativeToTheDayOfWriting_IsCounted(string text, int daysBack) =>
        Assert.Equal(DateOnly.FromDateTime(TestWorkspace.Now.UtcDateTime).AddDays(-1 - daysBack), Extract(text).PurchaseDate); // the message was written the day before Now
}

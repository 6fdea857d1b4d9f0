using Escalation.Core.Decisions;
using Escalation.Core.Sensitive;
using Escalation.Core.Signals;

namespace Escalation.Core.Tests.Sensitive;

/// <summary>
/// A refund request the composer could answer is not auto-sent when it also reports fraud or account misuse, a death,
/// or a threat of harm: each names what it found, in every covered language.
/// </summary>
public sealed class FraudBereavementThreatRoutingTests
{
    private static SensitiveCaseResult Run(string text) => TestWorkspace.Decide(text);

    [Theory]
    [InlineData("There is a €35 charge from 2026-11-19 on my statement that I did not authorise. Please refund it.")]
    [InlineData("My credit card was stolen last week and now I see your €35 charge from 2026-11-19. Refund please.")]
    [InlineData("Hola, hay un cargo de 35 € del 19 de noviembre que hicieron sin mi consentimiento. Quiero el reembolso.")]
    [InlineData("Guten Tag, am 19. November wurden 35 € ohne meine Zustimmung abgebucht. Bitte erstatten.")]
    [InlineData("Bonjour, un paiement non autorisé de 35 € le 19 novembre. Merci de me rembourser.")]
    [InlineData("Olá, houve uma cobrança não autorizada de 35 € em 19 de novembro. Quero o reembolso.")]
    [InlineData("Buongiorno, c'è un addebito di 35 € del 19 novembre fatto a mia insaputa. Vorrei il rimborso.")]
    [InlineData("Hallo, er is op 19 november 35 euro afgeschreven zonder mijn toestemming. Graag terugbetalen.")]
    public void Route_ChargeTheCustomerDidNotMake_ReviewUnauthorisedChargeAtP1(string text)
    {
        var r = Run(text);

        Assert.Equal(Routes.DraftForReview, r.Decision.Route);
        Assert.Contains(r.Decision.Reasons, x => x.Code == ReasonCodes.UnauthorisedCharge);
        Assert.Equal(PriorityRules.P1, r.Decision.Priority);
    }

    [Theory]
    [InlineData("My father died in October and his plan renewed for €35 on 2026-11-19. Please refund it and close his account.")]
    [InlineData("Mi madre falleció hace dos semanas y su plan se renovó por 35 € el 19 de noviembre. Pido el reembolso.")]
    [InlineData("Mein Mann ist verstorben; am 19. November wurden 35 € abgebucht. Bitte erstatten Sie den Betrag.")]
    [InlineData("Mon père est décédé et son abonnement a été prélevé de 35 € le 19 novembre. Remboursez-le s'il vous plaît.")]
    [InlineData("O meu pai faleceu e a assinatura cobrou 35 € no dia 19 de novembro. Peço o reembolso.")]
    [InlineData("Mio padre è deceduto e il 19 novembre sono stati addebitati 35 €. Chiedo il rimborso.")]
    [InlineData("Mijn moeder is overleden en op 19 november is er 35 euro afgeschreven. Graag terugbetalen.")]
    [InlineData("Buongiorno, mio padre è mancato il mese scorso. Vi chiedo di rimborsare i 35 € addebitati il 19 novembre.")]
    public void Route_Bereavement_ReviewedByAPersonNotATemplate(string text)
    {
        var r = Run(text);

        Assert.Equal(Routes.DraftForReview, r.Decision.Route);
        Assert.Contains(r.Decision.Reasons, x => x.Code == ReasonCodes.Bereavement);
    }

    [Theory]
    [InlineData("Refund the €35 from 2026-11-19 today or somebody will get hurt.")]
    [InlineData("Devuélvanme los 35 € del 19 de noviembre o iré a sus oficinas a hacerles daño.")]
    [InlineData("Erstatten Sie die 35 € vom 19. November, sonst komme ich in Ihr Büro und es wird jemand verletzt.")]
    [InlineData("Remboursez les 35 € du 19 novembre ou je viendrai à vos bureaux vous faire du mal.")]
    [InlineData("Refund the €35 from 2026-11-19 now. If this isn't sorted today someone over there is going to get hurt.")]
    [InlineData("Devuélvanme los 35 € del 19 de noviembre. Si no lo arreglan hoy, alguien de su oficina va a salir herido.")]
    [InlineData("I'm going to come to your office on Monday and we will settle this face to face. The €35 from 2026-11-19, refunded.")]
    public void Route_ThreatOfHarm_EscalatesToASeniorHuman(string text)
    {
        var r = Run(text);

        Assert.Equal(Routes.Escalate, r.Decision.Route);
        Assert.Contains(r.Decision.Reasons, x => x.Code == ReasonCodes.ThreatOfHarm);
    }

    [Theory]
    [InlineData("The deadline has passed and my laptop died, but the €35 charge from 2026-11-19 should be refunded: I cancelled in time.")]
    [InlineData("Our import job died overnight again. Please refund the €35 charged on 2026-11-19, we downgraded before it.")]
    [InlineData("I won't hurt anyone by saying it: the €35 on 2026-11-19 was a mistake, please refund.")]
    [InlineData("Nobody got hurt, thankfully, but the €35 on 2026-11-19 was charged twice: please refund one.")]
    [InlineData("Il servizio è mancato per due ore il 19 novembre; chiedo il rimborso dei 35 €.")]
    public void Route_WordsThatOnlyLookLikeTheseSignals_DoNotRaiseThem(string text)
    {
        var r = Run(text);

        Assert.DoesNotContain(r.Decision.Reasons, x => x.Code is ReasonCodes.Bereavement or ReasonCodes.ThreatOfHarm or ReasonCodes.UnauthorisedCharge);
    }

    [Fact]
    public void Route_AccountUsedBySomebodyElse_EscalatesAsASecurityIncident()
    {
        var r = Run("Somebody got into my account and bought a €35 add-on on 2026-11-19. Refund it and tell me how they got in.");

        Assert.Equal(Routes.Escalate, r.Decision.Route);
        Assert.Contains(r.Decision.Reasons, x => x.Code == ReasonCodes.Security);
        Assert.Equal("P0", r.Decision.Priority);
    }

    [Theory]
    [InlineData("Iemand heeft ons wachtwoord veranderd en er zijn vanochtend e-mails vanuit ons account gestuurd die wij niet hebben geschreven.")]
    [InlineData("Neste momento as notas de entrega estão a desaparecer dos tickets assim que a app sincroniza. Já perdemos as de hoje.")]
    [InlineData("Someone logged into our admin account last night and changed the billing email. We did not do this.")]
    public void Route_TakeoverOrLiveDataLoss_InAnyLanguage_EscalatesAtP0(string text)
    {
        var r = Run(text);

        Assert.Equal(Routes.Escalate, r.Decision.Route);
        Assert.Contains(r.Decision.Reasons, x => x.Code == ReasonCodes.Security);
        Assert.Equal("P0", r.Decision.Priority);
    }

    [Theory]
    [InlineData("The business is going under and sometimes I think everyone would be better off without me. Just cancel whatever you need to cancel.")]
    [InlineData("Cancel my plan. If your rep shows up at my office again I won't be responsible for what I do.")]
    [InlineData("Since your update the reminders stopped and two patients missed their insulin. Cancel the plan and refund the €35 from 2026-11-19.")]
    public void Route_PersonInCrisisAskingToCancelOrRefund_EscalatesWithNothingDoneOrPromised(string text)
    {
        var r = Run(text);

        Assert.Equal(Routes.Escalate, r.Decision.Route);
        Assert.Empty(r.Decision.Actions);
        Assert.DoesNotContain("I have cancelled", r.Decision.Draft, StringComparison.Ordinal);
        Assert.DoesNotContain("I have refunded", r.Decision.Draft, StringComparison.Ordinal);
    }
}

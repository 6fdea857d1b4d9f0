using Escalation.Core.Actions;
using Escalation.Core.Cases;
using Escalation.Core.Decisions;
using Escalation.Core.Sensitive;
using Escalation.Core.Signals;
using Escalation.Core.Tests.Sensitive;
using Escalation.Core.Tickets;

namespace Escalation.Core.Tests.Escalations;

/// <summary>
/// Handoffs written by local tier-1 teams in their own language (twenty-first probe batch): the customer's threat or
/// manager request as tier 1 reports it, a locked-out only admin, an SLA "abono", a charge tier 1 dates otherwise.
/// </summary>
public sealed class LocalHandoffTests
{
    private static TextSignals Carried(string summary, string result = "Keine Berechtigung") =>
        HandoffSignals.Add(new TextSignals(), TestWorkspace.Handoff(summary, "Erstattung versucht", result, "Erstattung 450 €.", "450 € zurück."));

    [Theory]
    [InlineData("Kunde droht mit seinem Anwalt, falls die 450 € nicht bis Freitag zurück sind.")]
    [InlineData("Customer mentioned her solicitor twice on the call.")]
    [InlineData("El cliente amenaza con acudir a la OCU y a su abogado.")]
    public void Add_TierOneReportsALegalThreat_IsLegal(string summary)
    {
        var s = Carried(summary);

        Assert.True(s.Legal, summary);
        Assert.Contains(s.Evidence, e => e.Text.StartsWith("tier 1: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Add_TierOneDescribesALawFirmCustomer_IsNoLegalThreat() =>
        Assert.False(Carried("Customer is a law firm asking a routine billing question about seat proration.").Legal);

    [Theory]
    [InlineData("Kundin verlangt Vorgesetzten, zum dritten Mal falsche Rechnung.")]
    [InlineData("La cliente exige hablar con un supervisor.")]
    public void Add_TierOneReportsAManagerRequest_IsAManagerRequest(string summary) => Assert.True(Carried(summary).ManagerRequest, summary);

    [Fact]
    public void Add_TierOnesOwnRoutingWords_AreNoManagerRequest() =>
        Assert.False(Carried("Needs someone senior to answer the refund question.").ManagerRequest);

    [Theory]
    [InlineData("Oi, sou a única administradora da conta e perdi meu celular com o app de autenticação. Não consigo fazer login.")]
    [InlineData("Goedemorgen, ik ben de enige beheerder van ons account en ik kan niet meer inloggen.")]
    [InlineData("Hallo, ich bin die einzige Administratorin und kann mich nicht mehr anmelden, das Handy mit der Zwei-Faktor-App ist weg.")]
    [InlineData("Buongiorno, sono l'unica amministratrice e non riesco ad accedere: ho perso il telefono con l'autenticatore.")]
    public void Why_TheOnlyAdminLockedOut_ClosesTheWayBackToTierOne(string text) =>
        Assert.NotNull(TierOneBlocked.Why(TestWorkspace.Ticket(text, handoff: TestWorkspace.Handoff("Locked out.", "Password reset", "done, but 2FA asked", "Reset 2FA.", "Access today.", "account"))));

    [Theory]
    [InlineData("Goedemorgen, ik kan niet meer inloggen: mijn wachtwoord wordt niet geaccepteerd.")]
    [InlineData("Hallo, ich kann nicht mehr einloggen, das Passwort geht nicht.")]
    public void Analyze_ALoginThatFails_IsNoDistress(string text) => Assert.False(new LexiconSignalAnalyzer().AnalyzeText(text).Distress, text);

    [Fact]
    public void Extract_AbonoPorSla_IsACreditAsk() =>
        Assert.Contains(CaseAsks.Credit, new CaseFactsExtractor().Extract(TestWorkspace.Ticket("Hola, del 12 al 16 de octubre la sincronización estuvo caída. Os pido el abono por SLA que corresponda en la próxima factura."), TestWorkspace.Build(), TestWorkspace.Now).Asks);

    [Fact]
    public void Plan_TierOneDatesTheChargeOtherwise_ProposesNoRefund()
    {
        var ticket = TestWorkspace.Ticket("Hallo, am 19.11. wurden 79,00 € für ein Add-on abgebucht, das wir gar nicht bestellt haben. Bitte zurückbuchen.",
            handoff: TestWorkspace.Handoff("Kunde reklamiert Abbuchung 79,00 €.", "Abbuchung geprüft", "Die 79,00 € wurden am 14.10. abgebucht, nicht im November", "Erstattung 79,00 €.", "79,00 € zurück."));
        var facts = new CaseFactsExtractor().Extract(ticket, TestWorkspace.Build(), TestWorkspace.Now);

        Assert.NotNull(facts.PurchaseDateConflict);
        var decided = new SensitiveCasePipeline(CaseDetectors.From(new DetectStage()), new ComposerDraftWriter())
            .Run(ticket, TestWorkspace.Build(), TestWorkspace.Now).Decision;
        Assert.DoesNotContain(decided.Actions, a => a.Kind == ActionKinds.Refund);
        Assert.DoesNotContain("19 November", decided.Draft, StringComparison.Ordinal);
        Assert.DoesNotContain("19. November", decided.Draft, StringComparison.Ordinal);
    }
}

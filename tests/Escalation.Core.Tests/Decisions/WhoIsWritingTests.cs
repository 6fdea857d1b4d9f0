using Escalation.Core.Cases;
using Escalation.Core.Decisions;
using Escalation.Core.Signals;
using Escalation.Core.Tests.Sensitive;

namespace Escalation.Core.Tests.Decisions;

/// <summary>
/// Who is writing (twenty-ninth probe batch): a reseller acting for its client, the police asking for a user's data, a
/// vulnerability report or a payment-diversion scam, a newsletter unsubscribe, and the add-on, date and greeting read
/// from a routine request's own words.
/// </summary>
public sealed class WhoIsWritingTests
{
    [Theory]
    [InlineData("Hola: gestionamos la cuenta de nuestro cliente Clínica Albufera, que nos ha pedido que se le devuelvan los 49 € cobrados el 18 de noviembre. Un saludo, Jorge, Nubia Partners")]
    [InlineData("Boa tarde, somos revendedores. O nosso cliente Padaria Lusa, Lda. pediu-nos para cancelar a conta dele e devolverem os 49 € cobrados a 18 de novembro.")]
    [InlineData("Hi, we're a reseller: our client Kestrel Ltd has asked us to cancel their plan and refund the €49 charged on 18 November.")]
    [InlineData("Bonjour, nous gérons le compte de notre client Atelier Roux : merci de rembourser les 49 € prélevés le 18 novembre.")]
    [InlineData("Guten Tag, im Auftrag unseres Kunden Müller GmbH bitten wir um Erstattung der am 18. November abgebuchten 49 €.")]
    [InlineData("Buongiorno, il nostro cliente Ottica Ferri ci ha chiesto di rimborsare i 49 € addebitati il 18 novembre.")]
    [InlineData("Hallo, namens onze klant Fietsen BV vragen wij de € 49 van 18 november terug te betalen.")]
    public void Decide_AResellerAsksForItsClient_NoMoneyMovesWithoutAPerson(string text)
    {
        var r = TestWorkspace.Decide(text);

        Assert.NotEqual(Routes.DraftAndSend, r.Decision.Route);
        Assert.Contains(r.Decision.Reasons, x => x.Code == ReasonCodes.RequesterAuthority);
    }

    [Theory]
    [InlineData("Hi, a customer asked us how to export their invoices from your tool. Where do I find that?")]
    [InlineData("We use Lumen Desk for our clients' tickets; could you refund the €49 add-on we bought on 18 November by mistake?")]
    public void Extract_AClientMentionedWithoutActingForThem_IsTheHoldersOwnAsk(string text) =>
        Assert.Null(TestWorkspace.Facts(text).NotAccountHolder);

    [Theory]
    [InlineData("I am a detective constable with the Economic Crime Unit. I request the names and IP login history of all users of that account. Please do not inform the account holder.")]
    [InlineData("Im Rahmen eines Ermittlungsverfahrens der Staatsanwaltschaft bitte ich um Auskunft über die Bestandsdaten des Nutzerkontos.")]
    [InlineData("Nous agissons sur réquisition judiciaire du procureur de la République et demandons les données du compte.")]
    [InlineData("Le escribe la Guardia Civil: por orden judicial solicitamos los datos del titular de la cuenta.")]
    [InlineData("A Polícia Judiciária solicita, por mandado judicial, os dados de acesso da conta.")]
    [InlineData("La Polizia Postale chiede, con decreto di sequestro, i dati dell'account.")]
    [InlineData("De politie vraagt in een strafrechtelijk onderzoek om de gegevens van het account.")]
    public void Decide_ThePoliceAskForAUsersData_EscalatesAsLegal(string text)
    {
        var r = TestWorkspace.Decide(text);

        Assert.Equal(Routes.Escalate, r.Decision.Route);
        Assert.Contains(LegalKinds.LawEnforcement, r.Signals.Text.LegalKinds);
    }

    [Theory]
    [InlineData("Could you change the font (la police) of our email template? Merci!")]
    [InlineData("Bonjour, comment changer la police de caractères de nos e-mails ?")]
    public void Analyze_AFontCalledPolice_IsNoLegalMatter(string text) =>
        Assert.False(new LexiconSignalAnalyzer().AnalyzeText(text).Legal);

    [Theory]
    [InlineData("Salve, sono un ricercatore di sicurezza e vi segnalo in modo responsabile una vulnerabilità stored XSS nel widget.")]
    [InlineData("Hallo, ich habe eine Sicherheitslücke in Ihrem Chat-Widget gefunden und melde sie als Responsible Disclosure.")]
    [InlineData("Please be informed that our banking details have changed; kindly remit the overdue amount to the new account below.")]
    public void Analyze_AVulnerabilityReportOrNewBankDetails_IsSecurity(string text) =>
        Assert.True(new LexiconSignalAnalyzer().AnalyzeText(text).Security);

    [Theory]
    [InlineData("Hola, ¿me podéis dar de baja de la newsletter? La cuenta la seguimos usando.")]
    [InlineData("Hi, please unsubscribe me from your marketing emails, we still use the account.")]
    [InlineData("Bonjour, je voudrais me désabonner de la newsletter, merci.")]
    public void Extract_UnsubscribingFromTheNewsletter_IsNoCancellation(string text) =>
        Assert.DoesNotContain(CaseAsks.Cancel, TestWorkspace.Facts(text).Asks);

    [Theory]
    [InlineData("Pourriez-vous me rembourser les 45 € du 18 novembre et retirer le pack de 5 sièges supplémentaires de l'abonnement ?", "pack de 5 sièges supplémentaires")]
    [InlineData("Le 18 novembre j'ai ajouté un pack de 5 sièges supplémentaires (45 €). Pourriez-vous me rembourser les 45 € et retirer le pack de l'abonnement ?", "pack de 5 sièges supplémentaires")]
    [InlineData("Il 17 novembre abbiamo attivato il componente aggiuntivo Live Chat (39 €). Potreste rimborsarci i 39 € e disattivare il componente?", "componente aggiuntivo Live Chat")]
    public void Extract_TheAddOnToRemove_IsTheOneTheCustomerNamed(string text, string addOn) =>
        Assert.Equal(addOn, TestWorkspace.Facts(text).RemoveAddOn);

    [Fact]
    public void Extract_AnAddOnSwitchedOnByMistakeOnADate_ReadsTheDateTheRefundAndTheAddOn()
    {
        var f = TestWorkspace.Facts("Hoi, op 20 november hebben we per ongeluk de add-on 'Extra opslag' (€25) aangezet. Kunnen jullie de €25 terugstorten en de add-on weer uitzetten? Groet, Sanne");

        Assert.Equal(new DateOnly(2026, 11, 20), f.PurchaseDate);
        Assert.Contains(CaseAsks.Refund, f.Asks);
        Assert.Equal("Extra opslag", f.RemoveAddOn);
    }

    [Theory]
    [InlineData("DC Laura Hughes", "DC Hughes")]
    [InlineData("KOK Thomas Bauer", "KOK Bauer")]
    [InlineData("Finance Department", "")]
    [InlineData("Mail Delivery System", "")]
    [InlineData("Équipe Marketing", "")]
    [InlineData("Laura Hughes", "Laura")]
    [InlineData("Dr. Helen Park", "Dr. Park")]
    public void FirstName_RanksAndDepartments_GreetAPersonOrNoOne(string name, string greeted) =>
        Assert.Equal(greeted, Core.Sensitive.ComposerSentences.FirstName(name));

    [Theory]
    [InlineData("Finance Department", "en", "Please be informed that our banking details have changed. Kindly remit EUR 4,870 to our new account today.", "Hello,\n")]
    public void Decide_ADepartmentWrites_TheGreetingNamesNoOne(string name, string language, string text, string greeting)
    {
        var ticket = TestWorkspace.Ticket(text, "cus_100") with { Customer = new() { Id = "cus_100", Name = name } };

        var r = TestWorkspace.Decide(ticket);

        Assert.Equal(language, r.Decision.Language);
        Assert.StartsWith(greeting, r.Decision.Draft, StringComparison.Ordinal);
    }
}

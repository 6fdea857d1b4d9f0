using Escalation.Core.Signals;
using Escalation.Core.Tickets;

namespace Escalation.Core.Tests.Signals;

/// <summary>
/// Caution signals as people in each country write them (nineteenth probe batch), and the e-mail around a message
/// (eighteenth): despair in everyday idiom, a formal notice written as a verb, a consumer programme, a split Dutch verb,
/// a threat after a condition; and what is no signal: the writer's own profession or regulator, a job title under their
/// name, our own footer quoted below, a shouting subject over a calm message.
/// </summary>
public sealed class LocalIdiomTests
{
    private static readonly LexiconSignalAnalyzer Analyzer = new();

    private static TextSignals Read(string text, string? subject = null) => Read([new TicketMessage { From = "customer", Text = text }], subject);

    private static TextSignals Read(TicketMessage[] messages, string? subject = null) =>
        CautionSignals.Add(Analyzer.Analyze(messages, subject), messages, subject);

    [Theory]
    [InlineData("Perdón si escribo raro, estoy fatal, ya no puedo con esto y a veces pienso que sería mejor desaparecer.")]
    [InlineData("Het bedrijf is failliet, mijn vrouw is weg en ik zie het echt niet meer zitten. Ik weet niet hoe lang ik dit nog volhoud.")]
    [InlineData("Franchement je ne vois plus comment m'en sortir, et ça ne sert plus à rien de me battre.")]
    [InlineData("Sinceramente vorrei sparire, non reggo più.")]
    [InlineData("Às vezes só quero sumir, não tenho mais forças.")]
    [InlineData("Ich weiß nicht, wie lange ich das noch durchhalte, am liebsten verschwinden.")]
    [InlineData("Some days I just want to disappear.")]
    public void Analyze_DespairInEverydayIdiom_IsDistress(string text) => Assert.True(Read(text).Distress, text);

    [Theory]
    [InlineData("¡No puedo más de contenta con la nueva app! ¿Me podéis reembolsar el pack?")]
    [InlineData("Estamos en modo crisis con tantos tickets, pero la app va genial.")]
    public void Analyze_JoyOrWorkload_IsNoDistress(string text) => Assert.False(Read(text).Distress, text);

    [Theory]
    [InlineData("Par la présente, je vous mets en demeure de procéder au remboursement de la somme de 240 €.", LegalKinds.Lawsuit)]
    [InlineData("À défaut, je me réserve le droit de saisir la juridiction compétente sans autre préavis.", LegalKinds.Lawsuit)]
    [InlineData("Con la presente Vi diffido ad adempiere entro 8 giorni al rimborso di 99 €.", LegalKinds.Lawsuit)]
    [InlineData("vou contestar o débito no cartão, já liguei pro banco.", LegalKinds.Chargeback)]
    [InlineData("Namens Fysio Zuid trekken wij per direct onze toestemming in voor het samenvatten van patiëntberichten.", LegalKinds.ConsentWithdrawal)]
    public void Analyze_ANoticeOrDisputeWrittenAsAVerb_IsLegal(string text, string kind)
    {
        var s = Read(text);

        Assert.True(s.Legal, text);
        Assert.Contains(kind, s.LegalKinds);
    }

    [Fact]
    public void Analyze_PortugueseNoBeforeTheComplaintsBook_IsNoNegation() =>
        Assert.True(Read("Quero o reembolso. Já fiz reclamação no Livro de Reclamações Eletrónico.").FormalComplaint);

    [Fact]
    public void Analyze_AConsumerTvProgramme_IsPublicExposure() =>
        Assert.True(Read("Graag terugstorten. Anders mail ik Kassa en Radar, die zijn vast benieuwd.").PublicExposure);

    [Theory]
    [InlineData("Se entro fine mese il problema della sincronizzazione non è risolto, passiamo a Freshdesk.")]
    [InlineData("Als dit niet vóór het eind van de maand is opgelost, stappen we over naar Freshdesk.")]
    public void Analyze_ASwitchAfterANegatedCondition_IsAChurnThreat(string text)
    {
        var s = Read(text);

        Assert.True(s.ChurnThreat, text);
        Assert.Equal("Freshdesk", s.Competitor);
    }

    [Fact]
    public void Analyze_ASwitchItselfNegated_IsNoChurnThreat() =>
        Assert.False(Read("Tranquilli, non passiamo a Freshdesk: vogliamo solo capire il problema.").ChurnThreat);

    [Theory]
    [InlineData("ich bin Rechtsanwältin und nutze Lumen Desk für meine Kanzlei. Auf der Rechnung fehlt unsere USt-IdNr.")]
    [InlineData("Buenos días, soy abogada y uso Lumen Desk en el despacho. ¿Me podéis reembolsar el pack?")]
    [InlineData("Hi, I'm a lawyer and use Lumen Desk for my law practice; please add our VAT ID to the invoice.")]
    public void Analyze_TheWriterIsALawyer_IsNoLegalThreat(string text) => Assert.False(Read(text).Legal, text);

    [Fact]
    public void Analyze_ALawyerWhoSues_IsStillLegal() =>
        Assert.True(Read("Ich bin Rechtsanwältin und werde Sie verklagen, wenn die 99 € nicht bis Freitag erstattet sind.").Legal);

    [Theory]
    [InlineData("we're a payment institution regulated by BaFin, so our auditors are picky about supplier invoices.")]
    [InlineData("Somos una entidad supervisada por el Banco de España; necesitamos el NIF en la factura.")]
    public void Analyze_TheWritersOwnRegulator_IsNoRegulatorThreat(string text) => Assert.False(Read(text).Legal, text);

    [Fact]
    public void Analyze_ReportingUsToARegulator_IsLegal() =>
        Assert.True(Read("If this is not fixed I will report you to BaFin.").Legal);

    [Theory]
    [InlineData("Please refund the €49 and remove it.\n\nThanks,\nSam Patel\nCustomer Service Manager\n+44 20 7946 0011")]
    [InlineData("Please refund the €49 and remove it.\n\nThanks,\nSam Patel\nTeamleiter Kundenservice")]
    [InlineData("Bitte erstatten Sie die 79 € und entfernen Sie das Add-on.\n\nGruß\nUwe Schmitt\nGeschäftsführer | Schmitt Bau GmbH")]
    public void Analyze_AJobTitleUnderTheWritersName_IsNoManagerRequest(string text) => Assert.False(Read(text).ManagerRequest, text);

    [Fact]
    public void Analyze_AskingForTheManager_IsStillAManagerRequest() =>
        Assert.True(Read("Please refund the €49, and I want to speak to your manager about this.\n\nThanks,\nSam Patel").ManagerRequest);

    [Fact]
    public void Analyze_OurOwnFooterQuotedBelow_IsNoFormalComplaint()
    {
        const string quoted = "Thanks, please refund the €49 for the seat pack.\n\nCheers,\nTobias\n\n-----Original Message-----\nFrom: Lumen Desk Support\n\n"
            + "If you are not satisfied, you can make a formal complaint at lumendesk.example/complaints.";

        Assert.False(Read(quoted).FormalComplaint);
        Assert.True(Read("I want to make a formal complaint about how this was handled.").FormalComplaint);
    }

    [Theory]
    [InlineData("Hallo, am 02.11. war Lumen Desk bei uns von ca. 10:10 bis 13:10 Uhr (MEZ) nicht erreichbar – laut Ihrer Statusseite der Ausfall in EU-West. Bitte schreiben Sie uns die SLA-Gutschrift gut.")]
    [InlineData("Buongiorno, chiedo il rimborso della fattura di settembre. Durante il disservizio di ottobre abbiamo perso giorni di lavoro.")]
    public void Priority_AnOutageToldByItsDay_IsPastNotP0(string text)
    {
        TicketMessage[] messages = [new TicketMessage { From = "customer", At = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), Text = text }];
        var s = CautionSignals.Add(Analyzer.Analyze(messages, subject: null), messages, subject: null);

        Assert.Contains(s.Evidence, e => e.Signal == CautionSignals.PastOutage);
        Assert.NotEqual(PriorityRules.P0, PriorityRules.FromText(s).Priority);
    }

    [Fact]
    public void Priority_AnOutageRunningSinceADay_IsNotPast()
    {
        TicketMessage[] messages = [new TicketMessage { From = "customer", At = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), Text = "Seit dem 18.11. ist der Ausfall bei uns nicht behoben, Lumen Desk ist nicht erreichbar." }];
        var s = CautionSignals.Add(Analyzer.Analyze(messages, subject: null), messages, subject: null);

        Assert.True(s.Outage);
        Assert.DoesNotContain(s.Evidence, e => e.Signal == CautionSignals.PastOutage);
    }

    [Fact]
    public void Analyze_AShoutingSubjectOverACalmMessage_StaysBelowReview()
    {
        const string body = "Hi! Sorry for the shouty subject line, our ticket system does that. Could you refund the €99 Reporting Plus add-on from 19 November and remove it? Thanks!";

        Assert.True(Read(body, "URGENT!!! REFUND NEEDED FOR ADD-ON").Intensity < 0.4);
        Assert.True(Read("This is the THIRD time you charge us!!! Refund it NOW!!!", "URGENT!!! REFUND NEEDED").Intensity >= 0.4);
    }
}

using Escalation.Core.Signals;
using Escalation.Core.Tickets;

namespace Escalation.Core.Tests.Signals;

/// <summary>Caution signals with words between their parts, and data-protection requests, in every covered language.</summary>
public sealed class MultilingualCautionTests
{
    private static readonly LexiconSignalAnalyzer Analyzer = new();

    /// <summary>The lexicon's reading with the caution phrases added, as the detect stage reads a ticket.</summary>
    private static TextSignals Read(string text)
    {
        TicketMessage[] messages = [new TicketMessage { From = "customer", Text = text }];
        return CautionSignals.Add(Analyzer.Analyze(messages), messages, subject: null);
    }

    [Theory]
    [InlineData("Right now none of my colleagues on the night shift can sign in to the console.")]
    [InlineData("Nadie de nuestro equipo de soporte puede acceder al panel desde hace una hora.")]
    [InlineData("Niemand aus unserem Support-Team kann sich seit einer Stunde einloggen.")]
    [InlineData("Aucun de nos conseillers ne peut accéder à la console depuis une heure.")]
    [InlineData("Nenhum dos nossos atendentes pode acessar o painel desde as nove.")]
    [InlineData("Nessuno dei nostri operatori può accedere al pannello da un'ora.")]
    [InlineData("Geen enkele medewerker van de helpdesk kan inloggen sinds vanochtend.")]
    public void Analyze_NobodyCanGetInWithWordsBetween_IsALiveIncident(string text)
    {
        var s = Read(text);

        Assert.True(s.LiveIncident, text);
        Assert.Equal(PriorityRules.P0, PriorityRules.FromText(s).Priority);
    }

    [Theory]
    [InlineData("Nobody could log in yesterday for about an hour; it has been fine since.")]
    [InlineData("No one can get in touch with your billing team.")]
    public void Analyze_PastLockoutOrGettingInTouch_IsNoLiveIncident(string text) => Assert.False(Read(text).LiveIncident, text);

    [Theory]
    [InlineData("Conforme al RGPD, envíenme una copia de mis datos.")]
    [InlineData("Gemäß DSGVO verlange ich Auskunft über meine Daten.")]
    [InlineData("Au titre du droit d'accès, envoyez-moi une copie de mes données.")]
    [InlineData("Nos termos da LGPD, peço uma cópia dos meus dados.")]
    [InlineData("Vi chiedo di cancellare i miei dati personali.")]
    [InlineData("Ik dien hierbij een inzageverzoek in voor mijn persoonsgegevens.")]
    public void Analyze_DataProtectionRequestInAnyLanguage_IsLegalDataRequest(string text)
    {
        var s = Read(text);

        Assert.True(s.Legal, text);
        Assert.Contains(LegalKinds.DataRequest, s.LegalKinds);
    }

    [Theory]
    [InlineData("Voy a reclamar ante la OCU y la oficina del consumidor.")]
    [InlineData("Meine Rechtsschutzversicherung ist informiert.")]
    [InlineData("J'ai fait un signalement sur SignalConso.")]
    [InlineData("Já abri uma reclamação no Procon.")]
    [InlineData("Ho inviato una diffida tramite Altroconsumo.")]
    [InlineData("We leggen het voor aan de Geschillencommissie.")]
    public void Analyze_ConsumerBodyOrLawyerAsTheCountryNamesIt_IsLegal(string text)
    {
        var s = Read(text);

        Assert.True(s.Legal, text);
        Assert.False(s.LegalDenied, text);
    }

    [Theory]
    [InlineData("If you don't refund me I'll post this on Twitter.")]
    [InlineData("Si no me devuelven el dinero lo cuento en Twitter.")]
    [InlineData("Wenn Sie nicht erstatten, schreibe ich eine Bewertung auf Trustpilot.")]
    [InlineData("Als jullie niet terugbetalen zet ik het op Twitter.")]
    public void Analyze_ThreatBehindANegatedCondition_StillGoesPublic(string text) => Assert.True(Read(text).PublicExposure, text);

    [Theory]
    [InlineData("I'm not going to post this on Twitter, just fix it.")]
    [InlineData("No lo voy a publicar en Twitter, solo arréglenlo.")]
    public void Analyze_ThreatItselfNegated_IsNotGoingPublic(string text) => Assert.False(Read(text).PublicExposure, text);

    [Theory]
    [InlineData("Production is dead: every request we send times out.")]
    [InlineData("La plataforma no carga para nadie, estamos parados.")]
    [InlineData("Wir können nicht arbeiten, das Dashboard lädt nicht mehr.")]
    [InlineData("On ne peut plus travailler, tout est bloqué.")]
    [InlineData("Não conseguimos trabalhar, está tudo parado.")]
    [InlineData("Siamo fermi, non riusciamo a lavorare.")]
    [InlineData("Alles ligt stil, we kunnen niet werken.")]
    public void Analyze_WholeTeamStopped_IsALiveIncident(string text) => Assert.True(Read(text).LiveIncident, text);

    [Theory]
    [InlineData("We can't work out how to export the monthly report.")]
    [InlineData("We cannot work with this new layout, it is confusing.")]
    public void Analyze_CannotWorkOutOrWith_IsNoIncident(string text) => Assert.False(Read(text).LiveIncident, text);
}

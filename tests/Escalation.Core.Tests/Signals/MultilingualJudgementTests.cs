using Escalation.Core.Signals;
using Escalation.Core.Tickets;

namespace Escalation.Core.Tests.Signals;

/// <summary>
/// Anger, negated legal mentions and outage tense read in the seven covered languages as in English: each theory has
/// one line per language, written for these tests (not the phrasings of the word lists' comments).
/// </summary>
public class MultilingualJudgementTests
{
    private static readonly LexiconSignalAnalyzer Analyzer = new();

    private static TextSignals Read(string text) =>
        CautionSignals.Add(Analyzer.AnalyzeText(text), [new TicketMessage { From = "customer", Text = text }], subject: null);

    [Theory]
    [InlineData("Frankly your billing team is a disgrace.")]
    [InlineData("Lo que habéis hecho con mi pedido es indignante.")]
    [InlineData("Diese Abrechnung ist eine absolute Zumutung.")]
    [InlineData("Votre facturation est honteuse.")]
    [InlineData("Esse atendimento é revoltante.")]
    [InlineData("Questo modo di trattare i clienti è indecente.")]
    [InlineData("Jullie klantenservice is waardeloos.")]
    public void Analyze_AngerWordInAnyLanguage_IsNegative(string text)
    {
        var s = Read(text);

        Assert.True(s.Negative, $"sentiment {s.Sentiment} for \"{text}\"");
        Assert.True(s.Sentiment <= -0.3, $"sentiment {s.Sentiment} for \"{text}\"");
    }

    [Theory]
    [InlineData("I am furious, this is outrageous.")]
    [InlineData("Estoy furiosa, esto es intolerable.")]
    [InlineData("Ich bin wütend, das ist unverschämt.")]
    [InlineData("Je suis furieux, c'est inadmissible.")]
    [InlineData("Estou furioso, isto é inaceitável.")]
    [InlineData("Sono furioso, è inaccettabile.")]
    [InlineData("Ik ben woedend, dit is onaanvaardbaar.")]
    public void Analyze_TwoAngerWordsInAnyLanguage_ReachReviewIntensity(string text)
    {
        var s = Read(text);

        Assert.True(s.Intensity >= 0.4, $"intensity {s.Intensity} for \"{text}\"");
        Assert.Contains(s.Evidence, e => e.Signal == "intensity" && e.Start >= 0);
    }

    [Theory]
    [InlineData("WHY IS MY ORDER STILL NOT HERE!!!")]
    [InlineData("¡¡¡QUIERO UNA SOLUCIÓN HOY MISMO!!!")]
    [InlineData("ICH WARTE SEIT DREI WOCHEN!!!")]
    [InlineData("J'ATTENDS DEPUIS TROIS SEMAINES !!!")]
    [InlineData("ESTOU ESPERANDO HÁ TRÊS SEMANAS!!!")]
    [InlineData("ASPETTO DA TRE SETTIMANE!!!")]
    [InlineData("IK WACHT AL DRIE WEKEN!!!")]
    public void Analyze_ShoutingInAnyLanguage_RaisesCapsAndExclamationEvidence(string text)
    {
        var s = Read(text);

        Assert.Contains(s.Evidence, e => e.Signal == "intensity" && e.Text.StartsWith("caps:", StringComparison.Ordinal));
        Assert.Contains(s.Evidence, e => e.Signal == "intensity" && e.Text == "exclamations: !!!");
    }

    [Theory]
    [InlineData("I am not satisfied with this answer.")]
    [InlineData("No estoy nada satisfecho con la respuesta.")]
    [InlineData("Mit dieser Antwort bin ich nicht zufrieden.")]
    [InlineData("Je ne suis pas satisfait de cette réponse.")]
    [InlineData("Não estou satisfeito com esta resposta.")]
    [InlineData("Non sono soddisfatto di questa risposta.")]
    [InlineData("Ik ben niet tevreden met dit antwoord.")]
    public void Analyze_NegatedPraiseInAnyLanguage_IsNegative(string text) => Assert.True(Read(text).Negative, text);

    [Theory]
    [InlineData("We won't be taking legal action, we just want the invoice fixed.")]
    [InlineData("No tenemos intención de ir a juicio, solo queremos la factura.")]
    [InlineData("Wir werden nicht vor Gericht ziehen, wir wollen nur die Rechnung korrigiert haben.")]
    [InlineData("Nous n'allons pas saisir le tribunal, corrigez simplement la facture.")]
    [InlineData("Não vamos entrar na justiça, só queremos a fatura corrigida.")]
    [InlineData("Non andremo dall'avvocato, correggete solo la fattura.")]
    [InlineData("We schakelen geen advocaat in, pas alleen de factuur aan.")]
    public void Analyze_NegatedLegalMentionInAnyLanguage_IsDeniedNotLegal(string text)
    {
        var s = Read(text);

        Assert.False(s.Legal, $"legal ({string.Join(", ", s.LegalKinds)}) for \"{text}\"");
        Assert.True(s.LegalDenied, text);
        Assert.Contains(s.Evidence, e => e.Signal == LexiconSignalAnalyzer.LegalDenied);
    }

    [Theory]
    [InlineData("If you don't cancel the charge I'll take you to court.")]
    [InlineData("Si no anuláis el cargo iré a juicio.")]
    [InlineData("Wenn Sie nicht erstatten gehe ich vor Gericht.")]
    [InlineData("Si vous ne remboursez pas je saisis le tribunal.")]
    [InlineData("Se não devolverem o dinheiro vou processar vocês.")]
    [InlineData("Se non rimborsate andrò dall'avvocato.")]
    [InlineData("Als u niet terugbetaalt stap ik naar de rechter.")]
    public void Analyze_ConditionalLegalThreatInAnyLanguage_StaysLegal(string text)
    {
        var s = Read(text);

        Assert.True(s.Legal, text);
        Assert.False(s.LegalDenied, text);
    }

    [Theory]
    [InlineData("I will not hesitate to involve my solicitor.")]
    [InlineData("I haven't contacted a lawyer yet.")]
    [InlineData("No me dejáis otra opción que demandar.")]
    [InlineData("Ich werde nicht zögern, zu klagen und meinen Anwalt einzuschalten.")]
    [InlineData("Je n'hésiterai pas à saisir mon avocat.")]
    [InlineData("Ainda não falei com o meu advogado.")]
    [InlineData("Non esiterò a fare causa.")]
    [InlineData("Ik heb nog geen advocaat ingeschakeld.")]
    public void Analyze_HeldBackLegalThreat_StaysLegal(string text) => Assert.True(Read(text).Legal, text);

    [Fact]
    public void Analyze_DeniedAndRealLegalMention_RealThreatWins()
    {
        var s = Read("I don't want lawyers involved. But if this isn't fixed by Friday I will sue.");

        Assert.True(s.Legal);
        Assert.False(s.LegalDenied);
    }

    [Theory]
    [InlineData("The outage yesterday afternoon cost us two hours of sales.")]
    [InlineData("La caída del servidor del lunes pasado ya está solucionada.")]
    [InlineData("Der Ausfall vorgestern ist behoben, danke.")]
    [InlineData("La panne de lundi dernier est réparée.")]
    [InlineData("A queda de ontem já foi resolvida.")]
    [InlineData("Il disservizio di ieri è stato risolto.")]
    [InlineData("De storing van gisteren is verholpen.")]
    public void Analyze_PastOutageInAnyLanguage_IsNotLiveIncident(string text)
    {
        var s = Read(text);

        Assert.True(s.Outage, text);
        Assert.False(s.Incident, text);
        Assert.Contains(s.Evidence, e => e.Signal == CautionSignals.PastOutage);
        Assert.NotEqual(PriorityRules.P0, PriorityRules.FromText(s).Priority);
    }

    [Theory]
    [InlineData("The dashboard is still down for our whole team.")]
    [InlineData("La web sigue caída desde esta mañana.")]
    [InlineData("Das Dashboard ist immer noch down.")]
    [InlineData("Le tableau de bord est toujours en panne.")]
    [InlineData("O painel continua fora do ar.")]
    [InlineData("Il pannello è ancora down.")]
    [InlineData("Het dashboard ligt nog steeds plat.")]
    public void Analyze_LiveOutageInAnyLanguage_IsIncidentAtP0(string text)
    {
        var s = Read(text);

        Assert.True(s.Incident, text);
        Assert.DoesNotContain(s.Evidence, e => e.Signal == CautionSignals.PastOutage);
        Assert.Equal(PriorityRules.P0, PriorityRules.FromText(s).Priority);
    }

    [Theory]
    [InlineData("Der Server ist letzte Woche down gewesen.")]
    [InlineData("Het portaal is vorige week onbereikbaar geweest.")]
    public void Analyze_PresentPerfectOfPastOutage_IsNotLiveIncident(string text) => Assert.False(Read(text).Incident, text);

    [Fact]
    public void Analyze_PastOutageThenLiveOneInAnotherSentence_IsIncident() =>
        Assert.True(Read("La caída de ayer ya pasó. Pero ahora el servicio está caído otra vez.").Incident);

    [Theory]
    [InlineData("Hoe lang moet ik nog wachten op mijn terugbetaling?")]
    [InlineData("Hoe kan ik mijn abonnement aanpassen?")]
    public void Analyze_DutchHowQuestion_IsNotAbusive(string text) => Assert.False(Read(text).Abusive, text);

    [Theory]
    [InlineData("Die Rechnung war korrekt, danke.")]
    [InlineData("Die factuur klopt, bedankt.")]
    public void Analyze_GermanOrDutchArticleDie_IsNotReadAsEnglishDie(string text) => Assert.False(Read(text).Negative, text);

    [Fact]
    public void Analyze_EnglishDie_KeepsItsValence() => Assert.True(Read("I would rather die than wait on hold again.").Sentiment < 0);
}

using Escalation.Core.Signals;

namespace Escalation.Core.Tests.Signals;

/// <summary>Patient safety and another person's records: readings that need two words in one sentence.</summary>
public sealed class PairedCuesTests
{
    private static readonly LexiconSignalAnalyzer Analyzer = new();

    [Theory]
    [InlineData("We ran out of my daughter's inhaler refills on Monday because the order is stuck.")]
    [InlineData("The dosage printed on the label is not the one my doctor wrote down, and I took one already. It is different from the prescription.")]
    [InlineData("Llevo dos días sin medicación porque el pedido no ha llegado.")]
    [InlineData("Die Apotheke hat mir das falsche Medikament geschickt.")]
    [InlineData("J'ai raté deux doses d'insuline à cause du retard de livraison.")]
    [InlineData("Sono rimasto senza insulina perché la consegna è in ritardo.")]
    [InlineData("Fiquei sem os comprimidos da minha pressão desde sexta.")]
    [InlineData("Mijn moeder zit al twee dagen zonder medicijnen door de vertraging.")]
    [InlineData("Is this the wrong dose? The box says 10 mg and I already took one.")]
    [InlineData("Your reminder told my mother to take 10 mg of warfarin instead of 1 mg. She is in hospital now.")]
    [InlineData("The reminder never came and I missed my dialysis session on Tuesday.")]
    [InlineData("Il promemoria diceva 5 mg invece di 0,5 mg e mio padre è finito in ospedale.")]
    public void Analyze_AMedicineMissedWrongOrRunOut_IsPatientSafetyAtP0(string text)
    {
        var s = Analyzer.AnalyzeText(text);

        Assert.True(s.PatientSafety, text);
        Assert.Contains(s.Evidence, e => e.Signal == CautionSignals.PatientSafety);
        Assert.Equal(PriorityRules.P0, PriorityRules.FromText(s).Priority);
    }

    [Theory]
    [InlineData("I haven't missed a single dose since you started delivering, thanks!")]
    [InlineData("Can I switch to a different medication if this one gives me headaches?")]
    [InlineData("¿Puedo pedir otra receta para mi madre desde la app?")]
    [InlineData("Wie kann ich ein neues Rezept in der App anfordern?")]
    [InlineData("I have missed two calls from your team today, please call me back about my prescription order.")]
    [InlineData("The wrong item arrived again. My prescription order was fine though.")]
    public void Analyze_ARequestANegatedGapOrAGapElsewhere_IsNoPatientSafety(string text) =>
        Assert.False(Analyzer.AnalyzeText(text).PatientSafety, text);

    [Theory]
    [InlineData("Your portal shows me another patient's lab results instead of mine.")]
    [InlineData("You emailed my scan results to the wrong address.")]
    [InlineData("En la app me aparece el historial de otro paciente.")]
    [InlineData("Ich habe die Laborbefunde eines anderen Patienten erhalten.")]
    [InlineData("J'ai reçu le dossier médical d'un autre patient.")]
    [InlineData("Nell'app vedo i referti di un altro paziente.")]
    [InlineData("Recebi os exames de outro paciente por e-mail.")]
    [InlineData("Ik zie de uitslagen van een andere patiënt in mijn account.")]
    public void Analyze_AnotherPersonsRecordsShown_IsAPrivacyBreachAndSecurity(string text)
    {
        var s = Analyzer.AnalyzeText(text);

        Assert.Contains(LegalKinds.PrivacyBreach, s.LegalKinds);
        Assert.True(s.Legal && s.Security, text);
    }

    [Theory]
    [InlineData("Can other patients see my results?")]
    [InlineData("Can another person on my team see the invoices?")]
    [InlineData("These charges on my credit report are not mine.")]
    [InlineData("The rep put me on hold while she talked to someone else, then told me to file a new dispute.")]
    public void Analyze_AQuestionOrNoDisclosure_IsNoPrivacyBreach(string text) =>
        Assert.DoesNotContain(LegalKinds.PrivacyBreach, Analyzer.AnalyzeText(text).LegalKinds);

    [Theory]
    [InlineData("Your app deleted all my notes after the update. Years of work.")]
    [InlineData("Since yesterday's sync all our customer records are gone from the dashboard.")]
    [InlineData("Después de la actualización se han borrado todas mis notas.")]
    [InlineData("Seit dem Update sind alle meine Dateien weg.")]
    [InlineData("Depuis la mise à jour, tous mes documents ont disparu.")]
    [InlineData("Dopo l'aggiornamento sono spariti tutti i miei contatti.")]
    [InlineData("Depois da atualização sumiram todas as minhas fotos.")]
    [InlineData("Na de update zijn al mijn bestanden verdwenen.")]
    public void Analyze_ALossWithWhatWasLost_IsDataLossAtP0(string text)
    {
        var s = Analyzer.AnalyzeText(text);

        Assert.True(s.DataLoss, text);
        Assert.Equal(PriorityRules.P0, PriorityRules.FromText(s).Priority);
    }

    [Theory]
    [InlineData("How do I restore a deleted note?")]
    [InlineData("I deleted the duplicate emails myself, no problem there. Can you change my plan?")]
    [InlineData("Please delete all my data under GDPR.")]
    [InlineData("I will file a complaint if nobody answers about my invoice.")]
    [InlineData("Nothing was lost, my files are all there.")]
    public void Analyze_AHowToARequestOrMyOwnDeletion_IsNoDataLoss(string text) =>
        Assert.False(Analyzer.AnalyzeText(text).DataLoss, text);

    [Theory]
    [InlineData("If this isn't sorted today someone over there is going to get hurt.")]
    [InlineData("Si no lo arreglan hoy, alguien de su oficina va a salir herido.")]
    [InlineData("Wenn das nicht heute geklärt ist, wird bei Ihnen noch jemand verletzt werden.")]
    public void Analyze_SomebodyGettingHurtWithWordsBetween_IsAThreatOfHarm(string text)
    {
        var s = Analyzer.AnalyzeText(text);

        Assert.True(s.HarmThreat, text);
        Assert.Equal(PriorityRules.P1, PriorityRules.FromText(s).Priority);
    }

    [Theory]
    [InlineData("Nobody got hurt, but the export failed again.")]
    [InlineData("I hope no one will get hurt by this bug in the scheduler.")]
    public void Analyze_NobodyHurt_IsNoThreat(string text) =>
        Assert.False(Analyzer.AnalyzeText(text).HarmThreat, text);

    [Theory]
    [InlineData("Der Ausfall am 2. November dauerte von 9:10 bis 12:10 Uhr.")]
    [InlineData("Der Ausfall am 2.11.2026 dauerte drei Stunden.")]
    public void Analyze_GermanDateInsideTheSentence_OutageStaysToldAsPast(string text)
    {
        var s = Analyzer.AnalyzeText(text);

        Assert.NotEqual(PriorityRules.P0, PriorityRules.FromText(s).Priority);
    }
}

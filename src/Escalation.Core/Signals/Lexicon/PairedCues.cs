namespace Escalation.Core.Signals.Lexicon;

/// <summary>
/// Two readings that need two words together, in any of the seven languages, so that neither word alone raises them:
/// <list type="bullet">
/// <item><b>Patient safety</b>: a medicine word ("insulin", "Medikamente", "receta", "dose") with a gap in the care it
/// stands for — told within eight words of it in the same sentence ("I have missed two days of my insulin", "me he saltado dos dosis",
/// "the dosage is different from what my doctor prescribed") or right beside it ("the wrong medication", "sin
/// insulina", "geen medicatie", "farmaco sbagliato"). Evidence <see cref="CautionSignals.PatientSafety"/>.</item>
/// <item><b>Another person's records</b>: someone else ("another patient", "someone else's", "eines anderen
/// Patienten", "sent to the wrong address") with a record word ("lab results", "Befunde", "historial", "dossier") within eight words in the same sentence:
/// personal data disclosed to the wrong person, evidence <c>legal:privacy-breach</c> and <c>security</c>.</item>
/// <item><b>Data loss</b>: a loss ("deleted", "wiped", "gone", "gelöscht", "borrado", "disparu", "sparito", "sumiu",
/// "verdwenen") with what was lost ("notes", "files", "photos", "Daten", "archivos", "données", "dati", "arquivos",
/// "bestanden") within eight words in the same sentence: "the update deleted all my notes", "meine Dateien sind weg".
/// Evidence <c>data-loss</c>, as the phrase list's "lost all my data".</item>
/// <item><b>Threat of harm</b>: somebody ("someone over there", "one of your people", "alguien", "jemand", "quelqu'un",
/// "qualcuno", "alguém", "iemand") with getting hurt ("is going to get hurt", "va a salir herido", "wird verletzt",
/// "va être blessé", "si farà male", "vai se machucar", "gewond raken") within six words in the same sentence, so a threat
/// told with words between the two halves is read as the phrase list's "someone will get hurt". Evidence
/// <c>harm-threat</c>.</item>
/// </list>
/// A cue the lexicon reads as negated ("I haven't missed a dose") never reaches here, and a pair inside a question that
/// asks for something ("Can I try a different medication?", "¿Puedo ver los resultados de otro paciente?", "Wie kann
/// ich ein neues Rezept bekommen?") is a request, not a report: it raises neither reading.
/// </summary>
internal sealed partial class PairedCues
{
    /// <summary>How far apart, in words, the two halves of a sentence-wide pair may be ("missed two days of my insulin").</summary>
    private const int SentenceReach = 8;

    /// <summary>How far from the medicine word a beside-it cue ("wrong", "sin", "geen") may be.</summary>
    private const int BesideReach = 3;

    private readonly List<PhraseMatch> _medicines = [];
    private readonly List<PhraseMatch> _gaps = [];
    private readonly List<PhraseMatch> _besides = [];
    private readonly List<PhraseMatch> _others = [];
    private readonly List<PhraseMatch> _records = [];
    private readonly List<PhraseMatch> _losses = [];
    private readonly List<PhraseMatch> _lostData = [];
    private readonly List<PhraseMatch> _harmWho = [];
    private readonly List<PhraseMatch> _harmHurt = [];

    /// <summary>How far apart, in words, "someone" and "get hurt" may be ("someone over there is going to get hurt").</summary>
    private const int HarmReach = 6;

    /// <summary>True for the lexicon signals this class pairs up.</summary>
    public static bool Takes(string signal) =>
        signal is "care-medicine" or "care-gap" or "care-beside" or "other-person" or "personal-record" or "loss-cue" or "lost-data" or "harm-who" or "harm-hurt";

    public void Add(string signal, PhraseMatch m)
    {
        var into = signal switch
        {
            "care-medicine" => _medicines,
            "care-gap" => _gaps,
            "care-beside" => _besides,
            "other-person" => _others,
            "loss-cue" => _losses,
            "lost-data" => _lostData,
            "harm-who" => _harmWho,
            "harm-hurt" => _harmHurt,
            _ => _records,
        };
        into.Add(m);
    }

    public void Read(MessageReading reading, string text, List<Token> tokens)
    {
        if (_medicines.Count > 0 && (Pair(_gaps, _medicines, text, tokens, SentenceReach) ?? Pair(_besides, _medicines, text, tokens, BesideReach)) is { } harm)
        {
            MessageReader.Add(reading, CautionSignals.PatientSafety, text, tokens, harm);
        }

        // "whether other patients are affected": another person asked about as in scope of the same failure, not shown data.
        var others = _others.Where(o => !AskedIfAffected().IsMatch(text.AsSpan(tokens[o.Last].Start + tokens[o.Last].Length))).ToList();
        if (others.Count > 0 && Pair(others, _records, text, tokens, SentenceReach) is { } exposed)
        {
            MessageReader.Add(reading, "legal:" + LegalKinds.PrivacyBreach, text, tokens, exposed);
            MessageReader.Add(reading, "security", text, tokens, exposed);
        }

        if (_losses.Count > 0 && Pair(_losses, _lostData, text, tokens, SentenceReach) is { } lost)
        {
            MessageReader.Add(reading, "data-loss", text, tokens, lost);
        }

        if (_harmWho.Count > 0 && Pair(_harmWho, _harmHurt, text, tokens, HarmReach) is { } threat)
        {
            MessageReader.Add(reading, "harm-threat", text, tokens, threat);
        }
    }

    /// <summary>The span from a cue to the nearest partner in the same sentence within <paramref name="reach"/> words.</summary>
    private static PhraseMatch? Pair(List<PhraseMatch> cues, List<PhraseMatch> partners, string text, List<Token> tokens, int reach)
    {
        foreach (var cue in cues)
        {
            foreach (var partner in partners)
            {
                var overlaps = cue.First <= partner.Last && partner.First <= cue.Last;
                var gap = Math.Max(cue.First, partner.First) - Math.Min(cue.Last, partner.Last);
                if (!overlaps && gap <= reach && tokens[cue.First].Clause == tokens[partner.First].Clause && !AsksFor(text, tokens, cue.First))
                {
                    return cue with { First = Math.Min(cue.First, partner.First), Last = Math.Max(cue.Last, partner.Last) };
                }
            }
        }

        return null;
    }

    /// <summary>
    /// True when the sentence of token <paramref name="at"/> ends with a question mark and opens as a request: a modal
    /// ("can", "could", "may", "puedo", "kann", "puis", "posso", "kan") or a question word followed by one ("how do",
    /// "where can", "wie kann", "comment puis", "come posso", "hoe kan").
    /// </summary>
    private static bool AsksFor(string text, List<Token> tokens, int at)
    {
        var clause = tokens[at].Clause;
        var first = at;
        while (first > 0 && tokens[first - 1].Clause == clause)
        {
            first--;
        }

        var last = at;
        while (last + 1 < tokens.Count && tokens[last + 1].Clause == clause)
        {
            last++;
        }

        var end = tokens[last].Start + tokens[last].Length;
        var stop = last + 1 < tokens.Count ? tokens[last + 1].Start : text.Length;
        if (text.AsSpan(end, stop - end).IndexOf('?') < 0)
        {
            return false;
        }

        // "Is this the wrong dose?" and "Does that mean I missed a dose?" are worries told as questions, not requests.
        var opener = tokens[first].Word;
        return Modals.Contains(opener)
            || (QuestionWords.Contains(opener) && first + 1 <= last && (Modals.Contains(tokens[first + 1].Word) || tokens[first + 1].Word is "do" or "does"));
    }

    private static readonly HashSet<string> Modals = new(StringComparer.Ordinal)
    {
        "can", "could", "may", "should", "would",
        "puedo", "puede", "pueden", "podria", "podrian", "podeis", "debo",
        "kann", "konnen", "konnte", "darf", "soll", "muss",
        "puis", "peux", "pouvez", "peut", "pourrais", "pourriez", "dois",
        "posso", "puo", "potete", "potrei", "potreste", "devo",
        "pode", "podem", "poderia", "poderiam",
        "kan", "kunnen", "kunt", "mag", "moet", "zou",
    };

    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        "how", "where", "what", "when", "which",
        "como", "donde", "cuando", "que",
        "wie", "wo", "wann", "was",
        "comment", "ou", "quand", "quoi",
        "come", "dove", "quando", "cosa",
        "onde",
        "hoe", "waar", "wanneer", "wat",
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"^\W*((are|were|is|was|have been|has been|might be|may be|could be|would be)\s+(\w+\s+)?(affected|impacted|hit)|(too|as well)\b)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex AskedIfAffected();
}

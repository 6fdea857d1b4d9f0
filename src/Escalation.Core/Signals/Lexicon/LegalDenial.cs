namespace Escalation.Core.Signals.Lexicon;

/// <summary>
/// A lawyer, lawsuit or regulator mention the writer negates ("I'm not going to sue you", "no lawyer needed",
/// "no voy a demandar", "ich werde Sie nicht verklagen", "je ne vais pas porter plainte") is no legal threat; the
/// analyser records it as <see cref="Signal"/> evidence instead, so routing sends it to review rather than to the
/// senior legal queue. Read conservatively, since a threat missed costs more than a review: a negator up to six words
/// back in the same stretch of text (a sentence, not past a comma), with no condition around it ("if you don't refund
/// I will sue"), no held-back threat ("won't hesitate to sue", "no choice but to sue", "not yet"), and no second clause
/// in between ("I'm not happy and I will sue"), and no reluctance ("I don't want to involve lawyers", "I'd rather not
/// go to court": legal action kept in reserve, as a senior reads it). German and Dutch may put the negator after the verb, at the end of the
/// clause ("ich verklage Sie nicht.", "einen Anwalt schalte ich nicht ein.").
/// </summary>
internal static class LegalDenial
{
    public const string Signal = "legal-denied";
    public const string Lawyer = "legal:" + LegalKinds.Lawyer;
    public const string Lawsuit = "legal:" + LegalKinds.Lawsuit;
    public const string Regulator = "legal:" + LegalKinds.Regulator;

    private const int Window = 6;
    private const int ConditionReach = 3;

    /// <summary>Words that put a negator into a condition: "if you don't refund I'll sue", "si no me devuelven…".</summary>
    internal static readonly HashSet<string> Conditions = new(StringComparer.Ordinal)
    {
        "if", "unless", "otherwise", "else", "or", "until", "si", "hasta", "wenn", "falls", "sonst", "bis", "sinon", "jusqu", "jusqu'",
        "se", "caso", "senao", "ate", "altrimenti", "qualora", "finche", "als", "indien", "tenzij", "anders", "tot", "dan",
    };

    /// <summary>
    /// Words between the negator and the legal word that turn the negation into a threat or start another clause:
    /// "won't hesitate", "no choice but", "not afraid", "don't make me", "not joking", "not only", "and", "because".
    /// </summary>
    private static readonly HashSet<string> Blockers = new(StringComparer.Ordinal)
    {
        "but", "and", "so", "then", "because", "than", "choice", "option", "alternative", "other", "else", "afraid", "only", "just",
        "rule", "joking", "kidding", "bluffing", "make", "let", "stop", "stopping", "wait", "waiting", "hold",
        "pero", "y", "entonces", "porque", "que", "otra", "otro", "opcion", "alternativa", "remedio", "mas", "miedo", "solo", "bromeando", "esperar",
        "aber", "und", "dann", "weil", "denn", "andere", "anderen", "wahl", "angst", "nur", "scherz", "warten",
        "mais", "et", "alors", "parce", "donc", "autre", "choix", "peur", "seulement", "blague", "attendre",
        "e", "entao", "outra", "outro", "escolha", "medo", "brincadeira", "esperar",
        "ma", "allora", "perche", "quindi", "altra", "altro", "scelta", "paura", "scherzo", "aspettare", "che",
        "maar", "en", "omdat", "keus", "keuze", "bang", "alleen", "wachten",
    };

    /// <summary>Stems of "hesitate", "force", "rule out" in the seven languages ("no dudaré en demandar", "n'hésiterai pas").</summary>
    private static readonly string[] BlockerStems =
    [
        "hesit", "forc", "oblig", "dud", "zoger", "zwing", "costring", "esit", "aarzel", "dwing", "descart", "exclu", "esclu", "ausschl", "uitsluit",
    ];

    /// <summary>"not yet", "todavía no", "noch nicht": a threat held back, not withdrawn.</summary>
    private static readonly HashSet<string> Yet = new(StringComparer.Ordinal) { "yet", "todavia", "aun", "noch", "encore", "ainda", "ancora", "nog" };

    private const int AfterWindow = 4;

    /// <summary>Separable verb particles that may follow the negator at the end of the clause ("schalte … nicht ein").</summary>
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal) { "ein", "an", "zu", "in", "aan", "mee", "hinzu", "dazu", "erbij" };

    /// <summary>Negators that follow the verb in German and Dutch main clauses.</summary>
    private static readonly HashSet<string> AfterVerb = new(StringComparer.Ordinal) { "nicht", "niet" };

    /// <summary>
    /// "I don't want to involve lawyers", "preferiría no demandar", "ich möchte keinen Anwalt einschalten": reluctance keeps
    /// legal action in reserve — a veiled threat, not a denial.
    /// </summary>
    private static readonly HashSet<string> Reluctance = new(StringComparer.Ordinal)
    {
        "want", "wanna", "wish", "like", "rather", "prefer", "hope", "hoping",
        "quiero", "queremos", "quisiera", "quisieramos", "preferiria", "preferimos", "espero", "esperamos", "gustaria",
        "mochte", "mochten", "wollen", "wollten", "wurde", "hoffe", "hoffen", "lieber", "gern", "gerne",
        "veux", "voulons", "voudrais", "souhaite", "souhaitons", "prefere", "prefererais", "espere", "esperons",
        "quero", "queria", "preferia", "prefiro", "gostaria",
        "voglio", "vogliamo", "vorrei", "preferirei", "preferisco", "spero", "speriamo",
        "wil", "willen", "wilde", "liever", "hoop", "hopen",
    };

    /// <summary>
    /// Portuguese "no" is "in the", not a negator: "vou abrir reclamação no Procon", "levar isso no tribunal". Read so when it
    /// stands right before the legal words after a Portuguese complaint noun or verb.
    /// </summary>
    private static readonly HashSet<string> BeforePortugueseNo = new(StringComparer.Ordinal)
    {
        "reclamacao", "reclamação", "queixa", "denuncia", "denúncia", "processo", "acao", "ação", "abrir", "registrar", "fazer", "ir",
        "recorrer", "entrar", "reclamar", "denunciar", "queixar", "acionar", "levar", "parar", "isso", "caso",
    };

    private static bool PortugueseNo(List<Token> tokens, int at, int first) =>
        tokens[at].Word == "no" && at == first - 1 && at > 0 && BeforePortugueseNo.Contains(tokens[at - 1].Word);

    public static bool IsDenied(string text, List<Token> tokens, bool[] negators, PhraseMatch m)
    {
        for (var k = Math.Max(0, m.First - Window - 2); k < m.First; k++)
        {
            if (Reluctance.Contains(tokens[k].Word) && tokens[k].Clause == tokens[m.First].Clause)
            {
                return false;
            }
        }

        for (var k = m.First - Window; k <= m.Last + 3 && k < tokens.Count; k++)
        {
            if (k >= 0 && Yet.Contains(tokens[k].Word) && SameStretch(text, tokens, Math.Min(k, m.First), Math.Max(k, m.Last)))
            {
                return false;
            }
        }

        var negator = -1;
        for (var back = 1; back <= Window && m.First - back >= 0; back++)
        {
            var at = m.First - back;
            if (!SameStretch(text, tokens, at, m.First))
            {
                break;
            }

            if (negators[at] && !LoneNe(tokens, at, m.First) && !ContractionBeforeName(text, tokens, at) && !PortugueseNo(tokens, at, m.First))
            {
                negator = at;
            }
            else if (Blocks(tokens[at].Word))
            {
                return false;
            }
        }

        if (negator >= 0)
        {
            for (var at = negator - 1; at >= 0 && at >= negator - ConditionReach && SameStretch(text, tokens, at, negator); at--)
            {
                if (Conditions.Contains(tokens[at].Word))
                {
                    return false;
                }
            }

            return true;
        }

        // "Ich verklage Sie nicht.", "einen Anwalt schalte ich nicht ein.", "een advocaat schakel ik niet in.": in German and
        // Dutch main clauses the negator may close the clause after the verb (and before a separable particle).
        for (var k = m.Last + 1; k <= m.Last + AfterWindow && k < tokens.Count && SameStretch(text, tokens, m.Last, k); k++)
        {
            var word = tokens[k].Word;
            if (Blocks(word))
            {
                return false;
            }

            if (AfterVerb.Contains(word))
            {
                var next = k + 1;
                if (next < tokens.Count && SameStretch(text, tokens, k, next) && Particles.Contains(tokens[next].Word))
                {
                    next++;
                }

                return next == tokens.Count || !SameStretch(text, tokens, k, next);
            }
        }

        return false;
    }

    /// <summary>
    /// Portuguese "no"/"na" before a name is "in the" ("queixa no Procon", "reclamação na DECO"), not a negator; an English or
    /// Spanish "no" before a capitalised legal word is rare enough to read the same way.
    /// </summary>
    private static bool ContractionBeforeName(string text, List<Token> tokens, int at) =>
        tokens[at].Word is "no" or "na" or "nos" or "nas" && at + 1 < tokens.Count && char.IsUpper(text[tokens[at + 1].Start]);

    /// <summary>French "ne" negates only with "pas", "plus", "jamais"… after it; Italian "ne" ("ne parlerò con l'avvocato") is no negator.</summary>
    private static bool LoneNe(List<Token> tokens, int at, int before)
    {
        if (tokens[at].Word is not ("ne" or "n'"))
        {
            return false;
        }

        for (var k = at + 1; k < before && k <= at + 3; k++)
        {
            if (tokens[k].Word is "pas" or "plus" or "jamais" or "rien" or "aucun" or "aucune" or "personne" or "point" or "guere")
            {
                return false;
            }
        }

        return true;
    }

    private static bool Blocks(string word)
    {
        if (Blockers.Contains(word) || Conditions.Contains(word))
        {
            return true;
        }

        foreach (var stem in BlockerStems)
        {
            if (word.StartsWith(stem, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Tokens <paramref name="from"/> … <paramref name="to"/> lie in one sentence with no comma between them.</summary>
    internal static bool SameStretch(string text, List<Token> tokens, int from, int to)
    {
        if (from > to)
        {
            (from, to) = (to, from);
        }

        if (tokens[from].Clause != tokens[to].Clause)
        {
            return false;
        }

        var start = tokens[from].Start + tokens[from].Length;
        var end = tokens[to].Start;
        return end <= start || text.AsSpan(start, end - start).IndexOfAny(',', ';') < 0;
    }
}

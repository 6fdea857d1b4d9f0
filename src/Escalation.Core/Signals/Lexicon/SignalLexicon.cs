using System.Globalization;

namespace Escalation.Core.Signals.Lexicon;

/// <summary>One phrase of the lexicon: the signal it raises, its weight, its words and the language of its file.</summary>
internal sealed record LexiconPhrase(string Signal, double Weight, string[] Words, string Text, string Language = "en");

/// <summary>A phrase found in a message: which phrase and which tokens (<c>[First, Last]</c>).</summary>
internal readonly record struct PhraseMatch(LexiconPhrase Phrase, int First, int Last);

/// <summary>
/// The precompiled lexicons: word valences in a dictionary, phrases indexed by their first word so a
/// message is matched in one pass over its tokens.
/// </summary>
internal sealed class SignalLexicon
{
    /// <summary>Length of the key a stem-first phrase ("demand* …") is indexed by; shorter stems are not allowed.</summary>
    private const int StemKey = 4;

    private readonly Dictionary<string, LexiconPhrase[]> _byFirstWord;
    private readonly Dictionary<string, LexiconPhrase[]> _byFirstStem;

    private SignalLexicon(Dictionary<string, double> valence, Dictionary<string, LexiconPhrase[]> byFirstWord, Dictionary<string, LexiconPhrase[]> byFirstStem)
    {
        Valence = valence;
        _byFirstWord = byFirstWord;
        _byFirstStem = byFirstStem;
    }

    /// <summary>
    /// The embedded default lexicon (loaded once): the English phrase file plus one file per further language
    /// (<c>phrases-es.txt</c>, <c>phrases-de.txt</c>…). Every language's phrases are matched on every text,
    /// because a short ticket's language often cannot be told.
    /// </summary>
    public static SignalLexicon Default { get; } =
        Load(ReadResource("valence-multilingual.txt") + "\n" + ReadResource("valence-derived.txt") + "\n" + ReadResource("valence.txt"), PhraseResources());

    public IReadOnlyDictionary<string, double> Valence { get; }

    /// <summary>
    /// Builds a lexicon from the text of valence files (a later line wins, so the English files loaded last win over
    /// <c>valence-multilingual.txt</c> on a shared spelling) and a phrase file. A line <c>!lang xx</c> sets the
    /// language of the phrases after it (English by default).
    /// </summary>
    public static SignalLexicon Load(string valenceText, string phraseText)
    {
        var valence = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in Lines(valenceText))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2)
            {
                valence[TextFold.Word(parts[0])] = double.Parse(parts[1], CultureInfo.InvariantCulture);
            }
        }

        var lists = new Dictionary<string, List<LexiconPhrase>>(StringComparer.Ordinal);
        var stems = new Dictionary<string, List<LexiconPhrase>>(StringComparer.Ordinal);
        var language = "en";
        foreach (var line in Lines(phraseText))
        {
            if (line.StartsWith("!lang ", StringComparison.Ordinal))
            {
                language = line[6..].Trim();
                continue;
            }

            var parts = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 3)
            {
                continue;
            }

            // Phrases are folded like the tokens, so accents may be written in the file or left out.
            var words = parts[2].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(TextFold.Word).ToArray();
            var phrase = new LexiconPhrase(parts[0], double.Parse(parts[1], CultureInfo.InvariantCulture), words, parts[2], language);
            var first = words[0];
            var stem = first.Length > StemKey && first[^1] == '*';
            var key = stem ? first[..StemKey] : first;
            var into = stem ? stems : lists;
            if (!into.TryGetValue(key, out var list))
            {
                into[key] = list = [];
            }

            list.Add(phrase);
        }

        // Longest phrases first, so the first match at a position is the most specific one.
        static Dictionary<string, LexiconPhrase[]> Index(Dictionary<string, List<LexiconPhrase>> lists) => lists.ToDictionary(
            kv => kv.Key,
            kv => kv.Value.OrderByDescending(p => p.Words.Length).ToArray(),
            StringComparer.Ordinal);
        return new SignalLexicon(valence, Index(lists), Index(stems));
    }

    /// <summary>Every phrase that matches at some token of <paramref name="tokens"/>.</summary>
    public void Match(List<Token> tokens, List<PhraseMatch> into)
    {
        var stems = new List<LexiconPhrase>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i].Word;
            var exact = _byFirstWord.GetValueOrDefault(word);
            var stemmed = word.Length >= StemKey && _byFirstStem.Count > 0 ? _byFirstStem.GetValueOrDefault(word[..StemKey]) : null;
            if (exact is null && stemmed is null)
            {
                continue;
            }

            // One list per position, longest first, so a stem phrase competes with the exact ones on length.
            stems.Clear();
            if (exact is not null)
            {
                stems.AddRange(exact);
            }

            if (stemmed is not null)
            {
                stems.AddRange(stemmed);
                stems.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
            }

            foreach (var phrase in stems)
            {
                if (Matches(phrase.Words, tokens, i))
                {
                    into.Add(new PhraseMatch(phrase, i, i + phrase.Words.Length - 1));
                }
            }
        }
    }

    private static bool Matches(string[] words, List<Token> tokens, int at)
    {
        if (at + words.Length > tokens.Count)
        {
            return false;
        }

        for (var k = 0; k < words.Length; k++)
        {
            var w = words[k];
            var t = tokens[at + k].Word;
            var ok = w[^1] == '*' && w.Length > 1 ? t.StartsWith(w.AsSpan(0, w.Length - 1), StringComparison.Ordinal) : w == "*" || t == w;
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && l[0] != '#');

    private static string PhraseResources()
    {
        var assembly = typeof(SignalLexicon).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.Contains(".Signals.phrases", StringComparison.Ordinal))
            .Select(n => n[(n.IndexOf(".Signals.", StringComparison.Ordinal) + 9)..])
            .Order(StringComparer.Ordinal);
        // "phrases.txt" is English, "phrases-es.txt" Spanish…: each file's phrases carry its language.
        return string.Join("\n", names.Select(n => $"!lang {(n.StartsWith("phrases-", StringComparison.Ordinal) ? n[8..^4] : "en")}\n{ReadResource(n)}"));
    }

    private static string ReadResource(string name)
    {
        var assembly = typeof(SignalLexicon).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith(".Signals." + name, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

using System.Globalization;

namespace Escalation.Core.Signals.Lexicon;

/// <summary>One phrase of the lexicon: the signal it raises, its weight and its words.</summary>
internal sealed record LexiconPhrase(string Signal, double Weight, string[] Words, string Text);

/// <summary>A phrase found in a message: which phrase and which tokens (<c>[First, Last]</c>).</summary>
internal readonly record struct PhraseMatch(LexiconPhrase Phrase, int First, int Last);

/// <summary>
/// The precompiled lexicons: word valences in a dictionary, phrases indexed by their first word so a
/// message is matched in one pass over its tokens.
/// </summary>
internal sealed class SignalLexicon
{
    private readonly Dictionary<string, LexiconPhrase[]> _byFirstWord;

    private SignalLexicon(Dictionary<string, double> valence, Dictionary<string, LexiconPhrase[]> byFirstWord)
    {
        Valence = valence;
        _byFirstWord = byFirstWord;
    }

    /// <summary>The embedded default lexicon (loaded once).</summary>
    public static SignalLexicon Default { get; } =
        Load(ReadResource("valence-derived.txt") + "\n" + ReadResource("valence.txt"), ReadResource("phrases.txt"));

    public IReadOnlyDictionary<string, double> Valence { get; }

    /// <summary>Builds a lexicon from the text of valence files (a later line wins) and a phrase file.</summary>
    public static SignalLexicon Load(string valenceText, string phraseText)
    {
        var valence = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in Lines(valenceText))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2)
            {
                valence[parts[0]] = double.Parse(parts[1], CultureInfo.InvariantCulture);
            }
        }

        var lists = new Dictionary<string, List<LexiconPhrase>>(StringComparer.Ordinal);
        foreach (var line in Lines(phraseText))
        {
            var parts = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 3)
            {
                continue;
            }

            var words = parts[2].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var phrase = new LexiconPhrase(parts[0], double.Parse(parts[1], CultureInfo.InvariantCulture), words, parts[2]);
            if (!lists.TryGetValue(words[0], out var list))
            {
                lists[words[0]] = list = [];
            }

            list.Add(phrase);
        }

        // Longest phrases first, so the first match at a position is the most specific one.
        var byFirst = lists.ToDictionary(
            kv => kv.Key,
            kv => kv.Value.OrderByDescending(p => p.Words.Length).ToArray(),
            StringComparer.Ordinal);
        return new SignalLexicon(valence, byFirst);
    }

    /// <summary>Every phrase that matches at some token of <paramref name="tokens"/>.</summary>
    public void Match(List<Token> tokens, List<PhraseMatch> into)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!_byFirstWord.TryGetValue(tokens[i].Word, out var candidates))
            {
                continue;
            }

            foreach (var phrase in candidates)
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

        for (var k = 1; k < words.Length; k++)
        {
            var w = words[k];
            var t = tokens[at + k].Word;
            var ok = w[^1] == '*' ? t.StartsWith(w.AsSpan(0, w.Length - 1), StringComparison.Ordinal) : t == w;
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

    private static string ReadResource(string name)
    {
        var assembly = typeof(SignalLexicon).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith(".Signals." + name, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

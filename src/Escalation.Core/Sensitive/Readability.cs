using System.Text.RegularExpressions;

namespace Escalation.Core.Sensitive;

/// <summary>Flesch-Kincaid grade with a heuristic syllable count (vowel groups, silent final e).</summary>
public static partial class Readability
{
    /// <summary>0.39 × words/sentence + 11.8 × syllables/word − 15.59; 0 for empty text.</summary>
    public static double Grade(string text)
    {
        var words = Word().Matches(text).Select(m => m.Value).ToArray();
        if (words.Length == 0)
        {
            return 0;
        }

        var sentences = Math.Max(1, SentenceEnd().Split(text).Count(piece => Word().IsMatch(piece)));
        var syllables = words.Sum(Syllables);
        return Math.Round((0.39 * words.Length / sentences) + (11.8 * syllables / words.Length) - 15.59, 2);
    }

    /// <summary>Heuristic syllables of one word (at least 1).</summary>
    public static int Syllables(string word)
    {
        var w = word.ToLowerInvariant();
        if (w.Length <= 3)
        {
            return 1;
        }

        if (w.EndsWith("es", StringComparison.Ordinal) || w.EndsWith("ed", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.EndsWith('e') && !w.EndsWith("le", StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        var count = VowelGroup().Matches(w).Count;
        return Math.Max(1, count);
    }

    [GeneratedRegex(@"[A-Za-z]+(?:'[A-Za-z]+)?")]
    private static partial Regex Word();

    [GeneratedRegex(@"[.!?]+(?=\s|$)|\n+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex("[aeiouy]+")]
    private static partial Regex VowelGroup();
}

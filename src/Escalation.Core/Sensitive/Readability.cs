namespace Escalation.Core.Sensitive;

/// <summary>
/// Flesch-Kincaid grade with a heuristic syllable count (vowel groups, silent final e). A word is ASCII letters with an
/// optional apostrophe part (<c>[A-Za-z]+('[A-Za-z]+)?</c>); sentences end at a run of <c>.!?</c> followed by white
/// space or the end, or at line breaks, and count when they hold a letter. One pass over the text, no allocation per word.
/// </summary>
public static class Readability
{
    /// <summary>0.39 × words/sentence + 11.8 × syllables/word − 15.59; 0 for empty text.</summary>
    public static double Grade(string text)
    {
        var words = 0;
        var syllables = 0;
        var sentences = 0;
        var pieceHasLetter = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiLetter(c))
            {
                var start = i;
                while (i < text.Length && char.IsAsciiLetter(text[i]))
                {
                    i++;
                }

                if (i + 1 < text.Length && text[i] == '\'' && char.IsAsciiLetter(text[i + 1]))
                {
                    i++;
                    while (i < text.Length && char.IsAsciiLetter(text[i]))
                    {
                        i++;
                    }
                }

                words++;
                syllables += Syllables(text.AsSpan(start, i - start));
                pieceHasLetter = true;
                continue;
            }

            var end = i;
            if (c == '\n')
            {
                while (end < text.Length && text[end] == '\n')
                {
                    end++;
                }
            }
            else if (c is '.' or '!' or '?')
            {
                while (end < text.Length && text[end] is '.' or '!' or '?')
                {
                    end++;
                }

                if (end < text.Length && !char.IsWhiteSpace(text[end]))
                {
                    end = i; // not followed by white space or the end: no sentence end here
                }
            }

            if (end > i)
            {
                sentences += pieceHasLetter ? 1 : 0;
                pieceHasLetter = false;
                i = end;
            }
            else
            {
                i++;
            }
        }

        sentences += pieceHasLetter ? 1 : 0;
        if (words == 0)
        {
            return 0;
        }

        return Math.Round((0.39 * words / Math.Max(1, sentences)) + (11.8 * syllables / words) - 15.59, 2);
    }

    /// <summary>Heuristic syllables of one word (at least 1).</summary>
    public static int Syllables(string word) => Syllables(word.AsSpan());

    private static int Syllables(ReadOnlySpan<char> word)
    {
        if (word.Length <= 3)
        {
            return 1;
        }

        Span<char> lower = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        word.ToLowerInvariant(lower);
        ReadOnlySpan<char> w = lower;
        if (w.EndsWith("es", StringComparison.Ordinal) || w.EndsWith("ed", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.EndsWith('e') && !w.EndsWith("le", StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        var count = 0;
        var inVowels = false;
        foreach (var ch in w)
        {
            var vowel = ch is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
            if (vowel && !inVowels)
            {
                count++;
            }

            inVowels = vowel;
        }

        return Math.Max(1, count);
    }
}

using System.Text.RegularExpressions;

namespace Escalation.Core.Cases;

/// <summary>
/// A month name mistyped next to its day ("16 novmeber", "Ocotber 3", "el 4 de novimbre"): two letters swapped, or one
/// letter wrong in a name of seven letters or more, is mended to the month it misses, keeping the text's length so every
/// position read after it still points at the customer's words. Shorter words are left alone: "Julia 3" is a name.
/// </summary>
internal static partial class MonthTypos
{
    /// <summary><paramref name="text"/> with every mistyped month name next to a day written as the month; the same instance when none is.</summary>
    public static string Mend(string text, IReadOnlyList<string> months)
    {
        char[]? mended = null;
        foreach (Match m in NextToDay().Matches(text))
        {
            var word = m.Groups["w"];
            if (Near(word.Value, months) is { } month)
            {
                mended ??= text.ToCharArray();
                for (var i = 0; i < month.Length; i++)
                {
                    // Keep the writer's capital: "Novmeber" → "November".
                    mended[word.Index + i] = char.IsUpper(text[word.Index + i]) ? char.ToUpperInvariant(month[i]) : month[i];
                }
            }
        }

        return mended is null ? text : new string(mended);
    }

    private static string? Near(string word, IReadOnlyList<string> months)
    {
        string? near = null;
        foreach (var month in months)
        {
            if (month.Length != word.Length)
            {
                continue;
            }

            // A month name written right is no typo; the first slip found stands (month names of one length do not sit one
            // slip apart from the same word).
            if (string.Equals(month, word, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            if (near is null && OneSlip(word, month))
            {
                near = month;
            }
        }

        return near;
    }

    /// <summary>Two neighbouring letters swapped, or (seven letters or more) one letter different.</summary>
    private static bool OneSlip(string word, string month)
    {
        int first = -1, second = -1, count = 0;
        for (var i = 0; i < word.Length; i++)
        {
            if (char.ToLowerInvariant(word[i]) != char.ToLowerInvariant(month[i]))
            {
                if (++count > 2)
                {
                    return false;
                }

                (first, second) = count == 1 ? (i, -1) : (first, i);
            }
        }

        return count switch
        {
            1 => word.Length >= 7,
            2 => second == first + 1 && char.ToLowerInvariant(word[first]) == char.ToLowerInvariant(month[second])
                && char.ToLowerInvariant(word[second]) == char.ToLowerInvariant(month[first]),
            _ => false,
        };
    }

    // A word of five to ten letters right after a day ("16 novmeber", "4 de novimbre", "3. Novmeber") or right before one ("Ocotber 3").
    [GeneratedRegex(@"\b\d{1,2}(\.|º|°|er|st|nd|rd|th)?\s+(de\s+|del\s+)?(?<w>\p{L}{5,10})\b|\b(?<w>\p{L}{5,10})\s+\d{1,2}\b", RegexOptions.IgnoreCase)]
    private static partial Regex NextToDay();
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Escalation.Core.Sensitive;

/// <summary>
/// Amounts of money named in a draft: "€450" and "450.00 EUR" in English, "450,00 €", "1.250 €" and "€ 99" in the other
/// covered languages (decimal comma, dot or space between thousands).
/// </summary>
public static partial class DraftMoney
{
    /// <summary>One amount in the text, as written.</summary>
    public readonly record struct Amount(decimal Value, string Text);

    /// <summary>Every amount in <paramref name="text"/>, read the English way or, when <paramref name="european"/>, the continental way.</summary>
    public static IEnumerable<Amount> In(string text, bool european)
    {
        if (!european)
        {
            foreach (Match m in English().Matches(text))
            {
                yield return new Amount(decimal.Parse(m.Groups["n"].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture), m.Value);
            }

            yield break;
        }

        foreach (Match m in Continental().Matches(text))
        {
            var digits = new string(m.Groups["n"].Value.Where(c => char.IsDigit(c) || c == ',').ToArray()).Replace(',', '.');
            yield return new Amount(decimal.Parse(digits, CultureInfo.InvariantCulture), m.Value.Trim());
        }
    }

    [GeneratedRegex(@"[€$£]\s?(?<n>\d[\d,]*(?:\.\d{1,2})?)|(?<n>\d[\d,]*(?:\.\d{1,2})?)\s?(?:EUR|USD|GBP|euros?)\b")]
    private static partial Regex English();

    [GeneratedRegex(@"(?:€|\$|£|EUR|USD|GBP)\s?(?<n>\d{1,3}(?:[.\u00A0\u202F ]\d{3})+(?:,\d{1,2})?|\d+(?:,\d{1,2})?)|(?<n>\d{1,3}(?:[.\u00A0\u202F ]\d{3})+(?:,\d{1,2})?|\d+(?:,\d{1,2})?)\s?(?:€|\$|£|EUR\b|USD\b|GBP\b|euros?\b|euro\b)")]
    private static partial Regex Continental();
}

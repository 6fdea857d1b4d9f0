using System.Globalization;
using System.Text.RegularExpressions;

namespace Escalation.Core.Cases;

/// <summary>A sum of money found in a text: its value, currency (null when only the number says it), and where.</summary>
public sealed record AmountCandidate(decimal Amount, string? Currency, string Text, int Message, int Start, int Length);

/// <summary>
/// Finds every sum of money in a text: figures with a symbol or code before or after ("€1,250.00", "1.250,00 €",
/// "1 250 EUR", "USD 49"), and sums in words in seven languages ("two thousand euros", "dos mil euros",
/// "zweitausend Euro", "2 mil euros").
/// </summary>
public static partial class AmountReader
{
    /// <summary>All sums in <paramref name="text"/>, in order.</summary>
    public static List<AmountCandidate> FindAll(string text, int message)
    {
        var found = new List<AmountCandidate>();
        foreach (Match m in Figure().Matches(text))
        {
            var symbol = m.Groups["pre"].Success ? m.Groups["pre"].Value : m.Groups["post"].Value;
            var number = m.Groups["n1"].Success ? m.Groups["n1"].Value : m.Groups["n2"].Value;
            if (ParseFigure(number) is { } value)
            {
                found.Add(new AmountCandidate(value, Money.CurrencyOf(symbol), m.Value.Trim(), message, m.Index, m.Value.TrimEnd().Length));
            }
        }

        // "99,-" and "1.299,-": the Dutch and German price written without a currency sign is in euros.
        foreach (Match m in DashedEuros().Matches(text))
        {
            if (ParseFigure(m.Groups["n"].Value) is { } value && !found.Exists(f => f.Start <= m.Index + m.Length && m.Index <= f.Start + f.Length))
            {
                found.Add(new AmountCandidate(value, "EUR", m.Value, message, m.Index, m.Length));
            }
        }

        foreach (Match m in CurrencyWord().Matches(text))
        {
            if (InWords(text, m, message) is { } words && !found.Exists(f => f.Start <= words.Start + words.Length && words.Start <= f.Start + f.Length))
            {
                found.Add(words);
            }
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary>
    /// A figure in either convention: the last separator is the decimal point when one or two digits follow it
    /// ("1.250,00", "49.50", "12,5"), a thousands separator when three do ("1,250", "1.250", "1 250").
    /// </summary>
    public static decimal? ParseFigure(string figure)
    {
        var s = figure.Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal)
            .Replace("\u202f", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal);
        var last = s.LastIndexOfAny(['.', ',']);
        string plain;
        if (last < 0)
        {
            plain = s;
        }
        else if (s.Length - last - 1 == 3)
        {
            plain = s.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        }
        else
        {
            plain = s[..last].Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal) + "." + s[(last + 1)..];
        }

        return decimal.TryParse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    private static AmountCandidate? InWords(string text, Match currency, int message)
    {
        // Walk back over the words before the currency word while they are number words or joiners.
        var words = Word().Matches(text[..currency.Index]);
        var pieces = new List<(int Kind, int Value)>();
        var start = currency.Index;
        decimal lead = 0;
        for (var i = words.Count - 1; i >= 0; i--)
        {
            var w = words[i];
            var between = text.AsSpan(w.Index + w.Length, start - w.Index - w.Length);
            if (!between.IsWhiteSpace() && !between.Trim().SequenceEqual("-"))
            {
                break;
            }

            if (NumberWords.Split(w.Value) is { } split)
            {
                pieces.InsertRange(0, split);
                start = w.Index;
                continue;
            }

            if (pieces.Count > 0 && pieces[0].Kind >= 1 && pieces[0].Kind <= 3)
            {
                // "a thousand euros", "2 mil euros", "1,5 Millionen Euro": a figure or article before a scale word.
                if (w.Value is "a" or "A")
                {
                    start = w.Index;
                }
                else if (ParseFigure(w.Value) is { } figure && char.IsDigit(w.Value[0]))
                {
                    lead = figure;
                    start = w.Index;
                }
            }

            break;
        }

        while (pieces.Count > 0 && pieces[0].Kind == 4)
        {
            pieces.RemoveAt(0);
        }

        if (pieces.Count == 0)
        {
            return null;
        }

        var value = lead > 0 ? Scaled(lead, pieces) : NumberWords.Value(pieces);
        if (value is not { } v)
        {
            return null;
        }

        var end = currency.Index + currency.Length;
        return new AmountCandidate(v, Money.CurrencyOf(currency.Value), text[start..end], message, start, end - start);
    }

    /// <summary>"2 mil", "1,5 Millionen": the figure times the first scale word, plus whatever words follow.</summary>
    private static decimal? Scaled(decimal lead, List<(int Kind, int Value)> pieces) =>
        NumberWords.Value(pieces.Skip(1)) is var rest && pieces[0].Value * lead + (rest ?? 0) is var v and > 0 ? v : null;

    private const string Number = @"\d{1,3}(?:[.,'\u00a0\u202f ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?";

    [GeneratedRegex(@"(?<pre>R\$|[€$£]|\b(?:EUR|USD|GBP|CHF|BRL)\b)\s?(?<n1>" + Number + @")(?:,-{1,2})?(?![\d.,]\d)|(?<![\d.,]|\d[/-])(?<n2>" + Number + @")(?:,-{1,2})?\s?(?<post>€|\b(?:EUR|USD|GBP|CHF|BRL|[Ee]uros?|dollars?|d[óo]lar(?:es)?|pounds?|libras?|reais|Franken|francs?)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Figure();

    [GeneratedRegex(@"(?<![\d.,€$£])(?<n>\d{1,3}(?:\.\d{3})*),-{1,2}(?![\d-])")]
    private static partial Regex DashedEuros();

    [GeneratedRegex(@"\b(?:euros?|dollars?|d[óo]lar(?:es)?|pounds?|libras?|reais|Franken|francs?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CurrencyWord();

    [GeneratedRegex(@"[\p{L}\d][\p{L}\d.,'’-]*(?<![.,'’-])")]
    private static partial Regex Word();
}

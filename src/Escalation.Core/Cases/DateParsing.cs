using System.Globalization;
using System.Text.RegularExpressions;

namespace Escalation.Core.Cases;

/// <summary>Finds dates written the ways customers write them: 2026-10-08, 8 October, October 8th, Oct 8 2026.</summary>
public static partial class DateParsing
{
    /// <summary>A date found in text.</summary>
    public sealed record Found(DateOnly Date, string Text, int Index, int Length);

    private static readonly string[] Months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>The first date in <paramref name="text"/>; a date without a year is the latest one not after <paramref name="today"/>.</summary>
    public static Found? FirstDate(string text, DateOnly today)
    {
        var iso = Iso().Match(text);
        var named = Named().Match(text);
        if (iso.Success && (!named.Success || iso.Index <= named.Index)
            && DateOnly.TryParseExact(iso.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return new Found(d, iso.Value, iso.Index, iso.Length);
        }

        if (!named.Success)
        {
            return null;
        }

        var monthText = named.Groups["m1"].Success ? named.Groups["m1"].Value : named.Groups["m2"].Value;
        var dayText = named.Groups["d1"].Success ? named.Groups["d1"].Value : named.Groups["d2"].Value;
        var month = Array.IndexOf(Months, monthText[..3].ToLowerInvariant()) + 1;
        var day = int.Parse(dayText, CultureInfo.InvariantCulture);
        var year = named.Groups["y"].Success ? int.Parse(named.Groups["y"].Value, CultureInfo.InvariantCulture) : today.Year;
        if (month < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        var date = new DateOnly(year, month, day);
        if (!named.Groups["y"].Success && date > today)
        {
            date = date.AddYears(-1);
        }

        return new Found(date, named.Value, named.Index, named.Length);
    }

    /// <summary>Every date in <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<Found> AllDates(string text, DateOnly today)
    {
        var list = new List<Found>();
        var offset = 0;
        while (offset < text.Length && FirstDate(text[offset..], today) is { } f)
        {
            list.Add(f with { Index = f.Index + offset });
            offset += f.Index + Math.Max(1, f.Length);
        }

        return list;
    }

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex Iso();

    [GeneratedRegex(@"\b(?:(?<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<m1>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(?<m2>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?<d2>\d{1,2})(?:st|nd|rd|th)?)(?:,?\s+(?<y>20\d{2}))?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Named();
}

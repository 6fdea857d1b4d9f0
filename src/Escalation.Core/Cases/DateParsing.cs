using System.Globalization;
using System.Text.RegularExpressions;

namespace Escalation.Core.Cases;

/// <summary>
/// Finds dates written the ways customers write them: 2026-10-08, 8 October, October 8th, Oct 8 2026, and day-first in
/// the covered languages: 8 de octubre de 2026, 8. Oktober, 8 octobre, 8 de outubro, 8 ottobre, 8 oktober, 08.10.2026.
/// </summary>
public static partial class DateParsing
{
    /// <summary>A date found in text.</summary>
    public sealed record Found(DateOnly Date, string Text, int Index, int Length);

    private static readonly string[] Months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Month names of the covered languages other than English (English is read by prefix), by month.</summary>
    private static readonly Dictionary<string, int> ForeignMonths = BuildForeignMonths();

    private static Dictionary<string, int> BuildForeignMonths()
    {
        string[][] names =
        [
            ["enero", "januar", "jänner", "janvier", "janeiro", "gennaio", "januari"],
            ["febrero", "februar", "février", "fevrier", "fevereiro", "febbraio", "februari"],
            ["marzo", "märz", "maerz", "mars", "março", "marco", "maart"],
            ["abril", "avril", "aprile"],
            ["mayo", "mai", "maio", "maggio", "mei"],
            ["junio", "juni", "juin", "junho", "giugno"],
            ["julio", "juli", "juillet", "julho", "luglio"],
            ["agosto", "août", "aout", "augustus"],
            ["septiembre", "setiembre", "septembre", "setembro", "settembre"],
            ["octubre", "oktober", "octobre", "outubro", "ottobre"],
            ["noviembre", "novembre", "novembro"],
            ["diciembre", "dezember", "décembre", "decembre", "dezembro", "dicembre"],
        ];
        // German and Dutch share some names with English ("10. November", "3 april"): the day-first reading needs them too.
        string[] english = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
        var map = english.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i + 1, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Length; i++)
        {
            foreach (var n in names[i])
            {
                map[n] = i + 1;
            }
        }

        // Abbreviations after a day ("3 de nov.", "3 nov", "15 déc.", "2 gen"): not "mar", "set" or "out", which are words too
        // ("3 out of 5").
        string[][] shortNames =
        [
            ["jan", "ene", "gen", "janv"], ["feb", "févr", "fevr", "fev"], ["mär", "mrt"], ["apr", "abr", "avr"], ["mag"],
            ["jun", "giu"], ["jul", "juil", "lug"], ["aug", "ago", "aoû"], ["sep", "sept"], ["oct", "okt", "ott"], ["nov"],
            ["dec", "dic", "dez", "déc"],
        ];
        for (var i = 0; i < shortNames.Length; i++)
        {
            foreach (var n in shortNames[i])
            {
                map.TryAdd(n, i + 1);
            }
        }

        return map;
    }

    /// <summary>The full month names of the covered languages (five letters or more), which a typo is mended to.</summary>
    private static readonly string[] FullMonthNames = [.. ForeignMonths.Keys.Where(k => k.Length >= 5)];

    /// <summary>Every month name of the covered languages, and the English three-letter forms ("nov", "sept" too).</summary>
    internal static IEnumerable<string> MonthWords() => ForeignMonths.Keys.Concat(Months).Append("sept");

    /// <summary>The first date in <paramref name="text"/>; a date without a year is the latest one not after <paramref name="today"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="today">The day the text was written.</param>
    /// <param name="foreign">False for English text: the day-first forms of the other languages are not looked for.</param>
    public static Found? FirstDate(string text, DateOnly today, bool foreign = true)
    {
        // Every form but the spelled one ("the third of November") has a digit; most clauses the readers ask about have
        // none, so they are answered without running the other patterns.
        if (text.AsSpan().IndexOfAnyInRange('0', '9') < 0)
        {
            return text.Contains("of", StringComparison.OrdinalIgnoreCase) || text.Contains("the", StringComparison.OrdinalIgnoreCase)
                ? SpelledDate(text, today)
                : null;
        }

        text = MonthTypos.Mend(text, FullMonthNames);
        var english = FirstEnglishDate(text, today);
        if (!foreign)
        {
            return english ?? DayOnly(text, today);
        }

        var other = FirstForeignDate(text, today);
        return english is null ? other ?? DayOnly(text, today) : other is null || english.Index <= other.Index ? english : other;
    }

    /// <summary>
    /// A day told without its month, after the words that introduce a date ("on the 14th", "the 14th of this month", "am
    /// 3.", "el día 3", "le 14", "il 14", "no dia 14", "op de 14e"): the latest such day not after
    /// <paramref name="today"/>. Read only when the text holds no date with its month.
    /// </summary>
    private static Found? DayOnly(string text, DateOnly today)
    {
        foreach (Match m in DayWithoutMonth().Matches(text))
        {
            var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            var month = new DateOnly(today.Year, today.Month, 1);
            if (day > today.Day)
            {
                month = month.AddMonths(-1);
            }

            if (day >= 1 && day <= DateTime.DaysInMonth(month.Year, month.Month))
            {
                return new Found(new DateOnly(month.Year, month.Month, day), m.Value, m.Index, m.Length);
            }
        }

        return null;
    }

    private const string NotADay = @"(?![.,/:\-]?\d)(?!\s*(%|€|\$|£|eur\b|euros?\b|usd\b|h\b|hrs?\b|hours?|horas?|heures?|ore\b|uur\b|stunden|minut\w*|users?\b|usuarios|utenti|utilisateurs|nutzer|gebruikers|licen\w*|seats?\b|puestos|posti|postes|plaatsen|times?\b|veces|fois|volte|vezes|keer|mal\b))";

    [GeneratedRegex(@"\b(on the|on|the)\s+(?<d>\d{1,2})(st|nd|rd|th)\b(\s+of (this|the) month)?(?!\s+(time|attempt|try|charge|invoice|payment|reminder|email|line|one|of (?!this month|the month)))"
        + @"|\bam\s+(?<d>\d{1,2})\.(?!\d)(?!\s*(" + GermanMonthWords + @"))"
        + @"|\b(el( d[íi]a)?|le|il( giorno)?|no dia|dia|op de|op)\s+(?<d>\d{1,2})(e|de|er|o|º)?\b" + NotADay, RegexOptions.IgnoreCase)]
    private static partial Regex DayWithoutMonth();

    private const string GermanMonthWords = "jan|feb|m[äa]r|apr|mai|jun|jul|aug|sep|okt|nov|dez";

    /// <summary>Day-first dates in the covered languages: "8 de octubre", "8. Oktober 2026", "1er novembre", "08.10.2026", "08/10/2026", "08-10-2026".</summary>
    private static Found? FirstForeignDate(string text, DateOnly today)
    {
        foreach (Match m in ForeignNamed().Matches(text))
        {
            if (!ForeignMonths.TryGetValue(m.Groups["m"].Value, out var month))
            {
                continue;
            }

            if (Dated(m, month, today) is { } found)
            {
                return found;
            }
        }

        foreach (var numeric in new[] { Dotted(), Separated(), DayMonth() })
        {
            foreach (Match m in numeric.Matches(text))
            {
                if (Dated(m, int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), today) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    private static Found? Dated(Match m, int month, DateOnly today)
    {
        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        var year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : today.Year;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        var date = new DateOnly(year, month, day);
        if (!m.Groups["y"].Success && date > today)
        {
            date = date.AddYears(-1);
        }

        return new Found(date, m.Value, m.Index, m.Length);
    }

    private static Found? FirstEnglishDate(string text, DateOnly today)
    {
        // A slashed or dashed date read only where its order shows: "11/15/2026" (month first) or "15/11/2026" (day
        // first); "03/04/2026" could be either and is left unread, so the case asks a person rather than guess.
        Found? slashed = null;
        foreach (Match m in Separated().Matches(text))
        {
            var first = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            var second = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            if ((first > 12) == (second > 12) && first != second)
            {
                // "11/11/2026" reads the same either way; "12/11/2026" written on 23 November 2026 can only be the 12th
                // of November (11 December has not come yet); "01/11/2026" could be either and stays unread.
                if (first <= 12 && second <= 12 && PastOnly(new DateOnly(year, second, Math.Min(first, DateTime.DaysInMonth(year, second))), new DateOnly(year, first, Math.Min(second, DateTime.DaysInMonth(year, first))), today) is { } only)
                {
                    slashed = new Found(only, m.Value, m.Index, m.Length);
                    break;
                }

                continue;
            }

            var (day, month) = first > 12 ? (first, second) : (second, first);
            if (day <= DateTime.DaysInMonth(year, month))
            {
                slashed = new Found(new DateOnly(year, month, day), m.Value, m.Index, m.Length);
                break;
            }
        }

        // Without a year ("99.00 EUR on 11/14"): only where one number cannot be a month, in this year (or last, when that
        // day has not come yet); "11/12" could be either and stays unread.
        if (slashed is null)
        {
            foreach (Match m in YearlessSlashed().Matches(text))
            {
                var first = int.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture);
                var second = int.Parse(m.Groups["b"].Value, CultureInfo.InvariantCulture);
                if ((first > 12) == (second > 12))
                {
                    continue;
                }

                var (day, month) = first > 12 ? (first, second) : (second, first);
                if (month is >= 1 and <= 12 && day <= DateTime.DaysInMonth(today.Year, month))
                {
                    var date = new DateOnly(today.Year, month, day);
                    slashed = new Found(date > today ? date.AddYears(-1) : date, m.Value, m.Index, m.Length);
                    break;
                }
            }
        }

        var other = FirstEnglishWrittenDate(text, today);
        var earliest = slashed is { } s && (other is null || s.Index < other.Index) ? s : other;

        // "15.11." or "15.11.2026" is day first wherever it is written (a mixed message, "die 99 € vom 15.11.").
        foreach (Match m in Dotted().Matches(text))
        {
            if (Dated(m, int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), today) is { } dotted)
            {
                return earliest is null || dotted.Index < earliest.Index ? dotted : earliest;
            }
        }

        return earliest;
    }

    /// <summary>The one of two readings that is not after <paramref name="today"/>, or null when both or neither are.</summary>
    private static DateOnly? PastOnly(DateOnly dayFirst, DateOnly monthFirst, DateOnly today) =>
        (dayFirst <= today) == (monthFirst <= today) ? null : dayFirst <= today ? dayFirst : monthFirst;

    /// <summary>"the third of November": the first date with its day spelled as an ordinal, or null.</summary>
    private static Found? SpelledDate(string text, DateOnly today)
    {
        if (OrdinalWordDate().Match(text) is not { Success: true } spelled)
        {
            return null;
        }

        var day = Array.IndexOf(OrdinalWords, spelled.Groups["o"].Value.ToLowerInvariant().Replace(' ', '-')) + 1;
        var month = Array.IndexOf(Months, spelled.Groups["m"].Value[..3].ToLowerInvariant()) + 1;
        var year = spelled.Groups["y"].Success ? int.Parse(spelled.Groups["y"].Value, CultureInfo.InvariantCulture) : today.Year;
        if (day <= 0 || month <= 0 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        var date = new DateOnly(year, month, day);
        return new Found(!spelled.Groups["y"].Success && date > today ? date.AddYears(-1) : date, spelled.Value, spelled.Index, spelled.Length);
    }

    private static Found? FirstEnglishWrittenDate(string text, DateOnly today)
    {
        if (SpelledDate(text, today) is { } spelled && !Named().IsMatch(text[..spelled.Index]) && !Iso().IsMatch(text[..spelled.Index]))
        {
            return spelled;
        }

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
        if (month < 1 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null; // "€49.00 Nov": the cents are no day
        }

        var date = new DateOnly(year, month, day);
        if (!named.Groups["y"].Success && date > today)
        {
            date = date.AddYears(-1);
        }

        return new Found(date, named.Value, named.Index, named.Length);
    }

    /// <summary>Every date in <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<Found> AllDates(string text, DateOnly today, bool foreign = true)
    {
        var list = new List<Found>();
        var offset = 0;
        while (offset < text.Length && FirstDate(text[offset..], today, foreign) is { } f)
        {
            list.Add(f with { Index = f.Index + offset });
            offset += f.Index + Math.Max(1, f.Length);
        }

        return list;
    }

    [GeneratedRegex(@"\b(?<d>\d{1,2})(?:\.|º|°|er)?\s+(?:de\s+|del\s+)?(?<m>\p{L}+)(?:\s+(?:de\s+|del\s+)?(?<y>20\d{2}))?\b", RegexOptions.IgnoreCase)]
    private static partial Regex ForeignNamed();

    // "08.10.2026", and "14.11." without a year (German and Dutch write the day and month that way).
    [GeneratedRegex(@"\b(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?:(?<y>20\d{2})\b|(?!\d|[.,]\d))")]
    private static partial Regex Dotted();

    // "10/11/2026", "10-11-2026": day first in every covered language but English (where 10/11 may be October 11th,
    // so English text never reaches here); the year is required, so "1/2" or "24/7" is never a date.
    [GeneratedRegex(@"\b(?<d>\d{1,2})(?<sep>[/-])(?<m>\d{1,2})\k<sep>(?<y>20\d{2})\b")]
    private static partial Regex Separated();

    // "gekocht op 21-11", "Il 6/11 ho acquistato", "le 14/11", "gekauft am 16.11": a day and month without a year, read only
    // after a word that introduces a date, so "24/7" or "1-2 days" is never one (with a dot only after a preposition of
    // dates, and not before a currency or a time: "am 16.50 €" is no date).
    [GeneratedRegex(@"(?<=\b(?:op|am|vom|le|du|au|el|del|al|il|dal|em|a|dia|día|do|on|of)\s|\b(?:l|dell|dall|all|nell|sull)['’])(?!24/7\b)(?<d>\d{1,2})[/-](?<m>\d{1,2})\b(?![/.-]?\d)|(?<=\b(?:am|vom|seit|bis|zum|op|el|il|le|em|dia|día)\s)(?<d>\d{1,2})\.(?<m>\d{1,2})\b(?![/.-]?\d)(?!\s*(?:€|eur|euro|%|uhr|h\b|hs\b))", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"(?<=\b(?:on|of|from|dated|since)\s)(?<a>\d{1,2})/(?<b>\d{1,2})\b(?![/.-]?\d)(?!\s*(?:h|hours?|hrs?|days?|users?|seats?|agents?|tickets?|%))", RegexOptions.IgnoreCase)]
    private static partial Regex YearlessSlashed();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex Iso();

    private static readonly string[] OrdinalWords =
    [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
        "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
        "twenty-first", "twenty-second", "twenty-third", "twenty-fourth", "twenty-fifth", "twenty-sixth", "twenty-seventh",
        "twenty-eighth", "twenty-ninth", "thirtieth", "thirty-first",
    ];

    // "the third of November", "November the twenty-first": a day spelled as an ordinal.
    [GeneratedRegex(@"\b(?:(?:the\s+)?(?<o>(?:twenty|thirty)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)\s+of\s+(?<m>january|february|march|april|may|june|july|august|september|october|november|december)|(?<m>january|february|march|april|may|june|july|august|september|october|november|december)\s+the\s+(?<o>(?:twenty|thirty)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth))(?:,?\s+(?<y>20\d{2}))?\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrdinalWordDate();

    // English month names only, whole: "martes 24" (Spanish Tuesday) is not "March 24"; other languages' names are read day-first.
    [GeneratedRegex(@"\b(?:(?<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<m1>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?|(?<m2>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?<d2>\d{1,2})(?:st|nd|rd|th)?)(?:,?\s+(?<y>20\d{2}))?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Named();
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Escalation.Core.Cases;

/// <summary>
/// A date told relative to the day the customer wrote, in the seven covered languages: "yesterday", "ayer", "gestern",
/// "ontem", "ieri", "gisteren" (not French "hier": German "hier" is "here"); "3 days ago", "hace dos semanas", "vor drei Tagen", "il y a deux mois", "há 3
/// dias", "due settimane fa", "twee weken geleden". A month counts as 30 days: near a refund window a human checks anyway.
/// </summary>
public static partial class RelativeDates
{
    private static readonly Dictionary<string, int> Numbers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10,
        ["un"] = 1, ["una"] = 1, ["uno"] = 1, ["dos"] = 2, ["tres"] = 3, ["cuatro"] = 4, ["cinco"] = 5, ["seis"] = 6, ["siete"] = 7, ["ocho"] = 8, ["nueve"] = 9, ["diez"] = 10,
        ["ein"] = 1, ["einem"] = 1, ["einer"] = 1, ["zwei"] = 2, ["drei"] = 3, ["vier"] = 4, ["fünf"] = 5, ["sechs"] = 6, ["sieben"] = 7, ["acht"] = 8, ["neun"] = 9, ["zehn"] = 10,
        ["une"] = 1, ["deux"] = 2, ["trois"] = 3, ["quatre"] = 4, ["cinq"] = 5, ["sept"] = 7, ["huit"] = 8, ["neuf"] = 9, ["dix"] = 10,
        ["um"] = 1, ["uma"] = 1, ["duas"] = 2, ["três"] = 3, ["quatro"] = 4, ["sete"] = 7, ["oito"] = 8, ["nove"] = 9, ["dez"] = 10,
        ["due"] = 2, ["tre"] = 3, ["quattro"] = 4, ["sei"] = 6, ["sette"] = 7, ["otto"] = 8, ["dieci"] = 10,
        ["een"] = 1, ["twee"] = 2, ["drie"] = 3, ["zes"] = 6, ["zeven"] = 7, ["negen"] = 9, ["tien"] = 10,
    };

    /// <summary>The first relative date in <paramref name="text"/>, as a day before <paramref name="today"/>; null when none.</summary>
    public static DateParsing.Found? First(string text, DateOnly today)
    {
        if (Weekday(text, today) is { } weekday && !(OneWord().Match(text) is { Success: true } earlier && earlier.Index < weekday.Index))
        {
            return weekday;
        }

        var day = OneWord().Match(text);
        // Every form Span reads holds one of these words; most texts hold none, and Span tries its ~70 number words at
        // every position (it was the costliest regex of the pipeline), so it runs only when one is there.
        var span = FirstSpan(text);
        Match? m = day.Success && (!span.Success || day.Index <= span.Index) ? day : span.Success ? span : null;
        if (m is null)
        {
            return null;
        }

        int days;
        if (ReferenceEquals(m, day))
        {
            days = m.Groups["before"].Success ? 2 : m.Groups["yesterday"].Success ? 1 : 0;
        }
        else
        {
            var n = m.Groups["n"].Value;
            var count = int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : Numbers.GetValueOrDefault(n);
            if (count is < 1 or > 400)
            {
                return null;
            }

            var unit = m.Groups["unit"].Value.ToLowerInvariant();
            days = count * (unit.StartsWith('w') || unit.StartsWith("sem", StringComparison.Ordinal) || unit.StartsWith("sett", StringComparison.Ordinal) ? 7
                : unit.StartsWith('m') ? 30
                : 1);
        }

        return new DateParsing.Found(today.AddDays(-days), m.Value, m.Index, m.Length);
    }

    /// <summary>
    /// The first span ("3 days ago", "hace dos semanas", "due settimane fa"), looked for only around the words every form
    /// holds ("ago", "hace", "vor", "il y a", "há", "atrás", "fa", "geleden"): Span tries its ~70 number words at every
    /// position, so it runs on a window of a few words around each such word rather than on the whole text.
    /// </summary>
    private static Match FirstSpan(string text)
    {
        foreach (Match word in SpanWord().Matches(text))
        {
            var from = Math.Max(0, word.Index - 32);
            var to = Math.Min(text.Length, word.Index + word.Length + 32);
            while (from > 0 && !char.IsWhiteSpace(text[from - 1]))
            {
                from--;
            }

            while (to < text.Length && !char.IsWhiteSpace(text[to]))
            {
                to++;
            }

            var found = Span().Match(text, from, to - from);
            if (found.Success)
            {
                return found;
            }
        }

        return Match.Empty;
    }

    /// <summary>"last Tuesday", "el martes pasado", "letzten Dienstag", "mardi dernier", "terça passada", "martedì scorso", "afgelopen dinsdag": the latest such day before today.</summary>
    private static DateParsing.Found? Weekday(string text, DateOnly today)
    {
        if (LastWeekday().Match(text) is not { Success: true } m)
        {
            return null;
        }

        var name = m.Groups["a"].Success ? m.Groups["a"].Value : m.Groups["b"].Value;
        var target = WeekdayOf(name.ToLowerInvariant());
        if (target is null)
        {
            return null;
        }

        // "vorige week maandag", "Dienstag letzter Woche": that day of the week before this one (weeks start on Monday).
        if (m.Groups["week"].Success)
        {
            static int FromMonday(DayOfWeek d) => ((int)d + 6) % 7;
            return new DateParsing.Found(today.AddDays(-FromMonday(today.DayOfWeek) - 7 + FromMonday(target.Value)), m.Value, m.Index, m.Length);
        }

        var back = ((int)today.DayOfWeek - (int)target.Value + 7) % 7;
        return new DateParsing.Found(today.AddDays(-(back == 0 ? 7 : back)), m.Value, m.Index, m.Length);
    }

    private static DayOfWeek? WeekdayOf(string name) => name[..Math.Min(3, name.Length)] switch
    {
        "mon" or "lun" or "maa" or "seg" => DayOfWeek.Monday,
        "tue" or "mar" or "die" or "din" or "ter" => DayOfWeek.Tuesday,
        "wed" or "mié" or "mie" or "mit" or "mer" or "qua" or "woe" => DayOfWeek.Wednesday,
        "thu" or "jue" or "don" or "jeu" or "qui" or "gio" => DayOfWeek.Thursday,
        "fri" or "vie" or "fre" or "ven" or "sex" or "vri" => DayOfWeek.Friday,
        "sat" or "sáb" or "sab" or "sam" or "zat" => DayOfWeek.Saturday,
        "sun" or "dom" or "son" or "dim" or "zon" => DayOfWeek.Sunday,
        _ => null,
    };

    [GeneratedRegex(@"\b((last|this past|past)\s+(?<a>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
        + @"|(el|la)\s+(?<b>lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo)\s+pasado"
        + @"|(el\s+)?pasado\s+(?<b>lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo)"
        + @"|(?<week>vorige week|afgelopen week)\s+(?<a>maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)"
        + @"|(?<a>maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+(?<week>vorige week)"
        + @"|(?<week>letzte Woche|vergangene Woche)\s+(?<a>montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)"
        + @"|(?<a>montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\s+(?<week>letzter Woche|vergangener Woche)"
        + @"|(?<b>lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+(?<week>de la semaine derni[èe]re)"
        + @"|(?<b>lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo)\s+(?<week>de la semana pasada)"
        + @"|(letzten|letzte|vergangenen)\s+(?<a>montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)"
        + @"|(?<b>lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+dernier"
        + @"|(?<b>segunda|ter[çc]a|quarta|quinta|sexta)(-feira)?\s+passada|(?<b>s[áa]bado|domingo)\s+passado"
        + @"|(?<b>luned[ìi]|marted[ìi]|mercoled[ìi]|gioved[ìi]|venerd[ìi]|sabato|domenica)\s+scors[oa]"
        + @"|(afgelopen|vorige)\s+(?<a>maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag))\b", RegexOptions.IgnoreCase)]
    private static partial Regex LastWeekday();

    [GeneratedRegex(@"\b((?<before>the day before yesterday|anteayer|antes de ayer|vorgestern|avant-hier|anteontem|l'altro ieri|eergisteren)|(?<yesterday>yesterday|ayer|gestern|ontem|ieri|gisteren)|today|this morning|hoy|esta mañana|heute|heute morgen|aujourd'hui|ce matin|hoje|esta manhã|oggi|stamattina|vandaag|vanochtend|vanmorgen)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OneWord();

    private const string NumberWord = @"(?<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|ein|einem|einer|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|une|deux|trois|quatre|cinq|sept|huit|neuf|dix|um|uma|duas|três|quatro|sete|oito|nove|dez|due|tre|quattro|sei|sette|otto|dieci|een|twee|drie|zes|zeven|negen|tien)";

    [GeneratedRegex(@"\b(" + NumberWord + @"\s+(?<unit>days?|weeks?|months?)\s+ago"
        + @"|hace\s+" + NumberWord + @"\s+(?<unit>d[íi]as?|semanas?|mes(es)?)"
        + @"|vor\s+" + NumberWord + @"\s+(?<unit>Tag(en)?|Wochen?|Monat(en)?)"
        + @"|il y a\s+" + NumberWord + @"\s+(?<unit>jours?|semaines?|mois)"
        + @"|h[áa]\s+" + NumberWord + @"\s+(?<unit>dias?|semanas?|m[êe]s(es)?)|" + NumberWord + @"\s+(?<unit>dias?|semanas?|m[êe]s(es)?)\s+atr[áa]s"
        + @"|" + NumberWord + @"\s+(?<unit>giorn[oi]|settiman[ae]|mes[ei])\s+fa"
        + @"|" + NumberWord + @"\s+(?<unit>dag(en)?|weken|week|maand(en)?)\s+geleden)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Span();

    [GeneratedRegex(@"\b(ago|hace|vor|il y a|h[áa]|atr[áa]s|fa|geleden)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SpanWord();
}

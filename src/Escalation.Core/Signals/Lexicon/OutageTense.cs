using Escalation.Core.Cases;

namespace Escalation.Core.Signals.Lexicon;

/// <summary>
/// Whether an outage a message tells of is live or past, in any of the seven languages. A present-tense incident
/// phrase ("is down", "está caído", "ist gerade down", "est en panne") is a live incident unless the same stretch of
/// text (one sentence, up to a comma) carries a past or resolved marker ("last week", "ayer", "gestern", "la semaine
/// dernière", "gewesen", "se resolvió") and no live one ("right now", "todavía", "immer noch", "en ce moment",
/// "again"): then it is an outage told as past. An outage word with a past marker in its stretch is past too, with
/// <see cref="CautionSignals.PastOutage"/> evidence, so it is context rather than P0. So is an outage told with its date
/// or its clock span ("the outage on 2 November", "la caída del 2 de noviembre", "Ausfall am 2.11.", "09:10–12:10"), unless
/// the date starts it ("since 2 November", "desde el 2", "seit dem 2.") or a live marker is in its stretch.
/// </summary>
internal sealed partial class OutageTense
{
    private static readonly LexiconPhrase DateMark = new("past", 1, [], "a date");

    private static readonly HashSet<string> MonthWords = DateParsing.MonthWords().Select(TextFold.Word).ToHashSet(StringComparer.Ordinal);

    /// <summary>Words that make a date the start of something still going on.</summary>
    private static readonly HashSet<string> SinceWords = new(StringComparer.Ordinal)
    {
        "since", "desde", "seit", "depuis", "dal", "dalla", "sinds", "vanaf", "ab",
    };

    private readonly List<PhraseMatch> _incidents = [];
    private readonly List<PhraseMatch> _outages = [];
    private readonly List<PhraseMatch> _live = [];
    private readonly List<PhraseMatch> _past = [];

    public void Add(string signal, PhraseMatch m)
    {
        var into = signal switch
        {
            "incident" => _incidents,
            "outage" => _outages,
            "past" or "resolved" => _past,
            _ => _live, // live, now, repeat ("again")
        };
        into.Add(m);
    }

    public void Read(MessageReading reading, string text, List<Token> tokens)
    {
        PhraseMatch? pastMark = null;
        foreach (var m in _incidents)
        {
            // "we were completely down during the 2 Nov outage": a dated incident is over too.
            if ((Near(_past, m, text, tokens) ?? Dated(m, text, tokens)) is { } past && Near(_live, m, text, tokens) is null)
            {
                if (!_outages.Any(o => o.First <= m.First && o.Last >= m.First))
                {
                    MessageReader.Add(reading, "outage", text, tokens, m);
                }

                pastMark ??= past;
            }
            else
            {
                MessageReader.Add(reading, "incident", text, tokens, m);
            }
        }

        foreach (var m in _outages)
        {
            if (pastMark is null && (Near(_past, m, text, tokens) ?? Dated(m, text, tokens)) is { } past && Near(_live, m, text, tokens) is null)
            {
                pastMark = past;
            }
        }

        if (pastMark is { } mark)
        {
            MessageReader.Add(reading, CautionSignals.PastOutage, text, tokens, mark);
        }
    }

    private static PhraseMatch? Near(List<PhraseMatch> marks, PhraseMatch m, string text, List<Token> tokens)
    {
        foreach (var mark in marks)
        {
            var from = Math.Min(mark.First, m.First);
            var to = Math.Max(mark.Last, m.Last);
            if (LegalDenial.SameStretch(text, tokens, from, to))
            {
                return mark;
            }
        }

        return null;
    }

    /// <summary>A date or a clock span in the outage's stretch of text (up to twelve words before it, six after) that does not start it.</summary>
    private static PhraseMatch? Dated(PhraseMatch m, string text, List<Token> tokens)
    {
        for (var k = Math.Max(0, m.First - 12); k <= Math.Min(tokens.Count - 1, m.Last + 6); k++)
        {
            if ((k >= m.First && k <= m.Last) || !char.IsAsciiDigit(tokens[k].Word[0])
                || !(LegalDenial.SameStretch(text, tokens, Math.Min(k, m.First), Math.Max(k, m.Last)) || InBrackets(text, tokens, m.Last, k)))
            {
                continue;
            }

            // "09:10–12:10", "de 09:10 a 12:10", "entre 11h20 et 12h20": an outage with an end time has ended, whatever
            // word comes before it.
            if (ClockSpan().Match(text, tokens[k].Start) is { Success: true } span)
            {
                var spanEnd = span.Index + span.Length;
                var through = k;
                while (through + 1 < tokens.Count && tokens[through + 1].Start < spanEnd)
                {
                    through++;
                }

                return new PhraseMatch(DateMark, k, through);
            }

            // "12-16 Oct": a span of days reads as its first day.
            if (!(IsNumber(tokens[k].Word, 31) || (DaySpan(tokens[k].Word) && k + 1 < tokens.Count && MonthWords.Contains(tokens[k + 1].Word)))
                || (k > 0 && SinceWords.Contains(tokens[k - 1].Word)) || (k > 1 && SinceWords.Contains(tokens[k - 2].Word)))
            {
                continue;
            }

            var next = k + 1 < tokens.Count ? tokens[k + 1].Word : "";
            int? end = MonthWords.Contains(next) ? k + 1
                : next is "de" or "di" && k + 2 < tokens.Count && MonthWords.Contains(tokens[k + 2].Word) ? k + 2
                : k > 0 && MonthWords.Contains(tokens[k - 1].Word) ? k
                : k + 1 < tokens.Count && IsNumber(next, 31) && Between(text, tokens, k) is "/" or "." or "-" ? k + 1
                : null;
            if (end is { } last)
            {
                return new PhraseMatch(DateMark, k > 0 && last == k ? k - 1 : k, last);
            }
        }

        return null;
    }

    private static bool DaySpan(string word) =>
        word.IndexOfAny(['-', '\u2013']) is > 0 and var dash && IsNumber(word[..dash], 31) && IsNumber(word[(dash + 1)..], 31);

    /// <summary>"the sync outage (12-16 Oct)": the date in brackets right after the outage words.</summary>
    private static bool InBrackets(string text, List<Token> tokens, int last, int k)
    {
        if (k <= last)
        {
            return false;
        }

        var from = tokens[last].Start + tokens[last].Length;
        return text.AsSpan(from, tokens[last + 1].Start - from).Trim().SequenceEqual("(") && tokens[k].Clause == tokens[last + 1].Clause;
    }

    /// <summary>A day number, also with an ordinal ending ("2nd", "1st", "1er", "1o").</summary>
    private static bool IsNumber(string word, int max)
    {
        var digits = word.TrimEnd('o');
        foreach (var ending in (string[])["st", "nd", "rd", "th", "er"])
        {
            if (word.EndsWith(ending, StringComparison.Ordinal))
            {
                digits = word[..^2];
            }
        }

        return digits.Length is > 0 and <= 2 && digits.All(char.IsAsciiDigit)
            && int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) is > 0 and var n && n <= max;
    }

    /// <summary>The text between token <paramref name="k"/> and the next, without spaces.</summary>
    private static string Between(string text, List<Token> tokens, int k)
    {
        var end = tokens[k].Start + tokens[k].Length;
        return text[end..tokens[k + 1].Start].Trim();
    }

    /// <summary>A clock span at the start: "09:10–12:10", "9.10 to 12.10", "11h20 à 12h20", "de 9:10 a 12:10".</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\G\d{1,2}[:.h]\d{2}\s*(?:-|–|—|to|until|till|and|a|à|al|alle|bis|und|tot|en|hasta|y|até|ate|e|et)\s*\d{1,2}[:.h]\d{2}", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ClockSpan();
}

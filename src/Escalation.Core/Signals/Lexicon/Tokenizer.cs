using System.Text;

namespace Escalation.Core.Signals.Lexicon;

/// <summary>Splits a message into words in one pass, without regular expressions.</summary>
internal static class Tokenizer
{
    /// <summary>
    /// English contractions typed without the apostrophe ("i cant cope", "dont", "havent"): read as the contraction, so
    /// the phrase lists need only one spelling. Words that are also words in their own right ("ill", "wont", "id") are left.
    /// </summary>
    private static readonly Dictionary<string, string> Unshortened = new(StringComparer.Ordinal)
    {
        ["cant"] = "can't", ["dont"] = "don't", ["didnt"] = "didn't", ["doesnt"] = "doesn't", ["isnt"] = "isn't",
        ["wasnt"] = "wasn't", ["arent"] = "aren't", ["werent"] = "weren't", ["havent"] = "haven't", ["hasnt"] = "hasn't",
        ["hadnt"] = "hadn't", ["couldnt"] = "couldn't", ["wouldnt"] = "wouldn't", ["shouldnt"] = "shouldn't",
        ["im"] = "i'm", ["ive"] = "i've", ["youre"] = "you're", ["theyre"] = "they're", ["weve"] = "we've",
    };

    /// <summary>
    /// The words of <paramref name="text"/>; <paramref name="exclamations"/> counts "!" and <paramref name="questions"/> "?";
    /// <paramref name="exasperated"/> is the first run of two or more marks with a "?" in it ("??", "?!", "!?"), or null.
    /// </summary>
    public static List<Token> Tokenize(string text, out int exclamations, out int questions, out int maxBangRun, out (int Start, int Length)? exasperated)
    {
        var tokens = new List<Token>(Math.Max(4, text.Length / 5));
        var sb = new StringBuilder(24);
        exclamations = 0;
        questions = 0;
        maxBangRun = 0;
        var bangRun = 0;
        exasperated = null;
        var clause = 0;
        var quoted = false;
        var lowOpen = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                var start = i;
                var letters = 0;
                var upper = 0;
                sb.Clear();
                while (i < text.Length)
                {
                    var ch = text[i];
                    if (char.IsLetterOrDigit(ch))
                    {
                        if (char.IsLetter(ch))
                        {
                            letters++;
                            if (char.IsUpper(ch))
                            {
                                upper++;
                            }
                        }

                        TextFold.Append(sb, ch);
                        i++;
                    }
                    else if ((ch == '\'' || ch == '\u2019' || ch == '-' || ch == '&') && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]) && sb.Length > 0)
                    {
                        sb.Append(ch == '\u2019' ? '\'' : ch);
                        i++;
                    }
                    else
                    {
                        break;
                    }
                }

                var caps = letters >= 2 && upper == letters;
                var elided = Elision(sb);
                if (elided > 0)
                {
                    // French/Italian elision ("l'avocat", "n'ai", "dell'avvocato"): the article or negator is its own word.
                    tokens.Add(new Token(sb.ToString(0, elided), start, elided, clause, false, quoted));
                    tokens.Add(new Token(sb.ToString(elided, sb.Length - elided), start + elided, i - start - elided, clause, caps, quoted));
                }
                else
                {
                    var word = sb.ToString();
                    tokens.Add(new Token(Unshortened.GetValueOrDefault(word, word), start, i - start, clause, caps, quoted));
                }

                bangRun = 0;
                continue;
            }

            if (Emoticon(text, i) is { } emoticon)
            {
                tokens.Add(new Token(emoticon.Token, i, emoticon.Length, clause, false, quoted));
                i += emoticon.Length;
                bangRun = 0;
                continue;
            }

            if (exasperated is null && c is '?' or '!' && (i == 0 || text[i - 1] is not ('?' or '!')) && Exasperation(text, i) is var run and >= 2)
            {
                exasperated = (i, run);
            }

            switch (c)
            {
                case '!':
                    exclamations++;
                    bangRun++;
                    maxBangRun = Math.Max(maxBangRun, bangRun);
                    clause++;
                    break;
                case '?':
                    questions++;
                    clause++;
                    bangRun = 0;
                    break;
                case '.' or ':' when InNumber(text, i):
                    bangRun = 0; // "2.11.2026", "9:10", "am 2. November": a date or a time, not a sentence end
                    break;
                case '.' or ';' or ':' or '\n' or '(' or ')':
                    clause++;
                    bangRun = 0;
                    if (c == '\n' && i > 0 && text[i - 1] == '\n')
                    {
                        (quoted, lowOpen) = (false, false); // a quote left open does not run into the next paragraph
                    }

                    break;
                case '\u201e':
                    // „…“ (German, Dutch, Polish…) opens low and closes with the mark English opens with.
                    (quoted, lowOpen) = (true, true);
                    bangRun = 0;
                    break;
                case '\u201c':
                    (quoted, lowOpen) = (!lowOpen, false);
                    bangRun = 0;
                    break;
                case '"' or '\u201d':
                    (quoted, lowOpen) = (c == '"' && !quoted, false);
                    bangRun = 0;
                    break;
                default:
                    if (!char.IsWhiteSpace(c))
                    {
                        bangRun = 0;
                    }

                    break;
            }

            i++;
        }

        return tokens;
    }

    private static readonly string[] MonthStarts =
    [
        "jan", "feb", "mär", "mar", "apr", "mai", "may", "jun", "jul", "aug", "sep", "okt", "oct", "nov", "dez", "dec",
    ];

    /// <summary>
    /// True when the '.' or ':' at <paramref name="i"/> sits inside a number, a date or a time ("2.11.2026", "9:10",
    /// "1.5") or ends a German day ordinal before its month ("am 2. November", "zum 14. Dez.").
    /// </summary>
    private static bool InNumber(string text, int i)
    {
        if (i == 0 || !char.IsAsciiDigit(text[i - 1]))
        {
            return false;
        }

        if (i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
        {
            return true;
        }

        var digits = 0;
        while (i - 1 - digits >= 0 && char.IsAsciiDigit(text[i - 1 - digits]))
        {
            digits++;
        }

        if (text[i] != '.' || digits > 2 || i + 4 >= text.Length || text[i + 1] != ' ')
        {
            return false;
        }

        var next = text.AsSpan(i + 2, 3);
        foreach (var month in MonthStarts)
        {
            if (next.Equals(month, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Length of an elided French/Italian prefix with its apostrophe ("l'", "qu'", "dell'"), or 0. English
    /// contractions ("don't", "i'm", "o'clock") have other prefixes and stay one word.
    /// </summary>
    private static int Elision(StringBuilder sb)
    {
        for (var k = 1; k <= 5 && k < sb.Length - 1; k++)
        {
            if (sb[k] != '\'')
            {
                continue;
            }

            var prefix = sb.ToString(0, k);
            return prefix is "l" or "d" or "j" or "m" or "n" or "s" or "t" or "c" or "qu" or "un" or "dell" or "all" or "dall" or "nell" or "sull" or "quest" ? k + 1 : 0;
        }

        return 0;
    }

    /// <summary>Length of the run of "?" and "!" at <paramref name="i"/> when it holds a "?", else 0.</summary>
    private static int Exasperation(string text, int i)
    {
        var j = i;
        var question = false;
        while (j < text.Length && text[j] is '?' or '!')
        {
            question |= text[j] == '?';
            j++;
        }

        return question ? j - i : 0;
    }

    /// <summary>An emoticon (":)", ":-(", ";)", ":D", ":/") or an emoji at <paramref name="i"/>, as a token.</summary>
    private static (string Token, int Length)? Emoticon(string text, int i)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            return (text.Substring(i, 2), 2);
        }

        if (c is '\u2764' or '\u2639' or '\u263a')
        {
            return (text.Substring(i, 1), 1);
        }

        if (c is not (':' or ';' or '=') || i + 1 >= text.Length)
        {
            return null;
        }

        var j = i + 1;
        if (text[j] is '-' or '\'' && j + 1 < text.Length)
        {
            j++;
        }

        var mouth = text[j];
        if (mouth is not (')' or '(' or 'D' or 'P' or 'p' or '/' or '|' or '[' or ']'))
        {
            return null;
        }

        // ":/" inside a URL ("https://") is not a face.
        if (mouth == '/' && j + 1 < text.Length && text[j + 1] == '/')
        {
            return null;
        }

        var face = mouth switch
        {
            ')' or ']' or 'D' or 'P' or 'p' => c == ';' ? ";)" : ":)",
            '(' or '[' => ":(",
            _ => ":/",
        };
        return (face, j - i + 1);
    }
}

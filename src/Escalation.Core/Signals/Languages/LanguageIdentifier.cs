using System.Globalization;
using Lingua;
using static Lingua.Language;

namespace Escalation.Core.Signals;

/// <summary>
/// Identifies the language of a customer's text with Lingua in low-accuracy mode: about 17,000 detections a
/// second and 25 MB here, against 4 s and 200+ MB to load the high-accuracy models, which would dominate a
/// Functions cold start and break the bench's 1 ms per case. One detector is built lazily, once per process,
/// and shared (Lingua's detector is thread-safe). Text too short to tell is undetermined rather than guessed
/// ("ok" would come back Dutch), and every covered language's rules then run on it.
/// </summary>
public static class LanguageIdentifier
{
    /// <summary>Fewer Latin-script words than this is too short to tell ("ok", "Refund €49 pls").</summary>
    public const int MinWords = 4;

    /// <summary>Below this relative confidence the text is treated as undetermined (mixed or unclear).</summary>
    public const double MinConfidence = 0.5;

    /// <summary>
    /// Only the start of the text is read: Lingua's cost grows with length (≈0.5 ms at 120 characters, ≈6 ms at
    /// 400 here), and a sentence or two settles the language.
    /// </summary>
    private const int MaxChars = 160;

    /// <summary>At least this share of English function words marks plain English without asking Lingua (most tickets).</summary>
    private const double EnglishShare = 0.3;

    private static readonly HashSet<string> EnglishFunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "and", "to", "of", "you", "we", "our", "is", "for", "it", "on", "with", "that", "this", "my", "your",
        "have", "has", "was", "are", "be", "can", "could", "would", "please", "thanks", "not", "but", "from", "at", "an",
        "us", "me", "will", "do", "did", "been", "any", "all", "there", "what", "when", "about", "which", "if", "as",
    };

    // The covered languages plus the ones customers most often write in otherwise, so an uncovered language is
    // named rather than mistaken for the nearest covered one. Script-unique languages are told by Lingua's rules.
    private static readonly Language[] Candidates =
    [
        English, Spanish, German, French, Portuguese, Italian, Dutch,
        Polish, Czech, Slovak, Hungarian, Romanian, Swedish, Danish, Bokmal, Finnish, Turkish, Croatian,
        Russian, Ukrainian, Greek, Japanese, Chinese, Korean, Arabic, Hebrew, Hindi,
    ];

    private static readonly Lazy<LanguageDetector> Detector = new(
        () => LanguageDetectorBuilder.FromLanguages(Candidates).WithLowAccuracyMode().Build(),
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The language of <paramref name="text"/>.</summary>
    public static CaseLanguage Identify(string text)
    {
        var (latinWords, letters, otherScript) = Count(text.Length > 4 * MaxChars ? text[..(4 * MaxChars)] : text);
        var mostlyOtherScript = letters > 0 && otherScript * 2 > letters;
        if (!mostlyOtherScript && latinWords < MinWords)
        {
            return ShortText(text, $"{latinWords} word(s): too short to tell, every covered language's rules run");
        }

        if (!mostlyOtherScript && EnglishByFunctionWords(text) is { } share)
        {
            return new CaseLanguage
            {
                Code = "en", Name = "English", Confidence = Math.Round(share, 2),
                Why = $"{share.ToString("0%", CultureInfo.InvariantCulture)} of the words are English function words",
            };
        }

        var sample = Cut(text);
        Language best = Unknown;
        double confidence = 0;
        foreach (var (language, value) in Detector.Value.ComputeLanguageConfidenceValues(sample))
        {
            if (value > confidence)
            {
                (best, confidence) = (language, value);
            }
        }

        if (best == Unknown || confidence < MinConfidence)
        {
            return mostlyOtherScript
                ? new CaseLanguage { Code = "xx", Name = "a script the rules do not read", Covered = false, Why = "mostly non-Latin script" }
                : ShortText(text, $"no language above {MinConfidence.ToString("0.0", CultureInfo.InvariantCulture)} confidence: every covered language's rules run");
        }

        var code = best.IsoCode6391().ToString().ToLowerInvariant();
        var why = $"identified with confidence {confidence.ToString("0.00", CultureInfo.InvariantCulture)}";
        if (CoveredByFunctionWords(text, code) is { } other)
        {
            why += $", but the function words are {other.Name}'s ({other.Hits} against {other.BestHits})";
            (best, code) = (other.Language, other.Code);
        }

        return new CaseLanguage
        {
            Code = code,
            Name = best.ToString(),
            Covered = SignalLanguages.IsCovered(code),
            Confidence = Math.Round(confidence, 2),
            Why = why,
        };
    }

    // Words frequent in one covered language and rare in the others: the low-accuracy model sometimes takes a short
    // Spanish ticket for Italian or Portuguese; these settle it when they clearly disagree with the model.
    private static readonly (string Code, Language Language, HashSet<string> Words)[] CoveredFunctionWords =
    [
        ("es", Spanish, new(StringComparer.OrdinalIgnoreCase) { "el", "los", "las", "del", "y", "por", "para", "una", "nos", "pero", "muy", "esta", "este", "mi", "han", "he", "ya" }),
        ("it", Italian, new(StringComparer.OrdinalIgnoreCase) { "il", "gli", "della", "di", "è", "ci", "sono", "ho", "nel", "ma", "questo", "questa", "non", "mio", "avete", "vi", "che", "alla", "alle", "dello", "degli", "nella", "sulla", "dalla", "per", "anche", "abbiamo", "siamo", "vorremmo", "vorrei", "grazie", "buongiorno", "cordiali", "saluti" }),
        ("pt", Portuguese, new(StringComparer.OrdinalIgnoreCase) { "os", "do", "da", "dos", "das", "em", "no", "na", "não", "uma", "meu", "minha", "ao", "foi", "é", "um" }),
        ("fr", French, new(StringComparer.OrdinalIgnoreCase) { "le", "les", "du", "des", "et", "je", "vous", "nous", "est", "pas", "au", "mon", "une", "avec", "pour" }),
        ("de", German, new(StringComparer.OrdinalIgnoreCase) { "der", "die", "das", "und", "ist", "nicht", "ich", "sie", "wir", "mit", "für", "ein", "eine", "zu", "auf", "bitte" }),
        ("nl", Dutch, new(StringComparer.OrdinalIgnoreCase) { "het", "een", "ik", "niet", "van", "voor", "op", "is", "dat", "mijn", "ons", "geen", "wij", "zijn", "u" }),
    ];

    /// <summary>
    /// Another covered language when the model picked a covered language whose function words the text lacks and the
    /// other's are clearly there (at least two more); null when the words agree with the model or nothing stands out.
    /// </summary>
    private static (string Code, Language Language, string Name, int Hits, int BestHits)? CoveredByFunctionWords(string text, string bestCode)
    {
        var bestIndex = Array.FindIndex(CoveredFunctionWords, x => x.Code == bestCode);
        if (bestIndex < 0)
        {
            return null;
        }

        Span<int> hits = stackalloc int[CoveredFunctionWords.Length];
        Tally(text, hits, englishApart: false);
        var top = Top(hits);

        return top != bestIndex && hits[top] >= hits[bestIndex] + 2
            ? (CoveredFunctionWords[top].Code, CoveredFunctionWords[top].Language, CoveredFunctionWords[top].Language.ToString(), hits[top], hits[bestIndex])
            : null;
    }

    // Words a short English ticket is made of besides function words ("Refund €49 pls", "cancel asap thx").
    private static readonly HashSet<string> EnglishTicketWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "refund", "refunded", "cancel", "cancelled", "canceled", "charge", "charged", "pls", "plz", "thx", "thanks", "thank",
        "hi", "hello", "hey", "help", "money", "back", "asap", "invoice", "subscription", "account", "ok", "yes", "why", "how",
        "i", "i'm", "im", "it's", "don't", "dont", "cant", "can't", "need", "want", "again", "now", "today", "still",
    };

    /// <summary>
    /// A text too short or too mixed for the model: two or more function words of one covered language and no English
    /// word ("Cancela mi plan, por favor") settle it; one such word, or no English word at all, leaves it undetermined
    /// but not English ("Kündigen bitte"), so no English template answers it.
    /// </summary>
    private static CaseLanguage ShortText(string text, string why)
    {
        Span<int> hits = stackalloc int[CoveredFunctionWords.Length];
        var (words, english) = Tally(text, hits, englishApart: true);
        var top = Top(hits);

        var second = 0;
        for (var i = 0; i < hits.Length; i++)
        {
            second = i != top && hits[i] > second ? hits[i] : second;
        }

        var (code, language, _) = CoveredFunctionWords[top];
        if (english == 0 && hits[top] >= 2 && hits[top] > second)
        {
            return new CaseLanguage { Code = code, Name = language.ToString(), Confidence = 0.5, Why = $"short text: {hits[top]} {language} function words and no English word" };
        }

        return new CaseLanguage
        {
            Why = english == 0 && words > 0 ? why + $"; no English word in it{(hits[top] > 0 ? $", leans {language}" : "")}" : why,
            NotEnglish = english == 0 && words > 0,
        };
    }

    /// <summary>
    /// Counts, over the first 60 words, each covered language's function words into <paramref name="hits"/>. With
    /// <paramref name="englishApart"/> only words starting with a letter count, apostrophes stay inside words ("don't"),
    /// and an English word (function or ticket word) is counted as English, not as another language's ("is", "die").
    /// </summary>
    private static (int Words, int English) Tally(string text, Span<int> hits, bool englishApart)
    {
        int words = 0, english = 0;
        foreach (var range in text.AsSpan().SplitAny(englishApart ? " \t\r\n,.;:!?()\"¿¡" : " \t\r\n,.;:!?()\"'¿¡"))
        {
            var word = text.AsSpan(range.Start.Value, range.End.Value - range.Start.Value);
            if (word.Length == 0 || (englishApart && !char.IsLetter(word[0])))
            {
                continue;
            }

            var isEnglish = englishApart && (EnglishFunctionWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)
                || EnglishTicketWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word));
            english += isEnglish ? 1 : 0;
            for (var i = 0; i < CoveredFunctionWords.Length; i++)
            {
                hits[i] += !isEnglish && CoveredFunctionWords[i].Words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) ? 1 : 0;
            }

            if (++words == 60)
            {
                break;
            }
        }

        return (words, english);
    }

    /// <summary>The index of the largest count (the first on a tie).</summary>
    private static int Top(ReadOnlySpan<int> hits)
    {
        var top = 0;
        for (var i = 1; i < hits.Length; i++)
        {
            top = hits[i] > hits[top] ? i : top;
        }

        return top;
    }

    /// <summary>The share of English function words among the first 60 words when it reaches <see cref="EnglishShare"/>; null otherwise.</summary>
    private static double? EnglishByFunctionWords(string text)
    {
        int words = 0, english = 0;
        foreach (var range in text.AsSpan().SplitAny(" \t\r\n,.;:!?()\"'"))
        {
            var word = text.AsSpan(range.Start.Value, range.End.Value - range.Start.Value);
            if (word.Length == 0)
            {
                continue;
            }

            words++;
            english += EnglishFunctionWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) ? 1 : 0;
            if (words == 60)
            {
                break;
            }
        }

        var share = words == 0 ? 0 : (double)english / words;
        return words >= MinWords * 2 && share >= EnglishShare ? share : null;
    }

    /// <summary>The first <see cref="MaxChars"/> characters, cut at a word boundary.</summary>
    private static string Cut(string text)
    {
        if (text.Length <= MaxChars)
        {
            return text;
        }

        var space = text.LastIndexOf(' ', MaxChars);
        return text[..(space > MaxChars / 2 ? space : MaxChars)];
    }

    /// <summary>Whitespace-separated words with two or more Latin letters, all letters, and letters of other scripts.</summary>
    private static (int LatinWords, int Letters, int OtherScript) Count(string text)
    {
        int words = 0, letters = 0, other = 0, run = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (c <= '\u024F')
                {
                    run++;
                }
                else
                {
                    other++;
                }

                continue;
            }

            if (char.IsWhiteSpace(c) || char.IsPunctuation(c))
            {
                words += run >= 2 ? 1 : 0;
                run = 0;
            }
        }

        return (words + (run >= 2 ? 1 : 0), letters, other);
    }
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Escalation.Core.Signals.Lexicon;

/// <summary>Reads one message: sentiment (VADER-style rules), complaint, intensity and the flagged phrases.</summary>
internal sealed partial class MessageReader(SignalLexicon lexicon)
{
    private const double NegationScalar = -0.74;
    private const double CapsBoost = 0.733;
    private const int NegationWindow = 3;
    private const int WideNegationWindow = 6;
    private const double ExasperationWeight = 0.3;

    /// <summary>Signals whose meaning does not flip under negation ("I don't want to involve lawyers" is still sensitive).</summary>
    private static bool IgnoresNegation(string signal) =>
        signal.StartsWith("legal:", StringComparison.Ordinal) || signal.StartsWith("not-", StringComparison.Ordinal)
            || signal is "care-medicine" or "care-beside" or "other-person" or "personal-record" or "lost-data" or "harm-who"
            || signal is "chargeback" or "profanity" or "insult" or "lawfirm" or "distress" or "sarcasm-marker" or "live" or "resolved"
            or "affected-unit" or "tone:technical" or "tone:formal" or "tone:casual" or "tone:confused" or "valence" or "past" or "now";

    /// <summary>
    /// "Partner | Hart &amp; Vale LLP", "… is regulated by the Solicitors Regulation Authority": the signature and the
    /// disclaimer are not read for signals, but they say who writes, and a law firm's own "legal department" is no threat
    /// (the legal policy's law-firm rule).
    /// </summary>
    private static void SignedByALawFirm(MessageReading reading, Match firm)
    {
        if (firm.Success)
        {
            reading.LawFirmWriter = true;
            reading.Evidence.Add(new Evidence("law-firm-writer", firm.Value, reading.Index, firm.Index, firm.Length));
        }
    }

    [GeneratedRegex(@"\b(LLP|PLLC|Esq|attorneys? at law|law (firm|offices?)|Solicitors Regulation Authority|(?-i:Solicitors)|Rechtsanw[äa]lt\w*|Anwaltskanzlei|(?-i:Abogados)|bufete|cabinet d'avocats|(?-i:Avocats)|sociedade de advogados|(?-i:Advogados)|studio legale|(?-i:Avvocati)|advocatenkantoor|(?-i:Advocaten))\b", RegexOptions.IgnoreCase)]
    private static partial Regex LawFirmSignature();

    // A lawyer's title after their name, on the sign-off's own line: "Dr. Eva Krämer, Rechtsanwältin", "Maître Claire Dupont,
    // avocate associée", "Avv. Marco Rossi".
    [GeneratedRegex(@"\b((?-i:Ma[îi]tre)|avocat(e)?s?( associ[ée]e?s?)?|abogad[oa]s?|advogad[oa]s?|avvocat[oa]|(?-i:Avv\.)|advocaat|solicitor|attorney)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LawyerTitle();

    [GeneratedRegex(@"\b(i|i'll|i'm|i've|my|me|we|we'll|our|us|will|ich|mein\w*|wir|unser\w*|werde\w*|je|j'|mon|ma|mes|nous|vais|yo|mi|mis|nosotros|voy|eu|meu|minha|vou|io|mio|mia|vado|ik|mijn|wij|ga)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SpeaksInSignature();

    public MessageReading Read(int index, string text, bool fromCustomer)
    {
        var reading = new MessageReading { Index = index, FromCustomer = fromCustomer };
        var body = text;
        var (own, cut) = QuotedReply.OwnText(body, fromCustomer);

        var tokens = Tokenizer.Tokenize(own, out var exclamations, out var questions, out var maxBangRun, out var exasperated);
        reading.Words = tokens.Count;
        if (cut < body.Length && fromCustomer && own.Length <= cut)
        {
            SignedByALawFirm(reading, LawFirmSignature().Match(body, cut)); // a forwarded mail naming "Pritchard & Co Solicitors" is no signature of the writer's
        }

        // A signature on the sign-off's own line: "Mit freundlichen Grüßen, Dr. Eva Krämer, Rechtsanwältin", "Bien cordialement,
        // Maître Claire Dupont, avocate associée".
        // Only a name and a title: "Kind regards, Tom. I'll be calling my attorney" is a threat after a sign-off, not a signature.
        // The writer's own words only: a quoted mail below them ("… hablaré con mi abogado") is no signature.
        var written = own[..Math.Min(own.Length, cut)];
        if (fromCustomer && !reading.LawFirmWriter && Cases.CaseText.SignatureStart(written) is var signed and >= 0
            && written.Length - signed <= 80 && !SpeaksInSignature().IsMatch(written[signed..]))
        {
            var firm = LawFirmSignature().Match(written, signed);
            SignedByALawFirm(reading, firm.Success ? firm : LawyerTitle().Match(written, signed));
        }

        reading.Questions = questions;
        if (tokens.Count == 0)
        {
            return reading;
        }

        var matches = new List<PhraseMatch>();
        lexicon.Match(tokens, matches);
        var friends = FalseFriends.Mark(tokens);
        var kept = KeepLongest(matches);
        kept.RemoveAll(m => FalseFriends.Only(m, friends));

        var covered = new bool[tokens.Count];
        var negators = new bool[tokens.Count];
        var boosters = new double[tokens.Count];
        var phraseValence = new double[tokens.Count];
        var cueValence = new double[tokens.Count];
        foreach (var m in kept)
        {
            switch (m.Phrase.Signal)
            {
                case "anger" or "insult" or "profanity" when m.Phrase.Language != "en":
                    AngerValence(m, tokens, covered, phraseValence, cueValence);
                    break;
                case "negator":
                    negators[m.First] = true;
                    break;
                case "booster":
                    boosters[m.First] = m.Phrase.Weight;
                    break;
                case "dampener":
                    boosters[m.First] = -m.Phrase.Weight;
                    break;
                case "valence":
                    phraseValence[m.First] += m.Phrase.Weight;
                    for (var k = m.First; k <= m.Last; k++)
                    {
                        covered[k] = true;
                    }

                    break;
            }
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            if (!negators[i] && tokens[i].Word.EndsWith("n't", StringComparison.Ordinal) && tokens[i].Word != "n't")
            {
                negators[i] = true;
            }
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            covered[i] |= friends[i];
        }
        reading.Compound = Sentiment(tokens, covered, negators, boosters, phraseValence, cueValence, exclamations, questions);

        var complaint = 0.0;
        var intensity = 0.0;
        var anyAnger = false;
        var praise = new List<PhraseMatch>();
        var sarcasmMarkers = new List<PhraseMatch>();
        var repeatCue = false;
        var tense = new OutageTense();
        var care = new PairedCues();
        // Portuguese "no" is "in the" ("reclamação no Livro de Reclamações", "no Procon"), never a negation: a Portuguese
        // phrase is negated by "não", "nunca", "nem"… only.
        bool[]? portugueseNegators = null;
        foreach (var m in kept)
        {
            var signal = m.Phrase.Signal;
            if (signal is "negator" or "booster" or "dampener" or "valence")
            {
                continue;
            }

            // A threat is negated only within its own stretch of text: "sin avisar, no respondo de lo que le haga" is a threat.
            var nots = m.Phrase.Language == "pt" ? portugueseNegators ??= [.. negators.Select((n, i) => n && tokens[i].Word != "no")] : negators;
            var negated = signal is "harm-threat" or "harm-hurt"
                ? IsNegatedInPhrase(text, tokens, nots, m.First) && !InCondition(tokens, nots, m.First)
                : !IgnoresNegation(signal) && (IsNegated(text, tokens, nots, m.First)
                    || (WideNegation(signal) && IsNegatedInPhrase(text, tokens, nots, m.First)));
            if (negated)
            {
                continue;
            }

            var quoted = tokens[m.First].Quoted;
            if (signal == "repeat")
            {
                tense.Add(signal, m);
            }

            switch (signal)
            {
                case var s when PairedCues.Takes(s):
                    // Neither half alone is a signal: paired per sentence once every cue is known.
                    care.Add(signal, m);
                    break;
                case "complaint":
                    complaint += m.Phrase.Weight;
                    break;
                case "service-failure" or "sarcasm":
                    complaint += m.Phrase.Weight;
                    reading.FailureWeight += m.Phrase.Weight;
                    Add(reading, signal, text, tokens, m);
                    break;
                case "anger" when !quoted:
                    intensity += m.Phrase.Weight;
                    anyAnger = true;
                    Add(reading, "intensity", text, tokens, m);
                    break;
                case "repeat" when !quoted:
                    repeatCue = true;
                    intensity += m.Phrase.Weight * 0.5;
                    Add(reading, "intensity", text, tokens, m);
                    break;
                case "profanity" or "insult" when !quoted:
                    intensity += m.Phrase.Weight * 0.6;
                    anyAnger = true;
                    Add(reading, "abusive", text, tokens, m);
                    break;
                case "incident" or "outage" or "live" or "now" or "past" or "resolved":
                    // Whether an outage is live or past is read per stretch of text once every marker is known.
                    tense.Add(signal, m);
                    if (signal is "outage" or "live" or "resolved")
                    {
                        Add(reading, signal, text, tokens, m);
                    }

                    break;
                case LegalDenial.Lawyer or LegalDenial.Lawsuit or LegalDenial.Regulator when LegalDenial.IsDenied(text, tokens, negators, m):
                    Add(reading, LegalDenial.Signal, text, tokens, m);
                    break;
                case "lawfirm":
                    reading.LawFirmWriter = true;
                    Add(reading, "law-firm-writer", text, tokens, m);
                    break;
                case "affected-unit":
                    AffectedUsers(reading, text, tokens, m);
                    break;
                case "churn-switch":
                    Competitor(reading, text, tokens, m);
                    break;
                case var s when s.StartsWith("not-", StringComparison.Ordinal):
                    break;
                case "praise" when !quoted:
                    praise.Add(m);
                    break;
                case "sarcasm-marker" when !quoted:
                    sarcasmMarkers.Add(m);
                    break;
                case "praise" or "sarcasm-marker":
                    break;
                case var s when s.StartsWith("tone:", StringComparison.Ordinal):
                    reading.ToneCues[s[5..]] = reading.ToneCues.GetValueOrDefault(s[5..]) + 1;
                    break;
                case "manager" or "churn" when quoted:
                    break;
                case "anger" or "repeat" or "profanity" or "insult":
                    break;
                default:
                    Add(reading, signal, text, tokens, m);
                    break;
            }
        }

        tense.Read(reading, text, tokens);
        care.Read(reading, text, tokens);

        if (Sarcasm.Read(reading, text, tokens, praise, sarcasmMarkers, repeatCue, complaint) is { } irony)
        {
            intensity += irony.Intensity;
            complaint += irony.Intensity;
            anyAnger = true;
            reading.Compound = Math.Min(reading.Compound, irony.Compound);
        }

        // Caps and exclamation marks: shouting, when it is more than an acronym or two.
        var capsWords = 0;
        var longWords = 0;
        foreach (var t in tokens)
        {
            if (t.Length >= 3 && !t.Quoted && char.IsLetter(t.Word[0]))
            {
                longWords++;
                if (t.AllCaps)
                {
                    capsWords++;
                }
            }
        }

        var capsRatio = longWords == 0 ? 0 : (double)capsWords / longWords;
        if (capsWords >= 2 && capsRatio >= 0.3)
        {
            intensity += Math.Min(0.45, capsRatio * 0.6);
            reading.Evidence.Add(new Evidence("intensity", $"caps: {capsRatio:P0}".Replace(" %", "%", StringComparison.Ordinal), index, -1, 0));
        }

        if (maxBangRun >= 3)
        {
            intensity += 0.25;
            reading.Evidence.Add(new Evidence("intensity", "exclamations: " + new string('!', maxBangRun), index, -1, 0));
        }
        else if (maxBangRun == 2)
        {
            intensity += 0.1;
        }

        // "??", "?!": impatience; a weak service-failure cue that counts with a second one.
        if (exasperated is { } mark)
        {
            complaint += ExasperationWeight;
            reading.FailureWeight += ExasperationWeight;
            reading.Evidence.Add(new Evidence("service-failure", text.Substring(mark.Start, mark.Length), index, mark.Start, mark.Length));
        }

        var negativity = Math.Max(0, -reading.Compound);
        complaint += negativity * 1.2;
        intensity += negativity * 0.35;
        if (reading.Compound > 0.3 && !anyAnger)
        {
            intensity *= 0.3;
            complaint *= 0.5;
        }

        reading.ComplaintScore = Math.Round(1 - Math.Exp(-complaint), 3);
        reading.Intensity = Math.Round(1 - Math.Exp(-intensity * 1.2), 3);
        return reading;
    }

    private double Sentiment(List<Token> tokens, bool[] covered, bool[] negators, double[] boosters, double[] phraseValence, double[] cueValence, int exclamations, int questions)
    {
        var allCaps = true;
        foreach (var t in tokens)
        {
            if (!t.AllCaps && char.IsLetter(t.Word[0]))
            {
                allCaps = false;
                break;
            }
        }

        var butAt = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (Contrast.Contains(tokens[i].Word))
            {
                butAt = i;
            }
        }

        var sum = 0.0;
        for (var i = 0; i < tokens.Count; i++)
        {
            double v;
            if (phraseValence[i] != 0)
            {
                v = phraseValence[i];
            }
            else if (!covered[i] && (lexicon.Valence.TryGetValue(tokens[i].Word, out var lv) || (lv = cueValence[i]) != 0))
            {
                v = lv;
                for (var back = 1; back <= 2 && i - back >= 0; back++)
                {
                    if (boosters[i - back] != 0 && tokens[i - back].Clause == tokens[i].Clause)
                    {
                        v += Math.Sign(v) * boosters[i - back] * (back == 1 ? 1 : 0.95);
                    }
                }

                if (tokens[i].AllCaps && !allCaps)
                {
                    v += Math.Sign(v) * CapsBoost;
                }

                if (IsNegated(null, tokens, negators, i))
                {
                    v *= NegationScalar;
                }
            }
            else
            {
                continue;
            }

            if (tokens[i].Quoted)
            {
                v *= 0.5;
            }

            if (butAt >= 0)
            {
                v *= i < butAt ? 0.5 : i > butAt ? 1.5 : 1;
            }

            sum += v;
        }

        if (sum != 0)
        {
            var emphasis = Math.Min(exclamations, 4) * 0.292 + (questions > 1 ? Math.Min(questions, 3) * 0.18 : 0);
            sum += Math.Sign(sum) * emphasis;
        }

        return Math.Round(sum / Math.Sqrt((sum * sum) + 15), 4);
    }

    /// <summary>"but" and its kin in the covered languages: what follows weighs more than what came before.</summary>
    private static readonly HashSet<string> Contrast = new(StringComparer.Ordinal)
    {
        "but", "however", "pero", "aber", "jedoch", "maar", "ma", "tuttavia", "cependant", "porem", "contudo",
    };

    /// <summary>
    /// An anger, insult or profanity phrase of another language is as negative as its English kin: when none of its
    /// words has a valence of its own, its first word gets one from the phrase's weight (0.35 → −2.05, 0.2 → −1.3), so
    /// negation, boosters, caps and "!" act on it as on an English word ("¡Es INACEPTABLE!", "das ist eine Frechheit").
    /// </summary>
    private void AngerValence(PhraseMatch m, List<Token> tokens, bool[] covered, double[] phraseValence, double[] cueValence)
    {
        for (var k = m.First; k <= m.Last; k++)
        {
            if (covered[k] || phraseValence[k] != 0 || cueValence[k] != 0 || lexicon.Valence.ContainsKey(tokens[k].Word))
            {
                return;
            }
        }

        cueValence[m.First] = -Math.Min(2.5, (m.Phrase.Weight * 5) + 0.3);
        for (var k = m.First + 1; k <= m.Last; k++)
        {
            covered[k] = true;
        }
    }

    /// <summary>
    /// True when the negator before token <paramref name="at"/> belongs to a condition ("if this isn't fixed today someone
    /// will get hurt", "wenn das nicht heute erledigt ist, …"): the threat is what follows the condition, not negated by it.
    /// </summary>
    private static bool InCondition(List<Token> tokens, bool[] negators, int at)
    {
        for (var back = 1; back <= NegationWindow && at - back >= 0; back++)
        {
            if (!negators[at - back])
            {
                continue;
            }

            for (var k = at - back - 1; k >= 0 && k >= at - back - 4; k--)
            {
                if (LegalDenial.Conditions.Contains(tokens[k].Word))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A negator up to <see cref="NegationWindow"/> words back in the same clause; not one that ends a condition before a
    /// comma ("se entro fine mese non è risolto, passiamo a Freshdesk": the threat is what follows the condition).
    /// </summary>
    private static bool IsNegated(string? text, List<Token> tokens, bool[] negators, int at)
    {
        for (var back = 1; back <= NegationWindow && at - back >= 0; back++)
        {
            if (tokens[at - back].Clause != tokens[at].Clause)
            {
                return false;
            }

            if (negators[at - back])
            {
                var from = tokens[at - back].Start;
                var comma = text is not null && text.AsSpan(from, tokens[at].Start - from).Contains(',');
                return !(comma && Conditional(tokens, at - back, ConditionReach));
            }
        }

        return false;
    }

    /// <summary>How far back a condition word ("if", "se", "als") is looked for before a negator that ends a clause.</summary>
    private const int ConditionReach = 10;

    /// <summary>
    /// Requests and threats whose negation often sits further back in Romance and Germanic word order
    /// ("no quiero hablar con un supervisor", "ich will nicht zur Konkurrenz wechseln").
    /// </summary>
    private static bool WideNegation(string signal) =>
        signal is "manager" or "churn" or "churn-switch" or "cancellation" or "public-exposure" or "formal-complaint" or "compensation-demand";

    /// <summary>A negator up to <see cref="WideNegationWindow"/> words back in the same clause, not past a comma.</summary>
    private static bool IsNegatedInPhrase(string text, List<Token> tokens, bool[] negators, int at)
    {
        for (var back = 1; back <= WideNegationWindow && at - back >= 0; back++)
        {
            var before = tokens[at - back];
            var after = tokens[at - back + 1];
            if (before.Clause != tokens[at].Clause || text.AsSpan(before.Start + before.Length, after.Start - before.Start - before.Length).Contains(','))
            {
                return false;
            }

            if (negators[at - back])
            {
                return !Conditional(tokens, at - back);
            }
        }

        return false;
    }

    /// <summary>Condition words: "if you don't refund, I post it on Twitter" threatens; the negation belongs to the condition.</summary>
    private static readonly HashSet<string> ConditionWords = new(StringComparer.Ordinal)
    {
        "if", "unless", "otherwise", "si", "wenn", "falls", "sonst", "sinon", "se", "caso", "altrimenti", "als", "indien", "tenzij", "anders",
    };

    /// <summary>A condition word up to <paramref name="reach"/> words before the negator at <paramref name="negator"/>, in the same clause.</summary>
    private static bool Conditional(List<Token> tokens, int negator, int reach = 3)
    {
        for (var k = negator - 1; k >= 0 && k >= negator - reach && tokens[k].Clause == tokens[negator].Clause; k--)
        {
            if (ConditionWords.Contains(tokens[k].Word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Per signal family, keeps a match only when no longer match of that family already covers its first token.</summary>
    private static List<PhraseMatch> KeepLongest(List<PhraseMatch> matches)
    {
        var lastKept = new Dictionary<string, int>(StringComparer.Ordinal);
        var kept = new List<PhraseMatch>(matches.Count);
        foreach (var m in matches)
        {
            var family = Family(m.Phrase.Signal);
            if (lastKept.TryGetValue(family, out var last) && m.First <= last)
            {
                continue;
            }

            lastKept[family] = m.Last;
            kept.Add(m);
        }

        return kept;
    }

    /// <summary>A mask "not-X" belongs to X's family, so "breach of contract" (not-security) hides "breach".</summary>
    private static string Family(string signal) =>
        signal.StartsWith("legal:", StringComparison.Ordinal) || signal == "not-legal" ? "legal"
        : signal.StartsWith("not-", StringComparison.Ordinal) ? signal[4..]
        : signal;

    internal static void Add(MessageReading reading, string signal, string text, List<Token> tokens, PhraseMatch m)
    {
        var start = tokens[m.First].Start;
        var end = tokens[m.Last].Start + tokens[m.Last].Length;
        reading.Evidence.Add(new Evidence(signal, text[start..end], reading.Index, start, end - start));
    }

    private static void AffectedUsers(MessageReading reading, string text, List<Token> tokens, PhraseMatch m)
    {
        // "250 users", "over 300 employees": a number right before the unit, or one word before it.
        for (var back = 1; back <= 2 && m.First - back >= 0; back++)
        {
            var word = tokens[m.First - back].Word.Replace(",", "", StringComparison.Ordinal);
            if (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                if (n > 100)
                {
                    var start = tokens[m.First - back].Start;
                    var end = tokens[m.Last].Start + tokens[m.Last].Length;
                    reading.Evidence.Add(new Evidence("affected-users", text[start..end], reading.Index, start, end - start));
                }

                return;
            }
        }
    }

    private static readonly HashSet<string> NotCompetitor = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "another", "other", "our", "my", "your", "their", "this", "that", "it", "i", "we", "you",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "english", "pro", "premium",
        // Plan names: "I'd switched to Free the day before" moves within the product, not to a rival.
        "free", "basic", "starter", "growth", "operator", "enterprise", "business", "plus", "team", "teams", "trial",
        "annual", "monthly", "yearly", "standard", "lite", "essentials", "advanced", "ultimate", "gratuito", "gratis",
        "kostenlos", "gratuit", "gratuita",
    };

    /// <summary>
    /// Help-desk and CRM products: "moving to Freshdesk" is a switch, while "moving to Berlin" is not. Any other
    /// capitalised name after a weak verb still needs a complaint or churn phrase to count.
    /// </summary>
    private static readonly HashSet<string> KnownCompetitors = new(StringComparer.Ordinal)
    {
        "zendesk", "freshdesk", "freshworks", "intercom", "helpscout", "hubspot", "salesforce", "servicenow", "gorgias",
        "kustomer", "gladly", "zoho", "jira", "hiver", "livechat", "tidio", "dixa", "front", "helpshift", "groove", "crisp",
        "drift", "zammad", "otrs", "happyfox", "kayako", "deskpro", "liveagent", "trengo", "richpanel", "re:amaze",
    };

    private static readonly HashSet<string> Articles = new(StringComparer.Ordinal)
    {
        "the", "o", "a", "os", "el", "la", "le", "les", "il", "lo", "den", "dem", "die", "das", "het", "de",
    };

    private static void Competitor(MessageReading reading, string text, List<Token> tokens, PhraseMatch m)
    {
        // "switch to Zendesk", "moving to Help Scout": the capitalised words after the verb name the competitor.
        var first = m.Last + 1;
        // "mudar para o Freshdesk", "passer chez le concurrent Zendesk" is rare, "wechseln zu dem Anbieter" is not a name:
        // one lowercase article between the verb and the name is skipped.
        if (first + 1 < tokens.Count && Articles.Contains(tokens[first].Word) && !char.IsUpper(text[tokens[first].Start])
            && tokens[first].Clause == tokens[m.Last].Clause)
        {
            first++;
        }

        var last = first - 1;
        while (last + 1 < tokens.Count && last + 1 - first < 3 && tokens[last + 1].Clause == tokens[m.Last].Clause
               && char.IsUpper(text[tokens[last + 1].Start]) && !NotCompetitor.Contains(tokens[last + 1].Word))
        {
            last++;
        }

        if (last < first)
        {
            return;
        }

        var start = tokens[first].Start;
        var end = tokens[last].Start + tokens[last].Length;
        var strong = m.Phrase.Weight >= 1 || KnownCompetitors.Contains(tokens[first].Word);
        if (reading.Competitor is null || (!reading.CompetitorStrong && strong))
        {
            reading.Competitor = text[start..end];
            reading.CompetitorStrong = strong;
        }

        var phraseStart = tokens[m.First].Start;
        reading.Evidence.Add(new Evidence("churn-competitor", text[phraseStart..end], reading.Index, phraseStart, end - phraseStart));
    }
}

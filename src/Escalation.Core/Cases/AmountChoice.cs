using System.Text.RegularExpressions;
using Escalation.Core.Signals;

namespace Escalation.Core.Cases;

/// <summary>
/// Chooses, among the sums a ticket names, the one the request is about: the sum right after a refund or
/// credit word ("refund €119.40"); else the only one; else the one whose part of the text shares words with
/// the request ("€980 … for an upgrade I never asked for. Please refund the upgrade.") or is disputed ("never
/// asked for", "unauthorised"). When nothing decides, the largest is kept and the choice is marked ambiguous,
/// so routing can send the case to review instead of guessing.
/// </summary>
internal static partial class AmountChoice
{
    public sealed record Result(decimal? Amount, string? Currency, bool Requested, bool Ambiguous, IReadOnlyList<AmountCandidate> Candidates, string Why)
    {
        /// <summary>Why tier 1's sum and the customer's disagree, when they do.</summary>
        public string? Conflict { get; init; }

        /// <summary>True when the sum is the one tier 1's handoff names with its request ("Refund €50").</summary>
        public bool FromHandoff { get; init; }

        /// <summary>True when the sum, where it was read, is a price per unit ("€25 each", "8 seats at €25").</summary>
        public bool PerUnitPrice { get; init; }
    }

    private const int CueReach = 12;

    public static Result Choose(IReadOnlyList<CaseText.Segment> texts, string defaultCurrency, List<Evidence> evidence)
    {
        var all = new List<(CaseText.Segment Seg, AmountCandidate A)>();
        foreach (var seg in texts)
        {
            all.AddRange(AmountReader.FindAll(seg.Text, seg.Message).Select(a => (seg, a)));
        }

        if (all.Count == 0)
        {
            return new(null, null, false, false, [], "");
        }

        var distinct = all.DistinctBy(x => (x.A.Amount, x.A.Currency ?? defaultCurrency)).Select(x => x.A).ToList();
        (CaseText.Segment Seg, AmountCandidate A)? chosen = null;
        var requested = false;
        var why = "";

        // 0. The sum the customer corrected to ("€99, sorry, I meant €49"), when no other sum follows it in that message
        // ("I meant €99 plus VAT, €120.78 in all" is for a person to read).
        if (all.LastOrDefault(x => SelfCorrection.Follows(x.Seg.Text, x.A.Start)) is { A: not null } corrected
            && !all.Any(x => x.Seg == corrected.Seg && x.A.Start > corrected.A.Start && x.A.Amount != corrected.A.Amount && !SelfCorrection.Denied(x.Seg.Text, x.A.Start)))
        {
            chosen = corrected;
            requested = true;
            why = "the customer's correction";
        }

        // 1. The sum right after a refund/credit word.
        foreach (var seg in chosen is null ? texts : [])
        {
            foreach (Match cue in MoneyCue().Matches(seg.Text))
            {
                var after = cue.Index + cue.Length;
                var hit = all.FirstOrDefault(x => x.Seg == seg && x.A.Start >= after && x.A.Start - after <= CueReach);
                if (hit.A is not null)
                {
                    chosen = hit;
                    requested = true;
                    why = "named with the request";
                    break;
                }
            }

            if (chosen is not null)
            {
                break;
            }
        }

        // 2. One sum only (however often it is repeated).
        if (chosen is null && distinct.Count == 1)
        {
            // Where it is said as a sum rather than as a price per unit, when it is ("two lines of €199.00 each … the duplicate €199").
            chosen = all.FirstOrDefault(x => !PerUnit(x.Seg.Text, x.A)) is { A: not null } whole ? whole : all[0];
        }

        // 3. The sum whose stretch of text shares words with the request, or is disputed.
        if (chosen is null && ByRequest(texts, all) is { } byRequest)
        {
            chosen = byRequest;
            requested = true;
            why = "the one the request is about";
        }

        // Tier 1's figure against the customer's own: "refund of €98" in the summary where the customer wrote "€89" (and
        // tier 1's next field says €89 too), however it was chosen. Money goes back only when they agree.
        var conflict = chosen is { } fromHandoff ? HandoffConflict(texts, all, fromHandoff) : null;
        // The customer's own sum chosen, and tier 1 asks for another with its request ("Refund EUR 49 and remove the add-on"
        // where the customer wrote "rimborsare i 79 €"): which one was charged is not known either.
        conflict ??= chosen is { } own && !InHandoff(texts, own.Seg) ? HandoffAsksOther(texts, all) : null;
        var tierOnes = chosen is { } picked && requested && InHandoff(texts, picked.Seg);
        var ambiguous = chosen is null || conflict is not null;
        // Nothing decides: the largest sum in the account's currency ("USD 20.61 at my bank, but I think the invoice said
        // €19": a refund goes back in the currency charged), else the largest; marked ambiguous either way.
        chosen ??= all.OrderByDescending(x => x.A.Currency is null || string.Equals(x.A.Currency, defaultCurrency, StringComparison.OrdinalIgnoreCase))
            .ThenByDescending(x => x.A.Amount).First();
        var (s, a) = chosen.Value;
        evidence.Add(new Evidence("amount", a.Text, s.Message, a.Start, a.Length));
        if (ambiguous)
        {
            foreach (var c in distinct.Where(c => c != a))
            {
                evidence.Add(new Evidence("amount-candidate", c.Text, c.Message, c.Start, c.Length));
            }
        }

        return new(a.Amount, a.Currency ?? defaultCurrency, requested, ambiguous, distinct.Count > 1 ? distinct : [], why) { Conflict = conflict, FromHandoff = tierOnes, PerUnitPrice = PerUnit(s.Text, a) };
    }

    /// <summary>
    /// Why the sum chosen from the tier-1 handoff is not the customer's: the customer's messages name sums and not this
    /// one, while the handoff also names one of the customer's sums, or the customer named one sum only and tier 1's
    /// differs from it. Null when they agree, when the sum is the customer's, or when the customer named none.
    /// </summary>
    private static string? HandoffConflict(IReadOnlyList<CaseText.Segment> texts, List<(CaseText.Segment Seg, AmountCandidate A)> all, (CaseText.Segment Seg, AmountCandidate A) chosen)
    {
        if (!texts.Any(t => t.Message >= 0) || !InHandoff(texts, chosen.Seg))
        {
            return null;
        }

        // A price per unit ("8 seats at €25", "€25 each") is no sum charged: tier 1's total from it is no conflict.
        var customers = all.Where(x => x.Seg.Message >= 0 && !PerUnit(x.Seg.Text, x.A)).Select(x => x.A).ToList();
        if (customers.Count == 0 || customers.Any(c => c.Amount == chosen.A.Amount))
        {
            return null;
        }

        var customerSums = customers.Select(c => c.Amount).Distinct().ToList();
        var echoed = all.Any(x => InHandoff(texts, x.Seg) && customerSums.Contains(x.A.Amount));
        return echoed || customerSums.Count == 1
            ? $"the handoff asks for {chosen.A.Text}, but the customer wrote {string.Join(" and ", customers.Select(c => c.Text).Distinct())}"
            : null;
    }

    /// <summary>
    /// Why tier 1's request names other sums than the customer's: the sums right after a refund or credit word in the
    /// handoff's fields, none of which the customer asks for the same way ("Refund EUR 49" against "rimborsare i 79 €").
    /// Null when either side asks no sum so, or when they share one.
    /// </summary>
    private static string? HandoffAsksOther(IReadOnlyList<CaseText.Segment> texts, List<(CaseText.Segment Seg, AmountCandidate A)> all)
    {
        var theirs = AskedSums(texts, all, handoff: false);
        var tierOne = theirs.Count == 0 ? [] : AskedSums(texts, all, handoff: true);
        return tierOne.Count > 0 && !tierOne.Any(h => theirs.Any(c => c.Amount == h.Amount))
            ? $"the handoff asks for {string.Join(" and ", tierOne.Select(a => a.Text).Distinct())}, but the customer asks for {string.Join(" and ", theirs.Select(c => c.Text).Distinct())}"
            : null;
    }

    /// <summary>The sums named right after a refund or credit word, in the handoff's fields or in the customer's words.</summary>
    private static List<AmountCandidate> AskedSums(IReadOnlyList<CaseText.Segment> texts, List<(CaseText.Segment Seg, AmountCandidate A)> all, bool handoff)
    {
        var asked = new List<AmountCandidate>();
        foreach (var seg in texts.Where(t => InHandoff(texts, t) == handoff))
        {
            foreach (Match cue in MoneyCue().Matches(seg.Text))
            {
                var after = cue.Index + cue.Length;
                if (all.FirstOrDefault(x => x.Seg == seg && x.A.Start >= after && x.A.Start - after <= CueReach) is { A: not null } hit && !PerUnit(seg.Text, hit.A))
                {
                    asked.Add(hit.A);
                }
            }
        }

        return asked;
    }

    /// <summary>
    /// Why tier 1's findings contradict the customer's sum: a check that names the charge at another sum ("Charge on
    /// 2026-11-06 was EUR 102.00, not EUR 120", "Add-on charge … was EUR 49.00, not 79"), or says in words that the charge
    /// was not the customer's figure. Null when no finding names a charge, or one names the customer's sum.
    /// </summary>
    /// <param name="findings">The results of what tier 1 tried (the handoff's <c>whatTried</c>).</param>
    /// <param name="amount">The sum read from the customer's words.</param>
    /// <param name="shown">That sum as the reason quotes it ("€120").</param>
    /// <param name="customers">Every sum the customer's own words name: a charge they name too ("you charged the full €135 … refund
    /// the €67.50 difference") is no other sum.</param>
    public static string? FindingsConflict(IEnumerable<string?> findings, decimal amount, string shown, IReadOnlySet<decimal> customers)
    {
        foreach (var finding in findings)
        {
            if (string.IsNullOrWhiteSpace(finding))
            {
                continue;
            }

            var text = CaseText.Normalize(finding);
            var sums = AmountReader.FindAll(text, -1);
            var denied = NotTheSum().Matches(text).Any(m => AmountReader.ParseFigure(m.Groups["n"].Value) == amount);
            var charged = ChargeFinding().IsMatch(text) && sums.Count > 0 && sums.All(x => x.Amount != amount && !customers.Contains(x.Amount));
            if (denied || charged)
            {
                var theirs = sums.Where(x => x.Amount != amount).Select(x => x.Text).Distinct().ToList();
                return $"tier 1's check found {(theirs.Count > 0 ? string.Join(" and ", theirs) : "another sum")} (\"{Clip(text)}\"), but the customer wrote {shown}";
            }
        }

        return null;
    }

    /// <summary>A tier-1 finding that reports a charge, an invoice or a payment.</summary>
    internal static bool ReportsACharge(string finding) => ChargeFinding().IsMatch(finding);

    private static string Clip(string text) => text.Length <= 120 ? text : text[..117] + "…";

    // "not EUR 120", "not 79", "rather than €120", "nicht 120 €", "no 120 €", "pas 120 €", "non 79 euro", "niet € 120".
    [GeneratedRegex(@"\b(not|rather than|instead of|nicht|statt|anstatt|no|en lugar de|en vez de|pas|au lieu de|non|invece di|não|nao|em vez de|niet|in plaats van)\s+((de|di|da|do|van|von|of|du)\s+)?((EUR|USD|GBP|€|\$|£)\s?)?(?<n>\d[\d.,]*)", RegexOptions.IgnoreCase)]
    private static partial Regex NotTheSum();

    // What a billing check reports: the charge, the invoice, the debit, in the seven languages.
    [GeneratedRegex(@"\b(charge[ds]?|charged|billed|billing|invoice[ds]?|invoiced|debit(ed)?|payment|paid|cobr\w*|cargo|factura\w*|abgebucht|berechnet|Rechnung|Abbuchung|Zahlung|pr[ée]l[eè]v\w*|factur\w*|d[ée]bit\w*|paiement|addebit\w*|fattura\w*|pagamento|afgeschreven|afschrijving|factuur|betaling|cobran[çc]a|fatura\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ChargeFinding();

    private static (CaseText.Segment, AmountCandidate)? ByRequest(IReadOnlyList<CaseText.Segment> texts, List<(CaseText.Segment Seg, AmountCandidate A)> all)
    {
        // The words of the sentences that ask for money back, minus the asking words themselves.
        var asked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var seg in texts)
        {
            foreach (Match cue in MoneyCue().Matches(seg.Text))
            {
                var from = seg.Text.LastIndexOfAny(['.', '!', '?', '\n'], Math.Max(0, cue.Index - 1)) + 1;
                var to = seg.Text.IndexOfAny(['.', '!', '?', '\n'], cue.Index);
                foreach (Match w in Content().Matches(seg.Text[from..(to < 0 ? seg.Text.Length : to)]))
                {
                    if (!MoneyCue().IsMatch(w.Value))
                    {
                        asked.Add(Stem(w.Value));
                    }
                }
            }
        }

        var scored = new List<(double Score, (CaseText.Segment, AmountCandidate) X)>();
        for (var i = 0; i < all.Count; i++)
        {
            var (seg, a) = all[i];
            // The stretch that belongs to this sum: from the previous sum (or sentence start) to the next one (or sentence end).
            var prevEnd = i > 0 && all[i - 1].Seg == seg ? all[i - 1].A.Start + all[i - 1].A.Length : seg.Text.LastIndexOfAny(['.', '!', '?'], Math.Max(0, a.Start - 1)) + 1;
            var sentenceEnd = seg.Text.IndexOfAny(['.', '!', '?'], a.Start + a.Length);
            var nextStart = i + 1 < all.Count && all[i + 1].Seg == seg ? all[i + 1].A.Start : seg.Text.Length;
            var end = Math.Min(nextStart, sentenceEnd < 0 ? seg.Text.Length : sentenceEnd);
            var stretch = seg.Text[Math.Max(0, Math.Min(prevEnd, a.Start))..Math.Max(end, a.Start + a.Length)];
            var score = Content().Matches(stretch).Count(w => asked.Contains(Stem(w.Value))) + (Disputed().IsMatch(stretch) ? 0.5 : 0);
            scored.Add((score, (seg, a)));
        }

        var best = scored.Where(x => x.Score > 0).OrderByDescending(x => x.Score).ToList();
        if (best.Count == 0)
        {
            return null;
        }

        // A tie between different sums decides nothing.
        var top = best.Where(x => x.Score == best[0].Score).Select(x => x.X.Item2.Amount).Distinct().Count();
        return top == 1 ? best[0].X : null;
    }

    /// <summary>Whether <paramref name="seg"/> is one of the tier-1 handoff's texts (after the customer's messages).</summary>
    private static bool InHandoff(IReadOnlyList<CaseText.Segment> texts, CaseText.Segment seg) =>
        texts.Any(t => t.Message >= 0) && CaseText.AfterCustomer(texts).Any(t => ReferenceEquals(t, seg));

    /// <summary>Whether the sum is a price per unit: "at €25" after a count of seats or users, or "€25 each / per seat".</summary>
    internal static bool PerUnit(string text, AmountCandidate a) =>
        UnitBefore().IsMatch(text.AsSpan(Math.Max(0, a.Start - 30), Math.Min(30, a.Start)))
        || UnitAfter().IsMatch(text.AsSpan(a.Start + a.Length));

    [GeneratedRegex(@"\b\d+\s+(extra\s+)?(seats?|users?|licen[cs]es?|agents?|plazas|puestos|usuarios|licencias|pl[äa]tze|nutzer|lizenzen|si[èe]ges|utilisateurs|licences|lugares|utilizadores|usu[áa]rios|posti|utenti|licenze|stoelen|gebruikers|licenties)\s+(at|@|à|a|zu|je|por|de|da|van|voor)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex UnitBefore();

    [GeneratedRegex(@"^\s*(each|apiece|per (seat|user|licen[cs]e|agent|head|person|unit)|a (seat|user|licen[cs]e|head)|/\s?(seat|user|licen[cs]e|agent)|por (usuario|asiento|licencia|cabeza|utilizador|usu[áa]rio|licen[çc]a)|cada|pro (platz|nutzer|lizenz|kopf)|je (platz|nutzer|lizenz)|par (si[èe]ge|utilisateur|licence|personne)|chacun|ciascun[oa]|a (posto|utente)|per (stoel|gebruiker|licentie|stuk))\b", RegexOptions.IgnoreCase)]
    private static partial Regex UnitAfter();

    private static string Stem(string word)
    {
        var w = word.ToLowerInvariant();
        return w.Length > 5 ? w[..5] : w;
    }

    [GeneratedRegex(@"\b(refund(ing)?|credit(ing)?|reimburse|money back of|back the|re{1,2}[mn]bols\w*|devoluci[óo]n( de)?|devu[ée]lv\w*|(R(?:ü|ue|u)ck)?[Ee]rstatt\w*|rembour[sc]{1,2}\w*|rimbors\w*|terugbetal\w*|terugstort\w*|estorno( de)?|devolu[çc][ãa]o( de)?|"
        // "Graag het verschil van € 1.089,00 terugstorten": the difference asked back is the sum.
        + @"(the )?difference of|(het )?verschil van|(la )?diferencia de|(die )?Differenz von|(den )?Unterschied von|(la )?diff[ée]rence de|(a )?diferen[çc]a de|(la )?differenza di)\b", RegexOptions.IgnoreCase)]
    internal static partial Regex MoneyCue();

    /// <summary>Content words: four letters or more, not the usual function words of the seven languages.</summary>
    [GeneratedRegex(@"\b(?!(?:please|could|would|that|this|these|those|with|from|have|your|they|them|what|when|which|there|their|about|also|just|then|only|bitte|diese|dieser|einen|eine|mich|mein|meine|para|pero|esto|esta|favor|porque|pour|vous|votre|cette|avec|mais|tutto|questo|questa|della|dell|mijn|deze|voor|maar|graag|kindly|want|need)\b)\p{L}{4,}\b", RegexOptions.IgnoreCase)]
    private static partial Regex Content();

    [GeneratedRegex(@"never (asked|ordered|agreed|authori[sz]ed)|did ?n[o']t (ask|order|agree|authori[sz]e)|unauthori[sz]ed|not authori[sz]ed|by mistake|wrongly|twice|duplicate|nunca (ped|solicit|autoric)|no autoric|sin (mi )?autorizaci|nie bestellt|nicht bestellt|nicht autorisiert|ohne (meine )?Zustimmung|jamais (demand|command|autoris)|sans (mon )?accord|pas autoris|nunca (pedi|solicitei|autorizei)|não autorizei|sem (minha )?autoriza|mai (richiesto|ordinato|autorizzato)|non autorizzat|nooit (besteld|gevraagd)|niet besteld|zonder (mijn )?toestemming", RegexOptions.IgnoreCase)]
    private static partial Regex Disputed();
}

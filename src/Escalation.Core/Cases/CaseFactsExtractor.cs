using System.Globalization;
using System.Text.RegularExpressions;
using Escalation.Core.Knowledge;
using Escalation.Core.Signals;
using Escalation.Core.Tickets;
using Escalation.Core.Tracing;

namespace Escalation.Core.Cases;

/// <summary>Reads <see cref="CaseFacts"/> from a ticket deterministically (regular expressions, no models).</summary>
public sealed partial class CaseFactsExtractor
{
    private const string Stage = "facts";

    /// <summary>
    /// The facts of <paramref name="ticket"/>, with the refund window of the workspace's refund policy. Dates are read
    /// as of the day the customer asked (<see cref="AskedOn"/>), so a case decided later, or decided again, keeps the
    /// window it was asked in.
    /// </summary>
    /// <param name="ticket">The case.</param>
    /// <param name="workspace">Its workspace (refund window, default currency).</param>
    /// <param name="now">When the case is read.</param>
    /// <param name="language">
    /// The language the detect stage identified: <c>en</c> reads charge dates and outages with the English words only
    /// (cheaper, the common case); any other value, or null, with the words of all seven covered languages.
    /// </param>
    public CaseFacts Extract(CaseSubmission ticket, Workspace workspace, DateTimeOffset now, string? language = null)
    {
        var english = language == "en";
        var texts = CaseText.Segments(ticket);
        var evidence = new List<Evidence>();
        var trace = new List<TraceEntry>
        {
            TraceEntry.Read(Stage, $"Read {texts.Count} text segment(s): subject, customer messages and the tier-1 handoff."),
        };
        var today = AskedOn(ticket, now);

        var money = AmountChoice.Choose(texts, workspace.Routing.DefaultCurrency, evidence);
        // Tier 1 checked the charge and found another sum ("was EUR 102.00, not EUR 120"): no sum is refunded until a person
        // knows which one was charged, even when a handoff field repeats the customer's figure ("customerExpectation: Refund
        // of EUR 120" is what the customer expects, not tier 1 agreeing).
        if (money.Conflict is null && money.Amount is { } customerSum && ticket.Handoff is { } handoff
            && AmountChoice.FindingsConflict(handoff.WhatTried.Select(a => a.Result), customerSum,
                Money.Format(customerSum, money.Currency ?? workspace.Routing.DefaultCurrency),
                texts.Where(t => t.Message >= 0).SelectMany(t => AmountReader.FindAll(t.Text, t.Message)).Select(x => x.Amount).ToHashSet()) is { } contradicted)
        {
            money = money with { Conflict = contradicted, Ambiguous = true };
        }

        var (amount, currency, requested) = (money.Amount, money.Currency, money.Requested);
        if (amount is null && FeeWithoutCurrency(texts, CaseCustomer.Resolve(ticket.Customer, workspace), evidence) is { } fee)
        {
            (amount, currency, requested) = (fee.Amount, fee.Currency, true);
        }
        // Every language's charge words: "die 99 € vom 15.11." in a message mostly in English is still a charge date.
        var purchase = FindPurchaseDate(texts, SegmentDay(ticket, today), evidence, PurchaseCueParts, foreignDates: !english, out var dateConflict);
        // Tier 1's check dates the charge otherwise ("The €149 charge was on 2026-10-14, not in November"): the day decides
        // the refund window, so a person settles it before money goes back.
        if (dateConflict is null && purchase is { } claimed && ticket.Handoff is { } dated
            && dated.WhatTried.Select(a => a.Result).FirstOrDefault(r => r is not null && AmountChoice.ReportsACharge(r) && NotThen().IsMatch(r)
                && DateParsing.AllDates(r, today) is { Count: > 0 } days && days.All(d => d.Date != claimed)) is { } otherDay)
        {
            dateConflict = $"tier 1's check dates the charge otherwise (\"{CaseText.Normalize(otherDay)}\"), the customer's words give {claimed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";
        }
        var outage = FindOutageHours(texts, evidence, english ? OutageWordEnglish() : OutageWord(), english ? DurationEnglish() : Duration());
        var downtime = DowntimeCheck.Check(texts, outage, workspace.PoliciesIn(PolicyCategories.SlaCredit).FirstOrDefault(), today, !english,
            english ? OutageWordEnglish() : OutageWord(), ConfirmedDowntime(), text => LongestDuration(text, english ? DurationEnglish() : Duration()),
            ticket.Handoff?.WhatTried.Select(a => $"{a.Action}: {a.Result}") ?? [],
            text => OnlyDuration(text, english ? DurationEnglish() : Duration()));
        outage = downtime.Hours;
        var cause = FindCause(texts, evidence, english ? OutageWordEnglish() : OutageWord());
        // The customer's messages that say a charge was taken twice ("charged twice", "dos veces", "doppelt").
        var chargedTwice = texts.Where(t => t.Message >= 0 && ChargedTwice().IsMatch(t.Text)).ToList();
        // Tier 1 found no duplicate ("Only one charge of EUR 199.00 on 2026-11-08; no duplicate found"): its check agrees on
        // the sum but denies the fact the refund rests on, so no sum is refunded until a person has looked — however the
        // customer put it ("two payments of €149 … refund one of them").
        if (money.Conflict is null && ticket.Handoff is { } checkedBy
            && checkedBy.WhatTried.Select(a => a.Result).FirstOrDefault(r => r is not null && NoDuplicate().IsMatch(r)) is { } denied)
        {
            money = money with { Conflict = $"tier 1's check found no duplicate charge (\"{CaseText.Normalize(denied)}\")", Ambiguous = true };
        }
        var cancelOnCondition = FindCancelOnCondition(texts);
        var asks = FindAsks(texts, evidence, cancelOnCondition is not null, hasSubject: !string.IsNullOrWhiteSpace(ticket.Subject));
        if (EarlierSteps.RetractedAsks(ticket) is { Count: > 0 } takenBack)
        {
            trace.Add(TraceEntry.Found(Stage, $"The customer took back: {string.Join(", ", takenBack)}."));
            asks = [.. asks.Except(takenBack)];
        }

        // "Thanks for the refund – when will it reach my card?": the money went back already; the question is when it arrives.
        var processingDays = workspace.PoliciesIn(PolicyCategories.Refund).FirstOrDefault()?.NumberOrNull("refundProcessingDays") is { } pdays ? (int)pdays : (int?)null;
        var alreadyDone = EarlierSteps.AlreadyDone(ticket);
        var refundStatus = RefundStatus.Read(ticket, DateOnly.FromDateTime(now.UtcDateTime), processingDays, alreadyDone);
        if (refundStatus is not null)
        {
            trace.Add(TraceEntry.Found(Stage, $"A refund was already made ({refundStatus.MadeBy}{(refundStatus.RefundedOn is { } on ? $", on {on:yyyy-MM-dd}" : "")}) and the customer asks when it arrives: \"{refundStatus.Question}\"."));
            asks = [.. asks.Where(a => a != CaseAsks.Refund)];
        }

        var coverage = AskCoverage.Read(texts, asks, today);
        // "€25 each" leaves the total unsaid, unless the sum asked for is named apart from it ("two lines of €199.00 each …
        // refund the duplicate €199") or tier 1 names the total it asks for ("Refund €50").
        // "charged twice, €99 each … refund the duplicate": one unit is the sum asked back.
        var unitPrice = amount is null || money.FromHandoff || !money.PerUnitPrice || chargedTwice.Any(t => !Units().IsMatch(t.Text))
            ? null : texts.Select(t => UnitPrice().Match(t.Text)).FirstOrDefault(m => m.Success)?.Value;

        var refund = workspace.PoliciesIn(PolicyCategories.Refund).FirstOrDefault();
        int? window = refund?.NumberOrNull("refundWindowDays") is { } w ? (int)w : null;
        int? since = purchase is { } p ? Math.Max(0, today.DayNumber - p.DayNumber) : null;
        int? past = since is { } s && window is { } win ? Math.Max(0, s - win) : null;

        if (amount is { } a)
        {
            trace.Add(TraceEntry.Found(Stage, money.Conflict is { } differ
                ? $"Amount {Money.Format(a, currency!)}: {differ}; the amount is marked ambiguous."
                : money.Ambiguous
                ? $"Amounts {string.Join(", ", money.Candidates.Select(c => Money.Format(c.Amount, c.Currency ?? currency!)))}: which one the request is about is not clear; {Money.Format(a, currency!)} (the largest in the account's currency) is kept and the amount is marked ambiguous."
                : $"Amount {Money.Format(a, currency!)}{(money.Candidates.Count > 1 ? $" ({money.Why}, of {money.Candidates.Count} amounts)" : "")}."));
        }

        if (purchase is { } pd)
        {
            var windowText = window is { } ww ? $"; refund window {ww} days ({refund!.Citation}) → {(past > 0 ? $"{past} days past the window" : "within the window")}" : "";
            trace.Add(TraceEntry.Found(Stage, $"Purchase/charge date {pd:yyyy-MM-dd}, {since} days before the customer asked on {today:yyyy-MM-dd}{windowText}.", refund?.Citation ?? ""));
            if (dateConflict is { } differ)
            {
                trace.Add(TraceEntry.Found(Stage, $"The charge date is not settled: {differ}."));
            }

        }

        if (outage is { } h)
        {
            trace.Add(TraceEntry.Found(Stage, $"Outage of {h.ToString("0.#", CultureInfo.InvariantCulture)} hours{(downtime.Unconfirmed is null ? "" : " reported")}."));
        }

        if (downtime.Unconfirmed is { } unconfirmed)
        {
            trace.Add(TraceEntry.Found(Stage, $"Downtime not confirmed: {unconfirmed}."));
        }

        trace.Add(TraceEntry.Decided(Stage, $"Cause: {cause}; asks: {(asks.Count == 0 ? "nothing specific" : string.Join(", ", asks))}."));

        var signed = ticket.Messages.LastOrDefault(m => m.IsFromCustomer) is { } last ? CaseText.SignedName(last.Text) : null;
        return new CaseFacts
        {
            Amount = amount,
            Currency = currency,
            AmountRequested = requested,
            AmountFromHandoff = money.FromHandoff,
            AmountConflict = money.Conflict is not null,
            AmountAmbiguous = money.Ambiguous,
            AmountCandidates = money.Candidates,
            AmountAmbiguity = money.Conflict is { } conflict
                ? conflict
                : money.Ambiguous
                ? $"{money.Candidates.Count} different amounts ({string.Join(", ", money.Candidates.Select(c => c.Text))}) and the message does not say which one the request is about"
                : unitPrice is { } per
                    ? $"\"{per}\" is a price per unit, and the total the request is about is not stated"
                    : null,
            PurchaseDate = purchase,
            PurchaseDateConflict = dateConflict,
            DaysSincePurchase = since,
            RefundWindowDays = window,
            DaysPastWindow = past,
            OutageHours = outage,
            OutageUnconfirmed = downtime.Unconfirmed,
            OutageHoursConfirmed = downtime.HoursConfirmed,
            TierOneBlocked = ticket.Handoff is null ? null : Cases.TierOneBlocked.Why(ticket),
            AlreadyDone = alreadyDone,
            Retracted = EarlierSteps.Retracted(ticket),
            Cause = cause,
            Asks = asks,
            OtherAsks = refundStatus is null ? coverage.OtherAsks : [.. coverage.OtherAsks.Where(o => !RefundStatus.Asks(o))],
            RefundStatus = refundStatus,
            Hypothetical = coverage.Hypothetical,
            RefundElsewhere = coverage.Elsewhere,
            PartialAsk = coverage.Partial,
            RemoveAddOn = coverage.AddOn,
            RemovalAsk = coverage.Removal,
            InvoiceReissue = coverage.Reissue,
            AskedClauses = coverage.Asked ?? [],
            SignedName = signed,
            NotAccountHolder = RequesterAuthority.NotAccountHolder(texts),
            WriterName = RequesterAuthority.WriterName(ticket.Messages.LastOrDefault(m => m.IsFromCustomer)?.Text, signed),
            ExtraCharged = coverage.ExtraCharged,
            CancelledBefore = FindCancelledBefore(texts),
            CancelOnCondition = cancelOnCondition,
            SlaAsked = texts.Any(t => t.Message >= 0 && SlaWord().IsMatch(t.Text)),
            DataErasure = asks.Contains(CaseAsks.DataAccess) && texts.Any(t => t.Message >= 0 && ErasureAsk().IsMatch(t.Text)),
            CancelTiming = coverage.CancelTiming,
            StopBilling = coverage.StopBilling,
            CancelNow = coverage.CancelNow,
            CancelDate = coverage.CancelDate,
            CancelAtTermEnd = coverage.CancelAtTermEnd,
            GoodsOrder = GoodsOrder.Find(ticket),
            ClosingThanks = ClosingThanks.Find(ticket),
            Evidence = evidence,
            Trace = trace.Select(t => t with { Refs = t.Refs.Where(r => r.Length > 0).ToArray() }).ToArray(),
        };
    }

    /// <summary>
    /// The day the customer first wrote about the money: the earliest dated customer message, not after
    /// <paramref name="now"/>, that names a charge, a sum or a refund or credit; else the earliest dated customer message;
    /// <paramref name="now"/> (the day the case was received) when no message carries a date. A thread reopened weeks
    /// after a how-to question ("Different topic – we were charged €199 on 14 October") counts the refund window to the
    /// message that asks.
    /// </summary>
    public static DateOnly AskedOn(CaseSubmission ticket, DateTimeOffset now)
    {
        var dated = ticket.Messages.Where(m => m.IsFromCustomer && m.At is { } at && at <= now).OrderBy(m => m.At!.Value).ToList();
        var asked = dated.FirstOrDefault(m => MoneyTalk().IsMatch(m.Text ?? ""))?.At ?? dated.FirstOrDefault()?.At ?? now;
        return DateOnly.FromDateTime(asked.UtcDateTime);
    }

    [GeneratedRegex(@"[€$£]|\b(EUR|USD|GBP|euros?|refund\w*|reimburs\w*|money back|credit\w*|charg\w*|billed|invoice\w*|paid|payment|re{1,2}[mn]bols\w*|devoluci[óo]n|devolv\w*|cobr\w*|factura\w*|pag\w*|abono|erstatt\w*|r(?:ü|ue|u)ckerstatt\w*|gutschrift\w*|abgebucht|abbuchung|berechnet|rechnung|bezahlt|zahlung|rembour[sc]{1,2}\w*|factur\w*|pr[ée]lev\w*|pay[ée]|paiement|avoir|estorn\w*|re{1,2}[mn]bolso|cobran[çc]a|fatura|rimbors\w*|addebit\w*|fattura|pagat\w*|pagamento|accredit\w*|terugbetal\w*|terugstort\w*|afgeschreven|gefactureerd|factuur|betaald|betaling|tegoed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MoneyTalk();

    /// <summary>
    /// The charge date: a date told after a charge word ("charged on 8 October", "paid 2026-10-08", "3 days ago"), else
    /// one told before it in the same sentence ("el 15 de noviembre me cobraron"). When the words name several dates,
    /// the one nearest the amount the request is about ("€49 on 1 November and then €980 on 15 November").
    /// </summary>
    /// <summary>
    /// The day a segment's dates are read against: its message's own day when that came after the day the customer first
    /// asked ("Separate thing: on 18 November we were charged €99", written on 21 November, is this November's 18th, not
    /// last year's); otherwise <paramref name="askedOn"/>.
    /// </summary>
    private static Func<CaseText.Segment, DateOnly> SegmentDay(CaseSubmission ticket, DateOnly askedOn) => seg =>
        seg.Message >= 0 && seg.Message < ticket.Messages.Count && ticket.Messages[seg.Message].At is { } at
            && DateOnly.FromDateTime(at.UtcDateTime) is var written && written > askedOn ? written : askedOn;

    private static DateOnly? FindPurchaseDate(IReadOnlyList<CaseText.Segment> texts, Func<CaseText.Segment, DateOnly> dayOf, List<Evidence> evidence, SplitAlternation cues, bool foreignDates, out string? conflict)
    {
        conflict = null;
        var seen = new List<(CaseText.Segment Seg, Match Cue)>();
        var found = new List<(DateOnly Date, int Message, int Start, int Length, string Text)>();
        foreach (var seg in texts)
        {
            foreach (Match cue in cues.Matches(seg.Text))
            {
                // "thanks for refunding €70 on 12 November": the day a refund was made is no charge's.
                if (RefundMadeBefore().IsMatch(seg.Text.AsSpan(Math.Max(0, cue.Index - 30), Math.Min(30, cue.Index))))
                {
                    continue;
                }

                seen.Add((seg, cue));
                var tail = seg.Text.Substring(cue.Index, Math.Min(80, seg.Text.Length - cue.Index));
                // "abgebucht, obwohl wir am 10.11. gekündigt hatten": the date after "although" is another event's.
                if (OtherEvent().Match(tail) is { Success: true, Index: > 0 } other)
                {
                    tail = tail[..other.Index];
                }

                // "ci avete addebitato 450,00 €. Dal 12 al 16 ottobre la sincronizzazione non ha funzionato": the next
                // sentence's dates are another event's.
                if (SentenceEnd().Match(tail) is { Success: true, Index: > 0 } end)
                {
                    tail = tail[..end.Index];
                }

                // "charged the full €199 on 1 Nov. If this isn't refunded today …": a capital after the abbreviation's dot
                // starts the next sentence.
                if (NextSentence().Match(tail) is { Success: true, Index: > 0 } next)
                {
                    tail = tail[..next.Index];
                }

                foreach (var d in DateParsing.AllDates(tail, dayOf(seg), foreignDates))
                {
                    found.Add((d.Date, seg.Message, cue.Index + d.Index, d.Length, d.Text));
                }

                if (RelativeDates.First(tail, dayOf(seg)) is { } ago)
                {
                    found.Add((ago.Date, seg.Message, cue.Index + ago.Index, ago.Length, ago.Text));
                }
            }
        }

        // The date told before the charge, in the same sentence ("on 15 November, €149 was invoiced", "el 15 de noviembre me cobraron").
        if (found.Count == 0)
        {
            foreach (var (seg, cue) in seen)
            {
                var start = Math.Max(0, cue.Index - 120); // "am 18.11.2026 wurden uns 79,00 € für das Zusatzmodul „Berichte Plus“ abgebucht"
                var head = seg.Text[start..cue.Index];
                if (SentenceEnd().Matches(head) is { Count: > 0 } ends)
                {
                    var cut = ends[^1].Index + ends[^1].Length;
                    start += cut;
                    head = head[cut..];
                }

                if (DateParsing.AllDates(head, dayOf(seg), foreignDates) is { Count: > 0 } dates)
                {
                    var d = dates[^1];
                    found.Add((d.Date, seg.Message, start + d.Index, d.Length, d.Text));
                    break;
                }

                // "Ayer me cobraron…", "Vor drei Tagen wurden … abgebucht".
                if (RelativeDates.First(head, dayOf(seg)) is { } ago)
                {
                    found.Add((ago.Date, seg.Message, start + ago.Index, ago.Length, ago.Text));
                    break;
                }
            }
        }

        if (found.Count == 0)
        {
            return null;
        }

        // "…on 14 May, sorry, I meant 14 November": the date the customer corrected to, wherever the charge word is.
        foreach (var (seg, _) in seen.DistinctBy(x => x.Seg))
        {
            foreach (var d in DateParsing.AllDates(seg.Text, dayOf(seg), foreignDates))
            {
                if (SelfCorrection.Follows(seg.Text, d.Index))
                {
                    evidence.Add(new Evidence("purchase-date", d.Text, seg.Message, d.Index, d.Length));
                    return d.Date;
                }
            }
        }

        var chosen = found[0];
        // "EUR 199 em 03/11 e novamente EUR 199 em 04/11. Peço o reembolso da cobrança duplicada de 04/11": the refund is of
        // the charge its own sentence names.
        var asked = found.Where(f => AskedAbout(texts, f.Message, f.Start, f.Date)).Select(f => f.Date).Distinct().ToArray();
        if (found.Select(f => f.Date).Distinct().Count() > 1 && asked.Length == 1)
        {
            chosen = found.Last(f => f.Date == asked[0]);
        }
        else if (found.Where(f => f.Message >= 0).Select(f => f.Date).Distinct().Count() > 1
            && found.Where(f => f.Message < 0).Select(f => f.Date).Distinct().ToArray() is [var confirmedDay]
            && found.LastOrDefault(f => f.Message >= 0 && f.Date == confirmedDay) is { Text: not null } customers)
        {
            // "two charges of €299.00 each on November 1st … the €29 add-on that was billed on the 15th", and tier 1's
            // "two charges of EUR 299.00 on 2026-11-01": the customer's date tier 1 confirms is the charge's.
            chosen = customers;
        }
        else if (found.Select(f => f.Date).Distinct().Count() > 1 && texts.Any(t => t.Message >= 0 && LaterCharge().IsMatch(t.Text)))
        {
            // "one on Nov 14 and another on Nov 15. pls refund the second one": the later charge is the one to return.
            chosen = found.MaxBy(f => f.Date);
        }
        else if (found.Select(f => f.Date).Distinct().Count() > 1 && evidence.FirstOrDefault(e => e.Signal == "amount") is { } amount
            && found.Where(f => f.Message == amount.Message).ToArray() is { Length: > 0 } near)
        {
            chosen = near.MinBy(f => Math.Abs(f.Start - amount.Start));
        }

        // Tier 1's date against the customer's: "charged 2026-11-01" in the summary where the customer wrote "on 10 November".
        if (chosen.Message < 0 && texts.Any(t => t.Message >= 0)
            && found.Where(f => f.Message >= 0).Select(f => f.Date).Distinct().ToArray() is { Length: > 0 } theirs && !theirs.Contains(chosen.Date))
        {
            conflict = $"the handoff names {chosen.Text}, the customer {string.Join(" and ", found.Where(f => f.Message >= 0).Select(f => f.Text).Distinct())}";
        }

        evidence.Add(new Evidence("purchase-date", chosen.Text, chosen.Message, chosen.Start, chosen.Length));
        return chosen.Date;
    }

    /// <summary>
    /// Whether a date found at <paramref name="at"/> is the one a refund is asked for: its own sentence asks the refund, or a
    /// sentence that asks one names its day and month ("… reembolso da cobrança duplicada de 04/11").
    /// </summary>
    private static bool AskedAbout(IReadOnlyList<CaseText.Segment> texts, int message, int at, DateOnly date)
    {
        if (texts.FirstOrDefault(s => s.Message == message && at < s.Text.Length) is not { } seg)
        {
            return false;
        }

        if (RefundAskWordParts.IsMatch(AskCoverage.ClauseAt(seg.Text, at)))
        {
            return true;
        }

        foreach (Match ask in RefundAskWordParts.Matches(seg.Text))
        {
            foreach (Match pair in DayMonthPair().Matches(AskCoverage.ClauseAt(seg.Text, ask.Index)))
            {
                if (int.Parse(pair.Groups["d"].Value, CultureInfo.InvariantCulture) == date.Day && int.Parse(pair.Groups["m"].Value, CultureInfo.InvariantCulture) == date.Month)
                {
                    return true;
                }
            }
        }

        return false;
    }

    [GeneratedRegex(@"\b(?<d>\d{1,2})[/.-](?<m>\d{1,2})\b")]
    private static partial Regex DayMonthPair();

    // A refund told as made, then its sum: "refunding €70 on", "you refunded €49 on", "nos reembolsaron 70 € el", "erstattet".
    [GeneratedRegex(@"\b(refunded|refunding|reimbursed|credited back|re{1,2}[mn]bolsa(ron|do|steis)|devolvi(eron|do)|erstattet|zur(?:ü|ue|u)ckerstattet|rembour[sc]{1,2}[ée]e?s?|rimborsat[oi]|terugbetaald|teruggestort|estornad[oa]s?|estornaram|re{1,2}[mn]bolsad[oa]s?)\s+(\S+\s+)?([€$£]\s?\d[\d.,]*|\d[\d.,]*\s?(€|eur|euros?))\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex RefundMadeBefore();

    // The second of two charges named as such: "the second one", "the later one", "la segunda", "den zweiten", "le second".
    [GeneratedRegex(@"\b(the (second|later|latest|last|newer|extra|duplicate) (one|charge|payment)|the duplicate|la segunda|el segundo|el duplicado|den zweiten|die zweite|die doppelte|le second|la seconde|le doublon|a segunda|o segundo|il secondo|la seconda|de tweede|de dubbele)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LaterCharge();

    /// <summary>
    /// "can I get a refund for the 149 we paid", "refund 149 pls": a bare number equal to the customer's monthly fee, in a
    /// message that asks a refund or names a charge, is that fee in the customer's currency.
    /// </summary>
    private static (decimal Amount, string Currency)? FeeWithoutCurrency(IReadOnlyList<CaseText.Segment> texts, CustomerEntity? customer, List<Evidence> evidence)
    {
        if (customer is not { Mrr: > 0 } || customer.Currency is not { Length: > 0 } currency)
        {
            return null;
        }

        foreach (var seg in texts.Where(s => s.Message >= 0 && (RefundAskWordParts.IsMatch(s.Text) || PurchaseCueParts.IsMatch(s.Text))))
        {
            foreach (Match m in BareNumber().Matches(seg.Text))
            {
                if (AmountReader.ParseFigure(m.Value) == customer.Mrr)
                {
                    evidence.Add(new Evidence("amount", m.Value, seg.Message, m.Index, m.Length));
                    return (customer.Mrr, currency);
                }
            }
        }

        return null;
    }

    // A number that is not a date, a time, a percentage, a duration, a count of things or part of a longer number.
    [GeneratedRegex(@"(?<![\d.,:/€$£-])\b\d{2,5}(?:[.,]\d{2})?\b(?![.,:/-]?\d)(?!\s?(%|€|[$£]|eur\b|euros?|usd|h\b|hours?|hrs?|min|minutes?|days?|weeks?|months?|users?|seats?|agents?|people|tickets?|gb|mb|x\b|st\b|nd\b|rd\b|th\b))", RegexOptions.IgnoreCase)]
    private static partial Regex BareNumber();

    private static double? FindOutageHours(IReadOnlyList<CaseText.Segment> texts, List<Evidence> evidence, Regex outageWord, Regex duration)
    {
        foreach (var seg in texts)
        {
            if (!outageWord.IsMatch(seg.Text))
            {
                continue;
            }

            // "I know it's past 30 days", "within the 30-day window", "3 days ago": a span that is not the downtime.
            // More than three days is no downtime an SLA credit counts ("48 days; 18 past window" in a tier-1 summary): a person reads it.
            var m = duration.Matches(seg.Text).FirstOrDefault(d =>
                !NotDowntimeBefore().IsMatch(seg.Text[Math.Max(0, d.Index - 16)..d.Index])
                && !NotDowntimeAfter().IsMatch(seg.Text[(d.Index + d.Length)..Math.Min(seg.Text.Length, d.Index + d.Length + 16)])
                && Hours(d) <= 72) ?? Match.Empty;
            // "umas 6 horas", "about six hours": the customer's estimate is no confirmed downtime (SLA policy), so it is not
            // read, unless the message says the status page or the incident report confirms it.
            if (m.Success && Approximately().IsMatch(seg.Text[Math.Max(0, m.Index - 20)..m.Index]) && !ConfirmedDowntime().IsMatch(seg.Text))
            {
                continue;
            }

            if (m.Success)
            {
                evidence.Add(new Evidence("outage-hours", m.Value, seg.Message, m.Index, m.Length));
                return Math.Round(Hours(m), 2);
            }

            // "from 09:10 to 12:10 UTC", "09:10–12:10", "de 9h10 à 12h10", "von 9:10 bis 12:10 Uhr": the span is the duration.
            if (TimeRange().Match(seg.Text) is { Success: true } r)
            {
                static int Minutes(Match r, string h, string m) => int.Parse(r.Groups[h].Value, CultureInfo.InvariantCulture) * 60
                    + (r.Groups[m].Success ? int.Parse(r.Groups[m].Value, CultureInfo.InvariantCulture) : 0);
                var from = Minutes(r, "ah", "am");
                var to = Minutes(r, "bh", "bm");
                var span = to > from ? to - from : to + (24 * 60) - from;
                if (span is > 0 and < 24 * 60)
                {
                    evidence.Add(new Evidence("outage-hours", r.Value, seg.Message, r.Index, r.Length));
                    return Math.Round(span / 60.0, 2);
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"\b(no|not an?|nor|neither|without|never (had|claimed|reported) an?|sin|ning[úu]n|ninguna|kein(e|en)?|ohne|pas de|aucune?|sans|nenhum|nenhuma|sem|nessun[oa]?|senza|geen|zonder)\s+(\w+\s+(or|o|oder|ou|of)\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex CauseRuledOut();

    /// <summary>The longest downtime a text gives, estimates included ("about 6 hours"), up to three days; null when none.</summary>
    private static double? LongestDuration(string text, Regex duration) =>
        duration.Matches(text)
            .Where(d => !NotDowntimeBefore().IsMatch(text[Math.Max(0, d.Index - 16)..d.Index])
                && !NotDowntimeAfter().IsMatch(text[(d.Index + d.Length)..Math.Min(text.Length, d.Index + d.Length + 16)]))
            .Select(Hours)
            .Where(h => h <= 72)
            .DefaultIfEmpty()
            .Max() is var h and > 0 ? h : null;

    /// <summary>The one duration a text states, in hours; null when it states none or several different ones.</summary>
    private static double? OnlyDuration(string text, Regex duration) =>
        duration.Matches(text).Select(Hours).Where(h => h is > 0 and <= 72).Distinct().ToList() is [var only] ? only : null;

    /// <summary>A duration match in hours: days (días, Tage, jours, dias, giorni, dagen) × 24, minutes ÷ 60.</summary>
    private static double Hours(Match m)
    {
        var n = double.Parse(m.Groups["n"].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
        var unit = m.Groups["u"].Value.ToLowerInvariant();
        return unit.StartsWith('d') || unit.StartsWith('t') || unit.StartsWith('j') || unit.StartsWith('g') ? n * 24 : unit.StartsWith('m') ? n / 60 : n;
    }

    // "within 14 days", "seit 3 Tagen"; and a clock time, not a duration: "desde as 10h", "à 10h", "ab 10h", "dalle 10h".
    [GeneratedRegex(@"\b(past|within|after|beyond|older than|outside|since|hace|dentro de|despu[ée]s de|nach|innerhalb|seit|vor|apr[èe]s|depuis|il y a|há|ap[óo]s|dentro|dopo|entro|binnen|"
        + @"desde( as| las| a| o)?|a partir d[aeo]s?|[àa]s|a las|ab|um|à|dalle|alle|vanaf|sinds|om|at|from|until|till|bis|hasta|at[ée]|jusqu'[àa]|tot)\s+(the\s+|los\s+|den\s+|les\s+|os\s+|i\s+|de\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex NotDowntimeBefore();

    [GeneratedRegex(@"^\s*(-?\s*day\s+)?(window|ago|refund|notice|trial|grace|geleden|fa\b|atr[áa]s|zur(?:ü|ue|u)ck|de plazo|frist)", RegexOptions.IgnoreCase)]
    private static partial Regex NotDowntimeAfter();

    private static string FindCause(IReadOnlyList<CaseText.Segment> texts, List<Evidence> evidence, Regex outageWord)
    {
        (string Cause, Regex Pattern)[] causes =
        [
            (CaseCauses.Outage, outageWord),
            (CaseCauses.BillingError, BillingErrorWord()),
            (CaseCauses.Defect, DefectWord()),
            (CaseCauses.ChangedMind, ChangedMindWord()),
        ];
        foreach (var (cause, pattern) in causes)
        {
            foreach (var seg in texts)
            {
                var m = pattern.Match(seg.Text);
                // "The outage back in October … we got our credit, so no complaints there": a settled outage is not why
                // today's refund is asked.
                // "no outage or defect claimed", "not a bug", "kein Ausfall": a cause ruled out is no cause.
                while (m.Success && ((cause == CaseCauses.Outage && OutageSettled().IsMatch(AskCoverage.ClauseAt(seg.Text, m.Index)))
                    || CauseRuledOut().IsMatch(seg.Text.AsSpan(Math.Max(0, m.Index - 24), Math.Min(24, m.Index)))))
                {
                    m = m.NextMatch();
                }

                if (m.Success)
                {
                    evidence.Add(new Evidence("cause", m.Value, seg.Message, m.Index, m.Length));
                    return cause;
                }
            }
        }

        return CaseCauses.Other;
    }

    /// <summary>The customer's sentence that asks a cancellation only on a condition; null when none does.</summary>
    private static string? FindCancelOnCondition(IReadOnlyList<CaseText.Segment> texts) =>
        texts.Where(t => t.Message >= 0)
            .SelectMany(t => AskMatches(CaseAsks.Cancel, t.Text).Where(x => OnCondition(t.Text, x.Index, x.Length)).Select(x => AskCoverage.ClauseAt(t.Text, x.Index)))
            .FirstOrDefault();

    /// <param name="texts">The case's texts.</param>
    /// <param name="evidence">Where the words each ask was read from are added.</param>
    /// <param name="conditional">A customer message asks the cancellation only on a condition (<see cref="FindCancelOnCondition"/>).</param>
    private static IReadOnlyList<string> FindAsks(IReadOnlyList<CaseText.Segment> texts, List<Evidence> evidence, bool conditional, bool hasSubject)
    {
        var asks = new List<string>();
        // "thank you for the refund of the €49 last week" under "Re: your refund": the subject names the refund the message thanks for.
        var thanked = texts.Any(t => t.Message >= 0 && RefundAsks(t.Text).Any(x => RefundSettled(t.Text, x.Index, x.Length)));
        // "Disdetta o sconto" over "vorremmo disdire …, a meno che non possiate farci uno sconto": the message says on what
        // condition, so the subject's word asks no cancellation of its own.
        foreach (var ask in CaseAsks.Ordered)
        {
            foreach (var seg in texts)
            {
                if (((ask == CaseAsks.Refund && thanked) || (ask == CaseAsks.Cancel && conditional)) && seg.Message < 0 && ReferenceEquals(seg, texts[0]))
                {
                    continue;
                }

                // "I don't want a refund, I want the export fixed": a refused ask is no ask. "If you don't refund, …" is one.
                // Tier 1's "Someone senior to answer" routes the case; a manager is the customer's ask only in their words or
                // as tier 1 reports them ("customer insists on speaking to a manager").
                var tierOnes = seg.Message < 0 && !(hasSubject && ReferenceEquals(seg, texts[0]));
                var m = AskMatches(ask, seg.Text).FirstOrDefault(x => !(ask == CaseAsks.Manager && tierOnes && !CustomerAsked().IsMatch(seg.Text)) && !RefusedAsk(seg.Text, x.Index) && !(ask == CaseAsks.Refund && RefundSettled(seg.Text, x.Index, x.Length)) && !(ask == CaseAsks.Cancel && (Forgotten(seg.Text, x.Index) || OnCondition(seg.Text, x.Index, x.Length) || NotThePlan().IsMatch(seg.Text.AsSpan(x.Index + x.Length)) || ContractRight(seg.Text, x.Index, x.Length) || CancelledBefore(seg.Text, x.Index, x.Length) || CancellationPaper().IsMatch(seg.Text.AsSpan(x.Index)))));
                if (m is not null)
                {
                    evidence.Add(new Evidence("ask:" + ask, m.Value, seg.Message, m.Index, m.Length));
                    asks.Add(ask);
                    break;
                }
            }
        }

        return asks;
    }

    private static IEnumerable<Match> AskMatches(string ask, string text) => ask switch
    {
        CaseAsks.Refund => RefundAsks(text),
        CaseAsks.Credit => CreditAsk().Matches(text),
        CaseAsks.Cancel => CancelAsk().Matches(text),
        CaseAsks.DataAccess => DataAsk().Matches(text),
        CaseAsks.Manager => ManagerAsk().Matches(text),
        CaseAsks.Fix => FixAsk().Matches(text),
        _ => [],
    };

    /// <summary>
    /// A negator up to four words before the ask, in the same clause, with no condition before it: "I don't want a refund",
    /// "no quiero un reembolso", "ich will keine Erstattung", "je ne veux pas de remboursement", "not asking for my money back".
    /// </summary>
    private static bool RefusedAsk(string text, int at)
    {
        var start = at;
        var words = 0;
        while (start > 0 && words < 5)
        {
            var c = text[start - 1];
            if (c is '.' or ',' or ';' or ':' or '!' or '?' or '¿' or '¡' or '\n')
            {
                break;
            }

            start--;
            if (char.IsWhiteSpace(c) && start > 0 && !char.IsWhiteSpace(text[start - 1]))
            {
                words++;
            }
        }

        // "porque no la usamos y devuélvanme los 99 €", "we don't use it and refund us": the negation is the other verb's,
        // a joining word between them starts the ask's own clause.
        var window = text[start..at];
        if (JoinedClause().Matches(window).LastOrDefault() is { } joined)
        {
            window = window[(joined.Index + joined.Length)..];
        }

        return (AskNegator().IsMatch(window) && !AskCondition().IsMatch(window)) || NegatorAfter().IsMatch(text[at..]);
    }

    [GeneratedRegex(@"\b(and|then|y|luego|und|dann|et|puis|e|depois|poi|en|dan)\b", RegexOptions.IgnoreCase)]
    private static partial Regex JoinedClause();

    /// <summary>
    /// A refund spoken of as done: thanked for ("thanks so much for sorting the refund yesterday", "gracias por el
    /// reembolso") or reported done by tier 1 ("Refund of duplicate charge done; customer now needs …").
    /// </summary>
    private static bool RefundSettled(string text, int at, int length) =>
        ThankedFor().IsMatch(text.AsSpan(Math.Max(0, at - 48), Math.Min(48, at)))
        || (ReportedDone().Match(text, at + length, Math.Min(40, text.Length - at - length)) is { Success: true } done
            && !NotDone().IsMatch(text.AsSpan(at, done.Index + done.Length - at)));

    [GeneratedRegex(@"\b(thanks|thank you|thx|ty|cheers|gracias|danke|vielen dank|merci|obrigad[oa]|grazie|bedankt|dank (je|u))\b(\s\S+){0,3}\s(for|por|f[üu]r|pour|per|pelo|pela|voor)\b[^.!?]{0,28}$", RegexOptions.IgnoreCase)]
    private static partial Regex ThankedFor();

    [GeneratedRegex(@"^(?:(?!\b(and|then|once|when|after|before|let|if|please|as soon|y|und|et|e|en|dann|puis|depois|poi|daarna)\b)[^.;!?])*?\b(done|completed|processed|issued|sorted|hecho|realizado|erledigt|durchgef[üu]hrt|effectu[ée]|fait|feito|realizado|fatto|eseguito|gedaan|uitgevoerd)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReportedDone();

    [GeneratedRegex(@"\b(not|n't|never|yet to be|no|nicht|noch nicht|pas|n[ãa]o|non|niet|nog niet|still|pending)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotDone();

    // "Eine Erstattung brauche ich nicht", "Een terugbetaling hoef ik niet": German and Dutch put the negator after the verb.
    [GeneratedRegex(@"^\S+\s+(\S+\s+){0,3}(brauche|brauchen|will|wollen|möchte|möchten|moechte|hoef|hoeven|wil|willen|nodig)\s+(ich|wir|ik|we|wij)\s+(nicht|niet|keine)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NegatorAfter();

    /// <summary>
    /// "A right to terminate with 60 days' notice", "a termination clause", "das Kündigungsrecht": a term of the contract the
    /// customer negotiates, not a cancellation asked now.
    /// </summary>
    private static bool ContractRight(string text, int at, int length) =>
        RightBefore().IsMatch(text.AsSpan(Math.Max(0, at - 24), at - Math.Max(0, at - 24)))
        || ClauseAfter().IsMatch(text.AsSpan(at + length, Math.Min(24, text.Length - at - length)));

    [GeneratedRegex(@"\b(right|option|ability|possibility|rights) to( (cancel|terminate|exit))?\s*$|\b(derecho|opci[óo]n|posibilidad) (a|de)\s*$|\b(droit|possibilit[ée]) de\s*$|\b(direito|possibilidade) de\s*$|\b(diritto|possibilit[àa]) di\s*$|\b(recht|mogelijkheid) om( te)?\s*$|\b(recht|m[öo]glichkeit) zu(r)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex RightBefore();

    [GeneratedRegex(@"^\w*\s*(clauses?|rights?|terms?|provisions?|period|cl[áa]usula|klausel|recht\b|frist|clause|cl[áa]usula|clausola|opzegtermijn|opzegrecht|-?clausule)", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseAfter();

    // "Annulation de la facture", "cancel the charge", "die Rechnung stornieren" is about a bill or an order, not the plan;
    // "dar de baja de la newsletter", "unsubscribe me from your marketing e-mails" about e-mails.
    [GeneratedRegex(@"^\s*(me |us |nos |mich |uns |mi |ci |ons )?(de |of |from |der |des |della |dalla |dal |da |do |del |van |vom |von |uit |voor )?(la |le |l'|the |this |that |el |los |die |das |den |il |a |o |het |ma |mon |my |our |notre |nuestr[oa] |mi |meine |unsere |la mia |a minha |mijn |onze |your |vuestr[oa] |su |sus |votre |vos |Ihre[nm]? |vostr[oa] |jullie |uw |os |as |i |les |de )?(newsletters?|nieuwsbrie\w*|bolet[íi]n\w*|mailings?|marketing\b|(marketing[- ])?e-?mails?|correos|notifica\w*|Benachrichtigung\w*|notifications?|factures?|facturas?|invoices?|charges?|payments?|transactions?|pr[ée]l[èe]vements?|paiements?|cargos?|cobros?|pagos?|Rechnung\w*|Abbuchung\w*|Zahlung\w*|fattur[ae]|addebit[oi]|pagament[oi]|faturas?|cobran[çc]as?|factu(u)?r\w*|afschrijving\w*|betaling\w*|orders?|commandes?|pedidos?|Bestellung\w*|ordin[ei]|bestelling\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotThePlan();

    /// <summary>
    /// "Unless the export delays are fixed this month, we will not renew", "If this isn't sorted by Friday I'm cancelling",
    /// "wir kündigen, wenn …": a threat on a condition, not a cancellation asked now (the churn signal still reads it).
    /// </summary>
    private static bool OnCondition(string text, int at, int length)
    {
        var start = Math.Max(0, text.LastIndexOfAny(['.', '!', '?', '\n'], Math.Max(0, at - 1)) + 1);
        var end = text.IndexOfAny(['.', '!', '?', '\n'], at + length);
        var before = text[start..at];
        var after = text[(at + length)..(end < 0 ? text.Length : end)];
        // The cancellation is the consequence ("If this isn't sorted by Friday, I'm cancelling"), not inside the condition
        // ("if I cancel today, would the €35 come back?" asks what would happen: a question, read elsewhere).
        var condition = ConditionBefore().Matches(before).LastOrDefault();
        var consequence = condition is not null && before[(condition.Index + condition.Length)..] is var rest
            && (rest.Contains(',') || rest.Contains(" then ", StringComparison.OrdinalIgnoreCase));
        return (consequence && !Politeness().IsMatch(before)) || ConditionAfter().IsMatch(after);
    }

    [GeneratedRegex(@"(^|[,;:])\W*(if|si|se|als|wenn|falls|caso)\b|\b(unless|otherwise|or else|a menos que|salvo que|sonst|andernfalls|sauf si|à moins que|sinon|a não ser que|caso contrário|senão|a meno che|altrimenti|tenzij)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ConditionBefore();

    [GeneratedRegex(@"\b(if (possible|you can|you could|that's possible)|si es posible|wenn m[öo]glich|si possible|se poss[íi]vel|se possibile|indien mogelijk|als het kan)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Politeness();

    [GeneratedRegex(@"^[^;.!?]{0,80}?\b(unless|a menos que|salvo que|es sei denn|sauf si|à moins que|a não ser que|a meno che|tenzij)\b|^\W*(if|wenn|falls|si|se|als) (this|that|it|you|the|das|es|ihr|cela|ça|isto|isso|questo|dit|het|esto|eso|no|not|nicht|ne|não|non|niet)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ConditionAfter();

    /// <summary>
    /// "We had already cancelled", "obwohl wir am 10.11. gekündigt hatten", "j'avais résilié", "después de darme de baja":
    /// a cancellation told as done before, not asked now.
    /// </summary>
    private static bool CancelledBefore(string text, int at, int length)
    {
        var from = Math.Max(0, at - 40);
        var to = Math.Min(text.Length, at + length + 25);
        var window = text[from..to];
        return !Hereby().IsMatch(window) && CancelledEarlierParts.Match(window) is { Success: true } m && m.Index <= at - from + length && m.Index + m.Length >= at - from;
    }

    // "Hiermit habe ich gekündigt", "I hereby have cancelled": the message is the notice.
    [GeneratedRegex(@"\b(hereby|hiermit|por la presente|par la pr[ée]sente|pela presente|con la presente|hierbij)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Hereby();

    /// <summary>The sentence of the first cancellation the customer tells as already done; null when none.</summary>
    private static string? FindCancelledBefore(IReadOnlyList<CaseText.Segment> texts)
    {
        foreach (var s in texts)
        {
            if (s.Message < 0 || Hereby().IsMatch(s.Text) || CancelledEarlierParts.Match(s.Text) is not { Success: true } m)
            {
                continue;
            }

            var start = 0;
            foreach (Match end in SentenceEnd().Matches(s.Text))
            {
                if (end.Index >= m.Index)
                {
                    return Clip(s.Text[start..end.Index]);
                }

                start = end.Index + end.Length;
            }

            return Clip(s.Text[start..]);
        }

        return null;

        static string Clip(string sentence) => sentence.Trim() is { Length: > 160 } t ? t[..157].TrimEnd() + "…" : sentence.Trim();
    }

    // A cancellation told as done: "we had already cancelled", "cancelled it on", "charged despite my cancellation" and
    // "Jahresverlängerung trotz Kündigung" (the cancellation came first), the paper that proves it ("I have the cancellation
    // email", "die Kündigungsbestätigung"), in the seven languages.
    [GeneratedRegex(@"\b((had|have|has|already|previously)\s+(already\s+)?(cancel+ed|terminated)|we'd\s+(already\s+)?cancel+ed|i'd\s+(already\s+)?cancel+ed|we've\s+(already\s+)?cancel+ed|i've\s+(already\s+)?cancel+ed|(after|since) (cancel+ing|i cancel+ed|we cancel+ed|((a|the|my|our) )?cancel+ation)|cancel+ed (it |my \w+ |our \w+ |the \w+ )?(on|last|back in|weeks ago|days ago|a month ago|in (january|february|march|april|may|june|july|august|september|october|november|december))\b|(despite|in spite of) (my |our |the |having )?cancel+(ation|ing|ed)|trotz (der |meiner |unserer |erfolgter )?k[üu]ndigung|a pesar de (la |mi |nuestra )?(cancelaci[óo]n|baja)|malgr[ée] (la |ma |notre )?r[ée]siliation|apesar d[oae] (\w+ )?cancelamento|nonostante (la |mia |nostra )?disdetta|ondanks (de |mijn |onze )?opzegging|(ya|hab[íi]a|hab[íi]amos|hemos|he)\s+(\w+\s+)?(cancelado|dado de baja))\b", RegexOptions.IgnoreCase)]
    private static partial Regex CancelledEarlier1();

    [GeneratedRegex(@"\b(despu[ée]s de (cancelar|darme de baja|darnos de baja)|ya (cancel[ée]|me di de baja|nos dimos de baja)|(habe|haben|hatte|hatten|hat|bereits|schon)\s+(\w+\s+){0,4}gek[üu]ndigt|gek[üu]ndigt (hatte|hatten|habe|haben|hat)|nach (der |meiner |unserer )?k[üu]ndigung|nachdem (ich|wir) (\w+\s+){0,4}gek[üu]ndigt|(j'ai|j'avais|nous avons|nous avions|avoir|d[ée]j[àa])\s+(\w+\s+)?(r[ée]sili[ée]e?s?|annul[ée]e?s?)|apr[èe]s (ma |la |notre )?r[ée]siliation|(j[áa]|tinha|t[íi]nhamos)\s+(\w+\s+)?(cancelad[oa]|cancelei|cancelamos)|depois de (\w+\s+)?cancelar|(ho|avevo|abbiamo|avevamo|gi[àa]|dopo aver)\s+(\w+\s+)?(disdetto|annullato|cancellato)|(heb|had|hadden|hebben|al|reeds)\s+(\w+\s+){0,3}(opgezegd|geannuleerd)|(opgezegd|geannuleerd) (had|hadden|heb|hebben)|na het opzeggen|na (de |mijn |onze )?opzegging|(they|he|she) (had )?cancel+ed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CancelledEarlier2();

    [GeneratedRegex(@"\b(tras (la |mi |nuestra )?(baja|cancelaci[óo]n)|despu[ée]s de (la |mi |nuestra )?(baja|cancelaci[óo]n)|dopo (la |mia |nostra )?disdetta|(ap[óo]s( o)?|depois do) cancelamento|(the|my|our|a) cancel+ation (e-?mail|confirmation|receipt|notice|letter)|k[üu]ndigungsbest[äa]tigung|confirmaci[óo]n de (la )?(cancelaci[óo]n|baja)|(had|have) (already )?asked (you )?to cancel|j'avais (d[ée]j[àa] )?demand[ée] (la r[ée]siliation|l'annulation)|hab[íi]a (pedido|solicitado) (la )?(baja|cancelaci[óo]n)|hatte (\w+ )?(die )?k[üu]ndigung (beantragt|eingereicht|geschickt)|tinha pedido (o )?cancelamento|avevo (gi[àa] )?(chiesto|richiesto) (la )?disdetta|confirmation de (la |ma |notre )?r[ée]siliation|confirma[çc][ãa]o (de|do) cancelamento|conferma (della |di )?disdetta|opzeggingsbevestiging|bevestiging van (de |mijn |onze )?opzegging)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CancelledEarlier3();

    // Too large as one alternation for the JIT to optimise: 3 parts in the same order, matching what the whole did (SplitAlternation).
    private static readonly SplitAlternation CancelledEarlierParts = new(CancelledEarlier1(), CancelledEarlier2(), CancelledEarlier3());

    // "I have the cancellation email", "la confirmación de cancelación", "die Kündigungsbestätigung": a paper that proves an
    // earlier cancellation, or the policy asked about, is no request to cancel now.
    [GeneratedRegex(@"^\w*[\s-]+(e-?mails?|mails?|confirmations?|notices?|receipts?|letters?|numbers?|references?|screenshots?|policy|policies|terms|fee|fees|request was|was (confirmed|processed|ignored)|correo|confirmaci[óo]n|comprobante|best[äa]tigung|schreiben|courriel|confirma[çc][ãa]o|conferma|bevestiging)\b|^\w*(best[äa]tigung|schreiben|bevestiging)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CancellationPaper();

    /// <summary>
    /// "I forgot to cancel", "esqueci de cancelar", "ich habe vergessen zu kündigen", "j'ai oublié d'annuler": the story of a
    /// renewal the customer meant to stop, told to ask for the charge back — not a request to cancel now.
    /// </summary>
    private static bool Forgotten(string text, int at) => ForgotBefore().IsMatch(text[Math.Max(0, at - 40)..at]);

    [GeneratedRegex(@"\b(forgot|forgotten|forget|meant|remembered|tried|olvid[ée]|olvidamos|se me olvid[óo]|vergessen|vergaß|vergass|oubli[ée]|esqueci|esquecemos|esqueceu|dimenticat[oa]|dimenticavo|scordat[oa]|vergeten|vergat),?\s+(to|de|d'|di|te|zu|het|om te|mein \w+ zu|das \w+ zu|il \w+ di|mijn \w+ te|o \w+ de|la \w+ de|lo \w+ di|la \w+ di)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ForgotBefore();

    [GeneratedRegex(@"(\b(not|no|never|without|nor|kein\w*|nicht|nie|niemals|ohne|pas|jamais|sans|aucun|aucune|n[ãa]o|nunca|sem|nenhum|nenhuma|non|mai|senza|nessun[oa]?|niet|geen|nooit|zonder|sin|ning[úu]n|ninguna)\b|n't\b)", RegexOptions.IgnoreCase)]
    private static partial Regex AskNegator();

    [GeneratedRegex(@"\b(if|unless|si|wenn|falls|se|als|indien|caso)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AskCondition();

    // "5 seats at €20 each", "€20 per seat", "20 €/usuario", "20 € pro Platz", "20 € par siège", "20 € cada", "20 € ciascuno".
    [GeneratedRegex(@"([€$£]\s?\d[\d.,]*|\d[\d.,]*\s?(€|eur|euros?|usd|gbp|\$|£))\s*(each|apiece|per (seat|user|licen[cs]e|agent|head|person|unit)|a (seat|user|licen[cs]e|head)|/\s?(seat|user|licen[cs]e|agent|usuario|asiento|platz|nutzer|siège|utilisateur|utente|gebruiker)|por (usuario|asiento|licencia|cabeza)|cada(\s+uno)?|pro (platz|nutzer|lizenz|kopf|person)|je (platz|nutzer|lizenz)|par (siège|utilisateur|licence|personne)|chacun|por (utilizador|usuário|licença)|ciascun[oa]|a (posto|utente)|per (stoel|gebruiker|licentie|stuk)|elk)\b", RegexOptions.IgnoreCase)]
    private static partial Regex UnitPrice();


    // English, then es, de, fr, pt, it, nl: the words a customer uses for being charged.
    [GeneratedRegex(@"\b(added|activated|enabled|switched on|turned on|charged|chargd|charges?|purchased|purchsed|purchaced|paid|payed|bought|bougt|boght|baught|billed|billd|chraged|renewed|renewals?|payments?|went through|came out|went out|left (our|my|the) (account|card)|hit my (card|account)|invoiced|subscribed|upgraded|took|taken|debited|debits?|direct debit|deducted|cobr\w+|cargo|cargaron|renov[óo]|renovaron|renovad[oa]s?|pagu[ée]|pagad[oa]s?|pagamos|pagaron|pag[óo]|factur[ae]\w+|renovaci[óo]n|compr(?:é|e|amos|ámos|aron|ó|ad[oa]s?|ei|ou|at[oiae]|ammo|ai))\b", RegexOptions.IgnoreCase)]
    private static partial Regex PurchaseCue1();

    [GeneratedRegex(@"\b(pagámos|subscrevemos|subscrevi|adquir\w+|suscrib\w+|contrat[ée]|contratamos|berechnet\w*|abgebucht\w*|Abbuchung|Zahlung|bezahlt\w*|gezahlt\w*|belastet\w*|gekauft\w*|verlängert\w*|gebucht\w*|bestellt\w*|abonniert\w*|factur[ée]e?s?|paiement|prélev\w+|débit[ée]e?s?|pay[ée]e?s?|achet[ée]e?s?|renouvel\w+|souscrit\w*|commandée?s?|ajout[ée]e?s?|añadid[oa]s?|hinzugef[üu]gt|adicionad[oa]s?|aggiunt[oaie]|toegevoegd)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PurchaseCue2();

    [GeneratedRegex(@"\b(pagou|paguei|pago|faturad[oa]s?|debitad[oa]s?|cobrança|addebit\w+|pagamento|pagat[oiae]|fatturat[oiae]|acquistat[oiae]|rinnov\w+|abbonat[oiae]|afgeschreven|afschrijving|betaling|betaald|gefactureerd|in rekening gebracht|gekocht|verlengd|besteld|afgesloten|genomen|afgenomen|aangeschaft|geactiveerd|dated|datiert|fechad[oa]s?|dat[ée]e?s? du|datad[oa]s?|datat[oa]|gedateerd|activated|enabled|activ[ée]e?s?|aktiviert|activad[oa]s?|ativad[oa]s?|attivat[oa]|attivati|attivate|pris|prise|kocht|kochten|aangezet|ingeschakeld|eingeschaltet|freigeschaltet|attivato|accesa|acceso)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PurchaseCue3();

    [GeneratedRegex(@"(?<=[€$£]\s?\d[\d.,]*\)?\s)(from|of|on|vom|von|del|de|du|do|da|dal|van)\b|(?<=\d(,-{1,2})?\s?(€|eur|euros?)\s)(from|of|on|vom|von|del|de|du|do|da|dal|van)\b|(?<=([€$£]\s?\d[\d.,]*|\d[\d.,]*\s?(€|eur|euros?))\s(for|für|pour|por|para|per|voor)\s([^\s.,;!?]+\s){1,4})(from|of|on|vom|von|del|du|do|da|dal|van)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PurchaseCue4();

    // Too large as one alternation for the JIT to optimise: the words in 3 parts, then the amounts' dates, in the same order (SplitAlternation).
    private static readonly SplitAlternation PurchaseCueParts = new(PurchaseCue1(), PurchaseCue2(), PurchaseCue3(), PurchaseCue4());

    // The service level named: "SLA", "service level", "uptime", "Verfügbarkeit", "disponibilidad", "disponibilité".
    [GeneratedRegex(@"(\bSLA|\b(service level|uptime|Verf[üu]gbarkeit|disponibilidad|disponibilit[ée]|disponibilidade|disponibilit[àa]|beschikbaarheid))", RegexOptions.IgnoreCase)]
    private static partial Regex SlaWord();

    // An outage told as settled: credited, handled, resolved, no complaint left.
    [GeneratedRegex(@"\b(got (our|a|the|my) credit|(was|were|been) credited|already credited|handled (it|that) well|no complaints?|(was|been|got) (resolved|fixed|sorted)|ya (nos )?(lo )?compensaron|ya se resolvi[óo]|schon gutgeschrieben|wurde (gutgeschrieben|behoben)|d[ée]j[àa] (cr[ée]dit[ée]|r[ée]gl[ée]|r[ée]solu)|j[áa] (foi )?(creditad[oa]|resolvid[oa])|gi[àa] (accreditat[oa]|risolt[oa])|al (gecrediteerd|opgelost))\b", RegexOptions.IgnoreCase)]
    private static partial Regex OutageSettled();

    [GeneratedRegex(@"\b(about|around|roughly|approximately|approx\.?|some|nearly|almost|more or less|maybe|unas|unos|alrededor de|aproximadamente|casi|m[áa]s o menos|etwa|ungef[äa]hr|rund|circa|ca\.|fast|environ|presque|à peu près|umas|uns|cerca de|quase|mais ou menos|circa|quasi|pi[ùu] o meno|ongeveer|bijna|zo'n)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Approximately();

    [GeneratedRegex(@"\b(status ?page|incident report|confirmed|p[áa]gina de (estado|status)|confirmad[oa]|Statusseite|best[äa]tigt|page de statut|confirm[ée]e?|pagina di stato|confermat[oa]|statuspagina|bevestigd)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ConfirmedDowntime();

    // Words that open another event in the sentence: the charge's date is not after them.
    [GeneratedRegex(@"\b(although|even though|though|but|after|before|whereas|obwohl|aber|nachdem|bevor|w[äa]hrend|aunque|pero|despu[ée]s de|antes de|alors que|bien que|mais|apr[èe]s|avant|embora|mas|depois de|anche se|sebbene|ma|dopo|prima di|terwijl|hoewel|maar|nadat|voordat)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OtherEvent();

    // A sentence end: punctuation after a non-digit ("10. November" is a date, not an end) and not after a month's
    // abbreviation ("el 3 de nov. nos cobraron"), then a space.
    [GeneratedRegex(@"(?<=\D)(?<!\b(?i:jan|janv|ene|gen|feb|f[ée]vr?|mar|m[äa]r|mrt|apr|abr|avr|may|mag|jun|giu|jul|juil|lug|aug|ago|ao[ûu]|sep|sept|set|oct|okt|ott|out|nov|dec|dic|dez|d[ée]c))[.!?;]\s+|\n")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"(?<=\p{L})[.!?]\s+(?=\p{Lu})")]
    private static partial Regex NextSentence();


    [GeneratedRegex(@"\b(outage|(was|were|is|are|went|been) (?!not\b)(\w+ )?down\b|downtime|unavailable|offline|service disruption|"
        + @"ca[íi]d[oa]s?|ca[íi]da|interrupci[óo]n|sin servicio|no funcionaba|Ausfall\w*|Ausf[äa]lle\w*|ausgefallen|funktionierte nicht|nicht erreichbar|Störung|panne|en panne|indisponible|"
        + @"interruption|ne fonctionnait plus|fora do ar|em baixo|(a|à|na|da|pela|uma) queda\b|queda (do|da|de) (servi[çc]o|sistema|plataforma|acesso)|(?<!(re{1,2}[mn]bolso|estorno|dinheiro|valor|pagamento) (j[áa] |ainda n[ãa]o )?)caiu(?! (o|a|na|no) (re{1,2}[mn]bolso|estorno|dinheiro|valor|pagamento|conta|cart[ãa]o))|sem servi[çc]o|indispon[íi]vel|interrup[çc][ãa]o|falhas?|n[ãa]o funcionava|disservizio|interruzione|fuori servizio|(siete|eravate|era|[èe]) (stat[oi] )?gi[ùu]\b|guast[oi]|non funzionava|non ha funzionato|non hanno funzionato|blocco (del|della|dei|delle)|bloccat[oaie]|[èe] stat[oa] ferm[oa]|ferm[oi] per|irraggiungibil\w*|non raggiungibil\w*|rimast[aoie] ferm[aoie]|storing\w*|onbereikbaar|plat|werkte niet|lag (\S+ ){0,6}(er)?uit|"
        + @"konden (we |wij )?(\S+ ){0,6}(geen|niet)|konnten (wir )?(\S+ ){0,6}(keine|nicht)|no pod[íi]amos|no pudimos|ne pouvions (pas|plus)|n'avons pas pu|n[ãa]o consegu[íi]amos|n[ãa]o pod[íi]amos|non potevamo|non riuscivamo|"
        + @"incidente|incidentes|incidenti|pagina di stato|p[áa]gina de (estado|status)|Statusseite|page de statut|statuspagina|non ci (sono|erano) arrivat[ei]|non arrivavano|no (nos )?llegaban|n[ãa]o (nos )?chegavam|kamen (\S+ ){0,3}(keine|nicht) an|kwamen (\S+ ){0,3}(geen|niet) (binnen|aan)|n'arrivaient (pas|plus)|"
        + @"outage|downtime|unavailable|disruption|incident|(couldn't|could not) (sync|connect|log ?in|access|load|use|receive|send)|status page)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OutageWord();

    [GeneratedRegex(@"\b(outage|(was|were|is|are|went|been) (?!not\b)(\w+ )?down\b|downtime|unavailable|offline|service disruption|disruption|incident|(couldn't|could not|was unable to|were unable to|could n't) (sync|connect|log ?in|sign in|access|load|send|receive|reach|use)|status page)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OutageWordEnglish();

    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?)\s*(?<u>hours?|hrs?|h\b|days?|minutes?|mins?)", RegexOptions.IgnoreCase)]
    private static partial Regex DurationEnglish();

    // A clock span: hours with ":" minutes or French "h" ("09:10", "9h10", "12h"), joined by a dash or "to/until/a/hasta/bis/
    // à/até/alle/tot". A dotted "12.11–14.11" is a span of dates, not of hours, and is not read.
    [GeneratedRegex(@"\b(?<ah>[01]?\d|2[0-3])(:(?<am>[0-5]\d)|h(?<am>[0-5]\d)?)\s*(utc|gmt|cet|cest|uhr)?\s*(-|–|—|to|until|till|a|hasta|bis|à|jusqu'à|às|até|alle|fino alle|tot|(?<=\b(between|entre|zwischen|tra|fra|tussen)\s+\S+\s*(utc|gmt|cet|cest|uhr)?\s*)(and|y|und|et|e|en))\s*(?<bh>[01]?\d|2[0-3])(:(?<bm>[0-5]\d)|h(?<bm>[0-5]\d)?)(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex TimeRange();

    [GeneratedRegex(@"(?<n>\d+(?:[.,]\d+)?)\s*(?<u>hours?|hrs?|h\b|days?|minutes?|mins?|horas?|Stunden?|Std\b|heures?|ore\b|ora\b|uur\b|uren\b|minutos?|Minuten?|minuti|minuten|días|Tage?n?\b|jours?|dias|giorni|dagen)", RegexOptions.IgnoreCase)]
    private static partial Regex Duration();

    [GeneratedRegex(@"\b(charged (us |me )?twice|double[- ]charged|overcharged|duplicate (charge|payment)|wrong amount|billing error|charged the wrong|"
        + @"(charged|billed|took|taken|debited|cobr\w+|abgebucht|belastet|pr[ée]lev[ée]\w*|d[ée]bit[ée]\w*|addebitat\w+|afgeschreven|gefactureerd)\s+(\S+\s+){0,6}(twice|again the same day|dos veces|doppelt|zweimal|deux fois|duas vezes|due volte|twee keer|dubbel)|"
        + @"(cargo|cobro) duplicado|doppelte (Abbuchung|Belastung|Zahlung)|double pr[ée]l[èe]vement|pr[ée]l[èe]vement en double|cobran[çc]a duplicada|(addebito|pagamento) doppio|doppio addebito|dubbele (afschrijving|betaling|incasso))\b", RegexOptions.IgnoreCase)]
    private static partial Regex BillingErrorWord();

    [GeneratedRegex(@"\b(bug|broken|defect|crash(es|ed)?|not working|doesn't work|does not work|stopped working|keeps failing)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DefectWord();

    [GeneratedRegex(@"\b(changed (my|our) minds?|no longer need|don't need it|didn't use|did not use|never used|by mistake|by accident|accidentally)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ChangedMindWord();

    /// <summary>A refund asked for in words ("refund", "money back", "reembolso", "Erstattung", "remboursement"…).</summary>
    // Typed fast ("refnd", "rfund"), and said plainly: "give back the €35", "just put one of them back".
    [GeneratedRegex(@"\b(refund(ed)?|ref(n|un|ud|nu)d\w*|refun|rfund\w*|money back|put (it|that|this|the money|my money|our money|them) back|put (one|one of (them|those|the charges|the payments)|the (second|extra|duplicate|double)( one| charge| payment)?) back|give back (the|my|our|that|this|those|it)\b|(want|need|expect|like|love) (it|that|them|the money|my money|our money) back|(send|pop|put|stick) (the |that |this |those |my |our )?(second one|other one|extra one|duplicate|money|charge|payment|[€$£]\s?\d[\d.,]*|\d[\d.,]*\s?(€|eur|euros?))( \S+){0,2} back\b|(sort|sorting) (out )?(the |this |that |our |my )?(double|duplicate|duplicated|extra|second) (charge|payment|debit|transaction)s?|(fix|correct|undo|resolve|deal with|take care of) (the |this |that |our |my )?(double|duplicate|duplicated) (charge|payment|debit|transaction|billing)s?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RefundAskWord1();

    [GeneratedRegex(@"\b((solucion\w*|arregl\w*|corrig\w*) (el|ese|este) (cobro|cargo) (duplicado|doble)|doppelte (Abbuchung|Belastung|Zahlung) (\S+ )?(korrigier\w*|kl[äa]r\w*|beheb\w*|r(?:ü|ue|u)ckg[äa]ngig)|(r[ée]gl\w*|corrig\w*|annul\w*) (le|ce) (double (pr[ée]l[èe]vement|d[ée]bit|paiement)|(pr[ée]l[èe]vement|d[ée]bit|paiement) en double)|(resolv\w*|corrig\w*) (a|essa) cobran[çc]a (duplicada|em dobro)|(sistem\w*|risolv\w*|corregg\w*) (il|quel|questo) doppio addebito|dubbele (afschrijving|betaling|boeking) (\S+ )?(oplossen|rechtzetten|corrigeren|terugdraaien)|(could|can|would|might|may) (the |my |our |that |those )?(\S+ ){0,2}(money|euros?|dollars?|pounds?|[€$£]\s?\d[\d.,]*|\d[\d.,]*\s?€|charge|payment|it) (come|go) back)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RefundAskWord2();

    [GeneratedRegex(@"\b((the|my|our|that|those) (money|\d[\d.,]* euros?|[€$£]\s?\d[\d.,]*|\d[\d.,]*\s?€) (could|can|might|may|would) (\S+ )?(come|go) back|(get|have|give (me|us)) (the |my |our )?(\S+ ){0,2}(euros?|dollars?|pounds?|eur|usd|gbp|[€$£]\s?\d[\d.,]*|\d[\d.,]*\s?€) back|return (my|our|the) money|reverse (that|this|it)( one)?(?! (change|update|setting|decision))\b|riavere (i soldi|il denaro|l'importo|la somma)|ridatemi i soldi|restituir(e|mi|ci) (i soldi|il denaro|l'importo)|terugzett\w*|terug te zetten|give (me|us) (it|that|this|the money|the \S+|my \S+|our \S+) back|(reverse|undo|void) (the|that|this|my|these)( \S+)? (charge|payment|transaction|debit)s?|anul(ar|en|e|an) (el|ese|este|los|esos) (cargo|cobro)s?|storn\w* (Sie )?(die|den|diese|diesen) (\S+ )?(Abbuchung|Zahlung|Lastschrift|Belastung|Betrag|Buchung))\b", RegexOptions.IgnoreCase)]
    private static partial Regex RefundAskWord3();

    [GeneratedRegex(@"\b((Abbuchung|Zahlung|Lastschrift|Belastung|Betrag)\w* (\S+ ){0,5}storn\w*|annul(er|ez) (le|ce) (prélèvement|paiement|débit)|estorn(ar|em|e)\b|stornat[eo]|stornare|terugdraai\w*|(get|have|give me) (it|that|this|those|them|the money|the charge|the payment) back|reimburse(ment)?|charge ?back|re{1,2}[mn]b[oó]ls\w*|devoluci[óo]n|devu[ée]lv\w*|devolv\w*|betaal\b.{0,40}\bterug|(R(?:ü|ue|u)ck)?[Ee]rstatt\w*|zur(?:ü|ue|u)ck(erstatt|zahl|überweis|uberweis|buch)\w*|Geld zur(?:ü|ue|u)ck|terugstort\w*|terugboek\w*|teruggestort|terug (te )?storten|rembour[sc]{1,2}\w*|rimbors\w*|restitui\w*|terugbetal\w*|geld terug|terugkrijg\w*|estorno|devolu[çc][ãa]o|dinheiro de volta|soldi indietro|(Geld|Betrag|Summe)\b.{0,20}\bzur(?:ü|ue|u)ck)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RefundAskWord4();

    // Too large as one alternation for the JIT to optimise: 4 parts in the same order, matching what the whole did (SplitAlternation).
    private static readonly SplitAlternation RefundAskWordParts = new(RefundAskWord1(), RefundAskWord2(), RefundAskWord3(), RefundAskWord4());

    /// <summary>
    /// "49 € terug/zurück/de volta/indietro" — an amount asked back — unless it follows "call/ruf/bel…" ("ruf mich … zurück"). Its
    /// look-behind is costly on every digit, so it runs only on a text holding one of the back words (<see cref="RefundAsks"/>).
    /// </summary>
    [GeneratedRegex(@"\b((?<!\b(ruf|rufen|ruft|rufe|bel|belt|bellen|call|chiam\w*|ligue\w*|ligar|liga)\b[^.!?]{0,80})(\d+([.,]\d+)? ?(€|(euros?|eur)\b)|(?<=€ ?)\d+([.,]\d+)?\b).{0,50}\b(terug|zur(?:ü|ue|u)ck|de volta|indietro)\b(?! ?(bel|ruf|call|chiam|lig)))\b", RegexOptions.IgnoreCase)]
    private static partial Regex RefundAmountBack();

    private static readonly string[] BackWords = ["terug", "zurück", "zuruck", "de volta", "indietro"];

    /// <summary>The refund asks of a text, in order: the words, and the amounts asked back where a back word appears.</summary>
    private static IEnumerable<Match> RefundAsks(string text)
    {
        var words = RefundAskWordParts.Matches(text);
        if (!BackWords.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase)))
        {
            return words;
        }

        return words.Concat(RefundAmountBack().Matches(text)).OrderBy(m => m.Index);
    }

    [GeneratedRegex(@"\b(credit|compensation|compensate|sla credit|service credit|creditering|cr[ée]dito|crédit|un avoir|l'avoir|en avoir|credito|tegoed|SLA-Gutschrift|(el|un|una|su|nuestro) abono( por (el )?SLA| de SLA| SLA)?|abono (por|de) (el )?SLA|geste commercial|compensaci[óo]n|indemnizaci[óo]n|Entsch[äa]digung|Gutschrift|d[ée]dommagement|indemnisation|risarcimento|indennizzo|compensa[çc][ãa]o|indeniza[çc][ãa]o|schadevergoeding|compensatie)s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex CreditAsk();

    [GeneratedRegex(@"\b(cancel(lation)?|cancle|cancell|cansel|cancal|cancell?ation|close (my|our|the|this) (acc?ount?|subscription|workspace)|(cerr(ar|ad)|cierr(en|e|a)) (mi|la|nuestra) cuenta|ferm(er|ez) (mon|le|notre) compte|(mein|unser|das)\w* Konto (\S+ ){0,2}schlie(ß|ss)en|schlie(ß|ss)en Sie (mein|unser|das)\w* Konto|encerr(ar|em|e) (a |minha |nossa |a minha |a nossa )conta|chiud(ere|ete|i) (il (mio|nostro) |l')account|(mijn|ons|het) account (\S+ ){0,2}(sluiten|opheffen)|sluit (mijn|ons|het) account|terminate|not renew(ing)?|won't renew|(dar|darme|darnos|darse|darle|darles|d[ée]nme|d[ée]nos|den) de baja|(solicit\w*|pido|pedimos|quiero|queremos|deseo|deseamos|tramit\w*) (la )?(cancelaci[óo]n|baja)|pull the plug|shut (down|off) (my|our|the) (acc?ount|subscription|workspace)|close out (my|our|the) (account|subscription)|(me doy|nos damos) de baja|(abo|abonnement|vertrag|mitgliedschaft)\w* (\S+ )?beenden|elimin(ar|en) (mi|la|nuestra) cuenta|supprim(er|ez) (mon|notre|le) compte|me d[ée]sabonner|d[ée]sabonnez-moi|r[ée]silions|cancelar|k[üu]ndig\w*|r[ée]silie\w*|r[ée]siliation|disdett\w*|disdire|opzeg\w*|cancelamento|cancelen|cancelem|cancele|cancela|cancelad|cancel[aá]d(la|lo|me|nos)|cancel[aáeé](la|lo|me|nos)|cancelar(la|lo|me|nos)|canc[eé]lenme|cancelem-n[ao]|cancela-[ao]|annuler|annulez|annulation|annullare|annullate|annullamento|stopzetten|be[ëe]indig\w*|storn\w* (Sie )?(mein|unser)\w* (Abo|Abonnement|Vertrag|Tarif|Mitgliedschaft|Konto)|(Abo|Abonnement|Vertrag|Tarif|Mitgliedschaft)\w* (\S+ ){0,3}storn\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CancelAsk();

    [GeneratedRegex(@"\b(gdpr|subject access|copy of (all )?(my|our) (personal )?data|access request|delete (all )?(my|our|her|his|their) (personal )?(data|conversations|information)|(her|his|their|my) data (be )?deleted|right to be forgotten|data export|export (all )?(my|our) data|erasure|"
        + @"borr(ar|en) (todos )?(mis|nuestros|sus) datos|supresi[óo]n de (todos )?(mis |sus |los )?datos|derecho al olvido|droit à l'oubli|direito ao esquecimento|diritto all'oblio|recht auf vergessenwerden|(meine|unsere|ihre) daten (zu )?l[öo]schen|l[öo]schen Sie (bitte )?(alle )?(meine|unsere) (personenbezogenen )?Daten|dsgvo|rgpd|l[öo]schung (meiner|unserer|ihrer) daten|datenauskunft|supprim(er|ez) (toutes )?(mes|nos|ses|leurs) donn[ée]es|effacement de (mes|ses) donn[ée]es|apag(ar|uem) (todos )?(os )?(meus|nossos|seus) dados|elimina[çc][ãa]o dos (meus )?dados|cancella(re|te) (tutti )?i (miei|nostri|suoi) dati|verwijder (al )?(mijn|onze|haar|zijn) gegevens)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DataAsk();

    // The data request that deletes: "delete all my data", "erasure", "right to be forgotten", "supresión", "borrar mis datos",
    // "Löschung", "droit à l'oubli", "apagar os meus dados", "diritto all'oblio", "verwijder mijn gegevens".
    [GeneratedRegex(@"\b(delet\w*|eras\w*|forgotten|remove (all )?(my|our|her|his|their) (personal )?data|supresi[óo]n|suprim\w*|borr(ar|en|ad)|elimin\w*|olvido|l[öo]sch\w*|vergessenwerden|vergessen zu werden|supprim\w*|effac\w*|oubli|apag(ar|uem)|elimina[çc][ãa]o|esquecimento|cancella\w*|oblio|verwijder\w*|vergeten te worden)", RegexOptions.IgnoreCase)]
    private static partial Regex ErasureAsk();

    // The same charge taken twice, and its duplicate asked back: "charged twice", "the duplicate", "dos veces", "doppelt",
    // "deux fois", "en double", "duas vezes", "duplicada", "due volte", "doppio", "twee keer", "dubbel".
    [GeneratedRegex(@"\b(twice|two times|double[- ]?charged|duplicate\w*|dos veces|duplicad\w*|doble|zweimal|doppelt\w*|deux fois|en double|doublon|duas vezes|em dobro|due volte|doppi[oa]|duplicat[oi]|twee keer|dubbel\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ChargedTwice();

    // Tier 1's check denying a duplicate: "no duplicate found", "only one charge", "a pending authorisation that was released",
    // "solo hay un cargo", "nur eine Abbuchung", "un seul prélèvement", "apenas uma cobrança", "un solo addebito", "slechts één afschrijving".
    [GeneratedRegex(@"\b(no (duplicate|double|second|other) (charge|payment|transaction)s?|no duplicates?\b|not (a )?duplicate|(only|just) one (\w+ )?(charge|payment|transaction)|single (\w+ )?(charge|payment)|(pre-?auth\w*|authori[sz]ation) (hold )?(was )?(released|dropped|voided|expired)|charged (only )?once|(pending|temporary) (authori[sz]ation|hold|pre-?auth\w*)|pre-?authori[sz]ation|solo (hay )?un (cargo|cobro)|no hay (ning[úu]n )?(cargo|cobro) (duplicado|doble)|un [úu]nico (cargo|cobro)|nur eine (Abbuchung|Belastung|Zahlung)|keine (doppelte|zweite) (Abbuchung|Belastung|Zahlung)|keine Doppelbuchung|un seul (pr[ée]l[èe]vement|paiement|d[ée]bit)|pas de (double|doublon)|aucun doublon|apenas uma cobran[çc]a|s[óo] h[áa] uma cobran[çc]a|nenhuma (cobran[çc]a )?duplicada|uma (única|s[óo]) cobran[çc]a|n[ãa]o h[áa] cobran[çc]a (duplicada|em dobro)|un solo addebito|nessun (doppio addebito|addebito doppio)|slechts (één|een) (afschrijving|betaling)|geen dubbele (afschrijving|betaling|boeking))\b", RegexOptions.IgnoreCase)]
    private static partial Regex NoDuplicate();

    // A check that says the charge was not when the customer thinks: "not in November", "no November charge", "non di novembre".
    [GeneratedRegex(@"\b(not|no|nicht|kein\w*|pas|non|niet|geen|n[ãa]o|ning[úu]n)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotThen();

    // Things priced per unit: "5 seats at €25 each" is no single charge taken twice.
    [GeneratedRegex(@"\b(seats?|licen[cs]es?|users?|agents?|pl[äa]tze|lizenz\w*|nutzer\w*|usuarios?|asientos?|licencias?|si[èe]ges?|utilisateurs?|lugares|usu[áa]rios?|licen[çc]as?|posti|utenti|licenze|plaatsen|gebruikers|licenties)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Units();

    // Tier 1 reporting the customer's ask: "Customer insists on a manager", "she asked for a supervisor", "wants to escalate".
    [GeneratedRegex(@"\b(customer|client|caller|user|admin|owner|they|she|he)\b[^.;]{0,30}\b(ask\w*|want\w*|demand\w*|request\w*|insist\w*|threaten\w*|escalat\w*|refus\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CustomerAsked();

    // A title is no request: "Alicia Brook, practice manager", tier 1's "Account manager + engineering plan", "my manager said",
    // "ik ben de manager van de vestiging".
    [GeneratedRegex(@"\b(?<!\b(account|practice|office|product|project|operations|ops|it|finance|billing|sales|success|community|general|store|marketing|hr|clinic|property|site|fleet|program|programme|facilities|accounts|payroll|case|my|our|his|her|their|line|relationship|engagement|partner|delivery|data|practice|business|school|branch|team|area|regional|district|hotel|restaurant|studio|centre|center|department|deputy|assistant|shop|salon|pharmacy)[ -])(?<!\b(i am|i'm|ik ben|je suis|ich bin|soy|sou|sono|we are|wij zijn) (the |de |le |la |el |o |a |il |der |die )?)(manager|supervisor|someone senior|your boss|head of support|Vorgesetzt\w*|superviseur|supervisore|leidinggevende)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ManagerAsk();

    [GeneratedRegex(@"\b(fix (this|it)|get (this|it) working|restore)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FixAsk();
}

using System.Globalization;
using System.Text.RegularExpressions;
using Escalation.Core.Cases;
using Escalation.Core.Knowledge;

namespace Escalation.Core.Sensitive;

/// <summary>
/// The sentences of a composer draft, one method per part of seed 003's checklist, each written from the reply
/// language's templates (<see cref="ReplyText"/>).
/// </summary>
internal static partial class ComposerSentences
{
    /// <summary>One greeting by first name: formal for a VIP or a formal writer, casual otherwise; never "Hey" or "!".</summary>
    public static string Greeting(DraftRequest r, string first, ReplyText t)
    {
        if (first.Length > 0)
        {
            return t[CustomerRegister.Formal(r) ? "greeting.formal" : "greeting.casual", ("name", first)];
        }

        // No person to name (a department, a mailbox): the greeting without its name — "Buenos días:", "Guten Tag," — or
        // the casual one where the formal greeting is an address that needs a name ("Gentile …,", "Beste …,", "Dear …,").
        var formal = Nameless(t["greeting.formal"]);
        return CustomerRegister.Formal(r) && !NeedsAName().IsMatch(formal) ? formal : Nameless(t["greeting.casual"]);
    }

    private static string Nameless(string template) => NamePlaceholder().Replace(template, "").Trim();

    [GeneratedRegex(@"[ \t]*,?[ \t]*\{name\}")]
    private static partial Regex NamePlaceholder();

    [GeneratedRegex(@"^(gentile|gentili|egregi\w*|beste|geachte|dear|estimad[oa]s?|querid[oa]s?|caro|cara|cari|prezad[oa]s?|liebe[rs]?|sehr geehrte\w*|cher|ch[èe]re|chers)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex NeedsAName();

    /// <summary>A specific apology for a frustrated customer; otherwise the tone guide's opening for their register.</summary>
    public static IEnumerable<string> Opening(DraftRequest r, Workspace ws, ReplyText t)
    {
        if (Apologises(r, ws))
        {
            yield return Apology(r, t);
            yield break;
        }

        // A VIP gets the formal row whatever their tone; a greeting inside the opening would be a second one.
        var row = t.Opening(r.Signals.Vip ? CustomerTones.Formal : r.Signals.Text.CustomerTone);
        var opening = row is null ? "" : ReplyText.WithoutLeadingGreeting(row);
        if (!string.IsNullOrWhiteSpace(opening))
        {
            yield return opening;
        }
    }

    /// <summary>Restates what the customer asked for, with the amount and charge date from the facts.</summary>
    public static string Acknowledge(DraftRequest r, Workspace ws, ReplyText t)
    {
        var f = r.Facts;
        var parts = new List<string>();
        // A sum nobody settled is not restated: tier 1's against the customer's, several candidates, or "at least a partial
        // refund" of a €1,188 charge.
        var amount = f.Amount is { } a && (f.AmountRequested || f.HasAsk(CaseAsks.Refund)) && !f.AmountConflict && !f.AmountAmbiguous && (f.PartialAsk is null || f.AmountRequested)
            ? t["ack.amount", ("amount", t.Money(a, f.Currency ?? "EUR"))] : "";
        // A charge date tier 1 contradicts is not restated either.
        var when = f.PurchaseDate is { } d && f.PurchaseDateConflict is null ? t["ack.chargeDate", ("date", t.Date(d))] : "";
        if (f.HasAsk(CaseAsks.DataAccess))
        {
            // An erasure is not answered with "a copy of your data": the language's erasure sentence, else the neutral one.
            parts.Add(!f.DataErasure ? t["ack.dataAccess"] : t.Has("ack.dataErasure") ? t["ack.dataErasure"] : t["ack.message"]);
        }
        else if (f.Hypothetical is not null || (r.Signals.Text.Legal && !f.HasAsk(CaseAsks.DataAccess)))
        {
            // "quel est votre délai de remboursement ?" asks no refund, and a legal case's one reply only acknowledges (the
            // legal policy): neither is told "You asked for a refund / a credit".
            parts.Add(string.IsNullOrWhiteSpace(r.Subject) ? t["ack.message"] : t["ack.subject", ("subject", CaseText.Normalize(r.Subject))]);
        }
        else if (f.RefundStatus is not null && t.Has("ack.refundStatus"))
        {
            parts.Add(t["ack.refundStatus"]);
        }
        else if (f.AlreadyDone is not null)
        {
            // "Ya me ha llegado el reembolso, ¡gracias!": the money already moved, so the reply does not restate the old ask as
            // if it were still open ("You asked for a refund of €49").
            parts.Add(string.IsNullOrWhiteSpace(r.Subject) ? t["ack.message"] : t["ack.subject", ("subject", CaseText.Normalize(r.Subject))]);
        }
        else if (f.HasAsk(CaseAsks.Refund))
        {
            parts.Add(t["ack.refund", ("amount", amount), ("date", when)]);
        }
        else if (f.HasAsk(CaseAsks.Credit))
        {
            // "You asked for a credit of €450" from tier 1's "Customer pays €450/month": only a sum the customer named is theirs.
            parts.Add(t["ack.credit", ("amount", f.AmountRequested && !f.AmountFromHandoff ? amount : "")]);
        }
        else if (f.HasAsk(CaseAsks.Cancel))
        {
            parts.Add(t["ack.cancel"]);
        }
        else
        {
            parts.Add(string.IsNullOrWhiteSpace(r.Subject) ? t["ack.message"] : t["ack.subject", ("subject", CaseText.Normalize(r.Subject))]);
        }

        // A cancellation asked for beside money is restated too: the reply says it was done.
        if (f.HasAsk(CaseAsks.Cancel) && (f.HasAsk(CaseAsks.Refund) || f.HasAsk(CaseAsks.Credit)) && !f.HasAsk(CaseAsks.DataAccess)
            && f.Hypothetical is null && !r.Signals.Text.Legal)
        {
            parts.Add(t["ack.cancel"]);
        }

        // The outage apology already names the hours. On a legal case the draft states no fault of ours ("our outage kept
        // your team from working"): the legal policy's guardrail, and the one acknowledging reply only acknowledges.
        if ((f.Cause == CaseCauses.Outage || r.Signals.Text.Outage) && f.OutageHours is { } h && f.OutageHoursConfirmed && !(Apologises(r, ws) && OutageApology(r))
            && !r.Signals.Text.Legal)
        {
            parts.Add(t["ack.outage", ("hours", t.Hours(h))]);
        }

        if (f.HasAsk(CaseAsks.Manager) || r.Signals.Text.ManagerRequest)
        {
            parts.Add(t["ack.manager"]);
        }

        return string.Join(" ", parts);
    }

    /// <summary>Act and Resolve: what was done (or, when held, what is done once approved) and the policy's timeline.</summary>
    public static IEnumerable<string> ActAndResolve(DraftRequest r, Workspace ws, ReplyText t)
    {
        // Money done (or proposed), then the cancellation done with it: a reply with either needs no holding sentence.
        var resolved = Money(r, ws, t).Concat(Cancelled(r, t)).ToList();
        if (resolved.Count > 0 && Actions.ActionPlanner.ReissueBeside(r.Facts, ws) is not null && t.Has("invoice.done"))
        {
            // "… and please re-issue our November invoice with the new VAT number": done beside the money or cancellation.
            resolved.AddRange(Invoice(r, ws, t));
        }

        // "When will the refund arrive?": the day it was made, the day it is due on the card, and what to do if it is not.
        if (resolved.Count == 0 && RefundArrival(r, t) is { Count: > 0 } arrival)
        {
            foreach (var sentence in arrival)
            {
                yield return sentence;
            }

            yield break;
        }

        var timing = AskedTiming(r, t);
        if (resolved.Count > 0)
        {
            foreach (var sentence in resolved.Concat(timing))
            {
                yield return sentence;
            }

            yield break;
        }

        var deadline = r.ReviewBy is { } by ? t["deadline.by", ("deadline", t.Deadline(by))] : t["deadline.default"];
        if (r.HoldForReview && r.Facts.HasAsk(CaseAsks.DataAccess)
            && PolicyNumbers.Governing(ws, r.Retrieval, PolicyCategories.DataAccess)?.NumberOrNull("responseDays") is { } responseDays)
        {
            yield return t["data.passed"];
            if (!r.Facts.DataErasure || t.Has("data.erasureWithin"))
            {
                yield return t[r.Facts.DataErasure ? "data.erasureWithin" : "data.within", ("n", responseDays.ToString("0", CultureInfo.InvariantCulture))];
            }

            yield return t["data.verify"];
        }
        else if (r.HoldForReview && (r.Signals.Text.ManagerRequest || r.Facts.HasAsk(CaseAsks.Manager)))
        {
            yield return t["manager.lead"];
            yield return t["manager.history"];
            yield return t["manager.reply", ("deadline", deadline)];
        }
        else if (r.HoldForReview)
        {
            foreach (var sentence in timing)
            {
                yield return sentence;
            }

            yield return t["hold.senior"];
            yield return t["hold.hear", ("deadline", deadline)];
        }
        else if ((r.Subject is { } subject && (subject.Contains("invoice", StringComparison.OrdinalIgnoreCase) || DraftMarkers.For(t).Invoice.IsMatch(subject)))
            || Actions.ActionPlanner.InvoiceCorrectionAsked(r.Facts, r.Retrieval))
        {
            foreach (var sentence in Invoice(r, ws, t))
            {
                yield return sentence;
            }
        }
        else
        {
            yield return t["check.done"];
            yield return t["check.next"];
        }
    }

    /// <summary>When a refund already made reaches the card; none when its day is unknown or the money is overdue.</summary>
    private static List<string> RefundArrival(DraftRequest r, ReplyText t)
    {
        if (r.Facts.RefundStatus is not { Overdue: false, RefundedOn: { } made, ExpectedBy: { } due, ProcessingDays: { } days } || !t.Has("status.refunded")
            || !t.Has("status.arrives") || !t.Has("status.reference") || r.Proposal is not null)
        {
            return [];
        }

        return
        [
            t["status.refunded", ("date", t.Date(made))],
            t["status.arrives", ("days", t.BusinessDays(days)), ("date", t.Date(due))],
            t["status.reference"],
        ];
    }

    /// <summary>The corrected invoice issued, and when it arrives.</summary>
    private static IEnumerable<string> Invoice(DraftRequest r, Workspace ws, ReplyText t)
    {
        yield return t["invoice.done"];
        var days = (PolicyNumbers.Governing(ws, r.Retrieval, PolicyCategories.Refund) ?? ws.PoliciesIn(PolicyCategories.Refund).FirstOrDefault())?.NumberOrNull("invoiceCorrectionDays");
        yield return days is { } n ? t["invoice.within", ("days", t.BusinessDays(n))] : t["invoice.soon"];
    }

    /// <summary>The refund or credit done (or, when held, done once approved) and its timeline; none without money.</summary>
    private static IEnumerable<string> Money(DraftRequest r, Workspace ws, ReplyText t)
    {
        var money = r.HoldForReview ? r.Proposal : r.Offer;
        if (money is { Kind: "refund" } refund)
        {
            if (r.Facts.OutsideWindow && r.Facts.RefundWindowDays is { } window)
            {
                yield return t["refund.exception", ("window", window.ToString(CultureInfo.InvariantCulture)), ("reason", ExceptionReason(r, t))];
            }

            yield return t["refund.done", ("amount", t.Money(refund.Amount, refund.Currency))];
            var days = PolicyNumbers.Governing(ws, r.Retrieval, PolicyCategories.Refund)?.NumberOrNull("refundProcessingDays");
            yield return days is { } n ? t["refund.within", ("days", t.BusinessDays(n))] : t["refund.statement"];
            if (r.Facts.AddOnRemovedWithRefund && t.Has("addon.done"))
            {
                yield return t["addon.done", ("addon", r.Facts.RemoveAddOn!)];
            }
        }
        else if (money is { } credit)
        {
            yield return t["credit.done", ("amount", t.Money(credit.Amount, credit.Currency))];
            yield return t["credit.invoice"];
        }
    }

    /// <summary>The plan cancelled with this reply, and until when it runs; none when no cancellation goes with it.</summary>
    private static List<string> Cancelled(DraftRequest r, ReplyText t)
    {
        if (r.CancelEffective is not { } effective || !t.Has("cancel.done"))
        {
            return [];
        }

        if (!DateOnly.TryParseExact(effective, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until))
        {
            return [t["cancel.done"], t["cancel.untilTerm"]];
        }

        // An annual term billed monthly keeps billing until its end: the reply says so (the route holds it when the tone
        // guide cannot say it in the reply's language).
        return r.CancelBilledUntil && t.Has("cancel.billing")
            ? [t["cancel.done"], t["cancel.until", ("date", t.Date(until))], t["cancel.billing"]]
            : [t["cancel.done"], t["cancel.until", ("date", t.Date(until))]];
    }

    /// <summary>
    /// A cancellation asked at a time of the customer's own that the term does not allow: what they asked and until when
    /// the term runs (nothing is cancelled; a person agrees the date). None without the tone guide's sentences.
    /// </summary>
    private static List<string> AskedTiming(DraftRequest r, ReplyText t)
    {
        if (r.CancelTermEnds is not { } ends)
        {
            return [];
        }

        var asked = r.Facts.CancelNow && t.Has("cancel.askedNow") ? t["cancel.askedNow"]
            : r.Facts.CancelDate is { } on && t.Has("cancel.askedOn") ? t["cancel.askedOn", ("date", t.Date(on))]
            : null;
        var term = DateOnly.TryParseExact(ends, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until) && t.Has("cancel.term")
            ? t["cancel.term", ("date", t.Date(until))] : null;
        return [.. new[] { asked, term }.OfType<string>()];
    }

    /// <summary>Seed 003's "prevention, when applicable": only for causes where there is something to say.</summary>
    public static IEnumerable<string> Prevention(DraftRequest r, DraftOffer? money, ReplyText t)
    {
        if (r.Facts.Cause == CaseCauses.BillingError && money is not null)
        {
            yield return t["prevention.billing"];
        }
        else if (OutageInQuestion(r) && !r.Signals.Text.Legal)
        {
            yield return t["prevention.status"];
        }
    }

    /// <summary>Thanks, an invitation to come back, and on an automatic reply the offer of a person and the AI disclosure.</summary>
    public static IEnumerable<string> Closing(DraftRequest r, Workspace ws, ReplyText t)
    {
        yield return Apologises(r, ws) || (r.Signals.Text.Negative && ToldUsOfAProblem(r)) ? t["closing.patience"] : t["closing.thanks"];
        yield return t["closing.invite"];
        if (!r.HoldForReview)
        {
            yield return t["closing.person"];
            if (!string.IsNullOrWhiteSpace(t.AiDisclosure))
            {
                yield return t.AiDisclosure.Trim();
            }
        }
    }

    /// <summary>
    /// How the greeting names the customer: the first name ("Helen" of "Helen Park"), or, when the name starts with a title,
    /// the title and the surname ("Dr. Park" of "Dr. Helen Park", "Frau Weber" of "Frau Anna Weber"): "Hello Dr.," greets
    /// nobody.
    /// </summary>
    public static string FirstName(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0 || words.Any(w => NotAPerson().IsMatch(w)))
        {
            return words.Length == 0 ? name.Trim() : ""; // "Finance Department", "Mail Delivery Subsystem": greet no one by name
        }

        // A rank in capitals ("DC Laura Hughes", "KOK Thomas Bauer") is a title: "DC Hughes".
        var titles = words.TakeWhile((w, i) => Title().IsMatch(w) || (i < words.Length - 1 && Rank().IsMatch(w))).Count();
        return titles == 0 ? words[0]
            : titles < words.Length ? string.Join(' ', words[..titles].Append(words[^1]))
            : words[0];
    }

    [GeneratedRegex(@"^(dr|drs|dra|prof|mr|mrs|ms|mx|miss|sir|dame|herr|frau|sr|sra|srta|m|mme|mlle|me|dott|dott\.ssa|dottssa|ing|avv|mevr|dhr|mw|doctor|doctora|doktor|docteur|professor|profesor|professeur|professore)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex Title();

    [GeneratedRegex(@"^(?-i:\p{Lu}{2,4})\.?$")]
    private static partial Regex Rank();

    // Words of a sender that is a department, a team or a mailbox rather than a person.
    [GeneratedRegex(@"^(department|dept\.?|team|office|accounts?|billing|finance|support|helpdesk|service|services|subsystem|system|daemon|mailer-daemon|postmaster|no-?reply|noreply|admin|administration|newsroom|desk|abteilung|buchhaltung|finanzabteilung|kundenservice|redaktion|sekretariat|[ée]quipe|comptabilit[ée]|r[ée]daction|secr[ée]tariat|equipo|departamento|contabilidad|redacci[óo]n|administraci[óo]n|equipa|contabilidade|reda[çc][ãa]o|servi[çc]os?|servicio|ufficio|amministrazione|contabilit[àa]|redazione|servizio|afdeling|administratie|boekhouding|redactie|klantenservice)$", RegexOptions.IgnoreCase)]
    private static partial Regex NotAPerson();

    /// <summary>
    /// A frustrated customer always gets an apology; a calm one only when something of ours went wrong (an outage,
    /// a defect, a wrong charge, lost data) and they are unhappy about it.
    /// </summary>
    /// <summary>
    /// "Thank you for telling us about this" thanks a customer for reporting something: a complaint, a fault on our side
    /// or an outage. A plain cancellation or a question read as negative (leaving reads that way) reported nothing.
    /// </summary>
    private static bool ToldUsOfAProblem(DraftRequest r) =>
        r.Signals.Text.Complaint || r.Signals.Text.Outage || r.Signals.Text.RepeatReport
        || r.Facts.Cause is CaseCauses.Outage or CaseCauses.Defect or CaseCauses.BillingError;

    private static bool Apologises(DraftRequest r, Workspace ws) =>
        CustomerRegister.NeedsApology(r, ws) || (r.Signals.Text.Negative && Specific(r) is not null);

    /// <summary>
    /// The outage is what the case is about: the cause of the ask, or an outage told as live. One told as past and settled
    /// beside another ask ("the October outage was handled well … today a refund of the seat pack") gets no apology.
    /// </summary>
    private static bool OutageInQuestion(DraftRequest r) =>
        r.Facts.Cause == CaseCauses.Outage || (r.Signals.Text.Outage && !r.Signals.Text.Evidence.Any(e => e.Signal == Signals.CautionSignals.PastOutage));

    private static bool OutageApology(DraftRequest r) => Specific(r) is "apology.outageHours" or "apology.outage";

    /// <summary>An apology that names what went wrong, not a generic "sorry for any inconvenience".</summary>
    private static string Apology(DraftRequest r, ReplyText t)
    {
        var sorry = Specific(r) is { } key ? t[key, ("hours", r.Facts.OutageHours is { } h ? t.Hours(h) : "")] : t["apology.generic"];
        return r.Signals.Text.CustomerTone == CustomerTones.Angry ? sorry + " " + t["apology.angry"] : sorry;
    }

    /// <summary>The template key of the apology naming our failure; none on a legal case, where naming fault in writing is not ours to do.</summary>
    private static string? Specific(DraftRequest r)
    {
        var f = r.Facts;
        var t = r.Signals.Text;
        if (t.Legal)
        {
            return null;
        }

        return t.DataLoss ? "apology.dataLoss"
            : OutageInQuestion(r) ? f.OutageHours is not null && f.OutageHoursConfirmed ? "apology.outageHours" : "apology.outage"
            : f.Cause == CaseCauses.BillingError ? "apology.billingError"
            : f.Cause == CaseCauses.Defect ? "apology.defect"
            : null;
    }

    private static string ExceptionReason(DraftRequest r, ReplyText t) => t[r.Facts.Cause switch
    {
        CaseCauses.Outage => "reason.outage",
        CaseCauses.Defect => "reason.defect",
        CaseCauses.BillingError => "reason.billingError",
        _ => "reason.loyal",
    }];
}

using System.Globalization;
using System.Text.RegularExpressions;
using Escalation.Core.Cases;
using Escalation.Core.Knowledge;

namespace Escalation.Core.Sensitive;

/// <summary>The sentences of a composer draft, one method per part of seed 003's checklist.</summary>
internal static partial class ComposerSentences
{
    /// <summary>One greeting by first name: "Hello" for a VIP or a formal writer, "Hi" otherwise; never "Hey" or "!".</summary>
    public static string Greeting(DraftRequest r, string first) =>
        CustomerRegister.Formal(r) ? $"Hello {first}," : $"Hi {first},";

    /// <summary>A specific apology for a frustrated customer; otherwise the tone guide's opening for their register.</summary>
    public static IEnumerable<string> Opening(DraftRequest r, Workspace ws)
    {
        if (Apologises(r, ws))
        {
            yield return Apology(r);
            yield break;
        }

        // A VIP gets the formal row whatever their tone; a greeting inside the opening would be a second one.
        var row = ws.ToneGuide.For(r.Signals.Vip ? CustomerTones.Formal : r.Signals.Text.CustomerTone);
        var opening = row is null ? "" : LeadingGreeting().Replace(row.Opening.Trim(), "");
        if (!string.IsNullOrWhiteSpace(opening))
        {
            yield return opening;
        }
    }

    /// <summary>Restates what the customer asked for, with the amount and charge date from the facts.</summary>
    public static string Acknowledge(DraftRequest r, Workspace ws)
    {
        var f = r.Facts;
        var parts = new List<string>();
        var amount = f.Amount is { } a && (f.AmountRequested || f.HasAsk(CaseAsks.Refund)) ? $" of {Money.Format(a, f.Currency ?? "EUR")}" : "";
        var when = f.PurchaseDate is { } d ? $" for the charge on {d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}" : "";
        if (f.HasAsk(CaseAsks.DataAccess))
        {
            parts.Add("You asked for a copy of the data we hold about you.");
        }
        else if (f.HasAsk(CaseAsks.Refund))
        {
            parts.Add($"You asked for a refund{amount}{when}.");
        }
        else if (f.HasAsk(CaseAsks.Credit))
        {
            parts.Add($"You asked for a credit{(f.AmountRequested ? amount : "")}.");
        }
        else if (f.HasAsk(CaseAsks.Cancel))
        {
            parts.Add("You asked to cancel your plan.");
        }
        else
        {
            parts.Add(string.IsNullOrWhiteSpace(r.Subject) ? "I have read your message in full." : $"You wrote to us about \"{CaseText.Normalize(r.Subject)}\".");
        }

        // The outage apology already names the hours.
        if ((f.Cause == CaseCauses.Outage || r.Signals.Text.Outage) && f.OutageHours is { } h && !(Apologises(r, ws) && OutageApology(r)))
        {
            parts.Add($"Our outage kept your team from working for {Hours(h)}.");
        }

        if (f.HasAsk(CaseAsks.Manager) || r.Signals.Text.ManagerRequest)
        {
            parts.Add("You also asked to speak with a manager.");
        }

        return string.Join(" ", parts);
    }

    /// <summary>Act and Resolve: what was done (or, when held, what is done once approved) and the policy's timeline.</summary>
    public static IEnumerable<string> ActAndResolve(DraftRequest r, Workspace ws)
    {
        var money = r.HoldForReview ? r.Proposal : r.Offer;
        if (money is { Kind: "refund" } refund)
        {
            if (r.Facts.OutsideWindow && r.Facts.RefundWindowDays is { } window)
            {
                yield return $"Our refunds normally cover the first {window} days after a charge. I have made an exception for you, because {ExceptionReason(r)}.";
            }

            yield return $"I have refunded {Money.Format(refund.Amount, refund.Currency)} to the card or account you paid with.";
            var days = PolicyNumbers.Governing(ws, r.Retrieval, PolicyCategories.Refund)?.NumberOrNull("refundProcessingDays");
            yield return days is { } n
                ? $"It will reach you within {Days(n)}."
                : "It will show on your next statement.";
            yield break;
        }

        if (money is { } credit)
        {
            yield return $"I have added a credit of {Money.Format(credit.Amount, credit.Currency)} to your account.";
            yield return "It will show on your next invoice.";
            yield break;
        }

        var deadline = r.ReviewBy is { } by ? $"by {ComposerDraftWriter.FormatDeadline(by)}" : "within one business day";
        if (r.HoldForReview && r.Facts.HasAsk(CaseAsks.DataAccess)
            && PolicyNumbers.Governing(ws, r.Retrieval, PolicyCategories.DataAccess)?.NumberOrNull("responseDays") is { } responseDays)
        {
            yield return "I have passed your request to our privacy team.";
            yield return $"We will send you a copy of your data within {responseDays.ToString("0", CultureInfo.InvariantCulture)} days.";
            yield return "To keep your data safe, we may first ask you to confirm one detail of your account.";
        }
        else if (r.HoldForReview && (r.Signals.Text.ManagerRequest || r.Facts.HasAsk(CaseAsks.Manager)))
        {
            yield return "I have asked a team lead to take over your case.";
            yield return "They have its full history, so you will not need to repeat anything.";
            yield return $"They will reply to you {deadline}.";
        }
        else if (r.HoldForReview)
        {
            yield return "I have asked a senior colleague to work on this with me, with the full history of your case.";
            yield return $"You will hear from us {deadline}.";
        }
        else if (r.Subject is { } subject && subject.Contains("invoice", StringComparison.OrdinalIgnoreCase))
        {
            yield return "I have issued a corrected invoice with the details you sent.";
            var days = PolicyNumbers.Governing(ws, r.Retrieval, PolicyCategories.Refund)?.NumberOrNull("invoiceCorrectionDays");
            yield return $"It will reach your inbox within {(days is { } n ? Days(n) : "one business day")}.";
        }
        else
        {
            yield return "I have checked your account and what happened.";
            yield return "I will get back to you within one business day with the next step.";
        }
    }

    /// <summary>Seed 003's "prevention, when applicable": only for causes where there is something to say.</summary>
    public static IEnumerable<string> Prevention(DraftRequest r, DraftOffer? money)
    {
        if (r.Facts.Cause == CaseCauses.BillingError && money is not null)
        {
            yield return "To stop this happening again, I have asked our billing team to check your next invoice before it goes out.";
        }
        else if ((r.Facts.Cause == CaseCauses.Outage || r.Signals.Text.Outage) && !r.Signals.Text.Legal)
        {
            yield return "Our status page lists incidents as they happen, and you can subscribe to updates there.";
        }
    }

    /// <summary>Thanks, an invitation to come back, and on an automatic reply the offer of a person and the AI disclosure.</summary>
    public static IEnumerable<string> Closing(DraftRequest r, Workspace ws)
    {
        yield return r.Signals.Text.Negative || Apologises(r, ws)
            ? "Thank you for your patience, and for telling us about this."
            : "Thank you for reaching out.";
        yield return "If anything else comes up, just reply to this email.";
        if (!r.HoldForReview)
        {
            yield return "If you would rather talk it through with a person, say so in your reply and one of our team will take over.";
            if (!string.IsNullOrWhiteSpace(ws.ToneGuide.AiDisclosure))
            {
                yield return ws.ToneGuide.AiDisclosure.Trim();
            }
        }
    }

    public static string FirstName(string name)
    {
        var trimmed = name.Trim();
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? trimmed[..space] : trimmed;
    }

    /// <summary>
    /// A frustrated customer always gets an apology; a calm one only when something of ours went wrong (an outage,
    /// a defect, a wrong charge, lost data) and they are unhappy about it.
    /// </summary>
    private static bool Apologises(DraftRequest r, Workspace ws) =>
        CustomerRegister.NeedsApology(r, ws) || (r.Signals.Text.Negative && Specific(r) is not null);

    private static bool OutageApology(DraftRequest r) =>
        Specific(r) is { } s && s.Contains("outage", StringComparison.Ordinal) && !r.Signals.Text.DataLoss;

    /// <summary>An apology that names what went wrong, not a generic "sorry for any inconvenience".</summary>
    private static string Apology(DraftRequest r)
    {
        var sorry = Specific(r) ?? "I'm sorry this has been so frustrating.";
        return r.Signals.Text.CustomerTone == CustomerTones.Angry ? sorry + " I understand why you are upset." : sorry;
    }

    /// <summary>The apology naming our failure; none on a legal case, where naming fault in writing is not ours to do.</summary>
    private static string? Specific(DraftRequest r)
    {
        var f = r.Facts;
        var t = r.Signals.Text;
        if (t.Legal)
        {
            return null;
        }

        return t.DataLoss ? "I'm sorry about the data you lost, and I understand how serious that is."
            : f.Cause == CaseCauses.Outage || t.Outage
                ? f.OutageHours is { } h ? $"I'm sorry our outage kept your team from working for {Hours(h)}." : "I'm sorry our outage got in the way of your work."
            : f.Cause == CaseCauses.BillingError ? "I'm sorry we charged you the wrong amount."
            : f.Cause == CaseCauses.Defect ? "I'm sorry this has not worked the way it should, and for the time it has cost you."
            : null;
    }

    private static string ExceptionReason(DraftRequest r) => r.Facts.Cause switch
    {
        CaseCauses.Outage => "the outage hit the period you paid for",
        CaseCauses.Defect => "the product did not work as it should in the period you paid for",
        CaseCauses.BillingError => "the charge was our mistake",
        _ => "you have been a loyal customer",
    };

    private static string Hours(double h) =>
        h == 1 ? "1 hour" : $"{h.ToString("0.#", CultureInfo.InvariantCulture)} hours";

    private static string Days(decimal n) =>
        n == 1 ? "1 business day" : $"{n.ToString("0", CultureInfo.InvariantCulture)} business days";

    [GeneratedRegex(@"^\s*(hi|hello|hey|dear|no worries)\b[^.!?]*[.!?]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingGreeting();
}

using System.Globalization;
using System.Text;
using Escalation.Core.Cases;
using Escalation.Core.Knowledge;
using Escalation.Core.Signals;
using Escalation.Core.Tracing;

namespace Escalation.Core.Sensitive;

/// <summary>
/// The default draft writer: deterministic, template-and-playbook based, following HEART (greeting,
/// acknowledgement, action, resolution with timeline, thanks, sign-off). Amounts and dates come only
/// from the case facts, the policy numbers and the review deadline.
/// </summary>
public sealed class ComposerDraftWriter : IDraftWriter
{
    private const string Stage = "draft";

    public string Name => "composer";

    public bool CanRevise => true;

    /// <summary>Writes the reply for <paramref name="request"/>.</summary>
    public Draft Write(DraftRequest request, Workspace workspace)
    {
        var s = request.Signals.Text;
        var f = request.Facts;
        var tone = s.CustomerTone;
        var guide = workspace.ToneGuide;
        var first = FirstName(request.CustomerName);
        var lines = new List<string>();
        var trace = new List<TraceEntry>
        {
            TraceEntry.Read(Stage, $"Customer tone {tone}; {(request.HoldForReview ? "held for review: no money is promised" : "no review pending")}; playbook {request.Retrieval.Playbook?.Id ?? "none"}."),
        };

        // H — greeting by name, calibrated opening.
        lines.Add(tone == CustomerTones.Casual && !s.Negative ? $"Hi {first}!" : $"Hi {first},");
        var opening = guide.For(tone)?.Opening;
        var body = new List<string>();
        if (!string.IsNullOrWhiteSpace(opening))
        {
            body.Add(opening.Trim());
        }

        // E — acknowledgement that restates the issue.
        body.Add(Acknowledge(request));

        // A — concrete action; R — resolution or next step with a timeline.
        body.AddRange(ActAndResolve(request, workspace));

        // T — thanks.
        body.Add(request.Signals.Text.Negative || request.HoldForReview
            ? "Thank you for your patience, and for telling us about this."
            : "Thank you for reaching out.");

        var text = new StringBuilder();
        text.Append(lines[0]).Append("\n\n");
        text.Append(string.Join(request.Plain ? "\n" : " ", body));
        text.Append("\n\n").Append(guide.SignOff.Trim());
        trace.Add(TraceEntry.Decided(Stage,
            $"Wrote a {(request.Plain ? "plain revised " : "")}HEART reply in the '{guide.For(tone)?.MatchWith ?? "default"}' register" +
            (request.Offer is { } o && !request.HoldForReview ? $", stating a {o.Kind} of {Money.Format(o.Amount, o.Currency)} from {o.PolicyCitation}." : "."),
            request.Offer is { } oc && !request.HoldForReview ? [oc.PolicyCitation] : []));
        return new Draft { Text = text.ToString(), Writer = Name, Revised = request.Plain, Trace = trace };
    }

    private static string Acknowledge(DraftRequest r)
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

        if (f.Cause == CaseCauses.Outage || r.Signals.Text.Outage)
        {
            parts.Add(f.OutageHours is { } h
                ? $"The outage kept your team from working for {h.ToString("0.#", CultureInfo.InvariantCulture)} hours."
                : "The outage kept your team from working.");
        }
        else if (f.Cause == CaseCauses.BillingError)
        {
            parts.Add("The charge was not what you expected.");
        }
        else if (f.Cause == CaseCauses.Defect)
        {
            parts.Add("The product did not work the way it should.");
        }

        if (f.HasAsk(CaseAsks.Manager) || r.Signals.Text.ManagerRequest)
        {
            parts.Add("You also asked to speak with a manager.");
        }

        return string.Join(" ", parts);
    }

    private static IEnumerable<string> ActAndResolve(DraftRequest r, Workspace ws)
    {
        var s = r.Signals.Text;
        if (r.HoldForReview)
        {
            var who = s.ManagerRequest || r.Facts.HasAsk(CaseAsks.Manager) ? "a manager" : "a senior colleague";
            yield return $"I have shared your case and its full history with {who}, so you will not need to repeat anything.";
            if (r.Facts.HasAsk(CaseAsks.Refund) || r.Facts.HasAsk(CaseAsks.Credit))
            {
                yield return "They will review your request and decide on the amount.";
            }

            if (PolicyNumbers.Governing(ws, r.Retrieval, PolicyCategories.DataAccess) is { } dp && r.Facts.HasAsk(CaseAsks.DataAccess)
                && dp.NumberOrNull("responseDays") is { } days)
            {
                yield return $"We will answer your data request within {days.ToString("0", CultureInfo.InvariantCulture)} days.";
            }

            yield return r.ReviewBy is { } by
                ? $"You will hear from us by {FormatDeadline(by)}."
                : "You will hear from us soon.";
            yield break;
        }

        if (r.Offer is { } o)
        {
            yield return o.Kind == "refund"
                ? $"I have started a refund of {Money.Format(o.Amount, o.Currency)} to your original payment method."
                : $"I have added a credit of {Money.Format(o.Amount, o.Currency)} to your account.";
            yield return "It will show on your next invoice. I will check that it went through.";
            yield break;
        }

        if (r.Retrieval.Playbook is not null)
        {
            yield return "I have checked your account and the steps we follow for cases like yours.";
        }
        else
        {
            yield return "I have checked your account and what happened.";
        }

        yield return "I will get back to you within one business day with the next step.";
    }

    private static string FirstName(string name)
    {
        var trimmed = name.Trim();
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? trimmed[..space] : trimmed;
    }

    /// <summary>"Monday 23 November 2026 at 16:00 UTC".</summary>
    public static string FormatDeadline(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("dddd d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);
}

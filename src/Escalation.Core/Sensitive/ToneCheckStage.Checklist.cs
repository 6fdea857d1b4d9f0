using System.Text.RegularExpressions;
using Escalation.Core.Cases;
using Escalation.Core.Knowledge;

namespace Escalation.Core.Sensitive;

public sealed partial class ToneCheckStage
{
    /// <summary>Points a draft lost on the checklist, per dimension.</summary>
    private readonly record struct ChecklistLoss(int Accuracy, int Empathy, int Completeness, int Brand);

    /// <summary>
    /// Seed 003's ticket checklist and the case-fact checks: one greeting, a specific apology when the customer is
    /// frustrated, the resolution stated (not a holding reply) when the policy resolves the case or a reviewer is asked to
    /// approve one, only amounts the case supports, a closing invitation, and on an automatic reply the offer of a person
    /// and the workspace's AI disclosure.
    /// </summary>
    private static ChecklistLoss CheckChecklist(string text, DraftRequest r, Workspace ws, ReplyText reply, DraftMarkers mk, List<ToneViolation> v)
    {
        int accuracy = 0, empathy = 0, completeness = 0, brand = 0; // points lost

        var greetings = mk.GreetingAnywhere.Matches(text).Count;
        if (greetings > 1)
        {
            v.Add(new ToneViolation(ToneViolationCodes.TwoGreetings, $"{greetings} greetings; a reply greets once.", true));
            empathy += 4;
            brand += 5;
        }

        if (CustomerRegister.NeedsApology(r, ws) && !mk.Apology.IsMatch(text))
        {
            v.Add(new ToneViolation(ToneViolationCodes.MissingApology, "The customer is frustrated and the draft does not apologise.", true));
            empathy += 12;
        }

        var money = r.HoldForReview ? r.Proposal : r.Offer;
        if (money is { } m)
        {
            var amount = reply.Money(m.Amount, m.Currency);
            var stated = Sentence().Split(text).Any(s => s.Contains(amount, StringComparison.Ordinal) && mk.Done.IsMatch(s));
            var holding = mk.Holding.Match(text);
            if (!stated || holding.Success)
            {
                v.Add(new ToneViolation(ToneViolationCodes.HoldingReply,
                    (r.HoldForReview ? $"The draft held for review does not state the proposed {m.Kind} of {amount} as done once approved" : $"A holding reply on a case the policy resolves: the {m.Kind} of {amount} is not stated as done")
                    + (holding.Success ? $" (\"{holding.Value}\")." : "."), true));
                completeness += 20;
            }
        }

        var allowed = AllowedAmounts(r);
        foreach (var found in DraftMoney.In(text, !reply.IsEnglish))
        {
            if (!allowed.Contains(found.Value))
            {
                v.Add(new ToneViolation(ToneViolationCodes.WrongAmount, $"Names {found.Text}, an amount the case, the offer and the proposal do not support.", true));
                accuracy += 25;
            }
        }

        if (!mk.Closing.IsMatch(text))
        {
            v.Add(new ToneViolation(ToneViolationCodes.MissingClosing, "No invitation to come back.", false));
            completeness += 4;
            brand += 2;
        }

        if (!r.HoldForReview && !mk.Person.IsMatch(text))
        {
            v.Add(new ToneViolation(ToneViolationCodes.MissingHumanOffer, "An automatic reply that does not offer a person.", false));
            completeness += 3;
        }

        if (!r.HoldForReview && reply.AiDisclosure is { Length: > 0 } disclosure
            && !text.Contains(disclosure.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            v.Add(new ToneViolation(ToneViolationCodes.MissingAiDisclosure, "An automatic reply without the tone guide's AI disclosure.", false));
            brand += 5;
        }

        return new ChecklistLoss(accuracy, empathy, completeness, brand);
    }

    /// <summary>Amounts a draft may name: the case's amount, the offer or proposal, and any the customer wrote.</summary>
    private static HashSet<decimal> AllowedAmounts(DraftRequest r)
    {
        var allowed = new HashSet<decimal>();
        if (r.Facts.Amount is { } a)
        {
            allowed.Add(a);
        }

        if (r.Offer is { } o && !r.HoldForReview)
        {
            allowed.Add(o.Amount);
        }

        if (r.Proposal is { } p && r.HoldForReview)
        {
            allowed.Add(p.Amount);
        }

        var restated = string.Join(" ", new[] { r.Subject }.Concat(r.Facts.Evidence.Select(e => e.Text)).Where(x => x is not null));
        foreach (var m in DraftMoney.In(restated, european: false).Concat(DraftMoney.In(restated, european: true)))
        {
            allowed.Add(m.Value);
        }

        return allowed;
    }
}

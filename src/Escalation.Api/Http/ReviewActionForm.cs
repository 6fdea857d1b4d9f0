using System.Globalization;
using System.Text.RegularExpressions;
using Escalation.Api.Problems;
using Escalation.Core.Actions;

namespace Escalation.Api.Http;

/// <summary>
/// Reads the review form's action fields: <c>actions</c> (how many were listed), <c>keep-N</c> (present when action N is
/// kept) and <c>amount-N</c> (the amount for action N). Each change is checked against the decision's actions and their
/// policy limits here, whatever the page allowed.
/// </summary>
public static partial class ReviewActionForm
{
    /// <summary>
    /// Where the reply that would be sent still states the amount of a money action the reviewer lowered or dropped (a
    /// reply never claims what was not done): one <c>reply</c> error per such action, asking for an edited reply.
    /// </summary>
    public static IReadOnlyList<ProblemFieldError> Contradictions(string reply, IReadOnlyList<CaseAction> actions, IReadOnlyList<ActionChange> changes)
    {
        var errors = new List<ProblemFieldError>();
        foreach (var change in changes)
        {
            if (change.Index >= actions.Count || actions[change.Index] is not { Amount: { } proposed } a || !ActionKinds.MovesMoney(a.Kind))
            {
                continue;
            }

            var stated = Core.Cases.Money.Format(proposed, a.Currency ?? "EUR");
            if (Regex.IsMatch(reply, Regex.Escape(stated) + @"(?!\d|[.,]\d)"))
            {
                var now = change.Drop ? "dropped it" : "changed it to " + Core.Cases.Money.Format(change.Amount!.Value, a.Currency ?? "EUR");
                errors.Add(new ProblemFieldError("reply", $"the reply states {stated} for the {a.Kind}, but you {now}: edit the reply to say what is done and send it with “Send my edited reply”"));
            }
        }

        return errors;
    }

    /// <summary>The reviewer's changes, and a field error for each one outside the limits.</summary>
    public static (IReadOnlyList<ActionChange> Changes, IReadOnlyList<ProblemFieldError> Refused) Parse(IReadOnlyDictionary<string, string> form, IReadOnlyList<CaseAction> actions)
    {
        var changes = new List<ActionChange>();
        var refused = new List<ProblemFieldError>();
        for (var i = 0; i < actions.Count; i++)
        {
            var key = i.ToString(CultureInfo.InvariantCulture);
            if (!form.ContainsKey("keep-" + key))
            {
                changes.Add(new ActionChange(i, true, null));
                continue;
            }

            if (!form.TryGetValue("amount-" + key, out var text) || string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (!decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
            {
                refused.Add(new ProblemFieldError("amount-" + key, "is not a number such as 49.00"));
                continue;
            }

            if (actions[i].Amount == amount)
            {
                continue;
            }

            var change = new ActionChange(i, false, amount);
            if (ActionChanges.Refusal(actions, change) is { } why)
            {
                refused.Add(new ProblemFieldError("amount-" + key, why));
            }
            else
            {
                changes.Add(change);
            }
        }

        return (changes, refused);
    }
}

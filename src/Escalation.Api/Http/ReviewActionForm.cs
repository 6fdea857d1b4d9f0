using System.Globalization;
using Escalation.Api.Problems;
using Escalation.Core.Actions;

namespace Escalation.Api.Http;

/// <summary>
/// Reads the review form's action fields: <c>actions</c> (how many were listed), <c>keep-N</c> (present when action N is
/// kept) and <c>amount-N</c> (the amount for action N). Each change is checked against the decision's actions and their
/// policy limits here, whatever the page allowed.
/// </summary>
public static class ReviewActionForm
{
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

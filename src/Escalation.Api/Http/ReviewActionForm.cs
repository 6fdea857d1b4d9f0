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
        var contradicted = new HashSet<int>();
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
                contradicted.Add(change.Index);
            }
        }

        // The other way round: money approving pays that the reply never mentions ("You asked for a refund of €199 … a senior
        // colleague will look" beside a €19.90 goodwill credit): the customer would be paid without being told.
        for (var i = 0; i < actions.Count; i++)
        {
            var change = changes.FirstOrDefault(c => c.Index == i);
            if (change is { Drop: true } || contradicted.Contains(i) || actions[i] is not { Amount: { } proposed } kept || !ActionKinds.MovesMoney(kept.Kind))
            {
                continue;
            }

            var paid = change?.Amount ?? proposed;
            if (!Regex.IsMatch(reply, AmountPattern(paid)))
            {
                errors.Add(new ProblemFieldError("reply", $"the reply does not mention the {kept.Kind} of {Core.Cases.Money.Format(paid, kept.Currency ?? "EUR")} that approving executes: edit the reply to say it and send it with “Send my edited reply”, or untick the action"));
            }
        }

        return errors;
    }

    /// <summary>An amount as any reply language writes it: "19.90", "19,90", "€19.90", "19,90 €", and "149" for 149.00.</summary>
    private static string AmountPattern(decimal amount)
    {
        var whole = Math.Truncate(amount).ToString("0", CultureInfo.InvariantCulture);
        var cents = ((int)(Math.Abs(amount - Math.Truncate(amount)) * 100)).ToString("00", CultureInfo.InvariantCulture);
        var thousands = whole.Length > 3 ? whole[..^3] + "[.,\\u00A0\\u202F ]?" + whole[^3..] : whole;
        return cents == "00"
            ? $@"(?<![\d.,]){thousands}([.,]00)?(?![\d]|[.,]\d)"
            : $@"(?<![\d.,]){thousands}[.,]{cents}(?!\d)";
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

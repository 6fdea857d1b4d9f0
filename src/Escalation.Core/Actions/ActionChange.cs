namespace Escalation.Core.Actions;

/// <summary>A reviewer's change to a proposed action: drop it, or lower its amount (never above what was proposed or the policy's limit).</summary>
/// <param name="Index">The action's position in the decision.</param>
/// <param name="Drop">True to not execute it.</param>
/// <param name="Amount">The amount to execute instead, when lowered.</param>
public sealed record ActionChange(int Index, bool Drop, decimal? Amount);

/// <summary>Applies reviewer changes and checks them against the policy limits.</summary>
public static class ActionChanges
{
    /// <summary>
    /// Why a change is refused, or null when it is within the limits: the index must name an action, an amount only on
    /// an action that moves money, more than zero (drop it instead), and at most the proposed amount and the policy limit.
    /// </summary>
    public static string? Refusal(IReadOnlyList<CaseAction> actions, ActionChange change)
    {
        if (change.Index < 0 || change.Index >= actions.Count)
        {
            return $"action {change.Index + 1} does not exist";
        }

        if (change.Drop || change.Amount is not { } amount)
        {
            return null;
        }

        var a = actions[change.Index];
        if (!ActionKinds.MovesMoney(a.Kind) || a.Amount is not { } proposed)
        {
            return $"action {change.Index + 1} ({a.Kind}) has no amount to change";
        }

        var ceiling = Math.Min(proposed, a.Limit ?? proposed);
        if (amount <= 0)
        {
            return $"action {change.Index + 1} ({a.Kind}): the amount must be more than 0 (drop the action instead)";
        }

        return amount > ceiling
            ? $"action {change.Index + 1} ({a.Kind}): {Cases.Money.Format(amount, a.Currency ?? "EUR")} is above the limit of {Cases.Money.Format(ceiling, a.Currency ?? "EUR")} (the proposed amount within the policy's limit)"
            : null;
    }

    /// <summary>
    /// The actions to execute: with no review, those the policy authorises now; after a review, every action the reviewer
    /// kept, at the reviewer's amount where it is within the limits. Each keeps its index (its idempotency key's).
    /// </summary>
    public static IReadOnlyList<(int Index, CaseAction Action, decimal? Proposed)> ToExecute(IReadOnlyList<CaseAction> actions, bool reviewed, IReadOnlyList<ActionChange>? changes)
    {
        var list = new List<(int, CaseAction, decimal?)>();
        for (var i = 0; i < actions.Count; i++)
        {
            var a = actions[i];
            if (!reviewed && a.NeedsApproval)
            {
                continue;
            }

            var change = changes?.LastOrDefault(c => c.Index == i);
            if (change is { Drop: true })
            {
                continue;
            }

            if (change is { Amount: { } lowered } && Refusal(actions, change) is null && lowered != a.Amount)
            {
                list.Add((i, a with { Amount = lowered }, a.Amount));
            }
            else
            {
                list.Add((i, a, null));
            }
        }

        return list;
    }
}

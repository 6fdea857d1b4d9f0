using System.Globalization;
using Escalation.Core.Cases;

namespace Escalation.Core.Actions;

/// <summary>
/// One thing a decision does besides replying: a refund, a credit, a cancellation… derived from the applied policy and
/// the case facts, always within the policy's limits. Executed through an <see cref="IActionPort"/> only after
/// auto-approval or a reviewer's approval, and before the reply that says it was done.
/// </summary>
public sealed record CaseAction
{
    /// <summary>One of <see cref="ActionKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>Money moved (refund, credit), in <see cref="Currency"/>.</summary>
    public decimal? Amount { get; init; }
    public string? Currency { get; init; }

    /// <summary>The most the policy allows for this action (e.g. never more than was paid); a reviewer may only lower the amount.</summary>
    public decimal? Limit { get; init; }

    /// <summary>Refund: the date of the charge refunded.</summary>
    public DateOnly? ChargeDate { get; init; }

    /// <summary>Refund: the charge or invoice reference, when the ticket names one.</summary>
    public string? Reference { get; init; }

    /// <summary>Credit: why (SLA credit, goodwill); refund: the policy rule.</summary>
    public string? Reason { get; init; }

    /// <summary>Cancel-subscription: when (<c>yyyy-MM-dd</c>, or <c>end-of-term</c>).</summary>
    public string? Effective { get; init; }

    /// <summary>Downgrade: the plan to move to; remove-add-on: the add-on.</summary>
    public string? Plan { get; init; }

    /// <summary>Remove-add-on: which add-on; bug-report: what broke; reissue-invoice: the customer's words asking it.</summary>
    public string? Summary { get; init; }

    /// <summary>Retention discount: percent off and for how many months.</summary>
    public decimal? Percent { get; init; }
    public int? Months { get; init; }

    /// <summary>The policy (<c>id@version#sha256</c>) and rule that authorise it.</summary>
    public required string PolicyCitation { get; init; }
    public string? Rule { get; init; }

    /// <summary>True when a person must approve it first: it is never executed on an auto-sent case.</summary>
    public bool NeedsApproval { get; init; }

    /// <summary>One line for people: <c>refund €49.00 (charge 2026-11-09)</c>.</summary>
    public string Describe()
    {
        var money = Amount is { } a ? " " + Money.Format(a, Currency ?? "EUR") : "";
        var detail = Kind switch
        {
            ActionKinds.Refund => ChargeDate is { } d ? $" (charge {d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})" : Reference is null ? "" : $" (ref {Reference})",
            ActionKinds.Credit => Reason is null ? "" : $" ({Reason})",
            ActionKinds.CancelSubscription => $" effective {Effective ?? "end-of-term"}",
            ActionKinds.Downgrade => Plan is null ? "" : $" to {Plan}",
            ActionKinds.RemoveAddOn or ActionKinds.BugReport or ActionKinds.ReissueInvoice => Summary is null ? "" : $": {Summary}",
            ActionKinds.RetentionDiscount => $" {Percent?.ToString("0.##", CultureInfo.InvariantCulture)}% for {Months} months",
            _ => "",
        };
        return Kind + money + detail;
    }
}

/// <summary>The kinds of action.</summary>
public static class ActionKinds
{
    public const string Refund = "refund";
    public const string Credit = "credit";
    public const string CancelSubscription = "cancel-subscription";
    public const string RemoveAddOn = "remove-add-on";
    public const string Downgrade = "downgrade";
    public const string BugReport = "bug-report";
    public const string RetentionDiscount = "retention-discount";

    /// <summary>A corrected invoice issued with the details the customer sent (a policy rule <c>invoice-correction</c>).</summary>
    public const string ReissueInvoice = "reissue-invoice";

    /// <summary>Kinds that move money: a reviewer may lower their amount, never raise it.</summary>
    public static bool MovesMoney(string kind) => kind is Refund or Credit;
}

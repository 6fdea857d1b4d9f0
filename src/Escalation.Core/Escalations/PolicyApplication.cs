using Escalation.Core.Sensitive;
using Escalation.Core.Tracing;

namespace Escalation.Core.Escalations;

/// <summary>The output of <c>apply-policy</c>: the recommendation, every rule used with its status, money computed and conflict.</summary>
public sealed record PolicyApplication
{
    /// <summary>One of <see cref="Recommendations"/>.</summary>
    public required string Recommendation { get; init; }

    /// <summary>Every guardrail and rule the decision used, with its non-negotiable/discretionary status.</summary>
    public IReadOnlyList<AppliedRule> Rules { get; init; } = [];

    /// <summary>Money the policy authorises without a manager.</summary>
    public DraftOffer? Offer { get; init; }
    public SlaCreditCalculation? SlaCredit { get; init; }
    public bool NeedsManagerApproval { get; init; }

    /// <summary>The recommendation can be carried out here, within the policy and the caps.</summary>
    public bool WithinAuthority { get; init; }
    public bool Conflict { get; init; }
    public string? ConflictReason { get; init; }
    public string? ExceptionRationale { get; init; }
    public IReadOnlyList<TraceEntry> Trace { get; init; } = [];
}

/// <summary>A rule used: which policy, its status (<c>non-negotiable</c> guardrail or <c>discretionary</c> rule) and what it said here.</summary>
public sealed record AppliedRule(string Citation, string Rule, string Status, string Result);

/// <summary>SLA credit from the sla-credit policy numbers applied to the MRR.</summary>
public sealed record SlaCreditCalculation(
    double OutageHours, decimal UptimeTargetPercent, double AllowedDowntimeHours, int BillableHours,
    decimal CreditPercentPerHour, decimal MaxCreditPercent, decimal CreditPercent, decimal Mrr, decimal Amount, string Currency, string Citation);

/// <summary>Recommendations of the refund decision tree and the SLA credit rule.</summary>
public static class Recommendations
{
    public const string ProcessRefund = "process-refund";
    public const string RefundAndInvestigate = "refund-and-investigate";
    public const string RefundWithRetention = "refund-with-retention-offer";
    public const string OfferAlternative = "offer-alternative";
    public const string StandardPolicy = "follow-standard-policy";
    public const string ApplySlaCredit = "apply-sla-credit";
    public const string ConfirmFacts = "confirm-missing-facts";
    public const string Reply = "reply-within-policy";
}

/// <summary>Rule statuses (seed 004 module 5).</summary>
public static class RuleStatus
{
    public const string NonNegotiable = "non-negotiable";
    public const string Discretionary = "discretionary";
}

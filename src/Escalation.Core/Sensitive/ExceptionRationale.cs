using System.Globalization;
using Escalation.Core.Cases;
using Escalation.Core.Knowledge;
using Escalation.Core.Signals;

namespace Escalation.Core.Sensitive;

/// <summary>
/// Writes why an exception to the refund window is worth a reviewer's decision (seed 004 module 5:
/// exceptions need a documented rationale with lifetime value and risk): cause, tenure, renewal
/// timing, value and the precedents that approved similar cases.
/// </summary>
public static class ExceptionRationale
{
    /// <summary>The rationale, or null when the case asks for no refund outside the window.</summary>
    public static string? For(CustomerEntity customer, CaseSignals signals, CaseFacts facts, PolicyRetrieval retrieval, Workspace workspace, DateTimeOffset now)
    {
        if (!facts.HasAsk(CaseAsks.Refund) || !facts.OutsideWindow)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var refund = PolicyNumbers.Governing(workspace, retrieval, PolicyCategories.Refund);
        var parts = new List<string>
        {
            $"Refund requested {facts.DaysSincePurchase} days after the charge, {facts.DaysPastWindow} days past the {facts.RefundWindowDays}-day window of {(refund is null ? "the refund policy" : $"{refund.Id}@{refund.Version}")}.",
        };
        if (facts.Cause == CaseCauses.Outage || signals.Text.Outage)
        {
            parts.Add(facts.OutageHours is { } h
                ? $"Cause: a confirmed outage of {h.ToString("0.#", CultureInfo.InvariantCulture)} hours (a valid reason in the refund decision tree)."
                : "Cause: an outage (a valid reason in the refund decision tree).");
        }
        else if (CaseCauses.IsValidReason(facts.Cause))
        {
            parts.Add($"Cause: {facts.Cause} (a valid reason in the refund decision tree).");
        }

        var tenure = customer.TenureMonths(today);
        if (tenure > 0)
        {
            parts.Add($"Tenure: customer for {tenure} months{(tenure >= workspace.Routing.LongTenureMonths ? $" (long-term, ≥ {workspace.Routing.LongTenureMonths})" : "")}.");
        }

        if (customer.DaysToRenewal(today) is { } days and >= 0)
        {
            parts.Add($"Renewal timing: renews in {days} days ({customer.RenewalDate:yyyy-MM-dd}){(days <= workspace.Routing.RenewalProximityDays ? ", inside the renewal window" : "")}.");
        }

        if (customer.Arr > 0)
        {
            parts.Add($"Value: ARR {Money.Format(customer.Arr, customer.Currency)} on the {customer.Tier} plan.");
        }

        foreach (var p in retrieval.Precedents.Where(p => p.Decision is "approved" or "partial"))
        {
            parts.Add($"Precedent {p.Id} ({p.Decision}): {p.Title}.");
        }

        return string.Join(" ", parts);
    }
}

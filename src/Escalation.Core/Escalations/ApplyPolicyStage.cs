using System.Globalization;
using Escalation.Core.Cases;
using Escalation.Core.Knowledge;
using Escalation.Core.Sensitive;
using Escalation.Core.Tracing;

namespace Escalation.Core.Escalations;

/// <summary>
/// <c>apply-policy</c>: seed 003's refund decision tree (within window → process; valid reason →
/// refund and investigate; long-term customer → lean to refund plus retention; amount over the cap →
/// manager approval), SLA credit math from the sla-credit policy, and the status of every rule used.
/// </summary>
public sealed class ApplyPolicyStage
{
    private const string Stage = "apply-policy";

    /// <summary>Evaluate the policies against the facts of <paramref name="context"/>.</summary>
    public PolicyApplication Apply(EscalationContext context, Workspace workspace, DateTimeOffset now)
    {
        var f = context.Facts;
        var rules = new List<AppliedRule>();
        var trace = new List<TraceEntry> { TraceEntry.Read(Stage, $"Facts: cause {f.Cause}, asks {string.Join(", ", f.Asks.DefaultIfEmpty("nothing specific"))}, amount {(f.Amount is { } a ? Money.Format(a, f.Currency ?? "EUR") : "unknown")}, days past window {f.DaysPastWindow?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}.") };
        var recommendation = Recommendations.Reply;
        DraftOffer? offer = null;
        SlaCreditCalculation? sla = null;
        var manager = false;
        var authority = true;

        var refund = PolicyNumbers.Governing(workspace, context.Retrieval, PolicyCategories.Refund);
        if (f.HasAsk(CaseAsks.Refund) && refund is not null)
        {
            var cap = refund.NumberOrNull("autoApproveCap") ?? workspace.Routing.AutoApproveCap;
            AddGuardrails(refund, rules);
            if (f.DaysPastWindow is null)
            {
                recommendation = Recommendations.ConfirmFacts;
                authority = false;
                rules.Add(new AppliedRule(refund.Citation, "refund-window", RuleStatus.Discretionary, "The purchase date is unknown, so the window cannot be checked."));
            }
            else if (f.DaysPastWindow == 0)
            {
                recommendation = Recommendations.ProcessRefund;
                rules.Add(new AppliedRule(refund.Citation, "within-window", RuleStatus.Discretionary, $"{f.DaysSincePurchase} days since purchase, within the {f.RefundWindowDays}-day window: process without friction."));
            }
            else
            {
                authority = false;
                var valid = CaseCauses.IsValidReason(f.Cause);
                var longTerm = context.TenureMonths >= workspace.Routing.LongTenureMonths;
                // The guardrail "never refund past the window without a documented reason" is not negotiable: long tenure
                // leans a refund that has a reason toward yes (with a retention offer), never one that has none.
                recommendation = valid ? Recommendations.RefundAndInvestigate : Recommendations.OfferAlternative;
                rules.Add(new AppliedRule(refund.Citation, "valid-reason", RuleStatus.Discretionary,
                    valid ? $"{f.Cause} is a valid reason: refund and investigate the root cause." : "No valid reason: offer an alternative (credit, downgrade, extended support)."));
                rules.Add(new AppliedRule(refund.Citation, "long-term-customer", RuleStatus.Discretionary,
                    longTerm && valid ? $"Customer for {context.TenureMonths} months (≥ {workspace.Routing.LongTenureMonths}): lean toward refund plus a retention offer."
                    : longTerm ? $"Customer for {context.TenureMonths} months (≥ {workspace.Routing.LongTenureMonths}), but no documented reason: the lean toward a refund does not override the guardrail; offer the alternative."
                    : $"Customer for {context.TenureMonths} months: follow the standard policy."));
                if (valid && longTerm)
                {
                    recommendation = Recommendations.RefundWithRetention;
                }
            }

            if (f.Amount is { } amount)
            {
                manager = amount > cap;
                rules.Add(new AppliedRule(refund.Citation, "amount-threshold", RuleStatus.NonNegotiable,
                    manager ? $"{Money.Format(amount, f.Currency ?? refund.Currency ?? "EUR")} is above the {Money.Format(cap, refund.Currency ?? "EUR")} cap: manager approval." : $"Within the {Money.Format(cap, refund.Currency ?? "EUR")} cap: agent discretion."));
                if (!manager && recommendation == Recommendations.ProcessRefund)
                {
                    offer = new DraftOffer("refund", amount, f.Currency ?? refund.Currency ?? "EUR", refund.Citation);
                }
            }
            else if (recommendation == Recommendations.ProcessRefund)
            {
                recommendation = Recommendations.ConfirmFacts;
                authority = false;
            }
        }

        var slaPolicy = PolicyNumbers.Governing(workspace, context.Retrieval, PolicyCategories.SlaCredit);
        if (slaPolicy is not null && f.OutageHours is { } hours && f.OutageHoursConfirmed && context.Retrieval.Policies.Any(p => p.Category == PolicyCategories.SlaCredit))
        {
            sla = SlaCredit(slaPolicy, hours, context.Customer);
            AddGuardrails(slaPolicy, rules);
            var cap = slaPolicy.NumberOrNull("autoApproveCap") ?? workspace.Routing.AutoApproveCap;
            var over = sla.Amount > cap;
            rules.Add(new AppliedRule(slaPolicy.Citation, "sla-credit", RuleStatus.Discretionary,
                $"{hours.ToString("0.#", CultureInfo.InvariantCulture)} h down vs {sla.AllowedDowntimeHours.ToString("0.##", CultureInfo.InvariantCulture)} h allowed at {sla.UptimeTargetPercent}% → {sla.BillableHours} h × {sla.CreditPercentPerHour}% = {sla.CreditPercent}% (max {sla.MaxCreditPercent}%) of MRR {Money.Format(sla.Mrr, sla.Currency)} = {Money.Format(sla.Amount, sla.Currency)}{(over ? $", above the {Money.Format(cap, sla.Currency)} cap: manager approval" : "")}."));
            manager |= over;
            if (!f.HasAsk(CaseAsks.Refund))
            {
                recommendation = Recommendations.ApplySlaCredit;
                if (!over && sla.Amount > 0)
                {
                    offer = new DraftOffer("credit", sla.Amount, sla.Currency, slaPolicy.Citation);
                }
            }
        }

        authority &= !manager;
        var rationale = ExceptionRationale.For(context.Customer, context.Signals, f, context.Retrieval, workspace, now);
        trace.AddRange(rules.Select(r => TraceEntry.Found(Stage, $"{r.Rule} ({r.Status}): {r.Result}", r.Citation)));
        trace.Add(TraceEntry.Decided(Stage,
            $"Recommendation {recommendation}{(manager ? ", needs manager approval" : "")}{(authority ? ", within authority" : ", outside agent authority")}{(context.Retrieval.Conflict ? $"; policy conflict: {context.Retrieval.ConflictReason}" : "")}.",
            rules.Select(r => r.Citation).Distinct().ToArray()));
        return new PolicyApplication
        {
            Recommendation = recommendation,
            Rules = rules,
            Offer = authority ? offer : null,
            SlaCredit = sla,
            NeedsManagerApproval = manager,
            WithinAuthority = authority,
            Conflict = context.Retrieval.Conflict,
            ConflictReason = context.Retrieval.ConflictReason,
            ExceptionRationale = rationale,
            Trace = trace,
        };
    }

    /// <summary>Credit % = min(max, hours beyond the allowed downtime (rounded up) × % per hour), applied to the MRR.</summary>
    private static SlaCreditCalculation SlaCredit(Policy p, double hours, CustomerEntity customer)
    {
        var target = p.Number("uptimeTargetPercent", 99.9m);
        var perHour = p.Number("creditPercentPerHourDown", 0);
        var max = p.Number("maxCreditPercent", 100);
        var allowed = Math.Round(30 * 24 * (double)(100 - target) / 100, 2);
        var billable = (int)Math.Ceiling(Math.Max(0, hours - allowed));
        var percent = Math.Min(max, billable * perHour);
        var amount = Math.Round(customer.Mrr * percent / 100, 2);
        return new SlaCreditCalculation(hours, target, allowed, billable, perHour, max, percent, customer.Mrr, amount, customer.Currency, p.Citation);
    }

    private static void AddGuardrails(Policy p, List<AppliedRule> rules)
    {
        foreach (var g in p.Guardrails)
        {
            rules.Add(new AppliedRule(p.Citation, "guardrail", RuleStatus.NonNegotiable, g));
        }
    }
}

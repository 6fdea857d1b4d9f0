using Escalation.Core.Cases;
using Escalation.Core.Escalations;
using Escalation.Core.Knowledge;
using Escalation.Core.Signals;

namespace Escalation.Core.Sensitive;

/// <summary>
/// What a draft can say it did: the money the policy authorises now (<see cref="DraftRequest.Offer"/>) and the money a
/// reviewer is asked to approve (<see cref="DraftRequest.Proposal"/>). Both come from the same refund decision tree and
/// SLA credit math the escalation pipeline applies, so the two pipelines never disagree on an amount.
/// </summary>
public static class DraftResolution
{
    /// <summary>The authorised offer and the proposal for review of a sensitive case, as of <paramref name="now"/>.</summary>
    public static (DraftOffer? Offer, DraftOffer? Proposal) For(
        CustomerEntity customer, CaseSignals signals, CaseFacts facts, PolicyRetrieval retrieval, Workspace workspace, DateTimeOffset now)
    {
        var context = new EscalationContext
        {
            TicketId = "",
            Customer = customer,
            TenureMonths = customer.TenureMonths(DateOnly.FromDateTime(now.UtcDateTime)),
            Signals = signals,
            Facts = facts,
            Retrieval = retrieval,
        };
        var application = new ApplyPolicyStage().Apply(context, workspace, now);
        return (application.Offer, Propose(application, customer, signals, facts, retrieval, workspace));
    }

    /// <summary>
    /// The resolution a reviewer is asked to approve: the authorised offer, else the refund the decision tree leans to
    /// (within the window but above the cap, or an exception past it), else the computed SLA credit, else a goodwill credit
    /// when the customer asks for one. None on legal cases: the legal policy forbids offering compensation there.
    /// </summary>
    public static DraftOffer? Propose(PolicyApplication application, CustomerEntity customer, CaseSignals signals, CaseFacts facts, PolicyRetrieval retrieval, Workspace workspace)
    {
        // Nothing is proposed on a legal case, when tier 1's sum or charge date and the customer's differ (which one is not known), or when
        // it was already done (the held draft would say "I have refunded €99" a second time). Nor where a senior decides
        // everything (a patient at risk, distress, a threat of harm): the held reply states no money before they have read it.
        if (signals.Text.SeniorDecidesAll || facts.AmountConflict || facts.PurchaseDateConflict is not null || facts.AlreadyDone is not null
            || UnderstandingGate.AboveTheFee(facts, customer) || UnderstandingGate.PartUnsure(facts) || GoodsOrder.NotCovered(facts.GoodsOrder, workspace))
        {
            return null;
        }

        if (application.Offer is { } offer)
        {
            return offer;
        }

        var refund = PolicyNumbers.Governing(workspace, retrieval, PolicyCategories.Refund);
        if (facts.HasAsk(CaseAsks.Refund) && facts.Amount is { } amount && refund is not null
            && application.Recommendation is Recommendations.ProcessRefund or Recommendations.RefundAndInvestigate or Recommendations.RefundWithRetention)
        {
            return new DraftOffer("refund", amount, facts.Currency ?? refund.Currency ?? workspace.Routing.DefaultCurrency, refund.Citation);
        }

        if (application.SlaCredit is { Amount: > 0 } sla && !facts.HasAsk(CaseAsks.Refund))
        {
            return new DraftOffer("credit", sla.Amount, sla.Currency, sla.Citation);
        }

        // Goodwill for VIP accounts is the account manager's to propose (goodwill policy), so support proposes none. An SLA
        // claim whose downtime is not known yet gets no goodwill figure either: the formula decides it once the hours are.
        if (facts.HasAsk(CaseAsks.Credit) && !signals.Vip && !CaseUnderstanding.SlaClaim(facts, signals.Text) && customer.Mrr > 0
            && workspace.PoliciesIn(PolicyCategories.Compensation).FirstOrDefault(p => p.NumberOrNull("goodwillCreditPercent") is not null) is { } goodwill)
        {
            var percent = goodwill.NumberOrNull("goodwillCreditPercent")!.Value;
            var cap = goodwill.NumberOrNull("autoApproveCap") ?? workspace.Routing.AutoApproveCap;
            var credit = Math.Min(cap, Math.Round(customer.Mrr * percent / 100, 2));
            // "Keep the €45 as a credit", "ces 199 € en avoir": a credit of a sum of their own is not the goodwill figure; a
            // person decides it.
            return credit > 0 && !(facts.AmountRequested && facts.Amount is { } named && named != credit)
                ? new DraftOffer("credit", credit, customer.Currency, goodwill.Citation) : null;
        }

        return null;
    }
}

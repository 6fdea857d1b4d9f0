using System.Text.RegularExpressions;
using Escalation.Core.Cases;
using Escalation.Core.Escalations;
using Escalation.Core.Knowledge;
using Escalation.Core.Sensitive;
using Escalation.Core.Signals;

namespace Escalation.Core.Actions;

/// <summary>What the planner reads: the case as the pipeline understood it and the policy as applied to it.</summary>
public sealed record ActionInputs
{
    public required CustomerEntity Customer { get; init; }
    public required CaseSignals Signals { get; init; }
    public required CaseFacts Facts { get; init; }
    public required PolicyRetrieval Retrieval { get; init; }
    public required PolicyApplication Application { get; init; }
    public string? Subject { get; init; }

    /// <summary>What the customer wrote (for the add-on to remove and the bug to report).</summary>
    public string CustomerText { get; init; } = "";

    /// <summary>The decision's date, for what depends on it (a cancellation within authority); null: every such action waits for a person.</summary>
    public DateOnly? Today { get; init; }
}

/// <summary>
/// Seed 003's refund tree, literally, with the workspace's numbers, and the other policies' actions. Inside the window →
/// refund (plus a root-cause bug report when a defect or outage caused it); outside with a valid reason (outage, defect,
/// billing error) and no more than the policy's exception days past the window → refund plus a retention offer when the
/// customer is long-standing, for review; no valid reason → the policy's alternative (a goodwill credit, else a downgrade),
/// for review, except that long tenure leans toward the refund. SLA credits from the computed credit, goodwill credits from
/// the goodwill numbers, a cancellation at the end of the term. Every amount is within its policy's limit; an action is
/// auto-executable only when it is the money the policy authorises now (<see cref="PolicyApplication.Offer"/>) or an
/// internal report.
/// </summary>
public static partial class ActionPlanner
{
    /// <summary>Applies the policy to a sensitive case's facts (the same tree the escalation pipeline runs) and plans.</summary>
    public static IReadOnlyList<CaseAction> ForSensitive(
        CustomerEntity customer, CaseSignals signals, CaseFacts facts, PolicyRetrieval retrieval, Workspace workspace, DateTimeOffset now, string? subject, string customerText)
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
        return Plan(new ActionInputs
        {
            Customer = customer, Signals = signals, Facts = facts, Retrieval = retrieval, Application = application, Subject = subject, CustomerText = customerText,
            Today = DateOnly.FromDateTime(now.UtcDateTime),
        }, workspace);
    }

    /// <summary>What the customer wrote, in thread order, as written (names keep their case).</summary>
    public static string CustomerText(Tickets.CaseSubmission ticket) =>
        string.Join("\n", ticket.Messages.Where(m => m.From == "customer").Select(m => m.Text));

    /// <summary>The actions the applied policy calls for, in a fixed order.</summary>
    public static IReadOnlyList<CaseAction> Plan(ActionInputs x, Workspace workspace)
    {
        // The legal policy forbids offering compensation on a legal-sensitive case, and a person in distress, a threat or a
        // patient at risk is a senior's to answer: nothing is planned there. A question about what would happen ("if I
        // cancelled, would I be refunded?") asks for nothing to be carried out.
        // Nor for an order of goods: no rule here plans anything for a parcel or an item ("order #88123 … send my money back").
        if (x.Signals.Text.SeniorDecidesAll || x.Facts.Hypothetical is not null || Cases.GoodsOrder.NotCovered(x.Facts.GoodsOrder, workspace))
        {
            return [];
        }

        var f = x.Facts;
        var a = x.Application;
        var actions = new List<CaseAction>();
        var refund = PolicyNumbers.Governing(workspace, x.Retrieval, PolicyCategories.Refund);
        // Tier 1's "€199" against the customer's "€149": no refund of either is proposed until a person knows which.
        // Nor is the largest of several sums refunded when the words do not say which one is asked ("€ 1.188,00 … € 99 per maand
        // … € 1.089,00"): a person picks it. Nor is the whole charge refunded for "the rest of this month" with no sum named.
        // Tier 1 dates the charge otherwise ("am 14.10. abgebucht, nicht im November"): the window depends on the day, so no
        // refund is proposed until a person settles it. Nor a sum above the account's fee that no charge is known to be
        // ("€79 and €79 … refund the duplicate €89"): a person finds the charge first.
        if (f.HasAsk(CaseAsks.Refund) && refund is not null && f.Amount is { } paid && paid > 0 && f.DaysPastWindow is { } past && !f.AmountConflict
            && f.PurchaseDateConflict is null && !Sensitive.UnderstandingGate.AboveTheFee(f, x.Customer)
            && !(f.AmountAmbiguous && f.AmountCandidates.Count > 1) && !Sensitive.UnderstandingGate.PartUnsure(f))
        {
            var currency = f.Currency ?? refund.Currency ?? workspace.Routing.DefaultCurrency;
            var exceptionDays = refund.Number("exceptionMaxDaysPastWindow", 0);
            var authorised = a.Offer is { Kind: "refund" } offer && offer.Amount == paid;
            CaseAction Refund(string rule, bool approval) => new()
            {
                Kind = ActionKinds.Refund, Amount = paid, Currency = currency, Limit = paid, ChargeDate = f.PurchaseDate,
                Reason = f.Cause, PolicyCitation = refund.Citation, Rule = rule, NeedsApproval = approval,
            };

            var longTerm = a.Recommendation == Recommendations.RefundWithRetention;
            if (past == 0)
            {
                actions.Add(Refund(f.Cause == CaseCauses.BillingError ? "billing-error" : "within-window", !authorised));
                if (f.RemoveAddOn is { } addOn)
                {
                    actions.Add(new CaseAction { Kind = ActionKinds.RemoveAddOn, Summary = addOn, PolicyCitation = refund.Citation, Rule = "within-window", NeedsApproval = !authorised });
                }
            }
            else if ((CaseCauses.IsValidReason(f.Cause) && past <= exceptionDays) || longTerm)
            {
                actions.Add(Refund(CaseCauses.IsValidReason(f.Cause) ? "past-window-outage" : "long-tenure-lean", true));
                if (longTerm && Retention(workspace, x.Customer, x.Today) is { } retention)
                {
                    actions.Add(retention);
                }
            }
            else
            {
                actions.Add(Goodwill(x, workspace) ?? Downgrade(workspace, refund.Citation));
            }
        }
        else if (a.SlaCredit is { Amount: > 0 } sla && !f.HasAsk(CaseAsks.Refund))
        {
            var policy = PolicyNumbers.Governing(workspace, x.Retrieval, PolicyCategories.SlaCredit);
            var limit = Math.Round(sla.Mrr * sla.MaxCreditPercent / 100, 2);
            var authorised = a.Offer is { Kind: "credit" } o && o.Amount == sla.Amount;
            actions.Add(new CaseAction
            {
                Kind = ActionKinds.Credit, Amount = Math.Min(sla.Amount, limit), Currency = sla.Currency, Limit = limit,
                Reason = $"SLA credit: {sla.BillableHours} h of downtime below target × {sla.CreditPercentPerHour:0.##}%",
                PolicyCitation = policy?.Citation ?? sla.Citation, Rule = "credit-formula", NeedsApproval = !authorised,
            });
        }
        // A credit of a sum of the customer's own ("keep the €45 as a credit") is not the goodwill figure: none is planned.
        else if (f.HasAsk(CaseAsks.Credit) && !Sensitive.CaseUnderstanding.SlaClaim(f, x.Signals.Text) && Goodwill(x, workspace) is { } goodwill
            && !(f.AmountRequested && f.Amount is { } named && named != goodwill.Amount))
        {
            actions.Add(goodwill);
        }

        if (f.HasAsk(CaseAsks.Cancel) && workspace.PoliciesIn(PolicyCategories.Cancellation).FirstOrDefault() is { } cancellation)
        {
            actions.Add(new CaseAction
            {
                Kind = ActionKinds.CancelSubscription,
                Effective = x.Today is { } on ? CancellationAuthority.Effective(x.Customer, f, on) : CancellationAuthority.Effective(x.Customer),
                PolicyCitation = cancellation.Citation, Rule = x.Today is not null && f.RefundsThePeriod ? "ends-with-refund" : "end-of-term",
                NeedsApproval = x.Today is not { } today || !CancellationAuthority.WithinAuthority(x.Customer, workspace, today),
            });
        }

        // "Re-issue the invoice with our new VAT number": the rule that made it the intent authorises it, and the reply that
        // says "I have issued a corrected invoice" waits for it to be done.
        if ((InvoiceCorrectionAsked(f, x.Retrieval) ? workspace.FindPolicy(x.Retrieval.Policies.First(p => p.Rule is not null).Id) : ReissueBeside(f, workspace)) is { } invoicePolicy)
        {
            actions.Add(new CaseAction
            {
                Kind = ActionKinds.ReissueInvoice,
                Summary = f.Asks.Count > 0 && f.InvoiceReissue is { } asked && RuleGlosses.Invoice.IsMatch(asked) ? asked : InvoiceAsk(x.CustomerText),
                PolicyCitation = invoicePolicy.Citation, Rule = InvoiceCorrectionRule,
            });
        }

        // Seed 003: a refund for something that did not work comes with an investigation of the root cause; a defect or a
        // request for a fix is reported whatever the money (a confirmed outage alone already has its incident report).
        // A billing error refunded: the reply says billing was asked to check the next invoice (prevention.billing), and this
        // note is what asks them.
        var billingCheck = f.Cause == CaseCauses.BillingError && actions.Any(a => a.Kind == ActionKinds.Refund);
        var rootCause = f.Cause == CaseCauses.Defect || f.HasAsk(CaseAsks.Fix) || billingCheck
            || (f.Cause == CaseCauses.Outage && actions.Any(a => a.Kind == ActionKinds.Refund));
        if (rootCause && x.Retrieval.Policies.FirstOrDefault() is { } cited)
        {
            var summary = billingCheck
                ? $"Billing error refunded{(x.Subject is { Length: > 0 } about ? $" ({about})" : "")}: check the customer's next invoice before it goes out"
                : (x.Subject is { Length: > 0 } s ? s : "Customer-reported problem") + (f.OutageHours is { } h ? $" ({h:0.#} h reported)" : "");
            actions.Add(new CaseAction { Kind = ActionKinds.BugReport, Summary = summary, Reason = f.Cause, PolicyCitation = workspace.FindPolicy(cited.Id)?.Citation ?? cited.Id, Rule = "root-cause" });
        }

        // Tier 1 "Refunded EUR 149 … Done", the customer's "thanks for the credit": what was done is not proposed again, so
        // approving the case cannot pay or cancel twice.
        if (f.AlreadyDone is { } done)
        {
            actions.RemoveAll(a => EarlierSteps.Names(done, a.Kind));
        }

        return actions;
    }

    /// <summary>The policy rule id that makes a corrected invoice the intent and authorises <see cref="ActionKinds.ReissueInvoice"/>.</summary>
    public const string InvoiceCorrectionRule = "invoice-correction";

    /// <summary>True when the case's intent is the invoice-correction rule (no other ask, and it is the rule the request matched).</summary>
    public static bool InvoiceCorrectionAsked(Cases.CaseFacts facts, Sensitive.PolicyRetrieval retrieval) =>
        facts.Asks.Count == 0 && retrieval.Policies.FirstOrDefault(p => p.Rule is not null) is { Rule: InvoiceCorrectionRule };

    /// <summary>
    /// The policy whose invoice-correction rule authorises a corrected invoice asked beside another ask ("cancel at the end
    /// of the term, and re-issue the November invoice with our new VAT number"); null when none is asked or no rule says so.
    /// </summary>
    public static Policy? ReissueBeside(Cases.CaseFacts facts, Workspace workspace) =>
        facts.InvoiceReissue is not null && facts.Asks.Count > 0
            ? workspace.Policies.FirstOrDefault(p => p.Rules.Any(r => r.Id == InvoiceCorrectionRule))
            : null;

    /// <summary>The customer's words from the sentence that asks for the corrected invoice on (the details the billing team needs), shortened.</summary>
    private static string InvoiceAsk(string? customerText)
    {
        // The customer's own words (no greeting line's sign-off, signature or disclaimer), sentence by sentence: the one that
        // names the invoice and the one after it ("… still shows our old VAT number. Please re-issue it with VAT number …").
        var text = Greeting().Replace(Cases.CaseText.OwnWords(customerText), "");
        var sentences = SentenceBreak().Split(text);
        var first = Array.FindIndex(sentences, t => Sensitive.RuleGlosses.Invoice.IsMatch(t));
        var last = first < 0 ? -1 : Array.FindIndex(sentences, first, t => AskMarker().IsMatch(t));
        var asked = first < 0 ? text : string.Join(' ', sentences[first..(last >= first && last < first + 3 ? last + 1 : Math.Min(sentences.Length, first + 2))]).Trim();
        return asked.Length <= 240 ? asked : asked[..240].TrimEnd() + "…";
    }

    // "Dear Lumen Desk,", "Hi team!", "Hallo zusammen,": the greeting before the first sentence.
    [System.Text.RegularExpressions.GeneratedRegex(@"^\W*(dear|hi|hello|hey|good (morning|afternoon)|hola|buenos d[íi]as|buenas tardes|estimad[oa]s?|hallo|guten (tag|morgen)|sehr geehrte\w*|liebe\w*|bonjour|madame|monsieur|ol[áa]|bom dia|boa tarde|prezad[oa]s?|caro|cari|gentile|buongiorno|salve|beste|geachte|goedemiddag|goedemorgen|goedendag|goedenavond)\b[^,.!?]{0,40}[,!:]\s*", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Greeting();

    // A sentence end: "." after a letter, or "!" or "?", then a space and a capital letter (not "vom 1. November", "1.250,00", "e.g. the").
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=[^\d\s]\.|[!?])(?<!(?:Nr|No|Ref|Inv|Mr|Mrs|Ms|Dr|St|ca|bzw|vs|etc|Co|Ltd|Inc)\.)\s+(?=[\p{Lu}¿¡])")]
    private static partial System.Text.RegularExpressions.Regex SentenceBreak();

    // The sentence that asks: "please", "could you", "bitte", "por favor", "s'il vous plaît", "per favore", "graag"…
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(please|pls|could you|can you|would you|bitte|k[öo]nnten Sie|k[öo]nnen Sie|por favor|podr[íi]an|pueden|s'il vous pla[iî]t|pourriez-vous|pouvez-vous|merci de|per favore|potreste|potete|graag|kunt u|kunnen jullie|poderiam|podem)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex AskMarker();

    /// <summary>The goodwill policy's credit: its percent of one month's fee, at most its cap; none for VIP accounts (the account manager proposes it).</summary>
    private static CaseAction? Goodwill(ActionInputs x, Workspace workspace)
    {
        if (x.Signals.Vip || x.Customer.Mrr <= 0
            || workspace.PoliciesIn(PolicyCategories.Compensation).FirstOrDefault(p => p.NumberOrNull("goodwillCreditPercent") is not null) is not { } goodwill)
        {
            return null;
        }

        var cap = goodwill.NumberOrNull("autoApproveCap") ?? workspace.Routing.AutoApproveCap;
        var credit = Math.Min(cap, Math.Round(x.Customer.Mrr * goodwill.NumberOrNull("goodwillCreditPercent")!.Value / 100, 2));
        return credit <= 0 ? null : new CaseAction
        {
            Kind = ActionKinds.Credit, Amount = credit, Currency = x.Customer.Currency, Limit = cap, Reason = "goodwill credit",
            PolicyCitation = goodwill.Citation, Rule = "standard-gesture", NeedsApproval = true,
        };
    }

    private static CaseAction Downgrade(Workspace workspace, string fallbackCitation) => new()
    {
        Kind = ActionKinds.Downgrade, Plan = "fewer seats from the next invoice",
        PolicyCitation = workspace.PoliciesIn(PolicyCategories.Cancellation).FirstOrDefault()?.Citation ?? fallbackCitation, Rule = "alternatives", NeedsApproval = true,
    };

    /// <summary>
    /// The cancellation policy's retention offer (percent off for some months), when it sets one and the customer has not
    /// accepted one in the last twelve months (the offer is made at most once a year).
    /// </summary>
    private static CaseAction? Retention(Workspace workspace, CustomerEntity customer, DateOnly? today) =>
        workspace.PoliciesIn(PolicyCategories.Cancellation).FirstOrDefault(p => p.NumberOrNull("retentionDiscountPercent") is not null) is { } p
            && !(today is { } on && RetentionDiscounts.Latest(customer, on) is { } accepted && accepted.From > on.AddMonths(-12))
            ? new CaseAction
            {
                Kind = ActionKinds.RetentionDiscount, Percent = p.NumberOrNull("retentionDiscountPercent"), Months = (int)(p.NumberOrNull("retentionMonths") ?? 1),
                PolicyCitation = p.Citation, Rule = "retention-offer", NeedsApproval = true,
            }
            : null;
}

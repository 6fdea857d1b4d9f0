using System.Globalization;
using Escalation.Core.Cases;
using Escalation.Core.Knowledge;
using Escalation.Core.Signals;

namespace Escalation.Core.Sensitive;

/// <summary>
/// Whether the request is understood (issue 25, "send only what is understood"): it matches an intent a workspace
/// policy covers, and every fact that policy needs was read unambiguously. A case that is not understood is never
/// auto-sent, and <see cref="Missing"/> names what was not understood so a support lead can fix the workspace.
/// </summary>
public sealed record CaseUnderstanding
{
    /// <summary>The recognised intent, e.g. <c>refund</c>, <c>sla-credit</c> or <c>refund#invoice-correction</c>; null when none.</summary>
    public string? Intent { get; init; }

    /// <summary>The policy that covers the intent (<c>id@version</c>); null when none does.</summary>
    public string? Policy { get; init; }

    /// <summary>Why no covered intent was recognised; null when one was.</summary>
    public string? Unrecognised { get; init; }

    /// <summary>What would let the request be answered: a policy for it, or (null) a person who reads the words.</summary>
    public string? Advice { get; init; } = "Add a policy or rule that covers this request to let it be answered.";

    /// <summary>Why the amount the policy needs cannot be used; null when it can (or is not needed).</summary>
    public string? AmountProblem { get; init; }

    /// <summary>Other facts the policy needs that were not read (e.g. <c>charge date</c>, <c>outage duration</c>).</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];

    /// <summary>The facts the policy needs, as read (for the send reason).</summary>
    public IReadOnlyList<string> Read { get; init; } = [];

    /// <summary>The intent of a question about a refund already made ("when will the money arrive?").</summary>
    public const string RefundStatusIntent = "refund-status";

    public bool Understood => Intent is not null && Unrecognised is null && AmountProblem is null && Missing.Count == 0;

    /// <summary>A credit asked because of downtime: the SLA formula decides it, never a goodwill percentage.</summary>
    public static bool SlaClaim(CaseFacts f, TextSignals t) => f.HasAsk(CaseAsks.Credit) && (f.Cause == CaseCauses.Outage || f.OutageHours is not null || t.Outage || f.SlaAsked);

    private static string CancelQuote(TextSignals t) =>
        t.Evidence.FirstOrDefault(e => e.Signal == "cancellation") is { } e ? $" (\"{e.Text}\")" : "";

    /// <summary>The intent of the case and whether its policy's facts were read; <paramref name="currency"/> is the one the account is billed in.</summary>
    public static CaseUnderstanding Of(CaseFacts f, TextSignals t, PolicyRetrieval retrieval, string currency)
    {
        var (intent, category, needs) =
            // "Thanks for the refund – when does it reach my card?" asks the day, not the money: the refund policy's
            // processing days answer it from the day the refund was made.
            f.RefundStatus is { } status ? (RefundStatusIntent, PolicyCategories.Refund, status.RefundedOn is not null ? []
                : status.MadeBy == RefundStatus.Sources.Customer ? new[] { "the day the refund was made (only the customer's words say it was)" }
                : ["the day the refund was made"])
            : f.HasAsk(CaseAsks.Refund) ? (f.Cause == CaseCauses.BillingError ? "refund#billing-error" : "refund", PolicyCategories.Refund, new[] { "amount", "charge date" })
            : SlaClaim(f, t) ? ("sla-credit", PolicyCategories.SlaCredit, new[] { "outage duration" })
            : f.HasAsk(CaseAsks.Credit) ? ("credit", PolicyCategories.Compensation, new[] { "amount" })
            : f.HasAsk(CaseAsks.Cancel) || t.Cancellation ? ("cancellation", PolicyCategories.Cancellation, [])
            : f.HasAsk(CaseAsks.DataAccess) ? ("data-access", PolicyCategories.DataAccess, [])
            : ((string?)null, (string?)null, Array.Empty<string>());

        // The words speak of cancelling ("baja", "Kündigung") but no ask to cancel the plan was read from them: a reply
        // would answer a request nobody understood ("Nos ha escrito sobre «baja» … Le responderé").
        if (intent == "cancellation" && !f.HasAsk(CaseAsks.Cancel))
        {
            return new CaseUnderstanding
            {
                Intent = intent,
                Unrecognised = f.Retracted is { } kept
                    ? $"the customer asked to cancel{CancelQuote(t)}, then took it back (\"{kept}\"), and nothing else to do was read"
                    : f.CancelOnCondition is { } condition
                        ? $"the customer would cancel only on a condition (\"{condition}\")"
                        : $"the words speak of a cancellation{CancelQuote(t)}, but no request to cancel the plan was read from them",
                Advice = f.Retracted is not null ? "A person does what is still asked (an offer accepted, a question) and cancels nothing."
                    : f.CancelOnCondition is not null ? "A person answers the condition (a discount, a fix) before anything is cancelled."
                    : "A person reads what the customer wants done.",
            };
        }

        // No ask the facts know: a policy rule whose text the request shares (e.g. an invoice correction) is the intent.
        if (intent is null)
        {
            // How staff conduct themselves (conduct) or when a case goes up (escalation thresholds) is no request of the
            // customer's: "billing contact" and "manager" share words with the conduct policy's "pause" rule.
            return retrieval.Policies.FirstOrDefault(p => p.Rule is not null && p.Category is not (PolicyCategories.Conduct or PolicyCategories.Escalation)) is { } byRule
                ? new CaseUnderstanding { Intent = $"{byRule.Id}#{byRule.Rule}", Policy = $"{byRule.Id}@{byRule.Version}" }
                : new CaseUnderstanding
                {
                    // "the customer asks \"could you re-issue our October invoice in GBP instead of EUR?\"": what was not understood.
                    Unrecognised = (f.AskedClauses.Count > 0 ? $"the customer asks {string.Join("; ", f.AskedClauses.Take(3).Select(a => $"\"{a}\""))}, and " : "")
                        + $"no request a workspace policy covers was recognised (asks read: {(f.Asks.Count == 0 ? "none" : string.Join(", ", f.Asks))}; no policy rule matches the text)",
                };
        }

        var policy = retrieval.Policies.FirstOrDefault(p => p.Category == category);
        if (policy is null)
        {
            return new CaseUnderstanding { Intent = intent, Unrecognised = $"the request reads as {intent}, but no workspace policy of category {category} covers it" };
        }

        var missing = new List<string>();
        var read = new List<string>();
        string? amountProblem = null;
        foreach (var need in needs)
        {
            switch (need)
            {
                case "amount" when f.AmountAmbiguity is { } why:
                    amountProblem = why;
                    break;
                case "amount" when f.Amount is { } a && f.Currency is { } c && !string.Equals(c, currency, StringComparison.OrdinalIgnoreCase):
                    // The account is billed in one currency: an amount in another (a bank's conversion, another
                    // company's charge, a mistake) is not a charge we can refund as written.
                    amountProblem = $"{Money.Format(a, c)} is in {c}, but the account is billed in {currency}: what was charged in {currency} is not known";
                    break;
                case "amount" when f.Amount is { } a:
                    read.Add($"amount {Money.Format(a, f.Currency ?? currency)}");
                    break;
                case "amount":
                    amountProblem = "no amount was read";
                    break;
                case "charge date" when f.PurchaseDateConflict is { } differ:
                    missing.Add($"charge date ({differ})");
                    break;
                case "charge date" when f.PurchaseDate is { } d:
                    read.Add($"charge date {d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
                    break;
                case "outage duration" when f.OutageUnconfirmed is { } why:
                    missing.Add($"confirmed downtime ({why})");
                    break;
                case "outage duration" when f.OutageHours is { } h:
                    read.Add($"outage {h.ToString("0.#", CultureInfo.InvariantCulture)} h");
                    break;
                default:
                    missing.Add(need);
                    break;
            }
        }

        return new CaseUnderstanding { Intent = intent, Policy = $"{policy.Id}@{policy.Version}", AmountProblem = amountProblem, Missing = missing, Read = read };
    }
}

using Escalation.Core.Signals;
using Escalation.Core.Tracing;

namespace Escalation.Core.Cases;

/// <summary>
/// The hard facts of a case read from the ticket text and the tier-1 handoff: money, dates, outage
/// duration, cause and what the customer asks for, each with the evidence it was read from.
/// </summary>
public sealed record CaseFacts
{
    /// <summary>The amount in dispute, when the text names one.</summary>
    public decimal? Amount { get; init; }

    /// <summary>True when the amount follows a refund/credit cue ("refund €119.40"), i.e. it is the sum asked for.</summary>
    public bool AmountRequested { get; init; }

    /// <summary>
    /// True when the ticket names several different sums and the text does not say which one the request is
    /// about; <see cref="Amount"/> is then the largest of <see cref="AmountCandidates"/>.
    /// </summary>
    public bool AmountAmbiguous { get; init; }

    /// <summary>Every different sum the ticket names, when there is more than one (empty otherwise).</summary>
    public IReadOnlyList<AmountCandidate> AmountCandidates { get; init; } = [];

    /// <summary>
    /// Why the amount cannot be taken as read (e.g. "two different amounts, €2,100 and €700"); null when it is
    /// unambiguous. A case whose policy needs the amount is not auto-sent while this is set.
    /// </summary>
    public string? AmountAmbiguity { get; init; }

    /// <summary>ISO currency code of <see cref="Amount"/> (EUR, USD, GBP, CHF, BRL).</summary>
    public string? Currency { get; init; }

    /// <summary>When the disputed charge or purchase happened, when the text says.</summary>
    public DateOnly? PurchaseDate { get; init; }
    public int? DaysSincePurchase { get; init; }

    /// <summary>Why the charge date is not settled: the tier-1 handoff and the customer name different days.</summary>
    public string? PurchaseDateConflict { get; init; }

    /// <summary>The refund window of the governing refund policy, in days.</summary>
    public int? RefundWindowDays { get; init; }

    /// <summary>Days past the refund window (0 when within it); null when the purchase date is unknown.</summary>
    public int? DaysPastWindow { get; init; }

    /// <summary>Hours of outage the customer reports.</summary>
    public double? OutageHours { get; init; }

    /// <summary>
    /// Why the downtime is not confirmed (no confirmed incident covers its day, or the customer reports more than the
    /// incident lasted): an SLA credit is not computed from it alone. Null when it is confirmed or nothing was reported.
    /// </summary>
    public string? OutageUnconfirmed { get; init; }

    /// <summary>
    /// False when <see cref="OutageHours"/> is the customer's word alone (no confirmed incident covers its day): no SLA
    /// credit is computed from it, not even in a held draft.
    /// </summary>
    public bool OutageHoursConfirmed { get; init; } = true;

    /// <summary>What closes the way back to tier 1, quoted (the locked-out user is the only admin); null when nothing does.</summary>
    public string? TierOneBlocked { get; init; }

    /// <summary>The words that say the refund, credit or cancellation asked was already made, quoted; null when none do.</summary>
    public string? AlreadyDone { get; init; }

    /// <summary>A refund already made and the customer asks when the money arrives ("where is my refund?"); null otherwise.</summary>
    public RefundStatusAsk? RefundStatus { get; init; }

    /// <summary>The customer's words that take back an earlier ask ("scratch that"), quoted; null when none.</summary>
    public string? Retracted { get; init; }

    /// <summary>One of <c>outage</c>, <c>defect</c>, <c>billing-error</c>, <c>changed-mind</c>, <c>other</c>.</summary>
    public string Cause { get; init; } = CaseCauses.Other;

    /// <summary>What the customer asks for (see <see cref="CaseAsks"/>), in a fixed order.</summary>
    public IReadOnlyList<string> Asks { get; init; } = [];

    /// <summary>
    /// What the latest customer message asks that the recognised asks do not cover, quoted (<see cref="AskCoverage"/>):
    /// "can you also give me 50% off the next six months?".
    /// </summary>
    public IReadOnlyList<string> OtherAsks { get; init; } = [];

    /// <summary>
    /// The name the latest customer message is signed with ("Cordialement, Hélène Girard"); null when it carries none. A
    /// widow writing about her late husband's account is greeted by her name, not his.
    /// </summary>
    public string? SignedName { get; init; }

    /// <summary>
    /// The writer says they are not the account's owner or admin ("I'm not an admin on the account", "no soy el titular"),
    /// quoted; null otherwise (<see cref="RequesterAuthority"/>).
    /// </summary>
    public string? NotAccountHolder { get; init; }

    /// <summary>The name the writer of the latest message gives ("Marco here") or signs with; null when neither is read.</summary>
    public string? WriterName { get; init; }

    /// <summary>Every clause of the latest customer message that asks something, quoted (for a reason that says what was asked).</summary>
    public IReadOnlyList<string> AskedClauses { get; init; } = [];

    /// <summary>The customer only asks what would happen ("if I cancel today, would I get it back?"), quoted; null otherwise.</summary>
    public string? Hypothetical { get; init; }

    /// <summary>The refund is asked to go elsewhere than the payment (another card, a bank transfer, another person), quoted.</summary>
    public string? RefundElsewhere { get; init; }

    /// <summary>
    /// The sentence in which the customer would cancel only on a condition ("we'd cancel at the end of the term, unless you
    /// can give us a discount"), quoted; null when none. No cancellation is asked until the condition is answered.
    /// </summary>
    public string? CancelOnCondition { get; init; }

    /// <summary>Part of the charge is asked back without an amount ("refund whatever is fair"), quoted.</summary>
    public string? PartialAsk { get; init; }

    /// <summary>The add-on or pack the customer asks to have removed ("the SMS add-on", "SMS-Paket"); null when none.</summary>
    public string? RemoveAddOn { get; init; }

    /// <summary>A removal asked of something that is not an add-on ("and delete our workspace"), quoted; null when none.</summary>
    public string? RemovalAsk { get; init; }

    /// <summary>
    /// The clause asking for a re-issued or corrected invoice ("and please re-issue our November invoice with our new VAT
    /// number"), quoted; null when none. Beside another ask it is planned under the workspace's invoice-correction rule.
    /// </summary>
    public string? InvoiceReissue { get; init; }

    /// <summary>True when the message names a charge beside the plan: an add-on, seats, an extension, usage, annual billing.</summary>
    public bool ExtraCharged { get; init; }

    /// <summary>Tier 1's sum differs from the customer's own (<see cref="AmountAmbiguity"/> says which): no money is proposed.</summary>
    public bool AmountConflict { get; init; }

    /// <summary>The amount was read from tier 1's handoff, not from the customer's own words ("Customer pays €450/month").</summary>
    public bool AmountFromHandoff { get; init; }

    /// <summary>The data request is to delete ("supresión de mis datos", "right to be forgotten", "Daten löschen"), not to send a copy.</summary>
    public bool DataErasure { get; init; }

    /// <summary>True when the customer names the service level ("SLA credit", "SLA-Gutschrift", "uptime", "disponibilité").</summary>
    public bool SlaAsked { get; init; }

    /// <summary>A cancellation the customer tells as already done ("we had already cancelled"), quoted; null when none.</summary>
    public string? CancelledBefore { get; init; }

    /// <summary>When the customer asks the cancellation to take effect, quoted ("cancel it immediately", "a final de mes"); null when not said.</summary>
    public string? CancelTiming { get; init; }

    /// <summary>
    /// The words asking that nothing more be charged with a cancellation ("cancel it so we're not billed again", "que no se
    /// me vuelva a cobrar"); true to its word only when the term ends before the next monthly charge.
    /// </summary>
    public string? StopBilling { get; init; }

    /// <summary>The customer's last message, when it only thanks and asks nothing more ("Perfect, thanks a lot!"); null otherwise.</summary>
    public string? ClosingThanks { get; init; }

    /// <summary>
    /// The words naming an order of goods or its delivery ("order #88123", "tracking number", "colis"), quoted; null when
    /// none. No refund or credit rule here covers goods, so nothing is paid or promised for them.
    /// </summary>
    public string? GoodsOrder { get; init; }

    /// <summary>The customer asks in words that the cancellation take effect at the end of the term ("at the end of my term").</summary>
    public bool CancelAtTermEnd { get; init; }

    /// <summary>True when <see cref="CancelTiming"/> asks for now (immediately, today, ab sofort).</summary>
    public bool CancelNow { get; init; }

    /// <summary>The date <see cref="CancelTiming"/> names, when it names one.</summary>
    public DateOnly? CancelDate { get; init; }

    /// <summary>Where each fact was read.</summary>
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];

    public IReadOnlyList<TraceEntry> Trace { get; init; } = [];

    /// <summary>True when the purchase is known to be outside the refund window.</summary>
    public bool OutsideWindow => DaysPastWindow is > 0;

    /// <summary>
    /// True when the money refunded is the period's own: a refund within the window, not of a billing error and not of an
    /// add-on. A plan cancelled with it ends now, not at the end of a term whose payment is returned — unless the customer
    /// asks the end of the term in words ("alla fine del periodo in corso", after an earlier refund in the thread).
    /// </summary>
    public bool RefundsThePeriod => RefundWithinWindow && Cause != CaseCauses.BillingError && RemoveAddOn is null && !CancelAtTermEnd;

    /// <summary>True when the add-on asked to be removed goes with a refund within the window (the action plan removes it).</summary>
    public bool AddOnRemovedWithRefund => RemoveAddOn is not null && RefundWithinWindow;

    /// <summary>A refund of a known amount asked within the refund window: the one the action plan carries out on its own.</summary>
    private bool RefundWithinWindow => HasAsk(CaseAsks.Refund) && Amount is > 0 && DaysPastWindow == 0;

    public bool HasAsk(string ask) => Asks.Contains(ask, StringComparer.Ordinal);
}

/// <summary>Causes of a money dispute (the precedent vocabulary).</summary>
public static class CaseCauses
{
    public const string Outage = "outage";
    public const string Defect = "defect";
    public const string BillingError = "billing-error";
    public const string ChangedMind = "changed-mind";
    public const string Other = "other";

    /// <summary>Causes that make a refund outside the window a valid exception (seed 003: product didn't work, broken promise).</summary>
    public static bool IsValidReason(string cause) => cause is Outage or Defect or BillingError;
}

/// <summary>What a customer can ask for.</summary>
public static class CaseAsks
{
    public const string Refund = "refund";
    public const string Credit = "credit";
    public const string Cancel = "cancel";
    public const string DataAccess = "data-access";
    public const string Manager = "manager";
    public const string Fix = "fix";

    /// <summary>All asks in the order facts list them.</summary>
    public static readonly IReadOnlyList<string> Ordered = [Refund, Credit, Cancel, DataAccess, Manager, Fix];
}

using System.Globalization;
using Escalation.Core.Knowledge;

namespace Escalation.Core.Actions;

/// <summary>
/// When a cancellation is within the agent's authority: the workspace has a cancellation policy (which ends a plan at
/// the end of the term the customer paid for) and the customer is below the retention thresholds of
/// <c>routing.yaml</c> (at or above them a retention review comes first). Within authority the plan is cancelled with the
/// reply that says so, as the policy's guardrail asks ("a customer who wants to leave is told exactly how, in the first
/// reply"); otherwise the cancellation waits for a person.
/// </summary>
public static class CancellationAuthority
{
    /// <summary>Written for a plan whose renewal date is unknown: it ends when the paid term does.</summary>
    public const string EndOfTerm = "end-of-term";

    /// <summary>When the cancellation takes effect (<c>yyyy-MM-dd</c> or <see cref="EndOfTerm"/>).</summary>
    public static string Effective(CustomerEntity customer) =>
        customer.RenewalDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? EndOfTerm;

    /// <summary>
    /// When the cancellation takes effect for this case: today when the period's own payment is refunded with it (a plan
    /// kept running on returned money is not what either side means), else <see cref="Effective(CustomerEntity)"/>.
    /// </summary>
    public static string Effective(CustomerEntity customer, Cases.CaseFacts facts, DateOnly today) =>
        facts.RefundsThePeriod ? today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Effective(customer);

    /// <summary>
    /// True when the plan runs on past the next monthly charge (<paramref name="effective"/> more than a month after
    /// <paramref name="today"/>): an annual term billed monthly keeps billing until its end (policy rule end-of-term), and
    /// the reply must say so rather than "you will not be charged again".
    /// </summary>
    public static bool BilledUntilEffective(string? effective, DateOnly today) =>
        DateOnly.TryParseExact(effective, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on) && on > today.AddMonths(1);

    /// <summary>
    /// When a cancellation the reply carries out now takes effect; null when none is: the case asks no cancellation, the
    /// reply only answers a question about one or is held for a person (<paramref name="acts"/> false), or the cancellation
    /// is beyond the agent's authority. The one rule the sensitive and the escalation pipelines both state in their replies.
    /// </summary>
    public static string? CarriedOut(bool acts, CustomerEntity customer, Cases.CaseFacts facts, Workspace workspace, DateOnly today) =>
        acts && facts.HasAsk(Cases.CaseAsks.Cancel) && WithinAuthority(customer, workspace, today)
        && Effective(customer, facts, today) is var effective && !AsksOtherTiming(facts, effective, today)
            ? effective : null;

    /// <summary>
    /// When the plan's term ends (<c>yyyy-MM-dd</c> or <see cref="EndOfTerm"/>) for a cancellation the customer asks at a
    /// time of their own that is not it; null otherwise. A held draft says both, and cancels nothing.
    /// </summary>
    public static string? AskedAtOtherTiming(bool acts, CustomerEntity customer, Cases.CaseFacts facts, DateOnly today) =>
        acts && facts.HasAsk(Cases.CaseAsks.Cancel) && Effective(customer, facts, today) is var effective && AsksOtherTiming(facts, effective, today)
            ? effective : null;

    /// <summary>
    /// True when the customer asks the cancellation to take effect at a time of their own ("effective 31 December",
    /// "ab sofort") that is not <paramref name="effective"/>: the plan is not cancelled at a date they did not ask for; a
    /// person agrees the date. A date that falls on the same day of the year as the term's end agrees with it.
    /// </summary>
    public static bool AsksOtherTiming(Cases.CaseFacts facts, string effective, DateOnly today)
    {
        if (facts.CancelTiming is null)
        {
            return false;
        }

        var on = DateOnly.TryParseExact(effective, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
        return !(facts.CancelNow ? on == today
            : facts.CancelDate is { } date && on is { } e && (date == e || (date.Month == e.Month && date.Day == e.Day)));
    }

    /// <summary>True when the cancellation may be carried out without a person, as of <paramref name="today"/>.</summary>
    public static bool WithinAuthority(CustomerEntity customer, Workspace workspace, DateOnly today) =>
        workspace.PoliciesIn(PolicyCategories.Cancellation).Any()
        && customer.TenureMonths(today) < workspace.Routing.RetentionTenureMonths
        && customer.Arr < workspace.Routing.RetentionArr;
}

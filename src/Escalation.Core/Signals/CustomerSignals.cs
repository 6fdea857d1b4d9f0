using System.Globalization;
using Escalation.Core.Knowledge;

namespace Escalation.Core.Signals;

/// <summary>What the customer entity and its history add: VIP, repeat complainant, commercial sensitivity.</summary>
internal static class CustomerSignals
{
    public static (bool Vip, Evidence? Why) Vip(CustomerEntity customer, RoutingSettings routing) =>
        routing.IsVipTier(customer.Tier) ? (true, Feature("vip", $"tier {customer.Tier} is a VIP tier"))
        : customer.Vip ? (true, Feature("vip", "customer flagged VIP"))
        : (false, null);

    public static (bool Repeat, List<Evidence> Why) RepeatComplainant(CustomerEntity customer, RoutingSettings routing, DateOnly today)
    {
        var why = new List<Evidence>();
        var from = today.AddDays(-routing.RepeatComplainantWindowDays);
        var recent = customer.History.Count(h => h.Date >= from && h.Date <= today && h.Kind is "complaint" or "escalation");
        if (recent >= routing.RepeatComplainantCount)
        {
            why.Add(Feature("repeat-complainant", $"{recent} complaints/escalations in {routing.RepeatComplainantWindowDays} days (threshold {routing.RepeatComplainantCount})"));
        }

        foreach (var topic in customer.History.GroupBy(h => h.Topic.Trim().ToLowerInvariant()))
        {
            var n = topic.Count();
            if (n >= routing.RepeatSameIssueCount)
            {
                why.Add(Feature("repeat-complainant", $"same issue '{topic.Key}' {n} times (threshold {routing.RepeatSameIssueCount})"));
            }
        }

        return (why.Count > 0, why);
    }

    public static (bool Sensitive, List<Evidence> Why) Commercial(CustomerEntity customer, RoutingSettings routing, DateOnly today, TextSignals text)
    {
        var why = new List<Evidence>();
        if (customer.DaysToRenewal(today) is { } days && days >= 0 && days <= routing.RenewalProximityDays)
        {
            why.Add(Feature("commercial", $"renewal in {days} days (window {routing.RenewalProximityDays})"));
        }

        if (text.ChurnThreat && customer.Arr >= routing.ChurnArrThreshold)
        {
            var arr = customer.Arr.ToString("#,0", CultureInfo.InvariantCulture);
            var threshold = routing.ChurnArrThreshold.ToString("#,0", CultureInfo.InvariantCulture);
            why.Add(Feature("commercial", $"churn threat on ARR {arr} {customer.Currency} (threshold {threshold})"));
        }

        return (why.Count > 0, why);
    }

    private static Evidence Feature(string signal, string text) => new(signal, text, -1, -1, 0);
}

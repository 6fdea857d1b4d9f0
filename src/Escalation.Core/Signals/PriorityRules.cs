using Escalation.Core.Knowledge;

namespace Escalation.Core.Signals;

/// <summary>A priority (P0–P3) and why.</summary>
public sealed record PriorityDecision(string Priority, string Reason);

/// <summary>
/// Seed 003's priority matrix and auto-priority rules. P0: outage/"down", data loss, breach, "can't login
/// all", more than 100 affected users, enterprise tier. P1: broken, not working, error, billing issue,
/// revenue impact, business tier — plus legal sensitivity, a chargeback threat, public exposure and high
/// intensity here; distress is P0 here.
/// P3: feature request, nice to have, suggestion, how-to. P2 otherwise.
/// </summary>
public static class PriorityRules
{
    public const string P0 = "P0";
    public const string P1 = "P1";
    public const string P2 = "P2";
    public const string P3 = "P3";

    /// <summary>Priority from the text alone (no customer): keywords and signals.</summary>
    public static PriorityDecision FromText(TextSignals text)
    {
        string? First(params string[] signals) => text.Evidence.FirstOrDefault(e => signals.Contains(e.Signal))?.Text;

        if (text.LiveIncident || text.Distress)
        {
            return new(P0, $"critical: \"{First("incident", "distress")}\" (live)");
        }

        // An outage told as past and resolved is context, not P0 (issue 25); any other outage, data loss, a breach
        // or many affected users is.
        var pastOutage = text.Outage && First(CautionSignals.PastOutage) is not null;
        if ((text.Outage && !pastOutage) || text.DataLoss || text.Security || First("affected-users") is not null || (First("p0") is not null && !pastOutage))
        {
            var what = First("outage", "data-loss", "security", "p0", "affected-users");
            return new(P0, $"critical: \"{what}\"");
        }

        if (text.Distress)
        {
            return new(P0, $"critical: distress (\"{First("distress")}\")");
        }

        if (text.PatientSafety)
        {
            return new(P0, $"critical: patient safety (\"{First(CautionSignals.PatientSafety)}\")");
        }

        if (First("p1", "revenue") is { } p1)
        {
            return new(P1, $"high: \"{p1}\"");
        }

        if (text.HarmThreat || text.Fraud)
        {
            return new(P1, $"high: \"{First("harm-threat", "fraud")}\"");
        }

        if (text.Legal || text.Chargeback)
        {
            return new(P1, $"high: legal sensitivity ({string.Join(", ", text.LegalKinds)})");
        }

        if (text.PublicExposure)
        {
            return new(P1, $"high: public exposure (\"{First("public-exposure")}\")");
        }

        if (text.Intensity >= 0.75)
        {
            return new(P1, $"high: negative intensity {text.Intensity:0.00}");
        }

        if (!text.Complaint && First("p3") is { } p3)
        {
            return new(P3, $"low: \"{p3}\"");
        }

        return new(P2, text.Complaint ? "normal: a complaint with no critical or high trigger" : "normal: no trigger (P2 default)");
    }

    /// <summary>
    /// Priority from text and customer: the text priority, raised by tier (enterprise or a VIP tier → P0,
    /// business tier or a VIP customer → P1). An enhancement request (P3) from such a customer becomes P2.
    /// </summary>
    public static PriorityDecision ForCase(TextSignals text, CustomerEntity customer, RoutingSettings routing)
    {
        var fromText = FromText(text);
        var tier = customer.Tier;
        var topTier = string.Equals(tier, "enterprise", StringComparison.OrdinalIgnoreCase) || routing.IsVipTier(tier);
        var highTier = string.Equals(tier, "business", StringComparison.OrdinalIgnoreCase) || customer.Vip;
        if (!topTier && !highTier)
        {
            return fromText;
        }

        if (fromText.Priority == P3)
        {
            return new(P2, $"{fromText.Reason}; raised to P2 for the {tier} tier");
        }

        var target = topTier ? P0 : P1;
        if (string.CompareOrdinal(fromText.Priority, target) <= 0)
        {
            return fromText;
        }

        var why = topTier ? $"{tier} tier (P0 trigger)" : customer.Vip && !string.Equals(tier, "business", StringComparison.OrdinalIgnoreCase) ? "VIP customer" : $"{tier} tier (P1 trigger)";
        return new(target, $"{why}; text alone: {fromText.Priority}, {fromText.Reason}");
    }
}

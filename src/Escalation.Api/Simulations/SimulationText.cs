using System.Text;
using Escalation.Core.Simulation;

namespace Escalation.Api.Simulations;

/// <summary>The simulation report for a terminal.</summary>
public static class SimulationText
{
    public static string Render(SimulationReport r)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"simulate: {r.Cases} case(s) decided again with workspace {r.CandidateVersion} against {(r.BaselineVersion is { } b ? "workspace " + b : "the decisions on record")}");
        sb.AppendLine($"  {r.Flipped} route change(s), {r.NewAutoSends.Count} newly auto-sent, {r.NewlyToHumans.Count} newly to a human, {r.RiskyFlips.Count} risky flip(s)");
        sb.AppendLine();
        sb.AppendLine("route transitions (from → to: cases)");
        foreach (var t in r.Transitions)
        {
            sb.AppendLine($"  {(t.From == t.To ? " " : "*")} {t.From} → {t.To}: {t.Count}");
        }

        Section(sb, "risky flips (a reviewer overruled the decision on record; the candidate would auto-send)", r.RiskyFlips);
        Section(sb, "newly auto-sent", r.NewAutoSends.Where(f => !f.Risky).ToList());
        Section(sb, "newly to a human", r.NewlyToHumans);
        Section(sb, "other changes (same route, other reasons or priority)", r.Flips.Where(f => f.From == f.To).ToList());
        Counts(sb, "reason codes gained", r.ReasonsGained);
        Counts(sb, "reason codes lost", r.ReasonsLost);
        Counts(sb, "priority changes", r.PriorityChanges);
        if (r.MoneyBefore.Count > 0 || r.MoneyAfter.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine($"money the actions move: before {Money(r.MoneyBefore)}; after {Money(r.MoneyAfter)}");
        }
        if (r.Skipped.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine($"skipped ({r.Skipped.Count})");
            foreach (var s in r.Skipped)
            {
                sb.AppendLine($"  {s.Id}: {s.Why}");
            }
        }

        return sb.ToString().TrimEnd();
    }

    private static void Section(StringBuilder sb, string title, IReadOnlyList<CaseFlip> flips)
    {
        if (flips.Count == 0)
        {
            return;
        }

        sb.AppendLine();
        sb.AppendLine($"{title} ({flips.Count})");
        foreach (var f in flips)
        {
            sb.AppendLine($"  {f.Id} ({f.TicketId}): {f.From} → {f.To}{(f.ReviewOutcome is { } o ? $", reviewer: {o}" : "")}{(f.PriorityBefore != f.PriorityAfter ? $", {f.PriorityBefore} → {f.PriorityAfter}" : "")}");
            sb.AppendLine($"    reasons before: {Join(f.ReasonsBefore)}");
            sb.AppendLine($"    reasons after:  {Join(f.ReasonsAfter)}");
            if (f.AuditUrl is { } url)
            {
                sb.AppendLine($"    audit: {url}");
            }
        }
    }

    private static void Counts(StringBuilder sb, string title, IReadOnlyList<CodeCount> counts)
    {
        if (counts.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine($"{title}: {string.Join(", ", counts.Select(c => $"{c.Code} ({c.Count})"))}");
        }
    }

    /// <summary><c>refund EUR 49.00, credit EUR 30.00</c>.</summary>
    public static string Money(IReadOnlyList<MoneyMoved> money) =>
        money.Count == 0 ? "none" : string.Join(", ", money.Select(m => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{m.Kind} {m.Currency} {m.Amount:0.00} ({m.When})")));

    private static string Join(IReadOnlyList<string> codes) => codes.Count == 0 ? "(none)" : string.Join(", ", codes);
}

using System.Globalization;
using System.Text;
using Escalation.Core.Metrics;

namespace Escalation.Cli;

/// <summary>The KPI summary as plain text for the terminal.</summary>
public static class KpiText
{
    public static string Render(KpiSummary s)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine(inv, $"KPI summary as of {s.AsOf:yyyy-MM-dd HH:mm} UTC: {s.TotalCases} cases, {s.DecidedCases} decided");
        sb.AppendLine("  by route:    " + string.Join(", ", s.ByRoute.Select(c => $"{c.Key} {c.Count}")));
        sb.AppendLine("  by priority: " + string.Join(", ", s.ByPriority.Select(c => $"{c.Key} {c.Count}")));
        sb.AppendLine("  by status:   " + string.Join(", ", s.ByStatus.Select(c => $"{c.Key} {c.Count}")));
        sb.AppendLine(inv, $"  reviews: {s.ReviewsCompleted} completed, {s.ReviewsOpen} open; turnaround p50 {Hours(s.ReviewTurnaroundP50Hours)}, p95 {Hours(s.ReviewTurnaroundP95Hours)}");
        sb.AppendLine(inv, $"  SLA breaches: {s.SlaBreaches}");
        sb.AppendLine(inv, $"  escalation rate: {Percent(s.EscalationRate)}; auto-send rate: {Percent(s.AutoSendRate)}");
        sb.AppendLine(inv, $"  first response p50: {Hours(s.FirstResponseP50Hours)}; escalations closed: {s.EscalationsClosed}, cycle p50 {Hours(s.EscalationCycleP50Hours)}, p95 {Hours(s.EscalationCycleP95Hours)}");
        foreach (var t in s.Targets)
        {
            sb.AppendLine(inv, $"  {t.Priority}: first response {Within(t.RespondedWithinTarget, t.Responded)}, resolved {Within(t.ResolvedWithinTarget, t.Resolved)} within target; {t.SlaBreaches} SLA breach(es)");
        }

        if (s.Gaps is { } g)
        {
            sb.AppendLine(inv, $"  reviewers: edit rate {Percent(g.EditRate)}, reject rate {Percent(g.RejectRate)}, overruled {Percent(g.DisagreementRate)} of {g.Reviewed - g.TimedOut} answered reviews");
            if (g.ByPolicy.FirstOrDefault(p => p.Overruled > 0) is { } most)
            {
                sb.AppendLine(inv, $"    most overruled policy: {most.Key} ({most.Overruled} of {most.Reviewed}); `escalation gaps` lists every group");
            }
        }

        if (s.Consistency is { } c)
        {
            sb.AppendLine(inv, $"  policy consistency: {c.Consistent} of {c.Checked} re-decided cases keep their route ({Percent(c.Rate)}); {c.Skipped} skipped");
            foreach (var m in c.Mismatches)
            {
                sb.AppendLine(inv, $"    {m.CaseId}: stored {m.StoredRoute}, now {m.RecomputedRoute}");
            }
        }
        else
        {
            sb.AppendLine("  policy consistency: not checked");
        }

        return sb.ToString().TrimEnd();
    }

    private static string Within(int within, int of) => of == 0 ? "none yet" : $"{within.ToString(CultureInfo.InvariantCulture)}/{of.ToString(CultureInfo.InvariantCulture)}";

    private static string Hours(double? h) => h is null ? "n/a" : h.Value.ToString("0.0", CultureInfo.InvariantCulture) + " h";

    private static string Percent(double rate) => (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}

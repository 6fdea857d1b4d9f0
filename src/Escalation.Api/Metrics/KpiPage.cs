using System.Globalization;
using System.Text;
using Escalation.Api.Html;
using Escalation.Core.Metrics;

namespace Escalation.Api.Metrics;

/// <summary>
/// The KPI dashboard page (seed 003's subset) for <c>GET /api/metrics/summary</c> when HTML is asked for:
/// server-rendered, no JavaScript, every value encoded.
/// </summary>
public static class KpiPage
{
    public static string Render(KpiSummary s)
    {
        var inv = CultureInfo.InvariantCulture;
        var body = new StringBuilder();
        body.Append("<h1>Support KPIs</h1>\n")
            .Append("<p>As of ").Append(HtmlPage.Encode(HtmlPage.Time(s.AsOf))).Append(": ")
            .Append(s.TotalCases.ToString(inv)).Append(" cases, ").Append(s.DecidedCases.ToString(inv)).Append(" decided.</p>\n");
        body.Append("<h2>Rates</h2>\n").Append(HtmlPage.Facts(
        [
            ("Escalation rate", Percent(s.EscalationRate)),
            ("Auto-send rate", Percent(s.AutoSendRate)),
            ("Reviews completed", s.ReviewsCompleted.ToString(inv)),
            ("Reviews open", s.ReviewsOpen.ToString(inv)),
            ("Review turnaround p50", Hours(s.ReviewTurnaroundP50Hours)),
            ("Review turnaround p95", Hours(s.ReviewTurnaroundP95Hours)),
            ("SLA breaches", s.SlaBreaches.ToString(inv)),
        ]));
        body.Append("<h2>Response and resolution</h2>\n").Append(HtmlPage.Facts(
        [
            ("First response p50", Hours(s.FirstResponseP50Hours, "no replies sent yet")),
            ("Escalations closed", s.EscalationsClosed.ToString(inv)),
            ("Escalation cycle p50", Hours(s.EscalationCycleP50Hours, "none closed yet")),
            ("Escalation cycle p95", Hours(s.EscalationCycleP95Hours, "none closed yet")),
        ]));
        body.Append(Targets(s.Targets));
        body.Append(Gaps(s.Gaps));
        body.Append(Table("Cases by route", "Route", s.ByRoute))
            .Append(Table("Cases by priority", "Priority", s.ByPriority))
            .Append(Table("Cases by status", "Status", s.ByStatus));
        body.Append("<h2>Policy consistency</h2>\n");
        if (s.Consistency is not { } c)
        {
            body.Append("<p>Not checked.</p>\n");
        }
        else
        {
            body.Append("<p>").Append(c.Consistent.ToString(inv)).Append(" of ").Append(c.Checked.ToString(inv))
                .Append(" re-decided cases keep their route (").Append(HtmlPage.Encode(Percent(c.Rate))).Append("); ")
                .Append(c.Skipped.ToString(inv)).Append(" skipped.</p>\n");
            if (c.Mismatches.Count > 0)
            {
                body.Append("<table>\n<caption>Cases whose route changed</caption>\n<thead><tr><th scope=\"col\">Case</th><th scope=\"col\">Stored route</th><th scope=\"col\">Route now</th></tr></thead>\n<tbody>\n");
                foreach (var m in c.Mismatches)
                {
                    body.Append("<tr><td>").Append(HtmlPage.Encode(m.CaseId)).Append("</td><td>").Append(HtmlPage.Encode(m.StoredRoute))
                        .Append("</td><td>").Append(HtmlPage.Encode(m.RecomputedRoute)).Append("</td></tr>\n");
                }

                body.Append("</tbody>\n</table>\n");
            }
        }

        return HtmlPage.Document("Support KPIs", body.ToString());
    }

    private static string Table(string caption, string keyHeader, IReadOnlyList<KpiCount> counts)
    {
        var html = new StringBuilder();
        html.Append("<table>\n<caption>").Append(HtmlPage.Encode(caption)).Append("</caption>\n<thead><tr><th scope=\"col\">")
            .Append(HtmlPage.Encode(keyHeader)).Append("</th><th scope=\"col\">Cases</th></tr></thead>\n<tbody>\n");
        foreach (var c in counts)
        {
            html.Append("<tr><td>").Append(HtmlPage.Encode(c.Key)).Append("</td><td>").Append(c.Count.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>\n");
        }

        if (counts.Count == 0)
        {
            html.Append("<tr><td colspan=\"2\">No cases yet.</td></tr>\n");
        }

        return html.Append("</tbody>\n</table>\n").ToString();
    }

    private static string Hours(double? h, string none = "no reviews yet") => h is null ? none : h.Value.ToString("0.0", CultureInfo.InvariantCulture) + " h";

    /// <summary>Each priority against the matrix's targets: "12 of 14 within 4 h".</summary>
    private static string Targets(IReadOnlyList<PriorityTargetRow> rows)
    {
        var inv = CultureInfo.InvariantCulture;
        var html = new StringBuilder();
        html.Append("<table>\n<caption>Against the priority targets</caption>\n<thead><tr><th scope=\"col\">Priority</th>")
            .Append("<th scope=\"col\">First response within target</th><th scope=\"col\">Resolved within target</th>")
            .Append("<th scope=\"col\">SLA breaches</th></tr></thead>\n<tbody>\n");
        foreach (var r in rows)
        {
            html.Append("<tr><td>").Append(HtmlPage.Encode(r.Priority)).Append("</td><td>")
                .Append(HtmlPage.Encode(WithinTarget(r.RespondedWithinTarget, r.Responded, r.FirstResponseTargetHours))).Append("</td><td>")
                .Append(HtmlPage.Encode(WithinTarget(r.ResolvedWithinTarget, r.Resolved, r.ResolutionTargetHours))).Append("</td><td>")
                .Append(r.SlaBreaches.ToString(inv)).Append("</td></tr>\n");
        }

        if (rows.Count == 0)
        {
            html.Append("<tr><td colspan=\"4\">No cases answered yet.</td></tr>\n");
        }

        return html.Append("</tbody>\n</table>\n").ToString();
    }

    private static string WithinTarget(int within, int of, double? targetHours) =>
        of == 0 ? "none yet"
        : targetHours is not { } t ? $"{of.ToString(CultureInfo.InvariantCulture)} (no target)"
        : $"{within.ToString(CultureInfo.InvariantCulture)} of {of.ToString(CultureInfo.InvariantCulture)} within {FormatTarget(t)}";

    private static string FormatTarget(double hours) =>
        hours < 1 ? (hours * 60).ToString("0", CultureInfo.InvariantCulture) + " min" : hours.ToString("0.#", CultureInfo.InvariantCulture) + " h";

    /// <summary>Seed 002's "where the policy gap is": the groups whose cases reviewers overrule, most edited first.</summary>
    private static string Gaps(ReviewGapReport? r)
    {
        var inv = CultureInfo.InvariantCulture;
        var html = new StringBuilder("<h2>Where reviewers overrule the agent</h2>\n");
        if (r is null)
        {
            return html.Append("<p>No review has ended yet.</p>\n").ToString();
        }

        html.Append(HtmlPage.Facts(
        [
            ("Reviews ended", r.Reviewed.ToString(inv)),
            ("Edit rate", Percent(r.EditRate)),
            ("Reject rate", Percent(r.RejectRate)),
            ("Overruled (edited, rejected or escalated)", Percent(r.DisagreementRate)),
        ]));
        html.Append(GapTable("By policy, most edited first", "Policy", r.ByPolicy))
            .Append(GapTable("By reason code", "Reason", r.ByReason))
            .Append(GapTable("By playbook", "Playbook", r.ByPlaybook))
            .Append(GapTable("By intent", "Intent", r.ByIntent))
            .Append(GapTable("By priority", "Priority", r.ByPriority));
        return html.ToString();
    }

    private static string GapTable(string caption, string keyHeader, IReadOnlyList<GapGroup> groups)
    {
        if (groups.Count == 0)
        {
            return "";
        }

        var inv = CultureInfo.InvariantCulture;
        var html = new StringBuilder();
        html.Append("<table>\n<caption>").Append(HtmlPage.Encode(caption)).Append("</caption>\n<thead><tr><th scope=\"col\">")
            .Append(HtmlPage.Encode(keyHeader)).Append("</th><th scope=\"col\">Reviewed</th><th scope=\"col\">Edited</th>")
            .Append("<th scope=\"col\">Rejected</th><th scope=\"col\">Escalated</th><th scope=\"col\">Overruled</th>")
            .Append("<th scope=\"col\">Examples</th></tr></thead>\n<tbody>\n");
        foreach (var g in groups)
        {
            html.Append("<tr><td>").Append(HtmlPage.Encode(g.Key)).Append("</td><td>").Append(g.Reviewed.ToString(inv))
                .Append("</td><td>").Append(g.Edited.ToString(inv)).Append("</td><td>").Append(g.Rejected.ToString(inv))
                .Append("</td><td>").Append(g.Escalated.ToString(inv)).Append("</td><td>").Append(HtmlPage.Encode(Percent(g.DisagreementRate)))
                .Append("</td><td>").Append(string.Join(" ", g.Examples.Select((url, i) => HtmlPage.Link(url, $"case {(i + 1).ToString(inv)}"))))
                .Append("</td></tr>\n");
        }

        return html.Append("</tbody>\n</table>\n").ToString();
    }

    private static string Percent(double rate) => (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}

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

    private static string Hours(double? h) => h is null ? "no reviews yet" : h.Value.ToString("0.0", CultureInfo.InvariantCulture) + " h";

    private static string Percent(double rate) => (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}

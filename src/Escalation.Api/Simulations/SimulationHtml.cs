using System.Globalization;
using System.Net;
using System.Text;
using Escalation.Core.Simulation;

namespace Escalation.Api.Simulations;

/// <summary>
/// The simulation report as one self-contained HTML file (no script, no external resource): the summary, the route
/// transition matrix, a bar chart of the transitions (inline SVG), and the changed cases with links to their audit pages.
/// Every value is HTML-encoded where it is written.
/// </summary>
public static class SimulationHtml
{
    public static string Render(SimulationReport r)
    {
        var sb = new StringBuilder();
        sb.Append("""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>What-if simulation</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem;color:#1b1b1b}
            table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #ccc;padding:.35rem .6rem;text-align:left;vertical-align:top}
            td.n{text-align:right;font-variant-numeric:tabular-nums}td.same{color:#777}td.changed{background:#fff3cd;font-weight:600}
            .risky{background:#fde2e1}.summary span{display:inline-block;margin-right:1.5rem}
            svg text{font-size:12px;font-family:system-ui,sans-serif}
            </style></head><body>
            """);
        sb.Append("<h1>What-if simulation</h1>");
        sb.Append(CultureInfo.InvariantCulture, $"<p>{r.Cases} case(s) decided again with workspace <code>{E(r.CandidateVersion)}</code>, compared with {(r.BaselineVersion is { } b ? $"workspace <code>{E(b)}</code>" : "the decisions on record")}.</p>");
        sb.Append(CultureInfo.InvariantCulture, $"<p class=\"summary\"><span><b>{r.Flipped}</b> route change(s)</span><span><b>{r.NewAutoSends.Count}</b> newly auto-sent</span><span><b>{r.NewlyToHumans.Count}</b> newly to a human</span><span><b>{r.RiskyFlips.Count}</b> risky flip(s)</span></p>");
        if (r.MoneyBefore.Count > 0 || r.MoneyAfter.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p id=\"money\">Money the actions move (refunds and credits): before {E(SimulationText.Money(r.MoneyBefore))}; after {E(SimulationText.Money(r.MoneyAfter))}.</p>");
        }

        Matrix(sb, r);
        Chart(sb, r);
        Flips(sb, "Risky flips", "A reviewer edited, rejected or escalated the decision on record; the candidate would send it without a human.", r.RiskyFlips, "risky-flips");
        Flips(sb, "Newly auto-sent", null, [.. r.NewAutoSends.Where(f => !f.Risky)], "new-auto-sends");
        Flips(sb, "Newly to a human", null, r.NewlyToHumans, "newly-to-humans");
        Flips(sb, "Same route, other reasons or priority", null, [.. r.Flips.Where(f => f.From == f.To)], "other-changes");
        Codes(sb, "Reason codes gained", r.ReasonsGained);
        Codes(sb, "Reason codes lost", r.ReasonsLost);
        Codes(sb, "Priority changes", r.PriorityChanges);
        if (r.Skipped.Count > 0)
        {
            sb.Append("<h2>Skipped</h2><ul>");
            foreach (var s in r.Skipped)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<li><code>{E(s.Id)}</code>: {E(s.Why)}</li>");
            }

            sb.Append("</ul>");
        }

        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    private static void Matrix(StringBuilder sb, SimulationReport r)
    {
        var routes = r.Transitions.SelectMany(t => new[] { t.From, t.To }).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        sb.Append("<h2>Route transitions</h2><table id=\"matrix\"><thead><tr><th>from \\ to</th>");
        foreach (var to in routes)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<th>{E(to)}</th>");
        }

        sb.Append("</tr></thead><tbody>");
        foreach (var from in routes)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<tr><th>{E(from)}</th>");
            foreach (var to in routes)
            {
                var count = r.Transitions.FirstOrDefault(t => t.From == from && t.To == to)?.Count ?? 0;
                var css = count == 0 ? "n" : from == to ? "n same" : "n changed";
                sb.Append(CultureInfo.InvariantCulture, $"<td class=\"{css}\">{count}</td>");
            }

            sb.Append("</tr>");
        }

        sb.Append("</tbody></table>");
    }

    private static void Chart(StringBuilder sb, SimulationReport r)
    {
        const int Label = 330, Bar = 360, Row = 24;
        var rows = r.Transitions;
        var max = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(t => t.Count));
        var height = (Row * Math.Max(1, rows.Count)) + 10;
        sb.Append(CultureInfo.InvariantCulture, $"<h2>Cases per transition</h2><svg id=\"chart\" role=\"img\" aria-label=\"Cases per route transition\" width=\"{Label + Bar + 60}\" height=\"{height}\" viewBox=\"0 0 {Label + Bar + 60} {height}\">");
        for (var i = 0; i < rows.Count; i++)
        {
            var t = rows[i];
            var y = (i * Row) + 5;
            var width = Math.Max(2, (int)Math.Round((double)t.Count / max * Bar));
            var fill = t.From == t.To ? "#b8c4ce" : SimulationReport.IsAutomatic(t.To) && !SimulationReport.IsAutomatic(t.From) ? "#d9534f" : "#f0ad4e";
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Label - 8}\" y=\"{y + 14}\" text-anchor=\"end\">{E(t.From)} → {E(t.To)}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Label}\" y=\"{y}\" width=\"{width}\" height=\"{Row - 6}\" fill=\"{fill}\"><title>{E(t.From)} → {E(t.To)}: {t.Count}</title></rect>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Label + width + 6}\" y=\"{y + 14}\">{t.Count}</text>");
        }

        sb.Append("</svg>");
    }

    private static void Flips(StringBuilder sb, string title, string? note, IReadOnlyList<CaseFlip> flips, string id)
    {
        if (flips.Count == 0)
        {
            return;
        }

        sb.Append(CultureInfo.InvariantCulture, $"<h2 id=\"{id}\">{E(title)} ({flips.Count})</h2>");
        if (note is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p>{E(note)}</p>");
        }

        sb.Append("<table><thead><tr><th>case</th><th>route</th><th>reasons before</th><th>reasons after</th><th>priority</th><th>reviewer</th></tr></thead><tbody>");
        foreach (var f in flips)
        {
            var caseCell = f.AuditUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"
                ? $"<a href=\"{E(url)}\">{E(f.Id)}</a>"
                : E(f.Id);
            sb.Append(CultureInfo.InvariantCulture, $"<tr{(f.Risky ? " class=\"risky\"" : "")}><td>{caseCell}<br><small>{E(f.TicketId)}</small></td><td>{E(f.From)} → {E(f.To)}</td><td>{E(string.Join(", ", f.ReasonsBefore))}</td><td>{E(string.Join(", ", f.ReasonsAfter))}</td><td>{E(f.PriorityBefore ?? "")} → {E(f.PriorityAfter ?? "")}</td><td>{E(f.ReviewOutcome ?? "")}</td></tr>");
        }

        sb.Append("</tbody></table>");
    }

    private static void Codes(StringBuilder sb, string title, IReadOnlyList<CodeCount> counts)
    {
        if (counts.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<h2>{E(title)}</h2><p>{string.Join(", ", counts.Select(c => $"<code>{E(c.Code)}</code> ({c.Count})"))}</p>");
        }
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}

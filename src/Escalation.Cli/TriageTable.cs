using System.Text;
using Escalation.Core.Decisions;

namespace Escalation.Cli;

/// <summary>The plain-text table and progress bar of <c>triage</c>.</summary>
public static class TriageTable
{
    /// <summary>
    /// ticket, kind, priority, language, route and the top three reason codes, one row per decision; under a row, the actions
    /// it would take (a dry run), each marked <c>auto</c> or <c>on approval</c>.
    /// </summary>
    public static string Render(IReadOnlyList<CaseDecision> rows)
    {
        string[] header = ["TICKET", "KIND", "PRI", "LANG", "ROUTE", "TOP REASONS"];
        var cells = rows.Select(d => new[]
        {
            d.TicketId, d.Kind, d.Priority, d.Language ?? "-", d.Route, string.Join(", ", d.Reasons.Take(3).Select(r => r.Code)),
        }).ToList();
        var widths = Enumerable.Range(0, 5).Select(c => cells.Select(r => r[c].Length).Append(header[c].Length).Max()).ToArray();
        var sb = new StringBuilder();
        void Line(string[] r) => sb.Append(string.Join("  ", r.Take(5).Select((v, c) => v.PadRight(widths[c])))).Append("  ").AppendLine(r[5]);
        Line(header);
        for (var i = 0; i < rows.Count; i++)
        {
            Line(cells[i]);
            foreach (var a in rows[i].Actions)
            {
                var auto = !a.NeedsApproval && rows[i].Route is Routes.DraftAndSend or Routes.ResolveInPlace;
                sb.Append("    would ").Append(a.Describe()).Append(auto ? "  [auto]" : "  [on approval]").AppendLine();
            }
        }
        return sb.ToString();
    }

    /// <summary>"\r[#####.....]  5/10".</summary>
    public static string ProgressBar(int done, int total)
    {
        const int Width = 30;
        var filled = total == 0 ? Width : done * Width / total;
        return $"\r[{new string('#', filled)}{new string('.', Width - filled)}] {done}/{total}";
    }
}

using Escalation.Api.Html;
using Escalation.Core.Simulation;

namespace Escalation.Api.Simulations;

/// <summary>
/// The simulation report as one self-contained HTML file (no script, no external resource), rendered from
/// <see cref="SimulationReportView"/>: every value is HTML-encoded by the renderer.
/// </summary>
public static class SimulationHtml
{
    public static string Render(SimulationReport r) =>
        ComponentHtml.Render<SimulationReportView>(nameof(SimulationReportView.R), r);
}

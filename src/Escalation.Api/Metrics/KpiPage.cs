using Escalation.Api.Html;
using Escalation.Core.Metrics;

namespace Escalation.Api.Metrics;

/// <summary>
/// The KPI dashboard page (seed 003's subset) for <c>GET /api/metrics/summary</c> when HTML is asked for:
/// server-rendered (<see cref="KpiPageView"/>), no JavaScript, every value encoded by the renderer.
/// </summary>
public static class KpiPage
{
    public static string Render(KpiSummary s) =>
        ComponentHtml.Render<KpiPageView>(nameof(KpiPageView.S), s);
}

using Escalation.Api.Views;

namespace Escalation.Api.Html;

/// <summary>A decision trace as a readable page (the audit URL and the customer's redacted view).</summary>
public static class TracePage
{
    /// <summary>Renders the sections in order (<see cref="TracePageView"/>); all their text is encoded.</summary>
    public static string Render(TracePageModel model) =>
        ComponentHtml.Render<TracePageView>(nameof(TracePageView.Model), model);
}

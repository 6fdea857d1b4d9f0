using Escalation.Api.Views;

namespace Escalation.Api.Html;

/// <summary>
/// The review page: the case, the reasoning behind the draft, and one form to approve, send an edited
/// reply, reject with a note, or escalate. Showing it changes nothing; only the form's POST acts.
/// </summary>
public static class ReviewPage
{
    /// <summary>The form's action for a case: <c>/api/review/{caseId}</c>.</summary>
    public static string FormAction(string caseId) => "/api/review/" + Uri.EscapeDataString(caseId);

    /// <summary>Renders the page (<see cref="ReviewPageView"/>).</summary>
    public static string Render(ReviewPageModel model) =>
        ComponentHtml.Render<ReviewPageView>(nameof(ReviewPageView.Model), model);
}

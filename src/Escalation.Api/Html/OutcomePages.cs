using Escalation.Api.Views;

namespace Escalation.Api.Html;

/// <summary>The pages shown after a review form or a link: the confirmation, why nothing was done, or that the service failed.</summary>
public static class OutcomePages
{
    /// <summary>"Decision recorded": what was decided and what happens next (<see cref="DecisionRecordedPage"/>).</summary>
    public static string DecisionRecorded(DecisionRecordedModel model) =>
        ComponentHtml.Render<DecisionRecordedPage>(nameof(DecisionRecordedPage.Model), model);

    /// <summary>"Already decided", "link expired" or "invalid link": nothing was changed (<see cref="LinkProblemPage"/>).</summary>
    public static string LinkProblem(LinkProblemModel model) =>
        ComponentHtml.Render<LinkProblemPage>(nameof(LinkProblemPage.Model), model);

    /// <summary>What a browser sees when the service failed on its request: whether to try again, and how to tell what was kept.</summary>
    /// <param name="storage">True when storage refused a write (a passing outage), false for any other failure.</param>
    public static string ServiceFailure(bool storage) =>
        ComponentHtml.Render<ServiceFailurePage>(nameof(ServiceFailurePage.Storage), storage);
}

using System.Text;
using Escalation.Api.Views;

namespace Escalation.Api.Html;

/// <summary>The pages shown after a review form or a link: the confirmation, why nothing was done, or that the service failed.</summary>
public static class OutcomePages
{
    /// <summary>"Decision recorded": what was decided and what happens next.</summary>
    public static string DecisionRecorded(DecisionRecordedModel model)
    {
        var (title, next) = model.Action switch
        {
            "approve" => ("Approved: the draft is being sent", "The drafted reply goes to the customer and the ticket gets an internal note."),
            "edit" => ("Sent: your edited reply is being sent", "Your version of the reply goes to the customer and the ticket gets an internal note."),
            "reject" => ("Rejected: nothing was sent", "The draft was not sent. Your note was added to the ticket so someone can follow up."),
            "escalate" => ("Escalated to a senior human", "The case was handed to a senior human with an annotated handoff."),
            _ => ("Decision recorded", "The decision was recorded."),
        };

        var h = new StringBuilder();
        h.Append("<h1>").Append(HtmlPage.Encode(title)).Append("</h1>\n");
        h.Append("<p role=\"status\">Decision recorded for case ").Append(HtmlPage.Encode(model.CaseId))
         .Append(" at ").Append(HtmlPage.Encode(HtmlPage.Time(model.RecordedAt))).Append(".</p>\n");
        h.Append("<p>").Append(HtmlPage.Encode(model.Summary ?? next)).Append("</p>\n");
        if (model.AuditUrl is not null)
        {
            h.Append("<p>").Append(HtmlPage.Link(model.AuditUrl, "Read the decision trace")).Append("</p>\n");
        }

        h.Append("<p class=\"hint\">You can close this page. The link in the e-mail will not work again.</p>\n");
        return HtmlPage.Document("Decision recorded", h.ToString());
    }

    /// <summary>"Already decided", "link expired" or "invalid link": nothing was changed.</summary>
    public static string LinkProblem(LinkProblemModel model)
    {
        var (title, explain) = model.Kind switch
        {
            LinkProblemKind.AlreadyDecided => ("This case has already been decided",
                "A decision was already recorded for this case, so this link cannot change it. Nothing was changed now."),
            LinkProblemKind.Expired => ("This review link has expired",
                "The time to review through this link is over; the case follows its SLA escalation. Nothing was changed."),
            _ => ("This review link is not valid",
                "The link is damaged or was not issued for this case. Open the link from the notification e-mail again, or ask for a new one. Nothing was changed."),
        };

        var h = new StringBuilder();
        h.Append("<h1>").Append(HtmlPage.Encode(title)).Append("</h1>\n");
        if (model.CaseId is not null)
        {
            h.Append("<p class=\"meta\">Case ").Append(HtmlPage.Encode(model.CaseId)).Append("</p>\n");
        }

        h.Append("<p role=\"status\">").Append(HtmlPage.Encode(explain)).Append("</p>\n");
        if (model.Detail is not null)
        {
            h.Append("<p>").Append(HtmlPage.Encode(model.Detail)).Append("</p>\n");
        }

        return HtmlPage.Document(title, h.ToString());
    }

    /// <summary>What a browser sees when the service failed on its request: whether to try again, and how to tell what was kept.</summary>
    /// <param name="storage">True when storage refused a write (a passing outage), false for any other failure.</param>
    public static string ServiceFailure(bool storage)
    {
        var title = storage ? "The service cannot save anything right now" : "Something went wrong on our side";
        var explain = storage
            ? "Its storage refused the write, so what you sent may not have been recorded. Try again in a few minutes: open the same link again and the page shows whether the case still waits for you."
            : "The failure has been logged. What you sent may not have been recorded: open the same link again and the page shows whether the case still waits for you.";
        return HtmlPage.Document(title, $"<h1>{HtmlPage.Encode(title)}</h1>\n<p role=\"alert\">{HtmlPage.Encode(explain)}</p>\n");
    }
}

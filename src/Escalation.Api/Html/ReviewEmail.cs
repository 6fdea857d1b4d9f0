using System.Text;
using Escalation.Api.Views;
using Escalation.Core.Notifications;

namespace Escalation.Api.Html;

/// <summary>Composes the reviewer notification (plain text, and HTML from <see cref="ReviewEmailHtml"/>) with the signed link.</summary>
public static class ReviewEmail
{
    /// <summary>The idempotency key of a case's review request to one reviewer.</summary>
    public static string IdempotencyKey(string caseId, string reviewer) => $"review-{caseId}-{reviewer}";

    /// <summary>The message to send.</summary>
    public static EmailMessage Compose(ReviewEmailModel model)
    {
        var title = $"Review needed: {model.TicketId}{(model.Subject is null ? "" : " " + model.Subject)}";
        var deadline = model.SlaDeadline is { } d ? HtmlPage.Time(d) : null;

        var text = new StringBuilder();
        text.Append("A reply needs your review before anything is sent.\n\n")
            .Append("Ticket: ").Append(model.TicketId).Append('\n');
        if (model.CustomerName is not null)
        {
            text.Append("Customer: ").Append(model.CustomerName).Append('\n');
        }

        if (model.Priority is not null)
        {
            text.Append("Priority: ").Append(model.Priority).Append('\n');
        }

        if (deadline is not null)
        {
            text.Append("Decide by: ").Append(deadline).Append(" (then it escalates)\n");
        }

        if (model.Reasons.Count > 0)
        {
            text.Append("\nWhy:\n");
            foreach (var reason in model.Reasons)
            {
                text.Append("- ").Append(reason).Append('\n');
            }
        }

        if (model.DraftExcerpt is not null)
        {
            text.Append("\nDraft:\n").Append(model.DraftExcerpt).Append('\n');
        }

        text.Append("\nOpen the review page (the link works once):\n").Append(model.ReviewUrl).Append('\n');

        return new EmailMessage
        {
            To = model.To,
            Subject = title,
            TextBody = text.ToString(),
            HtmlBody = ComponentHtml.Render<ReviewEmailHtml>(new Dictionary<string, object?>(2)
            {
                [nameof(ReviewEmailHtml.Model)] = model,
                [nameof(ReviewEmailHtml.Title)] = title,
            }),
            IdempotencyKey = IdempotencyKey(model.CaseId, model.To),
        };
    }
}

using System.Text;
using Escalation.Core.Decisions;
using Escalation.Core.Notifications;
using Escalation.Core.Tickets;

namespace Escalation.Api.Html;

/// <summary>
/// Composes the note that hands a case to a senior human: why it came to them, the priority and reasons, any internal
/// note and the suggested (unsent) reply, and the case link. The HTML part is the same text in a plain mail document
/// (<see cref="HandoffEmailHtml"/> in <see cref="MailLayout"/>, like <see cref="ReviewEmail"/>), not in the web pages' frame.
/// </summary>
public static class HandoffEmail
{
    /// <summary>The message to send to <paramref name="to"/>.</summary>
    /// <param name="to">The senior human's address.</param>
    /// <param name="reason">Why the case was handed over: <c>escalated</c>, <c>sla-timeout</c> or <c>reviewer-escalated</c>.</param>
    /// <param name="ticket">The ticket.</param>
    /// <param name="decision">The stored decision, when there is one.</param>
    /// <param name="caseUrl">The case's permanent address.</param>
    /// <param name="idempotencyKey">The key a re-send of this message carries.</param>
    public static EmailMessage Compose(string to, string reason, CaseSubmission ticket, CaseDecision? decision, string caseUrl, string idempotencyKey)
    {
        var text = new StringBuilder(512 + (decision?.Draft.Length ?? 0) + (decision?.InternalNote?.Length ?? 0))
            .Append("Escalated to you: ticket ").Append(ticket.TicketId).Append(ticket.Subject is null ? "" : " — " + ticket.Subject).Append("\n\n")
            .Append(Why(reason)).Append("\n\n");
        if (decision is not null)
        {
            text.Append("Priority: ").Append(decision.Priority).Append('\n').Append("Why:\n");
            foreach (var r in decision.Reasons)
            {
                text.Append("  - ").Append(r.Text).Append('\n');
            }

            if (decision.InternalNote is { Length: > 0 } note)
            {
                text.Append('\n').Append(note).Append('\n');
            }

            if (decision.Draft is { Length: > 0 } draft)
            {
                text.Append("\nSuggested reply (not sent):\n").Append(draft).Append('\n');
            }
        }

        var body = text.ToString();
        text.Append("\nCase: ").Append(caseUrl).Append('\n');
        var html = ComponentHtml.Render<HandoffEmailHtml>(new Dictionary<string, object?>(3)
        {
            [nameof(HandoffEmailHtml.TicketId)] = ticket.TicketId,
            [nameof(HandoffEmailHtml.Text)] = body,
            [nameof(HandoffEmailHtml.CaseUrl)] = caseUrl,
        });

        return new EmailMessage
        {
            To = to,
            Subject = $"Escalated: {ticket.TicketId}{(ticket.Subject is null ? "" : " " + ticket.Subject)}",
            TextBody = text.ToString(),
            HtmlBody = html,
            IdempotencyKey = idempotencyKey,
        };
    }

    private static string Why(string reason) => reason switch
    {
        "sla-timeout" => "Nobody reviewed the draft before its SLA deadline.",
        "reviewer-escalated" => "A reviewer escalated it.",
        "action-failed" => "A reviewer approved it, but an action (refund, credit…) failed; no reply was sent. The case page names the failure.",
        _ => "It needs a senior human.",
    };
}

using Escalation.Core.Notifications;

namespace Escalation.Infrastructure.Tests.Email;

internal static class EmailFixtures
{
    public static EmailMessage ReviewRequest(string key = "review-case-1-lead") => new()
    {
        To = "lead@example.com",
        Subject = "Review needed: ZD-48213 Refund for the outage week",
        TextBody = "A draft needs your review.\n\nOpen: http://localhost:7071/api/review/case-1?token=v1.abc.def\n",
        HtmlBody = "<p>A draft needs your review.</p><p><a href=\"http://localhost:7071/api/review/case-1?token=v1.abc.def\">Open the review page</a></p>",
        IdempotencyKey = key,
    };
}

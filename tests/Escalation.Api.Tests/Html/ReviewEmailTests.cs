using Escalation.Api.Html;
using Escalation.Api.Views;

namespace Escalation.Api.Tests.Html;

public class ReviewEmailTests
{
    private static ReviewEmailModel Model() => new()
    {
        To = "lead@example.com",
        CaseId = "case-1",
        TicketId = "ZD-48213",
        Subject = "Refund <script>alert(1)</script>",
        CustomerName = "Dana Ruiz",
        Priority = "P1",
        Reasons = ["Refund above the auto-approve cap"],
        DraftExcerpt = "Hi Dana,",
        SlaDeadline = new DateTimeOffset(2026, 11, 20, 13, 12, 0, TimeSpan.Zero),
        ReviewUrl = "http://localhost:7071/api/review/case-1?token=v1.a.b",
    };

    [Fact]
    public void Compose_BothParts_CarryTheSignedLink()
    {
        var mail = ReviewEmail.Compose(Model());

        Assert.Contains("http://localhost:7071/api/review/case-1?token=v1.a.b", mail.TextBody);
        Assert.Contains("href=\"http://localhost:7071/api/review/case-1?token=v1.a.b\"", mail.HtmlBody);
        Assert.Contains("Decide by: 2026-11-20 13:12 UTC", mail.TextBody);
        Assert.Equal("review-case-1-lead@example.com", mail.IdempotencyKey);
    }

    [Fact]
    public void Compose_HostileSubject_IsTextInHtmlPart()
    {
        var mail = ReviewEmail.Compose(Model());

        Assert.DoesNotContain("<script", mail.HtmlBody);
        Assert.Contains("&lt;script&gt;", mail.HtmlBody);
    }
}

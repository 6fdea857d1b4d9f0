using Escalation.Api.Html;
using Escalation.Api.Views;

namespace Escalation.Api.Tests.Html;

public sealed class PolicyMarkdownTests
{
    [Fact]
    public void ToHtml_PolicyMarkdown_HeadingsBoldAndListsAreFormatted()
    {
        var html = PolicyMarkdown.ToHtml("## The window\nWe refund within **30 days**.\n\n1. first\n2. second\n");

        Assert.Contains("<h2>The window</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>30 days</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<ol>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("**", html, StringComparison.Ordinal);
        Assert.DoesNotContain("## ", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_RawHtmlInThePolicy_ShownAsText()
    {
        var html = PolicyMarkdown.ToHtml("Refunds <script>alert(1)</script> and <img src=x onerror=alert(1)>");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("![x](data:text/html;base64,PHNjcmlwdD4=)")]
    public void ToHtml_ScriptLink_NeverAnActiveAddress(string markdown)
    {
        var html = PolicyMarkdown.ToHtml(markdown);

        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ToHtml_HttpsLink_Kept()
    {
        Assert.Contains("href=\"https://status.example.com\"", PolicyMarkdown.ToHtml("[status](https://status.example.com)"), StringComparison.Ordinal);
    }

    [Fact]
    public void ReviewPage_CitedPolicy_RenderedAsFormattedText()
    {
        var model = new ReviewPageModel
        {
            CaseId = "case-1", TicketId = "T-1", Customer = new CustomerContextView { Id = "cus_1" }, DraftText = "Hi", Token = "t",
            Policies = [new PolicyCitationView("refund", "2026.3", "Refund policy", "## The window\nWithin **30 days**.")],
        };

        var html = ReviewPage.Render(model);

        Assert.Contains("<strong>30 days</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("**30 days**", html, StringComparison.Ordinal);
    }
}

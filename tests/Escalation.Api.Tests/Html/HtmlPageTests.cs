using Escalation.Api.Html;
using Escalation.Api.Links;
using Escalation.Api.Views;

namespace Escalation.Api.Tests.Html;

public class HtmlPageTests
{
    private const string Hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    private static ReviewPageModel Model(string text = "Please help") => new()
    {
        CaseId = "case-ZD-48213-1",
        TicketId = "ZD-48213",
        Subject = "Refund " + text,
        Route = "draft-for-review",
        Priority = "P1",
        Customer = new CustomerContextView { Id = "cus_014", Name = "Dana " + text, Tier = "Operator", Arr = 5400, Currency = "EUR", Vip = true, Notes = ["2 prior escalations"] },
        Messages = [new ThreadMessageView("customer", new DateTimeOffset(2026, 11, 20, 9, 12, 0, TimeSpan.Zero), text)],
        DraftText = "Hi Dana,\n\nWe are sorry. " + text,
        Reasons = ["Refund above the auto-approve cap", text],
        Signals = [new SignalView("high-intensity", "0.82", ["\"" + text + "\""])],
        Policies = [new PolicyCitationView("refund", "3", "Refund policy", "Refunds within 30 days. " + text, "sha256:abcd")],
        Precedents = [new PrecedentView("prec-007", "46-day refund after outage " + text, "approved", 0.81)],
        Playbook = new PlaybookView("Outage data loss", ["Acknowledge", "Confirm scope " + text]),
        SlaDeadline = new DateTimeOffset(2026, 11, 20, 13, 12, 0, TimeSpan.Zero),
        Token = "v1.payload.sig",
        AuditUrl = "/api/audit/trace-1",
    };

    [Fact]
    public void Encode_ScriptTag_BecomesText()
    {
        Assert.Equal("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", HtmlPage.Encode("<script>alert('x')</script>"));
    }

    [Fact]
    public void ReviewPage_HostileTicketText_IsRenderedAsTextEverywhere()
    {
        var html = ReviewPage.Render(Model(Hostile));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html);
    }

    [Fact]
    public void ReviewPage_Form_PostsTokenReplyNoteAndFourActions()
    {
        var html = ReviewPage.Render(Model());

        Assert.Contains("<form method=\"post\" action=\"/api/review/case-ZD-48213-1\">", html);
        Assert.Contains("<input type=\"hidden\" name=\"token\" value=\"v1.payload.sig\" />", html);
        Assert.Contains("<textarea id=\"reply\" name=\"reply\" rows=\"16\" aria-describedby=\"reply-hint\">&#xA;Hi Dana,&#xA;&#xA;We are sorry. Please help</textarea>", html);
        Assert.Contains("<textarea id=\"note\" name=\"note\"", html);
        foreach (var action in new[] { "approve", "edit", "reject", "escalate" })
        {
            Assert.Contains($"name=\"action\" value=\"{action}\"", html);
        }

        Assert.Contains("<label for=\"reply\">", html);
        Assert.Contains("<label for=\"note\">", html);
    }

    [Fact]
    public void ReviewPage_Language_ShownWithPriorityAndRoute()
    {
        var html = ReviewPage.Render(Model() with { Language = "pl (Polish, not covered)" });

        Assert.Contains(" · language pl (Polish, not covered)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ReviewPage_ShowsReasoningAndContext()
    {
        var html = ReviewPage.Render(Model());

        Assert.Contains("Refund above the auto-approve cap", html);
        Assert.Contains("refund@3", html);
        Assert.Contains("Refunds within 30 days.", html);
        Assert.Contains("prec-007", html);
        Assert.Contains("Confirm scope", html);
        Assert.Contains("Decide by 2026-11-20 13:12 UTC", html);
        Assert.Contains("high-intensity", html);
        Assert.Contains("5,400 EUR", html);
    }

    [Fact]
    public void ReviewPage_IsAccessibleDocumentWithoutScript()
    {
        var html = ReviewPage.Render(Model());

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("<title>Review ZD-48213 · Escalation</title>", html);
        Assert.Contains("<h1>", html);
        Assert.Contains("<style>", html);
        Assert.DoesNotContain("<script", html);
        Assert.Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#x27;none&#x27;;", html);
    }

    [Fact]
    public void ReviewPage_CaseIdWithSpecialCharacters_IsEscapedInFormAction()
    {
        var html = ReviewPage.Render(Model() with { CaseId = "a\"b/c" });

        Assert.Contains("action=\"/api/review/a%22b%2Fc\"", html);
    }

    [Fact]
    public void Link_JavascriptUrl_IsNotALink()
    {
        var html = HtmlPage.Link("javascript:alert(1)", "trace");

        Assert.DoesNotContain("href", html);
    }

    [Fact]
    public void DecisionRecorded_SaysWhatHappened()
    {
        var html = OutcomePages.DecisionRecorded(new DecisionRecordedModel("case-1", "edit", new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), AuditUrl: "/api/audit/t-1"));

        Assert.Contains("Decision recorded for case case-1 at 2026-11-20 10:00 UTC", html);
        Assert.Contains("edited reply", html);
        Assert.Contains("href=\"/api/audit/t-1\"", html);
    }

    [Theory]
    [InlineData(LinkTokenStatus.AlreadyUsed, "already been decided", 409)]
    [InlineData(LinkTokenStatus.Expired, "expired", 410)]
    [InlineData(LinkTokenStatus.Forged, "not valid", 403)]
    [InlineData(LinkTokenStatus.WrongCase, "not valid", 403)]
    public void LinkProblem_ForRefusedToken_ExplainsAndSaysNothingChanged(LinkTokenStatus status, string heading, int httpStatus)
    {
        var model = LinkProblemModel.From(new LinkValidation(status, null, "reason <b>"), "case-1");

        var html = OutcomePages.LinkProblem(model);

        Assert.Contains(heading, html);
        Assert.Contains("Nothing was changed", html);
        Assert.Contains("reason &lt;b&gt;", html);
        Assert.Equal(httpStatus, model.HttpStatus);
    }

    [Fact]
    public void TracePage_RendersSectionsAndEncodesText()
    {
        var model = new TracePageModel("Decision trace for ZD-48213",
        [
            new TraceSectionView { Heading = "Decision", Facts = [new TraceFactView("Route", "escalate")], Items = [Hostile] },
            new TraceSectionView { Heading = "Integrity", Code = "sha256:00ff" },
        ], "trace-1 · 2026-11-20 09:30 UTC");

        var html = TracePage.Render(model);

        Assert.Contains("<h2 id=\"s0\">Decision</h2>", html);
        Assert.Contains("<dt>Route</dt><dd>escalate</dd>", html);
        Assert.Contains("<pre>sha256:00ff</pre>", html);
        Assert.DoesNotContain("<script", html);
    }
}

using Escalation.Api.Html;
using Escalation.Api.Views;

namespace Escalation.Api.Tests.Html;

public sealed class ReviewPageActionsTests
{
    private static ReviewPageModel Model(string? failure = null) => new()
    {
        CaseId = "case-1", TicketId = "T-1", Customer = new CustomerContextView { Id = "cus_1" }, DraftText = "Hi", Token = "t",
        Actions =
        [
            new ActionView(0, "credit", "credit €45 (goodwill credit)", 45m, 45m, "EUR", "goodwill@2026.1 · standard-gesture"),
            new ActionView(1, "bug-report", "bug-report: Exports time out", null, null, null, "goodwill@2026.1 · root-cause"),
        ],
        ActionFailure = failure,
    };

    [Fact]
    public void Render_Actions_EachKeptByDefaultWithTheAmountCappedAtTheProposal()
    {
        var html = ReviewPage.Render(Model());

        Assert.Contains("<input type=\"hidden\" name=\"actions\" value=\"2\" />", html, StringComparison.Ordinal);
        Assert.Contains("name=\"keep-0\" value=\"1\" checked />", html, StringComparison.Ordinal);
        Assert.Contains("name=\"keep-1\" value=\"1\" checked />", html, StringComparison.Ordinal);
        Assert.Contains("name=\"amount-0\" step=\"0.01\" min=\"0.01\" max=\"45.00\" value=\"45.00\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"amount-1\"", html, StringComparison.Ordinal);
        Assert.Contains("credit €45 (goodwill credit)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FailedExecution_NamesTheFailure()
    {
        var html = ReviewPage.Render(Model("Action failed: refund €49.00 via webhook: HTTP 500"));

        Assert.Contains("Action failed: refund €49.00 via webhook: HTTP 500 Nothing was sent to the customer.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoActions_NoActionFields()
    {
        var html = ReviewPage.Render(Model() with { Actions = [] });

        Assert.DoesNotContain("name=\"actions\"", html, StringComparison.Ordinal);
    }
}

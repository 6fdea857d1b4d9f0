using Escalation.Api.Html;
using Escalation.Api.Views;

namespace Escalation.Api.Tests.Html;

public sealed class ComponentHtmlTests
{
    private static ReviewPageModel Model(int i) => new()
    {
        CaseId = $"case-{i}", TicketId = $"T-{i}", Customer = new CustomerContextView { Id = "cus_1" }, DraftText = $"draft {i}", Token = $"token-{i}",
    };

    [Fact]
    public void Render_ManyPagesAtOnce_EachShowsOnlyItsOwnCase()
    {
        var pages = new string[200];

        Parallel.For(0, pages.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => pages[i] = ReviewPage.Render(Model(i)));

        for (var i = 0; i < pages.Length; i++)
        {
            Assert.Equal(ReviewPage.Render(Model(i)), pages[i]);
            Assert.Contains($"value=\"token-{i}\"", pages[i], StringComparison.Ordinal);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(pages[i], "name=\"token\""));
        }
    }

    [Fact]
    public void Render_AfterAFailedRender_NextPageIsWhole()
    {
        Assert.ThrowsAny<Exception>(() => ReviewPage.Render(Model(1) with { Customer = null! }));

        var html = ReviewPage.Render(Model(2));

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>", html.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain("case-1", html, StringComparison.Ordinal);
    }
}

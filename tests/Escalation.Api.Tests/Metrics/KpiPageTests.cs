using Escalation.Api.Metrics;
using Escalation.Core.Metrics;

namespace Escalation.Api.Tests.Metrics;

public class KpiPageTests
{
    private static KpiSummary Summary(PolicyConsistencySummary? consistency = null) => new()
    {
        AsOf = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero),
        TotalCases = 7,
        DecidedCases = 6,
        ByRoute = [new KpiCount("escalate", 3), new KpiCount("draft-and-send", 3), new KpiCount("undecided", 1)],
        ByPriority = [new KpiCount("P1", 2), new KpiCount("P3", 5)],
        ByStatus = [new KpiCount("escalated", 3)],
        ReviewsCompleted = 0,
        ReviewsOpen = 1,
        SlaBreaches = 2,
        EscalationRate = 0.5,
        AutoSendRate = 0.5,
        Consistency = consistency,
    };

    [Fact]
    public void Render_Summary_ShowsCountsRatesAndBreaches()
    {
        var html = KpiPage.Render(Summary());

        Assert.Contains("<td>escalate</td><td>3</td>", html);
        Assert.Contains("<td>P3</td><td>5</td>", html);
        Assert.Contains("50.0%", html);
        Assert.Contains("<dt>SLA breaches</dt><dd>2</dd>", html);
        Assert.Contains("no reviews yet", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public void Render_TargetsCycleAndGaps_ShowWhereReviewersOverruleWithExampleLinks()
    {
        var gaps = ReviewGapReport.From(
        [
            new ReviewedCase("c1", "edit", ["refund-past-window"], ["refund@2026.3"], null, "P2", "/api/audit/tr-1", "refund"),
            new ReviewedCase("c2", "approve", ["refund-past-window"], ["refund@2026.3"], null, "P2", "/api/audit/tr-2", "refund"),
            new ReviewedCase("c3", "reject", ["<i>odd</i>"], ["tone@1"], null, "P3", "javascript:alert(1)", null),
        ]);
        var html = KpiPage.Render(Summary() with
        {
            Targets = [new PriorityTargetRow("P0", 0.25, 4, 3, 4, 2, 2, 1)],
            FirstResponseP50Hours = 1.5,
            EscalationsClosed = 3,
            EscalationCycleP50Hours = 6,
            Gaps = gaps,
        });

        Assert.Contains("<td>P0</td><td>3 of 4 within 15 min</td><td>2 of 2 within 4 h</td><td>1</td>", html);
        Assert.Contains("<dt>First response p50</dt><dd>1.5 h</dd>", html);
        Assert.Contains("<dt>Escalation cycle p50</dt><dd>6.0 h</dd>", html);
        Assert.Contains("Where reviewers overrule the agent", html);
        Assert.Contains("<dt>Edit rate</dt><dd>33.3%</dd>", html);
        Assert.Contains("<td>refund@2026.3</td><td>2</td><td>1</td>", html);
        Assert.Contains("<a href=\"/api/audit/tr-1\">case 1</a>", html);
        Assert.Contains("&lt;i&gt;odd&lt;/i&gt;", html);
        Assert.DoesNotContain("href=\"javascript:", html);
        Assert.Contains("(not understood)", html);
    }

    [Fact]
    public void Render_NoReviewsEnded_SaysSoInsteadOfEmptyTables()
    {
        var html = KpiPage.Render(Summary());

        Assert.Contains("No review has ended yet.", html);
        Assert.Contains("No cases answered yet.", html);
    }

    [Fact]
    public void Render_Mismatches_AreListedAndEncoded()
    {
        var html = KpiPage.Render(Summary(new PolicyConsistencySummary(2, 1, 0, [new PolicyConsistencyCheck("<b>c1</b>", "draft-and-send", "escalate")])));

        Assert.Contains("1 of 2 re-decided cases keep their route", html);
        Assert.Contains("&lt;b&gt;c1&lt;/b&gt;", html);
        Assert.DoesNotContain("<b>c1</b>", html);
    }
}

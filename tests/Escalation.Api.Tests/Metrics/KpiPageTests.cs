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
    public void Render_Mismatches_AreListedAndEncoded()
    {
        var html = KpiPage.Render(Summary(new PolicyConsistencySummary(2, 1, 0, [new PolicyConsistencyCheck("<b>c1</b>", "draft-and-send", "escalate")])));

        Assert.Contains("1 of 2 re-decided cases keep their route", html);
        Assert.Contains("&lt;b&gt;c1&lt;/b&gt;", html);
        Assert.DoesNotContain("<b>c1</b>", html);
    }
}

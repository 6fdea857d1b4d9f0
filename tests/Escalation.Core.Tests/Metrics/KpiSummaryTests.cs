using Escalation.Core.Decisions;
using Escalation.Core.Metrics;
using Escalation.Core.Storage;
using Escalation.Core.Workflow;

namespace Escalation.Core.Tests.Metrics;

public class KpiSummaryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = T0.AddDays(3);

    private static CaseRecord Case(string id, string status, string? route, string? priority = "P2", double updatedHours = 0.1,
        double? deadlineHours = null, Dictionary<string, string>? extra = null) => new()
    {
        CaseId = id,
        TicketId = "T-" + id,
        CustomerId = "cus_001",
        Kind = "sensitive",
        Status = status,
        Route = route,
        Priority = priority,
        Created = T0,
        Updated = T0.AddHours(updatedHours),
        SlaDeadline = deadlineHours is { } h ? T0.AddHours(h) : null,
        Extra = extra ?? [],
    };

    [Fact]
    public void From_MixedCases_CountsRoutesPrioritiesAndRates()
    {
        var s = KpiSummary.From(
        [
            Case("a", CaseStatuses.Sent, Routes.DraftAndSend, "P3"),
            Case("b", CaseStatuses.Sent, Routes.ResolveInPlace, "P3"),
            Case("c", CaseStatuses.Escalated, Routes.Escalate, "P1"),
            Case("d", CaseStatuses.ReturnedToTier1, Routes.ReturnToTierOne, "P4"),
            Case("e", CaseStatuses.Received, null, null),
        ], Now);

        Assert.Equal(5, s.TotalCases);
        Assert.Equal(4, s.DecidedCases);
        Assert.Equal(0.25, s.EscalationRate);
        Assert.Equal(0.5, s.AutoSendRate);
        Assert.Equal(["P1", "P3", "P4", "none"], s.ByPriority.Select(p => p.Key));
        Assert.Equal(new KpiCount("P3", 2), s.ByPriority[1]);
        Assert.Contains(new KpiCount("undecided", 1), s.ByRoute);
    }

    [Fact]
    public void From_ReviewedCases_TurnaroundIsFromReviewRequestToOutcome()
    {
        var requested = new Dictionary<string, string> { [KpiFields.ReviewRequestedAt] = T0.AddHours(1).ToString("O") };
        var s = KpiSummary.From(
        [
            Case("r1", CaseStatuses.Sent, Routes.DraftForReview, updatedHours: 3, deadlineHours: 24, extra: requested), // 2 h after the request
            Case("r2", CaseStatuses.Rejected, Routes.DraftForReview, updatedHours: 4),                                 // 4 h, from creation
            Case("r3", CaseStatuses.Sent, Routes.DraftForReview, updatedHours: 10),
            Case("auto", CaseStatuses.Sent, Routes.DraftAndSend, updatedHours: 0.01),
        ], Now);

        Assert.Equal(3, s.ReviewsCompleted);
        AssertHours(4, s.ReviewTurnaroundP50Hours);
        AssertHours(10, s.ReviewTurnaroundP95Hours);
        Assert.Equal(0.25, s.AutoSendRate);
    }

    [Fact]
    public void From_NoReviews_TurnaroundIsUnknownNotZero()
    {
        var s = KpiSummary.From([Case("a", CaseStatuses.Sent, Routes.DraftAndSend)], Now);

        Assert.Null(s.ReviewTurnaroundP50Hours);
        Assert.Null(s.ReviewTurnaroundP95Hours);
    }

    [Fact]
    public void From_SlaBreaches_CountOpenPastDeadlineLateAnswersAndTimeouts()
    {
        var s = KpiSummary.From(
        [
            Case("open-late", CaseStatuses.AwaitingReview, Routes.DraftForReview, deadlineHours: 24),        // deadline passed, still waiting
            Case("open-ok", CaseStatuses.AwaitingReview, Routes.DraftForReview, deadlineHours: 24 * 7),      // not due yet
            Case("answered-late", CaseStatuses.Sent, Routes.DraftForReview, updatedHours: 30, deadlineHours: 24),
            Case("answered-in-time", CaseStatuses.Sent, Routes.DraftForReview, updatedHours: 2, deadlineHours: 24),
            Case("timer", CaseStatuses.Escalated, Routes.Escalate, updatedHours: 24, extra: new() { [KpiFields.ReviewOutcome] = "sla-timeout" }),
        ], Now);

        Assert.Equal(3, s.SlaBreaches);
        Assert.Equal(2, s.ReviewsOpen);
    }

    [Fact]
    public void From_RepliesAndResolutions_AreMeasuredAgainstEachPrioritysTargets()
    {
        Dictionary<string, string> RepliedAfter(double minutes) => new() { [KpiFields.FirstResponseAt] = T0.AddMinutes(minutes).ToString("O") };
        var s = KpiSummary.From(
        [
            Case("p1-fast", CaseStatuses.Sent, Routes.DraftAndSend, "P1", updatedHours: 0.5, extra: RepliedAfter(30)),   // 1 h target met; 8 h met
            Case("p1-slow", CaseStatuses.Sent, Routes.DraftForReview, "P1", updatedHours: 9, extra: RepliedAfter(120)),  // both missed
            Case("p3-ok", CaseStatuses.Sent, Routes.DraftForReview, "P3", updatedHours: 30, extra: RepliedAfter(60 * 20)),
            Case("p3-open", CaseStatuses.AwaitingReview, Routes.DraftForReview, "P3", deadlineHours: 24),               // open past its deadline
        ], Now);

        var p1 = Assert.Single(s.Targets, t => t.Priority == "P1");
        Assert.Equal((1.0, 2, 1), (p1.FirstResponseTargetHours!.Value, p1.Responded, p1.RespondedWithinTarget));
        Assert.Equal((8.0, 2, 1), (p1.ResolutionTargetHours!.Value, p1.Resolved, p1.ResolvedWithinTarget));
        var p3 = Assert.Single(s.Targets, t => t.Priority == "P3");
        Assert.Equal((1, 1, 1, 1), (p3.RespondedWithinTarget, p3.Resolved, p3.ResolvedWithinTarget, p3.SlaBreaches));
        AssertHours(2, s.FirstResponseP50Hours);
    }

    [Fact]
    public void From_ClosedEscalations_GiveTheResolutionCycleTime()
    {
        CaseRecord Escalation(string id, string status, double hours) => Case(id, status, Routes.Escalate, updatedHours: hours) with { Kind = "escalation" };
        var s = KpiSummary.From(
        [
            Escalation("e1", CaseStatuses.ReturnedToTier1, 2),
            Escalation("e2", CaseStatuses.Escalated, 6),
            Escalation("e3", CaseStatuses.Resolved, 30),
            Escalation("still-open", CaseStatuses.Received, 50),
            Case("sensitive", CaseStatuses.Sent, Routes.DraftAndSend, updatedHours: 90),
        ], Now);

        Assert.Equal(3, s.EscalationsClosed);
        AssertHours(6, s.EscalationCycleP50Hours);
        AssertHours(30, s.EscalationCycleP95Hours);
    }

    [Fact]
    public void From_ReviewOutcomes_GroupWhereReviewersOverruleTheAgent()
    {
        Dictionary<string, string> Reviewed(string outcome, string policy, string? intent) => new()
        {
            [KpiFields.ReviewOutcome] = outcome,
            [KpiFields.Reasons] = "refund-past-window",
            [KpiFields.Policies] = policy,
            [KpiFields.Intent] = intent ?? "",
        };
        var s = KpiSummary.From(
        [
            Case("a", CaseStatuses.Sent, Routes.DraftForReview, extra: Reviewed("edit", "refund@2026.3", "refund")),
            Case("b", CaseStatuses.Sent, Routes.DraftForReview, extra: Reviewed("edit", "refund@2026.3", "refund")),
            Case("c", CaseStatuses.Rejected, Routes.DraftForReview, extra: Reviewed("reject", "tone@1", null)),
            Case("d", CaseStatuses.Sent, Routes.DraftForReview, extra: Reviewed("approve", "tone@1", "refund")),
            Case("auto", CaseStatuses.Sent, Routes.DraftAndSend),
        ], Now);

        var gaps = Assert.IsType<ReviewGapReport>(s.Gaps);
        Assert.Equal((4, 0.5, 0.25), (gaps.Reviewed, gaps.EditRate, gaps.RejectRate));
        Assert.Equal("refund@2026.3", gaps.ByPolicy[0].Key);                          // most edited first
        Assert.Equal(2, gaps.ByPolicy[0].Edited);
        Assert.Contains(gaps.ByIntent, g => g.Key == "(not understood)" && g.Rejected == 1);
    }

    [Fact]
    public void From_ConsistencyChecks_ReportsMismatchesAndSkipsSeparately()
    {
        var s = KpiSummary.From([], Now,
        [
            new PolicyConsistencyCheck("a", Routes.Escalate, Routes.Escalate),
            new PolicyConsistencyCheck("b", Routes.DraftAndSend, Routes.DraftForReview),
            new PolicyConsistencyCheck("c", Routes.DraftAndSend, null, "no stored submission"),
        ]);

        Assert.NotNull(s.Consistency);
        Assert.Equal(2, s.Consistency!.Checked);
        Assert.Equal(1, s.Consistency.Consistent);
        Assert.Equal(1, s.Consistency.Skipped);
        Assert.Equal("b", Assert.Single(s.Consistency.Mismatches).CaseId);
        Assert.Equal(0.5, s.Consistency.Rate);
    }

    [Fact]
    public void From_NoCases_RatesAreZeroAndConsistencyAbsent()
    {
        var s = KpiSummary.From([], Now);

        Assert.Equal(0, s.EscalationRate);
        Assert.Equal(0, s.AutoSendRate);
        Assert.Null(s.Consistency);
    }

    [Theory]
    [InlineData(0.5, 2)]
    [InlineData(0.95, 4)]
    [InlineData(0.0, 1)]
    public void Percentile_NearestRank_PicksAnObservedValue(double p, double expected) =>
        Assert.Equal(expected, KpiSummary.Percentile([1, 2, 3, 4], p));

    [Fact]
    public void From_ManyDurations_EachPercentileIsWithinHalfAPercentOfTheExactNearestRank()
    {
        var random = new Random(30);
        var cases = Enumerable.Range(0, 2000).Select(i =>
            Case("e" + i, CaseStatuses.Resolved, Routes.Escalate, updatedHours: Math.Round(random.NextDouble() * 300, 3)) with { Kind = "escalation" }).ToList();
        var hours = cases.Select(c => (c.Updated - c.Created).TotalHours).Order().ToList();

        var s = KpiSummary.From(cases, Now);

        AssertHours(KpiSummary.Percentile(hours, 0.50)!.Value, s.EscalationCycleP50Hours);
        AssertHours(KpiSummary.Percentile(hours, 0.95)!.Value, s.EscalationCycleP95Hours);
        Assert.Equal(2000, s.EscalationsClosed);
    }

    /// <summary>Percentiles come from log-scale buckets: within 0.5% of the observed value (docs/kpis.md).</summary>
    private static void AssertHours(double expected, double? actual)
    {
        Assert.NotNull(actual);
        Assert.InRange(actual!.Value, expected * (1 - LogHistogram.RelativeError), expected * (1 + LogHistogram.RelativeError));
    }
}

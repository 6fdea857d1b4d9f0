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
        Assert.Equal(4, s.ReviewTurnaroundP50Hours);
        Assert.Equal(10, s.ReviewTurnaroundP95Hours);
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
}

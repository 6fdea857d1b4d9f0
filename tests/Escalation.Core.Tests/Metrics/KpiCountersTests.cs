using System.Text.Json;
using Escalation.Core.Decisions;
using Escalation.Core.Metrics;
using Escalation.Core.Storage;
using Escalation.Core.Workflow;

namespace Escalation.Core.Tests.Metrics;

public class KpiCountersTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private static readonly string[] Statuses =
        [CaseStatuses.Received, CaseStatuses.AwaitingReview, CaseStatuses.NeedsAttention, CaseStatuses.Sent, CaseStatuses.Escalated, CaseStatuses.Rejected];

    private static readonly string[] Outcomes = ["approve", "edit", "reject", "escalate", "sla-timeout"];

    private static readonly string?[] RouteChoices = [null, Routes.DraftAndSend, Routes.DraftForReview, Routes.Escalate, Routes.ResolveInPlace];

    private static CaseRecord RandomCase(Random random, string id)
    {
        var extra = new Dictionary<string, string>();
        if (random.Next(3) == 0)
        {
            extra[KpiFields.ReviewRequestedAt] = T0.AddHours(random.Next(0, 5)).ToString("O");
        }

        if (random.Next(4) == 0)
        {
            extra[KpiFields.ReviewOutcome] = Outcomes[random.Next(Outcomes.Length)];
            extra[KpiFields.Reasons] = random.Next(2) == 0 ? "refund-past-window" : "refund-past-window amount-ambiguous";
            extra[KpiFields.Policies] = "refund@2026." + random.Next(1, 3);
            extra[KpiFields.Intent] = random.Next(3) == 0 ? "" : "refund";
        }

        if (random.Next(3) == 0)
        {
            extra[KpiFields.FirstResponseAt] = T0.AddMinutes(random.Next(1, 600)).ToString("O");
        }

        return new CaseRecord
        {
            CaseId = id,
            TicketId = "T-" + id,
            CustomerId = "cus_" + random.Next(5),
            Kind = random.Next(3) == 0 ? "escalation" : "sensitive",
            Status = Statuses[random.Next(Statuses.Length)],
            Route = RouteChoices[random.Next(RouteChoices.Length)],
            Priority = random.Next(5) == 0 ? null : "P" + random.Next(1, 5),
            Created = T0,
            Updated = T0.AddMinutes(random.Next(1, 60 * 48)),
            SlaDeadline = random.Next(2) == 0 ? T0.AddHours(random.Next(1, 48)) : null,
            LatestTraceId = random.Next(2) == 0 ? "tr-" + id : null,
            Extra = extra,
        };
    }

    [Fact]
    public void Replace_ThousandsOfCaseChanges_SnapshotEqualsTheSummaryOfTheCasesAsTheyEndUp()
    {
        var random = new Random(20261205);
        var counters = new KpiCounters();
        var current = new Dictionary<string, CaseRecord>();
        for (var i = 0; i < 3000; i++)
        {
            var id = "case-" + random.Next(150);
            current.TryGetValue(id, out var before);
            var after = random.Next(10) == 0 ? null : RandomCase(random, id); // now and then a case leaves the index
            counters.Replace(before, after);
            if (after is null)
            {
                current.Remove(id);
            }
            else
            {
                current[id] = after;
            }

            if (i % 500 == 499)
            {
                foreach (var asOf in new[] { T0, T0.AddHours(12), T0.AddDays(3) })
                {
                    AssertSameSummary(KpiSummary.From(current.Values, asOf), counters.Snapshot(asOf));
                }
            }
        }

        Assert.True(counters.Snapshot(T0).TotalCases > 50);
    }

    [Fact]
    public void Snapshot_OpenReviewPastItsDeadline_IsABreachOnlyOnceTheDeadlineHasPassed()
    {
        var waiting = new CaseRecord
        {
            CaseId = "c1", TicketId = "T1", CustomerId = "cus_1", Kind = "sensitive", Status = CaseStatuses.AwaitingReview,
            Route = Routes.DraftForReview, Created = T0, Updated = T0, SlaDeadline = T0.AddHours(24),
        };
        var counters = KpiCounters.Of([waiting]);

        Assert.Equal(0, counters.Snapshot(T0.AddHours(24)).SlaBreaches);
        Assert.Equal(1, counters.Snapshot(T0.AddHours(24).AddTicks(1)).SlaBreaches);

        counters.Replace(waiting, waiting with { Status = CaseStatuses.Sent, Updated = T0.AddHours(2) });
        var answered = counters.Snapshot(T0.AddDays(2));
        Assert.Equal((0, 0, 1), (answered.SlaBreaches, answered.ReviewsOpen, answered.ReviewsCompleted));
        Assert.InRange(answered.ReviewTurnaroundP50Hours!.Value, 2 * (1 - LogHistogram.RelativeError), 2 * (1 + LogHistogram.RelativeError));
    }

    [Fact]
    public void Replace_ACaseMovesOn_CountsItOnceUnderItsNewStatusAndRoute()
    {
        var received = new CaseRecord { CaseId = "c1", TicketId = "T1", CustomerId = "cus_1", Kind = "sensitive", Status = CaseStatuses.Received, Created = T0, Updated = T0 };
        var counters = KpiCounters.Of([received]);

        counters.Replace(received, received with { Status = CaseStatuses.Escalated, Route = Routes.Escalate, Priority = "P1" });
        var s = counters.Snapshot(T0);

        Assert.Equal(1, s.TotalCases);
        Assert.Equal([new KpiCount(CaseStatuses.Escalated, 1)], s.ByStatus);
        Assert.Equal([new KpiCount(Routes.Escalate, 1)], s.ByRoute);
        Assert.Equal(1.0, s.EscalationRate);
    }

    [Fact]
    public void Merge_CasesCountedInFourStoredShards_SumToTheSummaryOfEveryCase()
    {
        var random = new Random(30);
        var shards = Enumerable.Range(0, 4).Select(_ => new KpiCounters()).ToArray();
        var current = new Dictionary<string, CaseRecord>();
        for (var i = 0; i < 3000; i++)
        {
            var n = random.Next(400);
            var id = "case-" + n.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
            current.TryGetValue(id, out var before);
            var after = RandomCase(random, id);
            shards[n % 4].Replace(before, after); // a case always counts in the same shard
            current[id] = after;
        }

        var stored = shards.Select(s => KpiState.FromJson(s.State.ToJson())!).ToList();
        var merged = KpiCounters.Merge(stored);

        foreach (var asOf in new[] { T0, T0.AddHours(12), T0.AddDays(3) })
        {
            AssertSameSummary(KpiSummary.From(current.Values, asOf), merged.Snapshot(asOf));
        }

        Assert.Equal(0, merged.State.Unmatched);
    }

    [Fact]
    public void State_ThousandsOfFinishedReviews_StaysTheSameSizeAsTheyGrow()
    {
        static CaseRecord Finished(int i)
        {
            var created = T0.AddMinutes(i);
            return new CaseRecord
            {
                CaseId = "case-" + i, TicketId = "T" + i, CustomerId = "cus_" + (i % 50), Kind = i % 3 == 0 ? "escalation" : "sensitive",
                Status = CaseStatuses.Sent, Route = Routes.DraftForReview, Priority = "P" + (1 + (i % 4)), Created = created,
                Updated = created.AddMinutes(5 + (i * 7919 % 2880)), SlaDeadline = created.AddHours(24), LatestTraceId = "tr-" + i,
                Extra = new Dictionary<string, string>
                {
                    [KpiFields.ReviewOutcome] = Outcomes[i % Outcomes.Length],
                    [KpiFields.Reasons] = "refund-past-window",
                    [KpiFields.Policies] = "refund@2026." + (i % 3),
                    [KpiFields.FirstResponseAt] = created.AddMinutes(1 + (i * 104729 % 1440)).ToString("O"),
                },
            };
        }

        var at20k = KpiCounters.Of(Enumerable.Range(0, 20_000).Select(Finished)).State.ToJson().Length;
        var at60k = KpiCounters.Of(Enumerable.Range(0, 60_000).Select(Finished)).State.ToJson().Length;

        Assert.True(at20k < 64 * 1024, $"state of 20,000 cases: {at20k} bytes");
        Assert.True(at60k < at20k * 1.1, $"state grew from {at20k} to {at60k} bytes with three times the cases");
    }

    [Fact]
    public void Replace_AnExampleCaseMovesOnWithinItsGroup_KeepsItsPlaceAmongTheExamples()
    {
        CaseRecord Edited(int i, string trace) => new()
        {
            CaseId = "case-" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture), TicketId = "T" + i, CustomerId = "cus_1",
            Kind = "sensitive", Status = CaseStatuses.Sent, Route = Routes.DraftForReview, Created = T0, Updated = T0.AddHours(1),
            LatestTraceId = trace,
            Extra = new Dictionary<string, string> { [KpiFields.ReviewOutcome] = "edit", [KpiFields.Policies] = "refund@1" },
        };
        var cases = Enumerable.Range(0, 20).Select(i => Edited(i, "tr-" + i)).ToList();
        var counters = KpiCounters.Of(cases.AsEnumerable().Reverse());

        counters.Replace(cases[0], Edited(0, "tr-0-later")); // a later trace of the first example
        counters.Replace(cases[1], cases[1] with { Extra = new Dictionary<string, string> { [KpiFields.ReviewOutcome] = "approve", [KpiFields.Policies] = "refund@1" } });

        var group = Assert.Single(counters.Snapshot(T0).Gaps!.ByPolicy);
        Assert.Equal(["/api/audit/tr-0-later", "/api/audit/tr-2", "/api/audit/tr-3"], group.Examples);
        Assert.Equal((20, 19), (group.Reviewed, group.Edited));
    }

    /// <summary>
    /// Equal summaries, except that the counters may show fewer gap examples than a recount once example cases left their
    /// group (never other ones, never in another order).
    /// </summary>
    private static void AssertSameSummary(KpiSummary expected, KpiSummary actual)
    {
        Assert.Equal(Json(WithoutExamples(expected)), Json(WithoutExamples(actual)));
        foreach (var (e, a) in Groups(expected).Zip(Groups(actual)))
        {
            Assert.Equal(e.Examples.Take(a.Examples.Count), a.Examples);
        }

        static IEnumerable<GapGroup> Groups(KpiSummary s) => s.Gaps is { } g ? [.. g.ByPolicy, .. g.ByReason, .. g.ByPlaybook, .. g.ByPriority, .. g.ByIntent] : [];
    }

    private static KpiSummary WithoutExamples(KpiSummary s)
    {
        if (s.Gaps is not { } g)
        {
            return s;
        }

        static IReadOnlyList<GapGroup> Strip(IReadOnlyList<GapGroup> groups) => [.. groups.Select(x => x with { Examples = [] })];
        return s with
        {
            Gaps = g with { ByPolicy = Strip(g.ByPolicy), ByReason = Strip(g.ByReason), ByPlaybook = Strip(g.ByPlaybook), ByPriority = Strip(g.ByPriority), ByIntent = Strip(g.ByIntent) },
        };
    }

    private static string Json(KpiSummary summary) => JsonSerializer.Serialize(summary);
}

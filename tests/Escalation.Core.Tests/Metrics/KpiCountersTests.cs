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
                    Assert.Equal(Json(KpiSummary.From(current.Values, asOf)), Json(counters.Snapshot(asOf)));
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
        Assert.Equal(2, answered.ReviewTurnaroundP50Hours);
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

    private static string Json(KpiSummary summary) => JsonSerializer.Serialize(summary);
}

using System.Collections.Concurrent;
using Escalation.Core.Decisions;
using Escalation.Core.Workflow;
using Escalation.Infrastructure.Workflow;
using Microsoft.Extensions.Time.Testing;

namespace Escalation.Infrastructure.Tests.Workflow;

/// <summary>The case orchestration on the embedded engine, with stage activities that return a scripted decision.</summary>
public sealed class CaseWorkflowTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cwf-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private readonly ConcurrentQueue<string> _calls = new();
    private readonly ConcurrentDictionary<string, StageSummary> _decisions = new();
    private readonly ConcurrentDictionary<string, ReviewDecision> _claimedBeforeTimeout = new();
    private volatile bool _mailDown;
    private FileHistoryLog _log = null!;
    private EmbeddedWorkflowEngine _engine = null!;

    public async Task InitializeAsync()
    {
        var registry = new WorkflowRegistry().AddOrchestrator<CaseWorkflowInput, CaseOutcome>(CaseWorkflow.Name, CaseWorkflow.RunAsync, CaseWorkflow.Version);
        foreach (var stage in CaseActivityNames.SensitiveStages.Concat(CaseActivityNames.EscalationStages))
        {
            registry.AddActivity<StageInput, StageSummary>(stage, (i, _) =>
            {
                _calls.Enqueue(stage);
                var isLast = stage is CaseActivityNames.Route or CaseActivityNames.Document;
                return Task.FromResult(isLast ? _decisions[i.CaseId] : new StageSummary { Stage = stage });
            });
        }

        registry
            .AddActivity<WriteTraceInput, string>(CaseActivityNames.WriteTrace, (i, _) => Record($"trace:{i.Record}:{i.Actor}", "tr-" + i.Record))
            .AddActivity<NotifyReviewersInput, bool>(CaseActivityNames.NotifyReviewers, (i, _) => _mailDown
                ? throw new IOException("Read-only file system")
                : Record($"notify:{i.Queue}:{i.Reason}", true))
            .AddActivity<NeedsAttentionInput, bool>(CaseActivityNames.MarkNeedsAttention, (i, _) => Record(i.Failure is null ? "attention:cleared" : "attention:" + i.Failure, true))
            .AddActivity<DeliverReplyInput, DeliveryResult>(CaseActivityNames.DeliverReply, (i, _) => Record($"deliver:{i.Event}:{i.ReplyArtifact}", new DeliveryResult(true, "ok")))
            .AddActivity<RecordOutcomeInput, bool>(CaseActivityNames.RecordOutcome, (i, _) => Record($"outcome:{i.Status}", true))
            .AddActivity<ReviewTimeoutInput, ReviewDecision?>(CaseActivityNames.ClaimReviewTimeout, (i, _) =>
                Record("claim:sla-timeout", _claimedBeforeTimeout.TryGetValue(i.CaseId, out var held) ? held : null));
        _log = new FileHistoryLog(_dir);
        _engine = new EmbeddedWorkflowEngine(_log, registry, _time);
        await _engine.StartAsync();
    }

    private Task<T> Record<T>(string call, T result)
    {
        _calls.Enqueue(call);
        return Task.FromResult(result);
    }

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        await _log.DisposeAsync();
        Directory.Delete(_dir, true);
    }

    private async Task<WorkflowInstanceState> RunAsync(string caseId, string kind, StageSummary decision)
    {
        _decisions[caseId] = decision;
        await _engine.StartNewAsync(CaseWorkflow.Name, caseId, new CaseWorkflowInput(caseId, kind, "T-1", "hash"));
        return (await _engine.WaitForIdleAsync(caseId, TimeSpan.FromSeconds(20)))!;
    }

    private static StageSummary Decision(string route, string queue = ReviewerQueues.Standard) =>
        new() { Stage = "route", Route = route, Priority = "P2", ReviewQueue = queue, ReviewSlaHours = 24 };

    private string[] SideEffects() => _calls.Where(c => c.Contains(':')).ToArray();

    [Fact]
    public async Task Run_DraftAndSend_RunsEveryStageThenDeliversTracesAndCloses()
    {
        var state = await RunAsync("c-send", "sensitive", Decision(Routes.DraftAndSend));

        Assert.Equal(WorkflowRuntimeStatus.Completed, state.Status);
        Assert.Equal(CaseActivityNames.SensitiveStages, _calls.Where(c => !c.Contains(':')));
        Assert.Equal(["deliver:reply-sent:draft", "trace:decision:agent", "outcome:sent"], SideEffects());
    }

    [Fact]
    public async Task Run_Escalate_NotifiesSeniorQueueAndNeverSendsAReply()
    {
        var state = await RunAsync("c-esc", "sensitive", Decision(Routes.Escalate));

        Assert.Equal(WorkflowRuntimeStatus.Completed, state.Status);
        Assert.Equal(["notify:senior:escalated", "deliver:escalated:", "trace:decision:agent", "outcome:escalated"], SideEffects());
    }

    [Fact]
    public async Task Run_EscalationKindResolveInPlace_RunsTheEscalationStages()
    {
        await RunAsync("c-res", "escalation", Decision(Routes.ResolveInPlace));

        Assert.Equal(CaseActivityNames.EscalationStages, _calls.Where(c => !c.Contains(':')));
        Assert.Contains("deliver:reply-sent:draft", SideEffects());
    }

    [Fact]
    public async Task Run_ReturnToTier1_PostsGuidanceWithoutAReply()
    {
        await RunAsync("c-t1", "escalation", Decision(Routes.ReturnToTierOne));

        Assert.Equal(["deliver:returned-to-tier-1:", "trace:decision:agent", "outcome:returned-to-tier-1"], SideEffects());
    }

    [Fact]
    public async Task Run_DraftForReview_TracesNotifiesAndWaitsWithTheDeadlineInItsStatus()
    {
        var state = await RunAsync("c-rev", "sensitive", Decision(Routes.DraftForReview));

        Assert.Equal(WorkflowRuntimeStatus.Waiting, state.Status);
        Assert.Equal(["trace:decision:agent", "outcome:awaiting-review", "notify:standard:review", "deliver:awaiting-review:"], SideEffects());
        Assert.Contains("\"stage\":\"awaiting-review\"", state.CustomStatusJson);
        Assert.Contains("2026-11-24T12:00:00", state.CustomStatusJson);
    }

    [Theory]
    [InlineData(ReviewActions.Approve, null, "deliver:reply-sent:draft", "outcome:sent")]
    [InlineData(ReviewActions.Edit, "review-edit", "deliver:reply-sent:review-edit", "outcome:sent")]
    [InlineData(ReviewActions.Reject, null, "deliver:review-rejected:", "outcome:rejected")]
    [InlineData(ReviewActions.Escalate, null, "deliver:escalated:", "outcome:escalated")]
    public async Task Review_EachAction_EndsTheCaseAccordinglyWithAReviewerTrace(string action, string? edited, string delivery, string outcome)
    {
        var caseId = "c-" + action;
        await RunAsync(caseId, "sensitive", Decision(Routes.DraftForReview));

        await _engine.RaiseEventAsync(caseId, CaseWorkflow.ReviewDecisionEvent, new ReviewDecision(action, "rev-ana", "note", edited));
        var done = await WaitDoneAsync(caseId);

        Assert.Equal(WorkflowRuntimeStatus.Completed, done.Status);
        var after = SideEffects().SkipWhile(c => c != "deliver:awaiting-review:").Skip(1).ToArray();
        Assert.Contains(delivery, after);
        Assert.Contains("trace:review-outcome:rev-ana", after);
        Assert.Equal(outcome, after[^1]);
        Assert.Equal(action == ReviewActions.Escalate, after.Contains("notify:senior:reviewer-escalated"));
    }

    [Fact]
    public async Task Review_NobodyAnswersBeforeTheSla_EscalatesToSenior()
    {
        await RunAsync("c-sla", "sensitive", Decision(Routes.DraftForReview));

        _time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        var done = await WaitDoneAsync("c-sla");

        Assert.Contains("\"route\":\"escalate\"", done.OutputJson);
        Assert.Contains("notify:senior:sla-timeout", SideEffects());
        Assert.Contains("trace:sla-timeout:agent", SideEffects());
    }

    [Fact]
    public async Task Review_ReviewerClaimedJustBeforeTheSlaTimerFired_TheirDecisionHoldsAndTheirEditIsSent()
    {
        await RunAsync("c-late", "sensitive", Decision(Routes.DraftForReview));
        _claimedBeforeTimeout["c-late"] = new ReviewDecision(ReviewActions.Edit, "rev-ana", null, "review-edit-abc");

        _time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        var done = await WaitDoneAsync("c-late");

        Assert.Contains("\"status\":\"sent\"", done.OutputJson);
        var after = SideEffects().SkipWhile(c => c != "claim:sla-timeout").ToArray();
        Assert.Equal(["claim:sla-timeout", "deliver:reply-sent:review-edit-abc", "trace:review-outcome:rev-ana", "outcome:sent"], after);
    }

    [Fact]
    public async Task Run_NotifyFailsPastItsRetries_WaitsAsNeedsAttentionThenResumesByItselfOnceItWorks()
    {
        _mailDown = true;
        _decisions["c-down"] = Decision(Routes.DraftForReview);
        await _engine.StartNewAsync(CaseWorkflow.Name, "c-down", new CaseWorkflowInput("c-down", "sensitive", "T-1", "hash"));

        var waiting = await AdvanceUntilWaitingAsync("c-down", CaseWorkflow.ResumeEvent);
        Assert.Equal(WorkflowRuntimeStatus.Waiting, waiting.Status);
        Assert.Contains("\"stage\":\"needs-attention\"", waiting.CustomStatusJson);
        Assert.Contains("attention:NotifyReviewers: ", SideEffects().Last());

        _mailDown = false;
        var resumed = await AdvanceUntilWaitingAsync("c-down", CaseWorkflow.ReviewDecisionEvent);

        Assert.Contains("\"stage\":\"awaiting-review\"", resumed.CustomStatusJson);
        Assert.Equal(["notify:standard:review", "attention:cleared", "deliver:awaiting-review:"], SideEffects()[^3..]);
    }

    [Fact]
    public async Task Run_NeedsAttentionAndResumeRaised_TriesAgainAtOnce()
    {
        _mailDown = true;
        _decisions["c-resume"] = Decision(Routes.Escalate);
        await _engine.StartNewAsync(CaseWorkflow.Name, "c-resume", new CaseWorkflowInput("c-resume", "sensitive", "T-1", "hash"));
        await AdvanceUntilWaitingAsync("c-resume", CaseWorkflow.ResumeEvent);

        _mailDown = false;
        await _engine.RaiseEventAsync("c-resume", CaseWorkflow.ResumeEvent, "resume");
        var done = await WaitDoneAsync("c-resume");

        Assert.Equal(WorkflowRuntimeStatus.Completed, done.Status);
        Assert.Contains("notify:senior:escalated", SideEffects());
        Assert.Equal("outcome:escalated", SideEffects()[^1]);
    }

    /// <summary>Moves the fake clock a second at a time (activity retries wait on it) until the case waits for <paramref name="eventName"/>.</summary>
    private async Task<WorkflowInstanceState> AdvanceUntilWaitingAsync(string caseId, string eventName)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until)
        {
            var s = (await _engine.WaitForIdleAsync(caseId, TimeSpan.FromMilliseconds(20)))!;
            if (s.IsFinished || s.WaitingForEvent == eventName)
            {
                return s;
            }

            _time.Advance(TimeSpan.FromSeconds(1));
        }

        throw new TimeoutException($"{caseId}: {_engine.GetInstance(caseId)}");
    }

    [Fact]
    public async Task Run_ReviewedCase_HistoryStaysWellUnder64KB()
    {
        await RunAsync("c-size", "sensitive", Decision(Routes.DraftForReview));
        await _engine.RaiseEventAsync("c-size", CaseWorkflow.ReviewDecisionEvent, new ReviewDecision("edit", "rev", "n", "review-edit"));
        var done = await WaitDoneAsync("c-size");

        Assert.True(done.HistoryBytes < 64 * 1024, $"{done.HistoryBytes} bytes");
        Assert.True(done.HistoryEvents < 60, $"{done.HistoryEvents} events");
    }

    private async Task<WorkflowInstanceState> WaitDoneAsync(string caseId)
    {
        for (var i = 0; i < 200; i++)
        {
            var s = await _engine.WaitForIdleAsync(caseId, TimeSpan.FromMilliseconds(100));
            if (s!.IsFinished)
            {
                return s;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException(caseId);
    }
}

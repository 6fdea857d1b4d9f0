using System.Collections.Concurrent;
using Escalation.Core.Actions;
using Escalation.Core.Decisions;
using Escalation.Core.Workflow;
using Escalation.Infrastructure.Workflow;
using Microsoft.Extensions.Time.Testing;

namespace Escalation.Infrastructure.Tests.Workflow;

/// <summary>
/// Orchestration version 2: a decision's actions are executed before the reply that states them, and a failed action
/// sends no reply. Version 1 instances keep their old path.
/// </summary>
public sealed class CaseWorkflowActionsTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cwa-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private readonly ConcurrentQueue<string> _calls = new();
    private readonly ConcurrentDictionary<string, StageSummary> _decisions = new();
    private readonly ConcurrentDictionary<string, bool> _actionsFail = new();
    private readonly ConcurrentQueue<ExecuteActionsInput> _executed = new();
    private FileHistoryLog _log = null!;
    private EmbeddedWorkflowEngine _engine = null!;

    public Task InitializeAsync() => StartAsync(CaseWorkflow.Version);

    private async Task StartAsync(string version)
    {
        var registry = new WorkflowRegistry().AddOrchestrator<CaseWorkflowInput, CaseOutcome>(CaseWorkflow.Name, CaseWorkflow.RunAsync, version);
        foreach (var stage in CaseActivityNames.SensitiveStages.Concat(CaseActivityNames.EscalationStages))
        {
            registry.AddActivity<StageInput, StageSummary>(stage, (i, _) =>
                Task.FromResult(stage is CaseActivityNames.Route or CaseActivityNames.Document ? _decisions[i.CaseId] : new StageSummary { Stage = stage }));
        }

        registry
            .AddActivity<WriteTraceInput, string>(CaseActivityNames.WriteTrace, (i, _) => Record($"trace:{i.Record}", "tr-" + i.Record))
            .AddActivity<NotifyReviewersInput, bool>(CaseActivityNames.NotifyReviewers, (i, _) => Record($"notify:{i.Queue}:{i.Reason}", true))
            .AddActivity<NeedsAttentionInput, bool>(CaseActivityNames.MarkNeedsAttention, (i, _) => Record("attention", true))
            .AddActivity<DeliverReplyInput, DeliveryResult>(CaseActivityNames.DeliverReply, (i, _) => Record($"deliver:{i.Event}", new DeliveryResult(true, "ok")))
            .AddActivity<RecordOutcomeInput, bool>(CaseActivityNames.RecordOutcome, (i, _) => Record($"outcome:{i.Status}", true))
            .AddActivity<ReviewTimeoutInput, ReviewDecision?>(CaseActivityNames.ClaimReviewTimeout, (i, _) => Record<ReviewDecision?>("claim", null))
            .AddActivity<ExecuteActionsInput, ActionsOutcome>(CaseActivityNames.ExecuteActions, (i, _) =>
            {
                _executed.Enqueue(i);
                var fail = _actionsFail.GetValueOrDefault(i.CaseId);
                return Record(i.Review is null ? "actions:auto" : "actions:" + i.Review.Reviewer,
                    fail ? new ActionsOutcome(false, 0, "Action failed: refund €49.00 via webhook: HTTP 500") : new ActionsOutcome(true, 1, null));
            });
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

    private async Task<WorkflowInstanceState> RunAsync(string caseId, string route, int actions, bool fail = false)
    {
        _decisions[caseId] = new StageSummary { Stage = "route", Route = route, Priority = "P2", ReviewQueue = ReviewerQueues.Standard, ReviewSlaHours = 24, Actions = actions };
        _actionsFail[caseId] = fail;
        await _engine.StartNewAsync(CaseWorkflow.Name, caseId, new CaseWorkflowInput(caseId, "sensitive", "T-1", "hash"));
        return (await _engine.WaitForIdleAsync(caseId, TimeSpan.FromSeconds(20)))!;
    }

    private async Task<WorkflowInstanceState> ReviewAsync(string caseId, ReviewDecision decision)
    {
        await _engine.RaiseEventAsync(caseId, CaseWorkflow.ReviewDecisionEvent, decision);
        for (var i = 0; i < 200; i++)
        {
            var state = await _engine.WaitForIdleAsync(caseId, TimeSpan.FromMilliseconds(100));
            if (state!.IsFinished)
            {
                return state;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException(caseId);
    }

    [Fact]
    public async Task Run_AutoSendWithActions_ExecutesThemBeforeTheReply()
    {
        var state = await RunAsync("a-send", Routes.DraftAndSend, actions: 2);

        Assert.Equal(WorkflowRuntimeStatus.Completed, state.Status);
        Assert.Equal(["actions:auto", "deliver:reply-sent", "trace:decision", "outcome:sent"], _calls);
    }

    [Fact]
    public async Task Run_ResolveInPlaceWithActions_ExecutesThemBeforeTheReply()
    {
        await RunAsync("a-resolve", Routes.ResolveInPlace, actions: 1);

        Assert.Equal(["actions:auto", "deliver:reply-sent", "trace:decision", "outcome:sent"], _calls);
    }

    [Fact]
    public async Task Run_AutoSendWithoutActions_CallsNoActionActivity()
    {
        await RunAsync("a-none", Routes.DraftAndSend, actions: 0);

        Assert.Equal(["deliver:reply-sent", "trace:decision", "outcome:sent"], _calls);
    }

    [Fact]
    public async Task Run_ActionFails_SendsNoReplyAndWaitsForAReviewer()
    {
        var state = await RunAsync("a-fail", Routes.DraftAndSend, actions: 1, fail: true);

        Assert.Equal(WorkflowRuntimeStatus.Waiting, state.Status);
        Assert.Equal(["actions:auto", "trace:decision", "outcome:awaiting-review", "notify:standard:review", "deliver:awaiting-review"], _calls);
    }

    [Fact]
    public async Task Review_ApprovedWithChanges_ExecutesTheReviewersActionsThenSends()
    {
        await RunAsync("a-review", Routes.DraftForReview, actions: 1);
        var changes = new[] { new ActionChange(0, false, 30m) };

        var done = await ReviewAsync("a-review", new ReviewDecision(ReviewActions.Approve, "rev-ana", null, null, changes));

        var after = _calls.SkipWhile(c => c != "deliver:awaiting-review").Skip(1).ToArray();
        Assert.Equal(["actions:rev-ana", "deliver:reply-sent", "trace:review-outcome", "outcome:sent"], after);
        Assert.Equal(30m, Assert.Single(_executed).Review!.ActionChanges![0].Amount);
        Assert.Contains("\"status\":\"sent\"", done.OutputJson);
    }

    [Fact]
    public async Task Review_ApprovedButActionFails_EscalatesWithoutAReply()
    {
        await RunAsync("a-review-fail", Routes.DraftForReview, actions: 1, fail: true);

        await ReviewAsync("a-review-fail", new ReviewDecision(ReviewActions.Approve, "rev-ana", null, null));

        var after = _calls.SkipWhile(c => c != "deliver:awaiting-review").Skip(1).ToArray();
        Assert.DoesNotContain("deliver:reply-sent", after);
        Assert.Equal(["actions:rev-ana", "notify:senior:action-failed", "deliver:escalated", "trace:review-outcome", "outcome:escalated"], after);
    }

    [Fact]
    public async Task Review_Rejected_ExecutesNothing()
    {
        await RunAsync("a-reject", Routes.DraftForReview, actions: 1);

        await ReviewAsync("a-reject", new ReviewDecision(ReviewActions.Reject, "rev-ana", "no", null));

        Assert.Empty(_executed);
    }

    [Fact]
    public async Task Run_VersionOneInstance_KeepsTheOldPathWithoutActions()
    {
        await DisposeAsync();
        Directory.CreateDirectory(_dir);
        await StartAsync("1");

        await RunAsync("a-v1", Routes.DraftAndSend, actions: 2);

        Assert.Equal(["deliver:reply-sent", "trace:decision", "outcome:sent"], _calls);
    }

    [Fact]
    public async Task SlaTimeout_VersionOneInstance_EscalatesWithoutTheClaimItNeverScheduled()
    {
        await DisposeAsync();
        Directory.CreateDirectory(_dir);
        await StartAsync("1");
        await RunAsync("r-v1", Routes.DraftForReview, actions: 0);

        _time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        WorkflowInstanceState? state = null;
        for (var i = 0; i < 200 && state?.IsFinished != true; i++)
        {
            await Task.Delay(25);
            state = await _engine.WaitForIdleAsync("r-v1", TimeSpan.FromMilliseconds(100));
        }

        Assert.True(state?.IsFinished, "the version-1 instance finishes at its deadline");
        Assert.DoesNotContain("claim", _calls);
        Assert.Contains("notify:senior:sla-timeout", _calls);
    }

    [Fact]
    public async Task SlaTimeout_CurrentVersion_ClaimsTheCaseBeforeEscalating()
    {
        await RunAsync("r-v2", Routes.DraftForReview, actions: 0);

        _time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        for (var i = 0; i < 200 && !_calls.Contains("notify:senior:sla-timeout"); i++)
        {
            await Task.Delay(25);
        }

        var calls = _calls.ToArray();
        Assert.True(Array.IndexOf(calls, "claim") >= 0 && Array.IndexOf(calls, "claim") < Array.IndexOf(calls, "notify:senior:sla-timeout"), string.Join(", ", calls));
    }
}

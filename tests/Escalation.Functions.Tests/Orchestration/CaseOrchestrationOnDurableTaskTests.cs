using System.Text.Json.Nodes;
using Escalation.Core.Decisions;
using Escalation.Core.Tickets;
using Escalation.Core.Workflow;
using Escalation.Functions.Orchestration;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Escalation.Functions.Tests.Orchestration;

/// <summary>The case orchestration on the real DurableTask engine (see <see cref="DurableEngine"/>).</summary>
public sealed class CaseOrchestrationOnDurableTaskTests
{
    private static readonly StageSummary Send = new() { Stage = "route", Route = Routes.DraftAndSend, Priority = "P3" };

    // About two seconds for a reviewer: long enough to raise an event, short enough for the SLA timer to fire in a test.
    private static StageSummary Review(double slaHours = 1) =>
        new() { Stage = "route", Route = Routes.DraftForReview, Priority = "P2", ReviewQueue = ReviewerQueues.Standard, ReviewSlaHours = slaHours };

    private static CaseWorkflowInput Input(string caseId) => new(caseId, CaseKindNames.Sensitive, "ZD-1", "hash");

    private static async Task<string> StartAsync(DurableEngine engine, string caseId)
    {
        Assert.True(await new DurableCaseOrchestrationClient(engine.Client).StartIfNewAsync(Input(caseId)));
        return caseId;
    }

    [Fact]
    public async Task DraftAndSend_RunsEveryStageThenSendsTracesAndRecords()
    {
        await using var engine = await DurableEngine.StartAsync(new ScriptedActivities(Send));

        var id = await StartAsync(engine, "case-send");
        var done = await engine.WaitForCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(new CaseOutcome(id, CaseStatuses.Sent, Routes.DraftAndSend, "tr-decision"), done.ReadOutputAs<CaseOutcome>());
        Assert.Equal(
            [.. CaseActivityNames.SensitiveStages, CaseActivityNames.DeliverReply, CaseActivityNames.WriteTrace, CaseActivityNames.RecordOutcome],
            engine.Activities.Calls);
    }

    [Fact]
    public async Task Review_WaitsForTheReviewerAndTheRaisedDecisionFinishesTheCase()
    {
        await using var engine = await DurableEngine.StartAsync(new ScriptedActivities(Review()));
        var id = await StartAsync(engine, "case-review");
        await engine.WaitForStageAsync(id, "awaiting-review");

        var raised = await new DurableCaseOrchestrationClient(engine.Client).RaiseReviewDecisionAsync(id, new ReviewDecision(ReviewActions.Approve, "rev-1", null, null));
        var done = await engine.WaitForCompletionAsync(id);

        Assert.True(raised);
        Assert.Equal(new CaseOutcome(id, CaseStatuses.Sent, Routes.DraftForReview, "tr-review-outcome"), done.ReadOutputAs<CaseOutcome>());
        var outcome = engine.Activities.Inputs.OfType<RecordOutcomeInput>().Last();
        Assert.Equal((ReviewActions.Approve, "rev-1"), (outcome.ReviewOutcome, outcome.Reviewer));
    }

    [Fact]
    public async Task Review_DecisionRaisedBeforeTheOrchestratorReachesTheWait_IsNotLost()
    {
        var draft = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var engine = await DurableEngine.StartAsync(new ScriptedActivities(Review()) { Hold = (CaseActivityNames.Draft, draft) });
        var id = await StartAsync(engine, "case-early");
        while (!engine.Activities.Calls.Contains(CaseActivityNames.Draft))
        {
            await Task.Delay(20);
        }

        await engine.Client.RaiseEventAsync(id, CaseWorkflow.ReviewDecisionEvent, new ReviewDecision(ReviewActions.Reject, "rev-2", "not this", null));
        draft.SetResult();
        var done = await engine.WaitForCompletionAsync(id);

        Assert.Equal(CaseStatuses.Rejected, done.ReadOutputAs<CaseOutcome>()!.Status);
    }

    [Fact]
    public async Task Review_NobodyAnswersBeforeTheSlaDeadline_TheTimerEscalates()
    {
        await using var engine = await DurableEngine.StartAsync(new ScriptedActivities(Review(slaHours: 2.0 / 3600)));

        var id = await StartAsync(engine, "case-sla");
        var done = await engine.WaitForCompletionAsync(id);

        Assert.Equal(new CaseOutcome(id, CaseStatuses.Escalated, Routes.Escalate, "tr-sla-timeout"), done.ReadOutputAs<CaseOutcome>());
        Assert.Contains(engine.Activities.Inputs.OfType<NotifyReviewersInput>(), n => n.Reason == "sla-timeout" && n.Queue == ReviewerQueues.Senior);
    }

    [Fact]
    public async Task Stage_ActivityThatAlwaysFails_IsRetriedThenTheCaseWaitsAsNeedsAttention()
    {
        await using var engine = await DurableEngine.StartAsync(new ScriptedActivities(Send) { Failing = CaseActivityNames.Detect });

        var id = await StartAsync(engine, "case-broken");
        await engine.WaitForStageAsync(id, "needs-attention");
        var metadata = await engine.Client.GetInstanceAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Running, metadata!.RuntimeStatus);
        Assert.Equal(3, engine.Activities.Calls.Count(c => c == CaseActivityNames.Detect));
        Assert.Contains(CaseActivityNames.MarkNeedsAttention, engine.Activities.Calls);
    }

    [Fact]
    public async Task Start_SameCaseTwice_StartsOneInstance()
    {
        await using var engine = await DurableEngine.StartAsync(new ScriptedActivities(Review()));
        var client = new DurableCaseOrchestrationClient(engine.Client);

        var first = await client.StartIfNewAsync(Input("case-dup"));
        var second = await client.StartIfNewAsync(Input("case-dup"));
        await engine.WaitForStageAsync("case-dup", "awaiting-review");

        Assert.True(first);
        Assert.False(second);
        Assert.Single(engine.Activities.Calls, c => c == CaseActivityNames.Detect);
    }

    [Fact]
    public async Task Start_NewCase_RecordsTheCurrentWorkflowVersion()
    {
        string? seen = null;
        await using var engine = await DurableEngine.StartAsync(new ScriptedActivities(Review()), ctx =>
        {
            seen = new DurableWorkflowContext(ctx).Version;
            return CaseOrchestratorFunction.RunOrchestrator(ctx);
        });

        var id = await StartAsync(engine, "case-version");
        await engine.WaitForStageAsync(id, "awaiting-review");

        Assert.Equal(CaseWorkflow.Version, seen);
    }

    // A deploy while a case waits for its reviewer: the next event replays the instance on the new code. The next
    // version inserts an activity before the wait; behind the version gate the instance that started on the current
    // version replays the path it took, without the gate the replay no longer matches its history.
    private static Func<TaskOrchestrationContext, Task<CaseOutcome>> InsertsAnActivityBeforeTheWait(bool gated) => async ctx =>
    {
        if (!gated || WorkflowVersions.IsAtLeast(ctx.Version, WorkflowVersions.Major(CaseWorkflow.Version) + 1))
        {
            await ctx.CallActivityAsync<bool>(CaseActivityNames.RecordOutcome, new RecordOutcomeInput(ctx.InstanceId, "processing", "", null, null, ctx.CurrentUtcDateTime));
        }

        return await CaseOrchestratorFunction.RunOrchestrator(ctx);
    };

    [Theory]
    [InlineData(true, OrchestrationRuntimeStatus.Completed)]
    [InlineData(false, OrchestrationRuntimeStatus.Failed)]
    public async Task Upgrade_CaseWaitingOnTheOldVersion_CompletesOnlyBehindTheVersionGate(bool gated, OrchestrationRuntimeStatus expected)
    {
        var deployed = (Func<TaskOrchestrationContext, Task<CaseOutcome>>)CaseOrchestratorFunction.RunOrchestrator;
        await using var engine = await DurableEngine.StartAsync(new ScriptedActivities(Review()), ctx => deployed(ctx));
        var id = await StartAsync(engine, "case-upgrade");
        await engine.WaitForStageAsync(id, "awaiting-review");

        deployed = InsertsAnActivityBeforeTheWait(gated);
        await engine.Client.RaiseEventAsync(id, CaseWorkflow.ReviewDecisionEvent, new ReviewDecision(ReviewActions.Approve, "rev-3", null, null));
        var done = await engine.WaitForCompletionAsync(id);

        Assert.Equal(expected, done.RuntimeStatus);
        if (gated)
        {
            Assert.Equal(CaseStatuses.Sent, done.ReadOutputAs<CaseOutcome>()!.Status);
        }
        else
        {
            Assert.Contains("NonDeterministic", done.FailureDetails!.ErrorType);
        }
    }

    [Fact]
    public void HostJson_DefaultVersion_IsTheWorkflowVersionAndOlderInstancesStillRun()
    {
        var durable = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")))!["extensions"]!["durableTask"]!;

        Assert.Equal(CaseWorkflow.Version, (string?)durable["defaultVersion"]);
        Assert.Equal("CurrentOrOlder", (string?)durable["versionMatchStrategy"]);
        Assert.Equal("Reject", (string?)durable["versionFailureStrategy"]);
    }
}

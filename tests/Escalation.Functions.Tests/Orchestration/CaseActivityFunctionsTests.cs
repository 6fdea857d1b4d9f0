using System.Reflection;
using Escalation.Core.Workflow;
using Escalation.Functions.Orchestration;
using Microsoft.Azure.Functions.Worker;
using Moq;

namespace Escalation.Functions.Tests.Orchestration;

public sealed class CaseActivityFunctionsTests
{
    public static TheoryData<string> Stages => [.. CaseActivityNames.SensitiveStages, .. CaseActivityNames.EscalationStages];

    [Fact]
    public void Functions_EveryActivityName_HasExactlyOneActivityTriggeredFunction()
    {
        var expected = CaseActivityNames.SensitiveStages.Concat(CaseActivityNames.EscalationStages)
            .Concat([CaseActivityNames.WriteTrace, CaseActivityNames.NotifyReviewers, CaseActivityNames.DeliverReply, CaseActivityNames.RecordOutcome, CaseActivityNames.ClaimReviewTimeout, CaseActivityNames.MarkNeedsAttention, CaseActivityNames.ExecuteActions])
            .Order().ToList();

        var functions = typeof(CaseActivityFunctions).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Select(m => (Name: FunctionBindings.FunctionName(m), Method: m))
            .Where(f => f.Name is not null)
            .ToList();

        Assert.Equal(expected, functions.Select(f => f.Name!).Order().ToList());
        Assert.All(functions, f => Assert.NotNull(f.Method.GetParameters().Single().GetCustomAttribute<ActivityTriggerAttribute>()));
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public async Task StageFunction_RunsItsOwnStage(string stage)
    {
        var input = new StageInput("case-1");
        var summary = new StageSummary { Stage = CaseActivityNames.StageName(stage) };
        var activities = new Mock<ICaseActivities>(MockBehavior.Strict);
        activities.Setup(a => a.RunStageAsync(stage, input, It.IsAny<CancellationToken>())).ReturnsAsync(summary);
        var method = typeof(CaseActivityFunctions).GetMethod(stage)!;

        var result = await (Task<StageSummary>)method.Invoke(new CaseActivityFunctions(activities.Object), [input])!;

        Assert.Same(summary, result);
    }

    [Fact]
    public async Task SideEffectFunctions_CallTheirActivity()
    {
        var activities = new Mock<ICaseActivities>(MockBehavior.Strict);
        var trace = new WriteTraceInput("case-1", "decision", "agent", null, DateTime.UnixEpoch);
        var notify = new NotifyReviewersInput("case-1", "senior", "escalated", null, "k1");
        var deliver = new DeliverReplyInput("case-1", "reply-sent", "draft", "k2");
        var record = new RecordOutcomeInput("case-1", CaseStatuses.Sent, "draft-and-send", "trace-1", null, DateTime.UnixEpoch);
        var timeout = new ReviewTimeoutInput("case-1", DateTime.UnixEpoch);
        var claimed = new ReviewDecision(ReviewActions.Approve, "rev@example.com", null, null);
        activities.Setup(a => a.WriteTraceAsync(trace, It.IsAny<CancellationToken>())).ReturnsAsync("trace-1");
        activities.Setup(a => a.NotifyReviewersAsync(notify, It.IsAny<CancellationToken>())).ReturnsAsync(true);
        activities.Setup(a => a.DeliverReplyAsync(deliver, It.IsAny<CancellationToken>())).ReturnsAsync(new DeliveryResult(true, "posted"));
        activities.Setup(a => a.RecordOutcomeAsync(record, It.IsAny<CancellationToken>())).ReturnsAsync(true);
        activities.Setup(a => a.ClaimReviewTimeoutAsync(timeout, It.IsAny<CancellationToken>())).ReturnsAsync(claimed);
        var functions = new CaseActivityFunctions(activities.Object);

        Assert.Equal("trace-1", await functions.WriteTrace(trace));
        Assert.True(await functions.NotifyReviewers(notify));
        Assert.True((await functions.DeliverReply(deliver)).Delivered);
        Assert.True(await functions.RecordOutcome(record));
        Assert.Same(claimed, await functions.ClaimReviewTimeout(timeout));
    }

    [Fact]
    public void Orchestrator_IsBoundUnderTheWorkflowName()
    {
        var method = typeof(CaseOrchestratorFunction).GetMethod(nameof(CaseOrchestratorFunction.RunOrchestrator))!;

        Assert.Equal(CaseWorkflow.Name, FunctionBindings.FunctionName(method));
        Assert.NotNull(method.GetParameters().Single().GetCustomAttribute<OrchestrationTriggerAttribute>());
    }
}

using Escalation.Core.Decisions;
using Escalation.Core.Tickets;
using Escalation.Core.Workflow;
using Escalation.Functions.Orchestration;
using Microsoft.DurableTask;
using Moq;

namespace Escalation.Functions.Tests.Orchestration;

public sealed class CaseOrchestratorFunctionTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 8, 30, 0, DateTimeKind.Utc);

    [Fact]
    public async Task RunOrchestrator_DraftAndSendRoute_RunsEveryStageThenSendsTracesAndRecords()
    {
        var input = new CaseWorkflowInput("zd-1-r1-abcd", CaseKindNames.Sensitive, "ZD-1", "hash");
        var calls = new List<string>();
        var inputs = new List<object?>();
        var context = new Mock<TaskOrchestrationContext>(MockBehavior.Strict);
        context.Setup(c => c.GetInput<CaseWorkflowInput>()).Returns(input);
        context.SetupGet(c => c.CurrentUtcDateTime).Returns(Now);
        context.Setup(c => c.SetCustomStatus(It.IsAny<object?>()));
        foreach (var stage in CaseActivityNames.SensitiveStages)
        {
            var summary = stage == CaseActivityNames.Route
                ? new StageSummary { Stage = "route", Route = Routes.DraftAndSend, Priority = "P3" }
                : new StageSummary { Stage = CaseActivityNames.StageName(stage) };
            SetupActivity(context, stage, summary, calls, inputs);
        }

        SetupActivity(context, CaseActivityNames.DeliverReply, new DeliveryResult(true, "posted"), calls, inputs);
        SetupActivity(context, CaseActivityNames.WriteTrace, "trace-1", calls, inputs);
        SetupActivity(context, CaseActivityNames.RecordOutcome, true, calls, inputs);

        var outcome = await CaseOrchestratorFunction.RunOrchestrator(context.Object);

        Assert.Equal(new CaseOutcome(input.CaseId, CaseStatuses.Sent, Routes.DraftAndSend, "trace-1"), outcome);
        Assert.Equal(
            [.. CaseActivityNames.SensitiveStages, CaseActivityNames.DeliverReply, CaseActivityNames.WriteTrace, CaseActivityNames.RecordOutcome],
            calls);
        var delivery = Assert.IsType<DeliverReplyInput>(inputs[5]);
        Assert.Equal(("reply-sent", "draft"), (delivery.Event, delivery.ReplyArtifact));
        context.Verify(c => c.SetCustomStatus(It.Is<CaseProgress>(p => p.Stage == "done" && p.Route == Routes.DraftAndSend)), Times.Once);
    }

    [Fact]
    public async Task RunOrchestrator_NotifyFailsPastItsRetries_WaitsAsNeedsAttentionAndResumesOnTheResumeEvent()
    {
        var input = new CaseWorkflowInput("zd-2-r1-abcd", CaseKindNames.Sensitive, "ZD-2", "hash");
        var calls = new List<string>();
        var inputs = new List<object?>();
        var context = new Mock<TaskOrchestrationContext>(MockBehavior.Strict);
        context.Setup(c => c.GetInput<CaseWorkflowInput>()).Returns(input);
        context.SetupGet(c => c.CurrentUtcDateTime).Returns(Now);
        context.Setup(c => c.SetCustomStatus(It.IsAny<object?>()));
        foreach (var stage in CaseActivityNames.SensitiveStages)
        {
            SetupActivity(context, stage, new StageSummary { Stage = CaseActivityNames.StageName(stage), Route = stage == CaseActivityNames.Route ? Routes.Escalate : null }, calls, inputs);
        }

        var notified = 0;
        context.Setup(c => c.CallActivityAsync<bool>(It.Is<TaskName>(n => n.Name == CaseActivityNames.NotifyReviewers), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns(() => ++notified == 1
                ? Task.FromException<bool>(new TaskFailedException(CaseActivityNames.NotifyReviewers, 6, new TaskFailureDetails("IOException", "Read-only file system", null, null, null)))
                : Task.FromResult(true))
            .Callback((TaskName n, object? i, TaskOptions? _) => calls.Add(n.Name));
        SetupActivity(context, CaseActivityNames.MarkNeedsAttention, true, calls, inputs);
        SetupActivity(context, CaseActivityNames.DeliverReply, new DeliveryResult(true, "posted"), calls, inputs);
        SetupActivity(context, CaseActivityNames.WriteTrace, "trace-2", calls, inputs);
        SetupActivity(context, CaseActivityNames.RecordOutcome, true, calls, inputs);
        context.Setup(c => c.CreateTimer(Now + CaseRun.Backoff(0), It.IsAny<CancellationToken>())).Returns(new TaskCompletionSource().Task);
        context.Setup(c => c.WaitForExternalEvent<string>(CaseWorkflow.ResumeEvent, It.IsAny<CancellationToken>())).ReturnsAsync("resume");

        var outcome = await CaseOrchestratorFunction.RunOrchestrator(context.Object);

        Assert.Equal(new CaseOutcome(input.CaseId, CaseStatuses.Escalated, Routes.Escalate, "trace-2"), outcome);
        Assert.Equal(
            [CaseActivityNames.NotifyReviewers, CaseActivityNames.MarkNeedsAttention, CaseActivityNames.NotifyReviewers, CaseActivityNames.MarkNeedsAttention, CaseActivityNames.DeliverReply],
            calls.Skip(CaseActivityNames.SensitiveStages.Count).Take(5));
        var marks = inputs.OfType<NeedsAttentionInput>().ToArray();
        Assert.Contains("Read-only file system", marks[0].Failure);
        Assert.Null(marks[1].Failure);
        context.Verify(c => c.SetCustomStatus(It.Is<CaseProgress>(p => p.Stage == CaseStatuses.NeedsAttention)), Times.Once);
    }

    [Fact]
    public async Task RunOrchestrator_WithoutInput_Fails()
    {
        var context = new Mock<TaskOrchestrationContext>(MockBehavior.Strict);
        context.Setup(c => c.GetInput<CaseWorkflowInput>()).Returns((CaseWorkflowInput?)null);

        await Assert.ThrowsAsync<InvalidOperationException>(() => CaseOrchestratorFunction.RunOrchestrator(context.Object));
    }

    private static void SetupActivity<T>(Mock<TaskOrchestrationContext> context, string name, T result, List<string> calls, List<object?> inputs) =>
        context.Setup(c => c.CallActivityAsync<T>(It.Is<TaskName>(n => n.Name == name), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback((TaskName n, object? i, TaskOptions? _) => { calls.Add(n.Name); inputs.Add(i); })
            .ReturnsAsync(result);
}

using Escalation.Core.Workflow;
using Escalation.Functions.Orchestration;
using Microsoft.DurableTask;
using Moq;

namespace Escalation.Functions.Tests.Orchestration;

public sealed class DurableWorkflowContextTests
{
    private static readonly DateTime Deadline = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly ReviewDecision Approve = new(ReviewActions.Approve, "rev@example.com", null, null);

    [Fact]
    public async Task WaitForExternalEventAsync_EventArrivesFirst_ReturnsPayloadAndCancelsTimer()
    {
        var context = new Mock<TaskOrchestrationContext>(MockBehavior.Strict);
        CancellationToken timerToken = default, eventToken = default;
        context.Setup(c => c.CreateTimer(Deadline, It.IsAny<CancellationToken>()))
            .Callback((DateTime _, CancellationToken t) => timerToken = t)
            .Returns(new TaskCompletionSource().Task);
        context.Setup(c => c.WaitForExternalEvent<ReviewDecision>(CaseWorkflow.ReviewDecisionEvent, It.IsAny<CancellationToken>()))
            .Callback((string _, CancellationToken t) => eventToken = t)
            .Returns(Task.FromResult(Approve));

        var result = await new DurableWorkflowContext(context.Object).WaitForExternalEventAsync<ReviewDecision>(CaseWorkflow.ReviewDecisionEvent, Deadline);

        Assert.False(result.TimedOut);
        Assert.Equal(Approve, result.Payload);
        Assert.True(timerToken.IsCancellationRequested);
        Assert.False(eventToken.IsCancellationRequested);
    }

    [Fact]
    public async Task WaitForExternalEventAsync_TimerFiresFirst_TimesOutAndCancelsTheWait()
    {
        var context = new Mock<TaskOrchestrationContext>(MockBehavior.Strict);
        CancellationToken timerToken = default, eventToken = default;
        context.Setup(c => c.CreateTimer(Deadline, It.IsAny<CancellationToken>()))
            .Callback((DateTime _, CancellationToken t) => timerToken = t)
            .Returns(Task.CompletedTask);
        context.Setup(c => c.WaitForExternalEvent<ReviewDecision>(CaseWorkflow.ReviewDecisionEvent, It.IsAny<CancellationToken>()))
            .Callback((string _, CancellationToken t) => eventToken = t)
            .Returns(new TaskCompletionSource<ReviewDecision>().Task);

        var result = await new DurableWorkflowContext(context.Object).WaitForExternalEventAsync<ReviewDecision>(CaseWorkflow.ReviewDecisionEvent, Deadline);

        Assert.True(result.TimedOut);
        Assert.Null(result.Payload);
        Assert.True(eventToken.IsCancellationRequested);
        Assert.False(timerToken.IsCancellationRequested);
    }

    [Fact]
    public async Task CallActivityAsync_WithRetry_PassesThePolicyNumbers()
    {
        var context = new Mock<TaskOrchestrationContext>(MockBehavior.Strict);
        TaskOptions? options = null;
        var input = new StageInput("case-1");
        context.Setup(c => c.CallActivityAsync<bool>(It.Is<TaskName>(n => n.Name == CaseActivityNames.NotifyReviewers), input, It.IsAny<TaskOptions?>()))
            .Callback((TaskName _, object? _, TaskOptions? o) => options = o)
            .ReturnsAsync(true);

        var result = await new DurableWorkflowContext(context.Object)
            .CallActivityAsync<bool>(CaseActivityNames.NotifyReviewers, input, new ActivityRetry(5, TimeSpan.FromSeconds(5), 3.0));

        Assert.True(result);
        var policy = options?.Retry?.Policy;
        Assert.NotNull(policy);
        Assert.Equal(5, policy.MaxNumberOfAttempts);
        Assert.Equal(TimeSpan.FromSeconds(5), policy.FirstRetryInterval);
        Assert.Equal(3.0, policy.BackoffCoefficient);
    }

    [Fact]
    public async Task CallActivityAsync_WithoutRetry_PassesNoOptions()
    {
        var context = new Mock<TaskOrchestrationContext>(MockBehavior.Strict);
        context.Setup(c => c.CallActivityAsync<string>(It.Is<TaskName>(n => n.Name == CaseActivityNames.WriteTrace), It.IsAny<object?>(), null))
            .ReturnsAsync("trace-1");

        Assert.Equal("trace-1", await new DurableWorkflowContext(context.Object).CallActivityAsync<string>(CaseActivityNames.WriteTrace, null));
    }

    [Fact]
    public void ClockIdsAndStatus_ComeFromTheDurableContext()
    {
        var now = new DateTime(2026, 3, 1, 8, 30, 0, DateTimeKind.Utc);
        var guid = Guid.Parse("6f1c1d4e-2a3b-4c5d-8e9f-0a1b2c3d4e5f");
        var progress = new CaseProgress("detect", null, null, null);
        var context = new Mock<TaskOrchestrationContext>(MockBehavior.Strict);
        context.SetupGet(c => c.CurrentUtcDateTime).Returns(now);
        context.SetupGet(c => c.InstanceId).Returns("case-1");
        context.SetupGet(c => c.IsReplaying).Returns(true);
        context.Setup(c => c.NewGuid()).Returns(guid);
        context.Setup(c => c.SetCustomStatus(progress));
        var adapter = new DurableWorkflowContext(context.Object);

        adapter.SetCustomStatus(progress);

        Assert.Equal((now, "case-1", true, guid), (adapter.CurrentUtcDateTime, adapter.InstanceId, adapter.IsReplaying, adapter.NewGuid()));
        context.Verify(c => c.SetCustomStatus(progress), Times.Once);
    }
}

using Escalation.Core.Decisions;
using Escalation.Core.Tickets;
using Escalation.Core.Workflow;
using Escalation.Functions.Orchestration;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Moq;

namespace Escalation.Functions.Tests.Orchestration;

public sealed class DurableCaseOrchestrationClientTests
{
    private const string CaseId = "zd-1-r1-abcd";
    private static readonly CaseWorkflowInput Input = new(CaseId, CaseKindNames.Sensitive, "ZD-1", "hash");
    private static readonly ReviewDecision Approve = new(ReviewActions.Approve, "rev@example.com", null, null);

    private readonly Mock<DurableTaskClient> _client = new(MockBehavior.Strict, "test");

    [Fact]
    public async Task StartIfNewAsync_CaseAlreadyHasAnInstance_DoesNotScheduleAnother()
    {
        SetupInstance(false, Metadata(OrchestrationRuntimeStatus.Running));

        Assert.False(await new DurableCaseOrchestrationClient(_client.Object).StartIfNewAsync(Input));
        _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task StartIfNewAsync_NewCase_SchedulesTheCaseOrchestratorWithTheCaseIdAsInstanceId()
    {
        SetupInstance(false, null);
        _client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.Is<TaskName>(n => n.Name == CaseWorkflow.Name), Input, It.Is<StartOrchestrationOptions?>(o => o!.InstanceId == CaseId), It.IsAny<CancellationToken>()))
            .ReturnsAsync(CaseId);

        Assert.True(await new DurableCaseOrchestrationClient(_client.Object).StartIfNewAsync(Input));
        _client.VerifyAll();
    }

    [Fact]
    public async Task StartIfNewAsync_ConcurrentSubmissionWinsTheRace_ReportsNotStarted()
    {
        _client.SetupSequence(c => c.GetInstanceAsync(CaseId, false, It.IsAny<CancellationToken>()))
            .ReturnsAsync((OrchestrationMetadata?)null)
            .ReturnsAsync(Metadata(OrchestrationRuntimeStatus.Pending));
        _client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("An orchestration with instance ID 'zd-1-r1-abcd' already exists."));

        Assert.False(await new DurableCaseOrchestrationClient(_client.Object).StartIfNewAsync(Input));
    }

    [Fact]
    public async Task StartIfNewAsync_SchedulingFailsAndNoInstanceExists_Throws()
    {
        SetupInstance(false, null);
        _client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TimeoutException("storage unavailable"));

        await Assert.ThrowsAsync<TimeoutException>(() => new DurableCaseOrchestrationClient(_client.Object).StartIfNewAsync(Input));
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Pending, null, "pending", false)]
    [InlineData(OrchestrationRuntimeStatus.Running, "detect", "running", false)]
    [InlineData(OrchestrationRuntimeStatus.Running, "awaiting-review", "waiting", true)]
    [InlineData(OrchestrationRuntimeStatus.Completed, "done", "completed", true)]
    [InlineData(OrchestrationRuntimeStatus.Failed, "draft", "failed", true)]
    [InlineData(OrchestrationRuntimeStatus.Terminated, "draft", "failed", true)]
    public async Task GetAsync_RuntimeStatus_MapsToTheHostNeutralStatus(OrchestrationRuntimeStatus runtime, string? stage, string expected, bool hasDecision)
    {
        SetupInstance(true, Metadata(runtime, stage));

        var state = await new DurableCaseOrchestrationClient(_client.Object).GetAsync(CaseId);

        Assert.NotNull(state);
        Assert.Equal((CaseId, expected, hasDecision), (state.CaseId, state.RuntimeStatus, state.HasDecision));
        Assert.Equal(stage, state.Progress?.Stage);
    }

    [Fact]
    public async Task GetAsync_Completed_ReadsTheOutcome()
    {
        var outcome = new CaseOutcome(CaseId, CaseStatuses.Sent, Routes.DraftAndSend, "trace-1");
        _client.Setup(c => c.GetInstanceAsync(CaseId, true, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata(CaseWorkflow.Name, CaseId)
            {
                RuntimeStatus = OrchestrationRuntimeStatus.Completed,
                DataConverter = JsonDataConverter.Default,
                SerializedOutput = JsonDataConverter.Default.Serialize(outcome),
            });

        var state = await new DurableCaseOrchestrationClient(_client.Object).GetAsync(CaseId);

        Assert.Equal(outcome, state?.Outcome);
    }

    [Fact]
    public async Task GetAsync_Failed_CarriesTheFailureMessage()
    {
        _client.Setup(c => c.GetInstanceAsync(CaseId, true, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata(CaseWorkflow.Name, CaseId)
            {
                RuntimeStatus = OrchestrationRuntimeStatus.Failed,
                DataConverter = JsonDataConverter.Default,
                FailureDetails = TaskFailureDetails.FromException(new InvalidOperationException("Draft failed after 3 attempts")),
            });

        var state = await new DurableCaseOrchestrationClient(_client.Object).GetAsync(CaseId);

        Assert.Equal("Draft failed after 3 attempts", state?.Failure);
    }

    [Fact]
    public async Task GetAsync_UnknownCase_ReturnsNull()
    {
        SetupInstance(true, null);

        Assert.Null(await new DurableCaseOrchestrationClient(_client.Object).GetAsync(CaseId));
    }

    [Fact]
    public async Task RaiseReviewDecisionAsync_RunningCase_RaisesTheReviewDecisionEvent()
    {
        SetupInstance(false, Metadata(OrchestrationRuntimeStatus.Running));
        _client.Setup(c => c.RaiseEventAsync(CaseId, CaseWorkflow.ReviewDecisionEvent, Approve, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        Assert.True(await new DurableCaseOrchestrationClient(_client.Object).RaiseReviewDecisionAsync(CaseId, Approve));
        _client.Verify(c => c.RaiseEventAsync(CaseId, CaseWorkflow.ReviewDecisionEvent, Approve, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Completed)]
    [InlineData(OrchestrationRuntimeStatus.Failed)]
    public async Task RaiseReviewDecisionAsync_FinishedCase_RaisesNothing(OrchestrationRuntimeStatus runtime)
    {
        SetupInstance(false, Metadata(runtime));

        Assert.False(await new DurableCaseOrchestrationClient(_client.Object).RaiseReviewDecisionAsync(CaseId, Approve));
    }

    [Fact]
    public async Task WaitForDecisionAsync_CaseReachesReview_ReturnsTheWaitingState()
    {
        _client.SetupSequence(c => c.GetInstanceAsync(CaseId, true, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Metadata(OrchestrationRuntimeStatus.Running, "draft"))
            .ReturnsAsync(Metadata(OrchestrationRuntimeStatus.Running, "awaiting-review"));

        var state = await new DurableCaseOrchestrationClient(_client.Object).WaitForDecisionAsync(CaseId, TimeSpan.FromSeconds(10));

        Assert.Equal("waiting", state?.RuntimeStatus);
        _client.Verify(c => c.GetInstanceAsync(CaseId, true, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task WaitForDecisionAsync_NoDecisionBeforeTimeout_ReturnsTheLatestState()
    {
        SetupInstance(true, Metadata(OrchestrationRuntimeStatus.Running, "draft"));

        var state = await new DurableCaseOrchestrationClient(_client.Object).WaitForDecisionAsync(CaseId, TimeSpan.FromMilliseconds(300));

        Assert.Equal("running", state?.RuntimeStatus);
        Assert.False(state?.HasDecision);
    }

    private void SetupInstance(bool withData, OrchestrationMetadata? metadata) =>
        _client.Setup(c => c.GetInstanceAsync(CaseId, withData, It.IsAny<CancellationToken>())).ReturnsAsync(metadata);

    private static OrchestrationMetadata Metadata(OrchestrationRuntimeStatus status, string? stage = null) =>
        new(CaseWorkflow.Name, CaseId)
        {
            RuntimeStatus = status,
            DataConverter = JsonDataConverter.Default,
            SerializedCustomStatus = stage is null ? null : JsonDataConverter.Default.Serialize(new CaseProgress(stage, null, "P2", null)),
            CreatedAt = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero),
            LastUpdatedAt = new DateTimeOffset(2026, 3, 1, 8, 1, 0, TimeSpan.Zero),
        };
}

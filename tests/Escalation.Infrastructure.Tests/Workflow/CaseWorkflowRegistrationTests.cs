using System.Collections.Concurrent;
using Escalation.Core.Decisions;
using Escalation.Core.Workflow;
using Escalation.Infrastructure.Workflow;
using Microsoft.Extensions.Time.Testing;

namespace Escalation.Infrastructure.Tests.Workflow;

public sealed class CaseWorkflowRegistrationTests
{
    /// <summary>Activities that only answer: every stage but the last says "done", the last decides.</summary>
    private sealed class Answering(string route) : ICaseActivities
    {
        public Task<StageSummary> RunStageAsync(string stage, StageInput input, CancellationToken cancellationToken = default) =>
            Task.FromResult(stage is CaseActivityNames.Route or CaseActivityNames.Document
                ? new StageSummary { Stage = "route", Route = route, Priority = "P2", ReviewSlaHours = 24 }
                : new StageSummary { Stage = stage });

        public Task<string> WriteTraceAsync(WriteTraceInput input, CancellationToken cancellationToken = default) => Task.FromResult("tr-" + input.Record);

        public Task<bool> NotifyReviewersAsync(NotifyReviewersInput input, CancellationToken cancellationToken = default) => Task.FromResult(true);

        public Task<DeliveryResult> DeliverReplyAsync(DeliverReplyInput input, CancellationToken cancellationToken = default) => Task.FromResult(new DeliveryResult(true, "ok"));

        public Task<bool> RecordOutcomeAsync(RecordOutcomeInput input, CancellationToken cancellationToken = default) => Task.FromResult(true);

        public Task<bool> MarkNeedsAttentionAsync(NeedsAttentionInput input, CancellationToken cancellationToken = default) => Task.FromResult(true);
    }

    /// <summary>Keeps nothing; notes which activity results were appended with and without waiting for the disk.</summary>
    private sealed class NotingHistory : IWorkflowHistoryStore
    {
        public ConcurrentQueue<string> Durable { get; } = new();
        public ConcurrentQueue<string> NotWaited { get; } = new();

        public Task AppendAsync(string instanceId, IReadOnlyList<HistoryEvent> events, CancellationToken cancellationToken = default)
        {
            Note(Durable, events);
            return Task.CompletedTask;
        }

        public Task AppendRecomputableAsync(string instanceId, IReadOnlyList<HistoryEvent> events, CancellationToken cancellationToken = default)
        {
            Note(NotWaited, events);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyDictionary<string, IReadOnlyList<HistoryEvent>>> LoadAllAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<HistoryEvent>>>(new Dictionary<string, IReadOnlyList<HistoryEvent>>());

        private static void Note(ConcurrentQueue<string> into, IReadOnlyList<HistoryEvent> events)
        {
            foreach (var e in events.Where(e => e.Kind == HistoryEventKind.ActivityCompleted))
            {
                into.Enqueue(e.Name!);
            }
        }
    }

    [Theory]
    [InlineData("sensitive")]
    [InlineData("escalation")]
    public async Task AddCaseWorkflow_EscalatedCase_OnlyTheDecidingStageWaitsForTheDisk(string kind)
    {
        var history = new NotingHistory();
        var registry = new WorkflowRegistry().AddCaseWorkflow(new Answering(Routes.Escalate));
        var engine = new EmbeddedWorkflowEngine(history, registry, new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero)), workers: 2);
        await engine.StartAsync();
        try
        {
            await engine.StartNewAsync(CaseWorkflow.Name, "case-1", new CaseWorkflowInput("case-1", kind, "T-1", "hash"));
            var state = await engine.WaitForIdleAsync("case-1", TimeSpan.FromSeconds(20));
            Assert.Equal(WorkflowRuntimeStatus.Completed, state!.Status);
        }
        finally
        {
            await engine.DisposeAsync();
        }

        var stages = kind == "escalation" ? CaseActivityNames.EscalationStages : CaseActivityNames.SensitiveStages;
        Assert.Equal(
            [.. stages.Take(stages.Count - 1), CaseActivityNames.NotifyReviewers, CaseActivityNames.DeliverReply, CaseActivityNames.WriteTrace, CaseActivityNames.RecordOutcome],
            history.NotWaited);
        Assert.Equal([stages[^1]], history.Durable);
    }
}

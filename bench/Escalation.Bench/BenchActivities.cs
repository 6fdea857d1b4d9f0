using System.Collections.Concurrent;
using System.Text.Json;
using Escalation.Api.Cases;
using Escalation.Core.Cases;
using Escalation.Core.Decisions;
using Escalation.Core.Escalations;
using Escalation.Core.Knowledge;
using Escalation.Core.Sensitive;
using Escalation.Core.Storage;
using Escalation.Core.Tickets;
using Escalation.Core.Tracing;
using Escalation.Core.Workflow;

namespace Escalation.Bench;

/// <summary>
/// The case activities as the benchmarks and the cost count run them: every stage runs the real pipeline step,
/// reads the submission from the artifact store and writes its result there; traces go through
/// <see cref="TraceChain.AppendAsync(ITraceStore, DecisionTrace, CancellationToken)"/>; outcomes go to the case index.
/// Reviewer emails and help-desk callbacks are counted, not sent (no network in a benchmark).
/// </summary>
public sealed class BenchActivities(Workspace workspace, ICaseIndex index, ITraceStore traces, IStageArtifactStore artifacts) : ICaseActivities
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SensitiveCaseSteps _sensitive = new(CaseDetectors.Embedded, new ComposerDraftWriter());
    private readonly EscalationCaseSteps _escalation = new(CaseDetectors.Embedded, new ComposerDraftWriter());
    private readonly ConcurrentDictionary<string, object> _state = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _sideEffects = new(StringComparer.Ordinal);

    /// <summary>Reviewer notifications by idempotency key (a value above 1 is a duplicate).</summary>
    public IReadOnlyDictionary<string, int> SideEffects => _sideEffects;

    /// <summary>Stores the submission and the case's first index record, as the HTTP handler does before starting the workflow.</summary>
    public async Task<CaseWorkflowInput> SubmitAsync(CaseSubmission ticket, DateTimeOffset now)
    {
        var caseId = CaseIds.For(ticket.TicketId, ticket.Revision);
        var json = JsonSerializer.Serialize(ticket, Json);
        await artifacts.PutAsync(caseId, "submission", json);
        await index.UpsertAsync(CaseIntake.ReceivedRecord(caseId, ticket, now), null);
        return new CaseWorkflowInput(caseId, ticket.ResolvedKind.ToName(), ticket.TicketId, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json))));
    }

    public async Task<StageSummary> RunStageAsync(string stage, StageInput input, CancellationToken cancellationToken = default)
    {
        var ticket = JsonSerializer.Deserialize<CaseSubmission>(await artifacts.GetAsync(input.CaseId, "submission", cancellationToken)
            ?? throw new InvalidOperationException($"case {input.CaseId} has no stored submission"), Json)!;
        var now = BenchSamples.EvaluationInstant;
        var ws = workspace;
        var context = new StageContext(ticket, ws, now, cancellationToken);
        var decision = CaseActivityNames.SensitiveStages.Contains(stage)
            ? await StepAsync(SensitiveCaseSteps.Stages, stage, _sensitive, input, context, st => st.Decision)
            : CaseActivityNames.EscalationStages.Contains(stage)
                ? await StepAsync(EscalationCaseSteps.Stages, stage, _escalation, input, context, st => st.Decision)
                : throw new ArgumentException($"unknown stage {stage}", nameof(stage));

        var summary = new StageSummary { Stage = CaseActivityNames.StageName(stage), Summary = "done" };
        if (decision is null)
        {
            await artifacts.PutAsync(input.CaseId, "stage-" + summary.Stage, JsonSerializer.Serialize(summary, Json), cancellationToken);
            return summary;
        }

        _state.TryRemove(input.CaseId, out _);
        var stored = new StoredDecision(decision.TicketId, ticket.Customer.Id, decision.Route, decision.Priority,
            [.. decision.Reasons.Select(r => r.Text)], decision.WorkspaceVersion, decision.Draft, decision.Trace);
        await artifacts.PutAsync(input.CaseId, "decision", JsonSerializer.Serialize(stored, Json), cancellationToken);
        return summary with
        {
            Route = decision.Route,
            Priority = decision.Priority,
            ReviewQueue = decision.ReviewerQueue == ReviewerQueues.None ? null : decision.ReviewerQueue,
            ReviewSlaHours = decision.SlaDeadline is { } due ? Math.Max(1, (due - now).TotalHours) : null,
            Reasons = stored.Reasons,
        };
    }

    public async Task<string> WriteTraceAsync(WriteTraceInput input, CancellationToken cancellationToken = default)
    {
        var d = JsonSerializer.Deserialize<StoredDecision>(await artifacts.GetAsync(input.CaseId, "decision", cancellationToken)
            ?? throw new InvalidOperationException($"case {input.CaseId} has no decision"), Json)!;
        var trace = new DecisionTrace
        {
            CaseId = input.CaseId,
            Sequence = 0,
            Kind = input.Record,
            TicketId = d.TicketId,
            CustomerId = d.CustomerId,
            WorkspaceVersion = d.WorkspaceVersion,
            Entries = input.Record == TraceRecordKinds.Decision ? d.Entries : [],
            Decision = new TraceDecision(d.Route, input.Review?.Note is { } note ? [note] : d.Reasons),
            Actor = input.Review is { } r ? TraceActor.Reviewer(r.Reviewer) : TraceActor.Agent(),
            At = new DateTimeOffset(DateTime.SpecifyKind(input.AtUtc, DateTimeKind.Utc)),
        };
        return (await traces.AppendAsync(trace, cancellationToken)).TraceId;
    }

    public Task<bool> NotifyReviewersAsync(NotifyReviewersInput input, CancellationToken cancellationToken = default) =>
        Task.FromResult(_sideEffects.AddOrUpdate(input.IdempotencyKey, 1, (_, n) => n + 1) == 1);

    public Task<DeliveryResult> DeliverReplyAsync(DeliverReplyInput input, CancellationToken cancellationToken = default) =>
        Task.FromResult(new DeliveryResult(_sideEffects.AddOrUpdate(input.IdempotencyKey, 1, (_, n) => n + 1) == 1, "counted"));

    /// <summary>The bench's activities do not fail, so no case waits as needs-attention.</summary>
    public Task<bool> MarkNeedsAttentionAsync(NeedsAttentionInput input, CancellationToken cancellationToken = default) => Task.FromResult(true);

    public async Task<bool> RecordOutcomeAsync(RecordOutcomeInput input, CancellationToken cancellationToken = default)
    {
        var current = await index.GetAsync(input.CaseId, cancellationToken) ?? throw new InvalidOperationException($"case {input.CaseId} is not indexed");
        var at = new DateTimeOffset(DateTime.SpecifyKind(input.AtUtc, DateTimeKind.Utc));
        await index.UpsertAsync(current.Case with
        {
            Status = input.Status,
            Route = input.Route,
            LatestTraceId = input.TraceId ?? current.Case.LatestTraceId,
            SlaDeadline = input.SlaDeadlineUtc is { } due ? new DateTimeOffset(DateTime.SpecifyKind(due, DateTimeKind.Utc)) : current.Case.SlaDeadline,
            Updated = at,
        }, current.ETag, cancellationToken);
        return true;
    }

    /// <summary>Runs one stage on the state the stage before left in memory; the last stage's decision is returned, not kept.</summary>
    private async Task<CaseDecision?> StepAsync<TSteps, TState>(
        IReadOnlyList<PipelineStage<TSteps, TState>> stages, string stage, TSteps steps, StageInput input, StageContext context, Func<TState, CaseDecision?> decided)
        where TState : class, new()
    {
        var at = stages.Select(x => x.Activity).ToList().IndexOf(stage);
        var state = await stages[at].Run(steps, at == 0 ? new TState() : Get<TState>(input), context);
        if (at == stages.Count - 1)
        {
            return decided(state);
        }

        Set(input, state);
        return null;
    }

    private void Set(StageInput input, object state) => _state[input.CaseId] = state;

    private T Get<T>(StageInput input) where T : class =>
        _state.TryGetValue(input.CaseId, out var s) && s is T t ? t : throw new InvalidOperationException($"case {input.CaseId} has no {typeof(T).Name} (stage out of order)");

    /// <summary>What the deciding stage leaves in storage for the trace writer.</summary>
    public sealed record StoredDecision(string TicketId, string CustomerId, string Route, string Priority, IReadOnlyList<string> Reasons,
        string WorkspaceVersion, string Draft, IReadOnlyList<TraceEntry> Entries);
}

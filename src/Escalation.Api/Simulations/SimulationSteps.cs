using System.Collections.Concurrent;
using Escalation.Core.Decisions;
using Escalation.Core.Knowledge;
using Escalation.Core.Signals;
using Escalation.Core.Simulation;
using Escalation.Infrastructure.Workspace;

namespace Escalation.Api.Simulations;

/// <summary>
/// The activities of <see cref="SimulationWorkflow"/> and the reads of its status, over the stored cases and the
/// <see cref="SimulationStore"/>. Every case is decided again with the embedded reading and the composer (no model, no
/// clock), so a batch decided twice (an activity retried after a crash) gives the same bytes.
/// </summary>
public sealed class SimulationSteps(SimulationStore store, StoredCases cases, Func<Workspace> liveWorkspace, int batchSize = SimulationWorkflow.DefaultBatchSize)
{
    private static readonly Simulator Simulator = new(CaseDetectors.From(new DetectStage()));

    // A batch activity loads the candidate once per process, not once per batch (bounded: runs are few).
    private readonly ConcurrentDictionary<string, Workspace> _candidates = new(StringComparer.Ordinal);

    /// <summary>Stores a new run's request and candidate workspace; the run starts when the workflow is started.</summary>
    public async Task<SimulationStatus> CreateAsync(string id, SimulationRequest request, IReadOnlyList<WorkspaceFile> candidate, CancellationToken cancellationToken = default)
    {
        await store.PutAsync(id, "candidate", candidate, cancellationToken).ConfigureAwait(false);
        await store.PutAsync(id, "request", request, cancellationToken).ConfigureAwait(false);
        return new SimulationStatus { Id = id, Status = SimulationStatus.Running, Requested = request.Requested };
    }

    public async Task<SimulationPlanResult> PlanAsync(SimulationRunInput input, CancellationToken cancellationToken = default)
    {
        var request = await RequestAsync(input.SimulationId, cancellationToken).ConfigureAwait(false);
        var ids = await cases.ListAsync(request.Since, cancellationToken).ConfigureAwait(false);
        var size = Math.Max(1, batchSize);
        var plan = new SimulationPlan(ids, new SimulationPlanResult(ids.Count, (ids.Count + size - 1) / size, size));
        await store.PutAsync(input.SimulationId, "plan", plan, cancellationToken).ConfigureAwait(false);
        return plan.Result;
    }

    public async Task<int> RunBatchAsync(SimulationBatchInput input, CancellationToken cancellationToken = default)
    {
        var request = await RequestAsync(input.SimulationId, cancellationToken).ConfigureAwait(false);
        var plan = await store.GetAsync<SimulationPlan>(input.SimulationId, "plan", cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Simulation {input.SimulationId} has no plan.");
        var candidate = await CandidateAsync(input.SimulationId, cancellationToken).ConfigureAwait(false);
        var baseline = request.Baseline == SimulationRequest.LiveBaseline ? liveWorkspace() : null;
        var results = new List<CaseComparison>();
        foreach (var caseId in plan.CaseIds.Skip(input.Batch * input.BatchSize).Take(input.BatchSize))
        {
            var c = await cases.ReadAsync(caseId, request.BaseUrl, cancellationToken).ConfigureAwait(false);
            results.Add(c is null
                ? new CaseComparison(caseId, "", null, null, null, null) { Skipped = "no readable submission (removed or erased)" }
                : Simulator.Compare(c, candidate, baseline));
        }

        await store.PutAsync(input.SimulationId, SimulationStore.BatchName(input.Batch), results, cancellationToken).ConfigureAwait(false);
        return results.Count;
    }

    /// <summary>Merges the <see cref="SimulationBatchInput.Batch"/> batch results, in order, into the report.</summary>
    public async Task<SimulationStatus> CompleteAsync(SimulationBatchInput input, CancellationToken cancellationToken = default)
    {
        var request = await RequestAsync(input.SimulationId, cancellationToken).ConfigureAwait(false);
        var candidate = await CandidateAsync(input.SimulationId, cancellationToken).ConfigureAwait(false);
        var comparisons = new List<CaseComparison>();
        for (var n = 0; n < input.Batch; n++)
        {
            comparisons.AddRange(await store.GetAsync<List<CaseComparison>>(input.SimulationId, SimulationStore.BatchName(n), cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Simulation {input.SimulationId} lost batch {n}."));
        }

        var baselineVersion = request.Baseline == SimulationRequest.LiveBaseline ? liveWorkspace().Version : null;
        var status = new SimulationStatus
        {
            Id = input.SimulationId,
            Status = SimulationStatus.Completed,
            Requested = request.Requested,
            Cases = comparisons.Count,
            Batches = input.Batch,
            BatchesDone = input.Batch,
            Report = SimulationReport.From(candidate.Version, baselineVersion, comparisons),
        };
        await store.PutAsync(input.SimulationId, "report", status, cancellationToken).ConfigureAwait(false);
        _candidates.TryRemove(input.SimulationId, out _);
        return status;
    }

    public async Task<SimulationStatus> FailAsync(SimulationFailInput input, CancellationToken cancellationToken = default)
    {
        var request = await store.GetAsync<SimulationRequest>(input.SimulationId, "request", cancellationToken).ConfigureAwait(false);
        var status = new SimulationStatus { Id = input.SimulationId, Status = SimulationStatus.Failed, Requested = request?.Requested ?? default, Error = input.Error };
        await store.PutAsync(input.SimulationId, "failed", status, cancellationToken).ConfigureAwait(false);
        _candidates.TryRemove(input.SimulationId, out _);
        return status;
    }

    /// <summary>The run's status (with the report once completed); null for an unknown id.</summary>
    public async Task<SimulationStatus?> StatusAsync(string id, CancellationToken cancellationToken = default)
    {
        if (await store.GetAsync<SimulationStatus>(id, "report", cancellationToken).ConfigureAwait(false) is { } done)
        {
            return done;
        }

        if (await store.GetAsync<SimulationStatus>(id, "failed", cancellationToken).ConfigureAwait(false) is { } failed)
        {
            return failed;
        }

        if (await store.GetAsync<SimulationRequest>(id, "request", cancellationToken).ConfigureAwait(false) is not { } request)
        {
            return null;
        }

        var plan = await store.GetAsync<SimulationPlan>(id, "plan", cancellationToken).ConfigureAwait(false);
        return new SimulationStatus
        {
            Id = id,
            Status = SimulationStatus.Running,
            Requested = request.Requested,
            Cases = plan?.Result.Cases,
            Batches = plan?.Result.Batches,
            BatchesDone = plan is null ? 0 : await store.BatchesDoneAsync(id, cancellationToken).ConfigureAwait(false),
        };
    }

    private async Task<SimulationRequest> RequestAsync(string id, CancellationToken cancellationToken) =>
        await store.GetAsync<SimulationRequest>(id, "request", cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"Simulation {id} has no request stored.");

    private async Task<Workspace> CandidateAsync(string id, CancellationToken cancellationToken)
    {
        if (_candidates.TryGetValue(id, out var cached))
        {
            return cached;
        }

        var files = await store.GetAsync<List<WorkspaceFile>>(id, "candidate", cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Simulation {id} has no candidate workspace stored.");
        if (_candidates.Count > 16)
        {
            _candidates.Clear();
        }

        return _candidates[id] = WorkspaceLoader.Load(files);
    }
}

/// <summary>
/// What was asked: cases created from <see cref="Since"/>, compared with the decisions on record (<c>recorded</c>) or
/// with the live workspace (<c>live</c>); audit links start with <see cref="BaseUrl"/>.
/// </summary>
public sealed record SimulationRequest(DateTimeOffset Requested, DateTimeOffset Since, string Baseline, string BaseUrl, string CandidateVersion)
{
    public const string RecordedBaseline = "recorded";
    public const string LiveBaseline = "live";
}

/// <summary>The cases of a run, in replay order, and how they are batched.</summary>
public sealed record SimulationPlan(IReadOnlyList<string> CaseIds, SimulationPlanResult Result);

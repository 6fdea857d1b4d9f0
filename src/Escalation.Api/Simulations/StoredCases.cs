using System.Text.Json;
using Escalation.Core.Decisions;
using Escalation.Core.Metrics;
using Escalation.Core.Simulation;
using Escalation.Core.Storage;
using Escalation.Core.Tickets;

namespace Escalation.Api.Simulations;

/// <summary>
/// A stored case as the simulation replays it: the submission as received (decided again as of when it was received),
/// the decision on record, what a reviewer did with it and the audit URL of its first trace. Reads through the host's
/// ports, so the CLI (a data folder), the local server and the Functions app (Azure Storage) read cases the same way.
/// </summary>
public sealed class StoredCases(ICaseIndex index, IStageArtifactStore artifacts, ITraceStore traces)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>The ids of the cases created from <paramref name="since"/>, oldest first (ties by id).</summary>
    public async Task<IReadOnlyList<string>> ListAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        [.. (await index.QueryAllAsync(cancellationToken).ConfigureAwait(false))
            .Where(c => c.Created >= since)
            .OrderBy(c => c.Created).ThenBy(c => c.CaseId, StringComparer.Ordinal)
            .Select(c => c.CaseId)];

    /// <summary>
    /// The case to replay, or null when it has no readable submission (gone, or erased: its key no longer opens it).
    /// <paramref name="baseUrl"/> starts the audit URL.
    /// </summary>
    public async Task<SimulatedCase?> ReadAsync(string caseId, string baseUrl, CancellationToken cancellationToken = default)
    {
        if (await index.GetAsync(caseId, cancellationToken).ConfigureAwait(false) is not { Case: var c }
            || await artifacts.GetAsync(caseId, "submission", cancellationToken).ConfigureAwait(false) is not { } json)
        {
            return null;
        }

        var (ticket, decidedAt) = ReadSubmission(json, c.Created);
        var chain = await traces.ListChainAsync(caseId, cancellationToken).ConfigureAwait(false);
        var first = chain.Count > 0 ? await traces.GetTraceAsync(chain[0].TraceId, cancellationToken).ConfigureAwait(false) : null;
        var recorded = await RecordedAsync(c, first, cancellationToken).ConfigureAwait(false);
        var outcome = c.Extra.TryGetValue(KpiFields.ReviewOutcome, out var o) && o.Length > 0 ? o : null;
        return new SimulatedCase(caseId, ticket, decidedAt, recorded, outcome, chain.Count > 0 ? $"{baseUrl.TrimEnd('/')}/api/audit/{chain[0].TraceId}" : null);
    }

    /// <summary>
    /// A stored submission: the host's <c>{"submission": {...}, "receivedAt": ...}</c> wrapper (decided as of
    /// <c>receivedAt</c>) or a bare submission (decided as of <paramref name="fallback"/>).
    /// </summary>
    public static (CaseSubmission Ticket, DateTimeOffset DecidedAt) ReadSubmission(string json, DateTimeOffset fallback)
    {
        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("submission", out var inner))
        {
            var at = doc.RootElement.TryGetProperty("receivedAt", out var r) && r.TryGetDateTimeOffset(out var parsed) ? parsed : fallback;
            return (inner.Deserialize<CaseSubmission>(Web)!, at);
        }

        return (doc.RootElement.Deserialize<CaseSubmission>(Web)!, fallback);
    }

    /// <summary>The decision on record: the stored decision (reason codes), else the first decision trace's route.</summary>
    private async Task<RecordedDecision?> RecordedAsync(CaseRecord c, Core.Tracing.DecisionTrace? first, CancellationToken cancellationToken)
    {
        if (await artifacts.GetAsync(c.CaseId, "decision", cancellationToken).ConfigureAwait(false) is { } json)
        {
            try
            {
                if (JsonSerializer.Deserialize<CaseDecision>(json, Web) is { Route.Length: > 0 } d)
                {
                    return new RecordedDecision(d.Route, [.. d.Reasons.Select(r => r.Code).Distinct(StringComparer.Ordinal)], d.Priority, d.WorkspaceVersion)
                    {
                        Money = RecordedDecision.MoneyOf(d.Actions),
                    };
                }
            }
            catch (JsonException)
            {
                // fall back to the trace
            }
        }

        return first?.Decision is { } t ? new RecordedDecision(t.Route, [], first.Signals?.Priority ?? c.Priority, first.WorkspaceVersion) : null;
    }
}

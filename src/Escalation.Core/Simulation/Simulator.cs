using Escalation.Core.Decisions;
using Escalation.Core.Knowledge;
using Escalation.Core.Pipelines;
using Escalation.Core.Sensitive;
using Escalation.Core.Tickets;

namespace Escalation.Core.Simulation;

/// <summary>
/// What-if: decides past cases again with a candidate workspace and compares each with its baseline — the same cases
/// decided with a baseline workspace, or, without one, the decision on record. Deterministic: every case is decided as
/// of its own decision instant with the embedded reading and the composer (no model, no clock, no I/O).
/// </summary>
public sealed class Simulator
{
    private readonly CasePipelines _pipelines;

    public Simulator(CaseDetector detect) => _pipelines = new CasePipelines(detect, new ComposerDraftWriter());

    /// <summary>
    /// Replays <paramref name="cases"/>. <paramref name="baseline"/> null: each case's recorded decision is its baseline (a
    /// case without one is skipped, saying so). <paramref name="progress"/> hears the number of cases done.
    /// </summary>
    public SimulationReport Run(IEnumerable<SimulatedCase> cases, Workspace candidate, Workspace? baseline = null, IProgress<int>? progress = null)
    {
        var done = 0;
        return SimulationReport.From(candidate.Version, baseline?.Version, cases.Select(c =>
        {
            var compared = Compare(c, candidate, baseline);
            progress?.Report(++done);
            return compared;
        }));
    }

    /// <summary>
    /// One case decided with <paramref name="candidate"/> and compared with its baseline: <paramref name="baseline"/>'s
    /// decision, or the one on record when that is null. Skipped (saying why) when there is nothing to compare with or the
    /// submission no longer reads as a case.
    /// </summary>
    public CaseComparison Compare(SimulatedCase c, Workspace candidate, Workspace? baseline = null)
    {
        try
        {
            var before = baseline is null ? c.Recorded : Decide(baseline, c);
            return before is null
                ? CaseComparison.Skip(c, "no recorded decision and no baseline workspace")
                : new CaseComparison(c.Id, c.Ticket.TicketId, c.ReviewOutcome, c.AuditUrl, before, Decide(candidate, c));
        }
        catch (CaseInputException ex)
        {
            return CaseComparison.Skip(c, ex.Message);
        }
    }

    private RecordedDecision Decide(Workspace ws, SimulatedCase c)
    {
        var decision = _pipelines.Decide(c.Ticket, ws, c.DecidedAt);
        return new RecordedDecision(decision.Route, [.. decision.Reasons.Select(r => r.Code).Distinct(StringComparer.Ordinal)], decision.Priority, ws.Version)
        {
            Money = RecordedDecision.MoneyOf(decision.Actions),
        };
    }
}

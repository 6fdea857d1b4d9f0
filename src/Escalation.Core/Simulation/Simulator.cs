using Escalation.Core.Decisions;
using Escalation.Core.Escalations;
using Escalation.Core.Knowledge;
using Escalation.Core.Sensitive;
using Escalation.Core.Tickets;

namespace Escalation.Core.Simulation;

/// <summary>
/// What-if: decides past cases again with a candidate workspace and compares each with its baseline — the same cases
/// decided with a baseline workspace, or, without one, the decision on record. Deterministic: every case is decided as
/// of its own decision instant with the embedded reading and the composer (no model, no clock, no I/O).
/// </summary>
public sealed class Simulator(CaseDetector detect)
{
    private readonly IDraftWriter _writer = new ComposerDraftWriter();

    /// <summary>
    /// Replays <paramref name="cases"/>. <paramref name="baseline"/> null: each case's recorded decision is its baseline (a
    /// case without one is skipped, saying so). <paramref name="progress"/> hears the number of cases done.
    /// </summary>
    public SimulationReport Run(IEnumerable<SimulatedCase> cases, Workspace candidate, Workspace? baseline = null, IProgress<int>? progress = null)
    {
        var sensitive = new SensitiveCasePipeline(detect, _writer);
        var escalation = new EscalationCasePipeline(detect, _writer);
        RecordedDecision Decide(Workspace ws, SimulatedCase c)
        {
            var decision = c.Ticket.ResolvedKind == CaseKind.Escalation
                ? escalation.Run(c.Ticket, ws, c.DecidedAt).Decision
                : sensitive.Run(c.Ticket, ws, c.DecidedAt).Decision;
            return new RecordedDecision(decision.Route, [.. decision.Reasons.Select(r => r.Code).Distinct(StringComparer.Ordinal)], decision.Priority, ws.Version)
            {
                Money = RecordedDecision.MoneyOf(decision.Actions),
            };
        }

        var report = new SimulationReport.Builder(candidate.Version, baseline?.Version);
        var done = 0;
        foreach (var c in cases)
        {
            try
            {
                var before = baseline is null ? c.Recorded : Decide(baseline, c);
                if (before is null)
                {
                    report.Skip(c.Id, "no recorded decision and no baseline workspace");
                }
                else
                {
                    report.Add(c, before, Decide(candidate, c));
                }
            }
            catch (CaseInputException ex)
            {
                report.Skip(c.Id, ex.Message);
            }

            progress?.Report(++done);
        }

        return report.Build();
    }
}

using System.Diagnostics;
using Escalation.Core.Decisions;
using Escalation.Core.Simulation;

namespace Escalation.Bench;

/// <summary>
/// What-if replay speed on one thread: the sample tickets, each with its decision on record, decided again with a
/// candidate workspace and compared (the default <c>simulate</c> mode), and with an explicit baseline workspace as well
/// (two decisions per case). Only the comparison is timed: reading the stored cases is the store's cost.
/// </summary>
public static class BenchSimulation
{
    public sealed record Result(long Cases, TimeSpan Elapsed, long WithBaselineCases, TimeSpan WithBaselineElapsed)
    {
        public double PerSecond => Cases / Elapsed.TotalSeconds;

        public double WithBaselinePerSecond => WithBaselineCases / WithBaselineElapsed.TotalSeconds;
    }

    public static Result Run(BenchSamples samples, TimeSpan measure)
    {
        var simulator = new Simulator(CaseDetectors.Embedded);
        var cases = samples.Tickets.Select(t =>
        {
            var recorded = samples.Decide(t.Ticket);
            return new SimulatedCase(t.File, t.Ticket, BenchSamples.EvaluationInstant,
                new RecordedDecision(recorded.Route, [.. recorded.Reasons.Select(r => r.Code)], recorded.Priority, samples.Workspace.Version),
                AuditUrl: "/api/audit/" + t.File);
        }).ToArray();

        var recordedBaseline = Measure(() => simulator.Compare(Fresh(cases[0]), samples.Workspace), cases, c => simulator.Compare(Fresh(c), samples.Workspace), measure);
        var twoWorkspaces = Measure(() => simulator.Compare(Fresh(cases[0]), samples.Workspace, samples.Workspace), cases, c => simulator.Compare(Fresh(c), samples.Workspace, samples.Workspace), measure);
        return new Result(recordedBaseline.Cases, recordedBaseline.Elapsed, twoWorkspaces.Cases, twoWorkspaces.Elapsed);
    }

    /// <summary>A new ticket instance per replay, as every stored case is read afresh: nothing computed earlier is reused.</summary>
    private static SimulatedCase Fresh(SimulatedCase c) => c with { Ticket = c.Ticket with { } };

    private static (long Cases, TimeSpan Elapsed) Measure(Action warm, SimulatedCase[] cases, Func<SimulatedCase, CaseComparison> compare, TimeSpan measure)
    {
        // Warm up as long as the measurement, for the tiered JIT (see BenchPipeline).
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < measure)
        {
            warm();
            foreach (var c in cases)
            {
                compare(c);
            }
        }

        long count = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < measure)
        {
            foreach (var c in cases)
            {
                compare(c);
                count++;
            }
        }

        return (count, clock.Elapsed);
    }
}

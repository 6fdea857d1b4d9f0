using Escalation.Core.Knowledge;
using Escalation.Core.Tickets;

namespace Escalation.Core.Workflow;

/// <summary>What a pipeline stage works from besides the case's state: the ticket, the workspace and the decision instant.</summary>
public readonly record struct StageContext(CaseSubmission Ticket, Workspace Workspace, DateTimeOffset Now, CancellationToken CancellationToken = default);

/// <summary>
/// One stage of a case pipeline, defined in one place: the activity that runs it in the orchestration, the name the
/// status and the trace show, whether a state already holds its result, and the step itself over the pipeline's
/// <typeparamref name="TSteps"/>. The in-memory pipelines, the activities, the embedded engine's registry and the
/// orchestrator all read the same list (<see cref="Sensitive.SensitiveCaseSteps.Stages"/>,
/// <see cref="Escalations.EscalationCaseSteps.Stages"/>); a host that binds activities by attribute (Azure Functions)
/// has one trigger per stage, which a test checks against the list.
/// </summary>
public sealed record PipelineStage<TSteps, TState>(
    string Activity, string TraceName, Func<TState, bool> Done, Func<TSteps, TState, StageContext, ValueTask<TState>> Run);

/// <summary>Running a list of <see cref="PipelineStage{TSteps, TState}"/>.</summary>
public static class PipelineStages
{
    /// <summary>Every stage in order, awaiting each.</summary>
    public static async ValueTask<TState> RunAllAsync<TSteps, TState>(
        IReadOnlyList<PipelineStage<TSteps, TState>> stages, TSteps steps, TState state, StageContext context)
    {
        foreach (var stage in stages)
        {
            state = await stage.Run(steps, state, context).ConfigureAwait(false);
        }

        return state;
    }

    /// <summary>
    /// Every stage in order, each of which must complete synchronously (<see cref="Decisions.SynchronousSteps"/>): a
    /// stage that would wait on a chat model throws <see cref="Decisions.PendingStepException"/> instead of blocking.
    /// </summary>
    public static TState RunAll<TSteps, TState>(IReadOnlyList<PipelineStage<TSteps, TState>> stages, TSteps steps, TState state, StageContext context, string pipeline)
    {
        foreach (var stage in stages)
        {
            state = Decisions.SynchronousSteps.Completed(stage.Run(steps, state, context), pipeline);
        }

        return state;
    }

    /// <summary>
    /// Runs the stage of <paramref name="activity"/> on <paramref name="state"/>, first running the earlier stages whose
    /// results the state lacks (lost with a restart, or a decided case's stored state; the stages are deterministic, so
    /// running one again gives the same result). Once one earlier stage runs, every stage after it runs too: their
    /// results were computed from what it replaces.
    /// </summary>
    public static async ValueTask<TState> RunThroughAsync<TSteps, TState>(
        IReadOnlyList<PipelineStage<TSteps, TState>> stages, string activity, TSteps steps, TState state, StageContext context)
    {
        var recompute = false;
        foreach (var stage in stages)
        {
            if (stage.Activity == activity)
            {
                return await stage.Run(steps, state, context).ConfigureAwait(false);
            }

            recompute = recompute || !stage.Done(state);
            if (recompute)
            {
                state = await stage.Run(steps, state, context).ConfigureAwait(false);
            }
        }

        throw new ArgumentException($"'{activity}' is not a stage of this pipeline.", nameof(activity));
    }
}

using Escalation.Core.Escalations;
using Escalation.Core.Sensitive;
using Escalation.Core.Workflow;

namespace Escalation.Core.Tests.Workflow;

public sealed class PipelineStagesTests
{
    // A pipeline of three stages over a state that records which stages produced a result.
    private sealed record State(IReadOnlyList<string> Results);

    private sealed class Steps
    {
        public List<string> Ran { get; } = [];

        public ValueTask<State> Run(string name, State state)
        {
            Ran.Add(name);
            return new(new State([.. state.Results.Where(r => r != name), name]));
        }
    }

    private static readonly IReadOnlyList<PipelineStage<Steps, State>> Abc =
    [
        new("A", "a", s => s.Results.Contains("A"), (steps, s, _) => steps.Run("A", s)),
        new("B", "b", s => s.Results.Contains("B"), (steps, s, _) => steps.Run("B", s)),
        new("C", "c", s => s.Results.Contains("C"), (steps, s, _) => steps.Run("C", s)),
    ];

    private static StageContext Context => new(null!, null!, DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task RunThroughAsync_EarlierResultsKept_RunsOnlyTheStageAsked()
    {
        var steps = new Steps();

        await PipelineStages.RunThroughAsync(Abc, "C", steps, new State(["A", "B"]), Context);

        Assert.Equal(["C"], steps.Ran);
    }

    [Fact]
    public async Task RunThroughAsync_EarlierResultLost_RecomputesItAndEveryStageAfterIt()
    {
        var steps = new Steps();

        // B's result is there but was computed from the A that was lost: it is computed again too.
        var state = await PipelineStages.RunThroughAsync(Abc, "C", steps, new State(["B"]), Context);

        Assert.Equal(["A", "B", "C"], steps.Ran);
        Assert.Equal(["A", "B", "C"], state.Results);
    }

    [Fact]
    public async Task RunThroughAsync_UnknownActivity_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(async () => await PipelineStages.RunThroughAsync(Abc, "Z", new Steps(), new State([]), Context));
    }

    [Fact]
    public void RunAll_EveryStageInOrder()
    {
        var steps = new Steps();

        PipelineStages.RunAll(Abc, steps, new State([]), Context, "test");

        Assert.Equal(["A", "B", "C"], steps.Ran);
    }

    [Fact]
    public void StageNames_AreTheStagesTheStatusAndTraceShow()
    {
        Assert.Equal(["detect", "retrieve-policy", "draft", "tone-check", "route"], SensitiveCaseSteps.Stages.Select(s => s.TraceName));
        Assert.Equal(["receive", "gather-context", "apply-policy", "resolve-or-escalate", "document"], EscalationCaseSteps.Stages.Select(s => s.TraceName));
        Assert.Equal(SensitiveCaseSteps.Stages.Select(s => s.TraceName), CaseActivityNames.SensitiveStages.Select(CaseActivityNames.StageName));
        Assert.Equal(EscalationCaseSteps.Stages.Select(s => s.TraceName), CaseActivityNames.EscalationStages.Select(CaseActivityNames.StageName));
    }

    [Fact]
    public void StageNames_ActivityNamesUnchanged_SoWaitingInstancesReplay()
    {
        // Durable histories name these activities: a rename would break every case waiting for review.
        Assert.Equal(["Detect", "RetrievePolicy", "Draft", "ToneCheck", "Route"], CaseActivityNames.SensitiveStages);
        Assert.Equal(["Receive", "GatherContext", "ApplyPolicy", "ResolveOrEscalate", "Document"], CaseActivityNames.EscalationStages);
    }
}

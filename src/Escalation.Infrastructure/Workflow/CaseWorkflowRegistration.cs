using Escalation.Core.Workflow;

namespace Escalation.Infrastructure.Workflow;

/// <summary>Binds the case orchestrator and every activity name to the embedded engine's registry.</summary>
public static class CaseWorkflowRegistration
{
    public static WorkflowRegistry AddCaseWorkflow(this WorkflowRegistry registry, ICaseActivities activities)
    {
        registry.AddOrchestrator<CaseWorkflowInput, CaseOutcome>(CaseWorkflow.Name, CaseWorkflow.RunAsync);
        // Every stage but the last keeps its working state in memory and changes nothing else: after a crash the next
        // stage recomputes it from the stored submission, so the engine need not wait for the disk to record it. The last
        // stage stores the state and the decision, which callers are answered from: its result is recorded durably.
        foreach (var stages in new[] { CaseActivityNames.SensitiveStages, CaseActivityNames.EscalationStages })
        {
            foreach (var stage in stages)
            {
                registry.AddActivity<StageInput, StageSummary>(stage, (input, ct) => activities.RunStageAsync(stage, input, ct), recomputable: stage != stages[^1]);
            }
        }

        return registry
            .AddActivity<WriteTraceInput, string>(CaseActivityNames.WriteTrace, activities.WriteTraceAsync)
            .AddActivity<NotifyReviewersInput, bool>(CaseActivityNames.NotifyReviewers, activities.NotifyReviewersAsync)
            .AddActivity<DeliverReplyInput, DeliveryResult>(CaseActivityNames.DeliverReply, activities.DeliverReplyAsync)
            .AddActivity<RecordOutcomeInput, bool>(CaseActivityNames.RecordOutcome, activities.RecordOutcomeAsync);
    }
}

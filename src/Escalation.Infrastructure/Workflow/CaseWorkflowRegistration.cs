using Escalation.Core.Workflow;

namespace Escalation.Infrastructure.Workflow;

/// <summary>Binds the case orchestrator and every activity name to the embedded engine's registry.</summary>
public static class CaseWorkflowRegistration
{
    public static WorkflowRegistry AddCaseWorkflow(this WorkflowRegistry registry, ICaseActivities activities)
    {
        registry.AddOrchestrator<CaseWorkflowInput, CaseOutcome>(CaseWorkflow.Name, CaseWorkflow.RunAsync);
        foreach (var stage in CaseActivityNames.SensitiveStages.Concat(CaseActivityNames.EscalationStages))
        {
            registry.AddActivity<StageInput, StageSummary>(stage, (input, ct) => activities.RunStageAsync(stage, input, ct));
        }

        return registry
            .AddActivity<WriteTraceInput, string>(CaseActivityNames.WriteTrace, activities.WriteTraceAsync)
            .AddActivity<NotifyReviewersInput, bool>(CaseActivityNames.NotifyReviewers, activities.NotifyReviewersAsync)
            .AddActivity<DeliverReplyInput, DeliveryResult>(CaseActivityNames.DeliverReply, activities.DeliverReplyAsync)
            .AddActivity<RecordOutcomeInput, bool>(CaseActivityNames.RecordOutcome, activities.RecordOutcomeAsync);
    }
}

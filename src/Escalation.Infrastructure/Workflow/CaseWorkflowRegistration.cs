using Escalation.Core.Workflow;

namespace Escalation.Infrastructure.Workflow;

/// <summary>Binds the case orchestrator and every activity name to the embedded engine's registry.</summary>
public static class CaseWorkflowRegistration
{
    public static WorkflowRegistry AddCaseWorkflow(this WorkflowRegistry registry, ICaseActivities activities)
    {
        registry.AddOrchestrator<CaseWorkflowInput, CaseOutcome>(CaseWorkflow.Name, CaseWorkflow.RunAsync, CaseWorkflow.Version);
        // What the engine need not wait for the disk to record (see WorkflowRegistry.AddActivity): every stage but the last
        // keeps its working state in memory, and the next stage recomputes it after a crash; the activities after the
        // decision store what they do together with a record that it was done (a trace and its marker, a callback and its
        // marker, emails by idempotency key, the index's fields), so running one again returns what the first run did.
        // The last stage is recorded durably: the time of its result is the decision time the SLA deadline counts from.
        foreach (var stages in new[] { CaseActivityNames.SensitiveStages, CaseActivityNames.EscalationStages })
        {
            foreach (var stage in stages)
            {
                registry.AddActivity<StageInput, StageSummary>(stage, (input, ct) => activities.RunStageAsync(stage, input, ct), recomputable: stage != stages[^1]);
            }
        }

        return registry
            .AddActivity<WriteTraceInput, string>(CaseActivityNames.WriteTrace, activities.WriteTraceAsync, recomputable: true)
            .AddActivity<NotifyReviewersInput, bool>(CaseActivityNames.NotifyReviewers, activities.NotifyReviewersAsync, recomputable: true)
            .AddActivity<DeliverReplyInput, DeliveryResult>(CaseActivityNames.DeliverReply, activities.DeliverReplyAsync, recomputable: true)
            .AddActivity<RecordOutcomeInput, bool>(CaseActivityNames.RecordOutcome, activities.RecordOutcomeAsync, recomputable: true)
            .AddActivity<ReviewTimeoutInput, ReviewDecision?>(CaseActivityNames.ClaimReviewTimeout, activities.ClaimReviewTimeoutAsync, recomputable: true)
            .AddActivity<NeedsAttentionInput, bool>(CaseActivityNames.MarkNeedsAttention, activities.MarkNeedsAttentionAsync, recomputable: true)
            // Each executed action is marked done under its idempotency key before the activity returns; run again, it
            // skips those and repeats the rest with the same keys.
            .AddActivity<ExecuteActionsInput, ActionsOutcome>(CaseActivityNames.ExecuteActions, activities.ExecuteActionsAsync, recomputable: true);
    }
}

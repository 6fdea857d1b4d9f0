using Escalation.Core.Workflow;
using Microsoft.Azure.Functions.Worker;

namespace Escalation.Functions.Orchestration;

/// <summary>One activity function per pipeline stage and side effect, each a single call into <see cref="ICaseActivities"/>.</summary>
public sealed class CaseActivityFunctions(ICaseActivities activities)
{
    [Function(CaseActivityNames.Detect)]
    public Task<StageSummary> Detect([ActivityTrigger] StageInput input) => activities.RunStageAsync(CaseActivityNames.Detect, input);

    [Function(CaseActivityNames.RetrievePolicy)]
    public Task<StageSummary> RetrievePolicy([ActivityTrigger] StageInput input) => activities.RunStageAsync(CaseActivityNames.RetrievePolicy, input);

    [Function(CaseActivityNames.Draft)]
    public Task<StageSummary> Draft([ActivityTrigger] StageInput input) => activities.RunStageAsync(CaseActivityNames.Draft, input);

    [Function(CaseActivityNames.ToneCheck)]
    public Task<StageSummary> ToneCheck([ActivityTrigger] StageInput input) => activities.RunStageAsync(CaseActivityNames.ToneCheck, input);

    [Function(CaseActivityNames.Route)]
    public Task<StageSummary> Route([ActivityTrigger] StageInput input) => activities.RunStageAsync(CaseActivityNames.Route, input);

    [Function(CaseActivityNames.Receive)]
    public Task<StageSummary> Receive([ActivityTrigger] StageInput input) => activities.RunStageAsync(CaseActivityNames.Receive, input);

    [Function(CaseActivityNames.GatherContext)]
    public Task<StageSummary> GatherContext([ActivityTrigger] StageInput input) => activities.RunStageAsync(CaseActivityNames.GatherContext, input);

    [Function(CaseActivityNames.ApplyPolicy)]
    public Task<StageSummary> ApplyPolicy([ActivityTrigger] StageInput input) => activities.RunStageAsync(CaseActivityNames.ApplyPolicy, input);

    [Function(CaseActivityNames.ResolveOrEscalate)]
    public Task<StageSummary> ResolveOrEscalate([ActivityTrigger] StageInput input) => activities.RunStageAsync(CaseActivityNames.ResolveOrEscalate, input);

    [Function(CaseActivityNames.Document)]
    public Task<StageSummary> Document([ActivityTrigger] StageInput input) => activities.RunStageAsync(CaseActivityNames.Document, input);

    [Function(CaseActivityNames.WriteTrace)]
    public Task<string> WriteTrace([ActivityTrigger] WriteTraceInput input) => activities.WriteTraceAsync(input);

    [Function(CaseActivityNames.NotifyReviewers)]
    public Task<bool> NotifyReviewers([ActivityTrigger] NotifyReviewersInput input) => activities.NotifyReviewersAsync(input);

    [Function(CaseActivityNames.DeliverReply)]
    public Task<DeliveryResult> DeliverReply([ActivityTrigger] DeliverReplyInput input) => activities.DeliverReplyAsync(input);

    [Function(CaseActivityNames.RecordOutcome)]
    public Task<bool> RecordOutcome([ActivityTrigger] RecordOutcomeInput input) => activities.RecordOutcomeAsync(input);

    [Function(CaseActivityNames.ClaimReviewTimeout)]
    public Task<ReviewDecision?> ClaimReviewTimeout([ActivityTrigger] ReviewTimeoutInput input) => activities.ClaimReviewTimeoutAsync(input);

    [Function(CaseActivityNames.ExecuteActions)]
    public Task<ActionsOutcome> ExecuteActions([ActivityTrigger] ExecuteActionsInput input) => activities.ExecuteActionsAsync(input);

    [Function(CaseActivityNames.MarkNeedsAttention)]
    public Task<bool> MarkNeedsAttention([ActivityTrigger] NeedsAttentionInput input) => activities.MarkNeedsAttentionAsync(input);
}

using Escalation.Core.Decisions;
using Escalation.Core.Tracing;

namespace Escalation.Core.Workflow;

/// <summary>
/// One orchestration per case. Runs each pipeline stage as an activity, then acts on the route:
/// send, escalate, or wait for a reviewer until the SLA deadline. Deterministic: clock, ids and waits come
/// from the context; payloads are ids and short summaries.
/// </summary>
public static class CaseWorkflow
{
    /// <summary>Orchestrator name.</summary>
    public const string Name = "CaseOrchestrator";

    /// <summary>
    /// The version new cases start with (see <see cref="WorkflowVersions"/> for how to change the sequence safely).
    /// host.json's <c>extensions.durableTask.defaultVersion</c> is the same value; a test keeps them equal.
    /// </summary>
    public const string Version = "2";

    /// <summary>The version from which a decision's actions are executed (ExecuteActions) before the reply is sent.</summary>
    public const int ActionsVersion = 2;

    /// <summary>
    /// The version from which the SLA timer claims the case (ClaimReviewTimeout) before escalating, so a reviewer's late
    /// decision is refused instead of dropped. Instances from before versions were recorded (read as 1) never scheduled
    /// it; they escalate at the deadline as they did.
    /// </summary>
    public const int ReviewClaimsVersion = 2;

    /// <summary>The external event a review raises.</summary>
    public const string ReviewDecisionEvent = "ReviewDecision";

    /// <summary>The external event that makes a case waiting as needs-attention try again now.</summary>
    public const string ResumeEvent = "Resume";

    private static readonly ActivityRetry StageRetry = new(3, TimeSpan.FromSeconds(1));
    // A fault that outlasts these retries does not fail the case: it waits as needs-attention (see CaseRun).
    private static readonly ActivityRetry DeliveryRetry = new(4, TimeSpan.FromSeconds(2));

    public static async Task<CaseOutcome> RunAsync(IWorkflowContext context, CaseWorkflowInput input)
    {
        var caseId = input.CaseId;
        var run = new CaseRun(context, caseId);
        var stages = input.Kind == Tickets.CaseKindNames.Escalation ? CaseActivityNames.EscalationStages : CaseActivityNames.SensitiveStages;
        StageSummary decision = new() { Stage = CaseStatuses.Received };
        foreach (var stage in stages)
        {
            run.SetStatus(new CaseProgress(CaseActivityNames.StageName(stage), null, decision.Priority, null));
            var summary = await run.CallAsync<StageSummary>(stage, new StageInput(caseId), StageRetry);
            decision = summary with { Priority = summary.Priority ?? decision.Priority, Route = summary.Route ?? decision.Route };
        }

        var route = decision.Route ?? Routes.Escalate;
        var now = context.CurrentUtcDateTime;
        var withActions = decision.Actions > 0 && WorkflowVersions.IsAtLeast(context.Version, ActionsVersion);
        switch (route)
        {
            case Routes.DraftAndSend:
            case Routes.ResolveInPlace:
                // Execute, then send the reply that says what was done; an action that failed sends the case to review instead.
                if (!withActions || (await run.CallAsync<ActionsOutcome>(CaseActivityNames.ExecuteActions,
                        new ExecuteActionsInput(caseId, null, now), DeliveryRetry)).Succeeded)
                {
                    return await FinishAsync(context, run, caseId, CaseFinish.Sent(route, ReplyArtifacts.Draft));
                }

                break;
            case Routes.ReturnToTierOne:
                return await FinishAsync(context, run, caseId, CaseFinish.ReturnedToTierOne(route));
            case Routes.DraftForReview:
                break;
            default:
                await run.CallAsync<bool>(CaseActivityNames.NotifyReviewers,
                    new NotifyReviewersInput(caseId, ReviewerQueues.Senior, NotificationReasons.Escalated, null, $"{caseId}:notify:escalate"), DeliveryRetry);
                return await FinishAsync(context, run, caseId, CaseFinish.Escalated());
        }

        // draft-for-review: trace the decision, notify reviewers, wait for a decision until the SLA deadline.
        var deadline = now.AddHours(decision.ReviewSlaHours ?? 24);
        var queue = decision.ReviewQueue ?? ReviewerQueues.Standard;
        var traceId = await run.CallAsync<string>(CaseActivityNames.WriteTrace, new WriteTraceInput(caseId, TraceRecordKinds.Decision, TraceActors.Agent, null, now), StageRetry);
        await run.CallAsync<bool>(CaseActivityNames.RecordOutcome,
            new RecordOutcomeInput(caseId, CaseStatuses.AwaitingReview, route, traceId, deadline, now), StageRetry);
        await run.CallAsync<bool>(CaseActivityNames.NotifyReviewers,
            new NotifyReviewersInput(caseId, queue, NotificationReasons.Review, deadline, $"{caseId}:notify:review"), DeliveryRetry);
        await run.CallAsync<DeliveryResult>(CaseActivityNames.DeliverReply,
            new DeliverReplyInput(caseId, DeliveryEvents.AwaitingReview, null, AwaitingReviewDeliveryKey(caseId)), DeliveryRetry);
        run.SetStatus(new CaseProgress(CaseStatuses.AwaitingReview, route, decision.Priority, deadline));

        var review = await context.WaitForExternalEventAsync<ReviewDecision>(ReviewDecisionEvent, deadline);
        var r = review.Payload;
        if ((review.TimedOut || r is null) && WorkflowVersions.IsAtLeast(context.Version, ReviewClaimsVersion))
        {
            // A reviewer may have claimed the case just before the deadline, their event still on its way: theirs holds.
            r = await run.CallAsync<ReviewDecision?>(CaseActivityNames.ClaimReviewTimeout, new ReviewTimeoutInput(caseId, deadline), StageRetry);
        }

        if (r is null)
        {
            await run.CallAsync<bool>(CaseActivityNames.NotifyReviewers,
                new NotifyReviewersInput(caseId, ReviewerQueues.Senior, NotificationReasons.SlaTimeout, null, $"{caseId}:notify:sla-timeout"), DeliveryRetry);
            return await FinishAsync(context, run, caseId, CaseFinish.Escalated(slaTimedOutAt: deadline));
        }

        if (withActions && r.Action is ReviewActions.Approve or ReviewActions.Edit)
        {
            var executed = await run.CallAsync<ActionsOutcome>(CaseActivityNames.ExecuteActions, new ExecuteActionsInput(caseId, r, context.CurrentUtcDateTime), DeliveryRetry);
            if (!executed.Succeeded)
            {
                // Approved, but an action failed: no reply claims it; a senior human takes the case with the failure on it.
                await run.CallAsync<bool>(CaseActivityNames.NotifyReviewers,
                    new NotifyReviewersInput(caseId, ReviewerQueues.Senior, NotificationReasons.ActionFailed, null, $"{caseId}:notify:action-failed"), DeliveryRetry);
                return await FinishAsync(context, run, caseId, CaseFinish.Escalated(r));
            }
        }

        switch (r.Action)
        {
            case ReviewActions.Approve:
                return await FinishAsync(context, run, caseId, CaseFinish.Sent(route, ReplyArtifacts.Draft, r));
            case ReviewActions.Edit:
                return await FinishAsync(context, run, caseId, CaseFinish.Sent(route, r.EditedReplyArtifact ?? ReplyArtifacts.Draft, r));
            case ReviewActions.Reject:
                return await FinishAsync(context, run, caseId, CaseFinish.Rejected(route, r));
            default:
                await run.CallAsync<bool>(CaseActivityNames.NotifyReviewers,
                    new NotifyReviewersInput(caseId, ReviewerQueues.Senior, NotificationReasons.ReviewerEscalated, null, $"{caseId}:notify:reviewer-escalated"), DeliveryRetry);
                return await FinishAsync(context, run, caseId, CaseFinish.Escalated(r));
        }
    }

    /// <summary>The idempotency key of the help-desk callback for <paramref name="deliveryEvent"/> after the trace record <paramref name="record"/>.</summary>
    public static string DeliveryKey(string caseId, string record, string deliveryEvent) => $"{caseId}:deliver:{record}:{deliveryEvent}";

    /// <summary>The idempotency key of the callback that tells the help desk the case waits for a reviewer.</summary>
    public static string AwaitingReviewDeliveryKey(string caseId) => $"{caseId}:deliver:awaiting-review";

    private static async Task<CaseOutcome> FinishAsync(IWorkflowContext context, CaseRun run, string caseId, CaseFinish finish)
    {
        var now = context.CurrentUtcDateTime;
        await run.CallAsync<DeliveryResult>(CaseActivityNames.DeliverReply,
            new DeliverReplyInput(caseId, finish.DeliveryEvent, finish.ReplyArtifact, DeliveryKey(caseId, finish.Record, finish.DeliveryEvent)), DeliveryRetry);
        var traceId = await run.CallAsync<string>(CaseActivityNames.WriteTrace,
            new WriteTraceInput(caseId, finish.Record, finish.Actor, finish.Review, now, finish.ReplyArtifact), StageRetry);
        await run.CallAsync<bool>(CaseActivityNames.RecordOutcome,
            new RecordOutcomeInput(caseId, finish.Status, finish.Route, traceId, finish.SlaDeadline, now, finish.ReviewOutcome, finish.Review?.Reviewer), StageRetry);
        run.SetStatus(new CaseProgress(CaseProgress.Done, finish.Route, null, null));
        return new CaseOutcome(caseId, finish.Status, finish.Route, traceId);
    }
}

using Escalation.Api.Html;
using Escalation.Api.Links;
using Escalation.Api.Views;
using Escalation.Core.Actions;
using Escalation.Core.Decisions;
using Escalation.Core.Escalations;
using Escalation.Core.Notifications;
using Escalation.Core.Privacy;
using Escalation.Core.Sensitive;
using Escalation.Core.Storage;
using Escalation.Core.Tickets;
using Escalation.Core.Tracing;
using Escalation.Core.Workflow;
using Escalation.Core.Knowledge;

namespace Escalation.Api.Cases;

/// <summary>
/// The activities of the case orchestration: each pipeline stage reads the case's stored state, runs, and stores
/// what it found; side effects (trace, email, help-desk callback) carry idempotency keys so a re-run after a
/// crash does not repeat them.
/// </summary>
public sealed partial class CaseActivities(
    Func<Workspace> workspace,
    SensitiveCaseSteps sensitive,
    EscalationCaseSteps escalation,
    CaseArtifacts artifacts,
    ICaseIndex index,
    ITraceStore traces,
    IEmailSender email,
    IHelpDeskCallback callback,
    ReviewLinkSigner links,
    CaseServiceOptions options,
    TimeProvider time,
    ReviewClaims? reviewClaims = null,
    IActionPort? actionPort = null,
    ICaseKeyStore? keys = null) : ICaseActivities
{
    public async Task<StageSummary> RunStageAsync(string stage, StageInput input, CancellationToken cancellationToken = default)
    {
        var submission = await artifacts.SubmissionAsync(input.CaseId, cancellationToken).ConfigureAwait(false);
        var ws = workspace();
        var ticket = submission.Submission;
        var now = submission.ReceivedAt;
        CaseDecision? decision;
        string? priority;
        Task stored;
        var context = new StageContext(ticket, ws, now, cancellationToken);
        if (CaseActivityNames.SensitiveStages.Contains(stage))
        {
            var state = await artifacts.GetAsync<SensitiveCaseState>(input.CaseId, CaseArtifacts.State, cancellationToken).ConfigureAwait(false) ?? new SensitiveCaseState();
            // detect (model reading), draft, tone-check and route may call a chat model: awaited, never blocked on.
            state = await PipelineStages.RunThroughAsync(SensitiveCaseSteps.Stages, stage, sensitive, state, context).ConfigureAwait(false);
            var last = stage == CaseActivityNames.SensitiveStages[^1];
            stored = artifacts.PutWorkingStateAsync(input.CaseId, last ? ReadAfterDecision(state) : state, last, cancellationToken);
            (decision, priority) = (state.Decision, state.Signals?.Priority);
        }
        else
        {
            var state = await artifacts.GetAsync<EscalationCaseState>(input.CaseId, CaseArtifacts.State, cancellationToken).ConfigureAwait(false) ?? new EscalationCaseState();
            state = await PipelineStages.RunThroughAsync(EscalationCaseSteps.Stages, stage, escalation, state, context).ConfigureAwait(false);
            var last = stage == CaseActivityNames.EscalationStages[^1];
            stored = artifacts.PutWorkingStateAsync(input.CaseId, last ? ReadAfterDecision(state) : state, last, cancellationToken);
            (decision, priority) = (state.Decision, state.Signals?.Priority);
        }

        var name = CaseActivityNames.StageName(stage);
        if (decision is null)
        {
            await stored.ConfigureAwait(false);
            return new StageSummary { Stage = name, Summary = $"{name} done", Priority = priority };
        }

        // The last stage's state and the decision are written together: one wait for the disk instead of two.
        await Task.WhenAll(stored, artifacts.PutAsync(input.CaseId, CaseArtifacts.Decision, decision, cancellationToken)).ConfigureAwait(false);
        return new StageSummary
        {
            Stage = name,
            Summary = $"{decision.Route} ({decision.Priority})",
            Route = decision.Route,
            Priority = decision.Priority,
            ReviewQueue = decision.ReviewerQueue == ReviewerQueues.None ? null : decision.ReviewerQueue,
            ReviewSlaHours = ws.Routing.ReviewSla(decision.Priority).TotalHours,
            Actions = decision.Actions.Count,
            Reasons = decision.Reasons.Select(r => r.Code).Take(8).ToArray(),
        };
    }

    public async Task<string> WriteTraceAsync(WriteTraceInput input, CancellationToken cancellationToken = default)
    {
        var marker = "trace-" + input.Record;
        if (await artifacts.DoneDetailAsync(input.CaseId, marker, cancellationToken).ConfigureAwait(false) is { } written)
        {
            return written;
        }

        var stored = await artifacts.SubmissionAsync(input.CaseId, cancellationToken).ConfigureAwait(false);
        var decision = await artifacts.DecisionAsync(input.CaseId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Case {input.CaseId} has no decision to trace.");
        var facts = await CaseFactsAsync(input.CaseId, cancellationToken).ConfigureAwait(false);
        var ws = workspace();
        var review = input.Review;
        var entries = input.Record == TraceRecordKinds.Decision ? decision.Trace : OutcomeEntries(input, review);
        var (route, reasons) = input.Record switch
        {
            TraceRecordKinds.SlaTimeout => (Routes.Escalate, (IReadOnlyList<string>)["Nobody reviewed the draft before the SLA deadline: escalated to a senior human."]),
            TraceRecordKinds.ReviewOutcome => (ReviewRoute(review, decision.Route), (IReadOnlyList<string>)[ReviewWords(review)]),
            _ => (decision.Route, decision.Reasons.Select(r => r.Text).ToArray()),
        };

        // What was executed (or failed) goes beside what was proposed; an approval whose action failed sent nothing.
        var executed = input.Record == TraceRecordKinds.Decision || review?.Action is ReviewActions.Approve or ReviewActions.Edit
            ? await ExecutedActionsAsync(input.CaseId, cancellationToken).ConfigureAwait(false)
            : [];
        if (executed.Count > 0)
        {
            entries = [.. entries, .. ExecutedEntries(executed)];
            if (input.Record == TraceRecordKinds.ReviewOutcome && executed.Any(x => !x.Executed))
            {
                (route, reasons) = (Routes.Escalate, ["A reviewer approved the draft, but an action failed, so nothing was sent: escalated to a senior human."]);
            }
            else if (input.Record == TraceRecordKinds.Decision && executed.Any(x => !x.Executed))
            {
                reasons = [.. reasons, "An action failed, so the reply was not sent: the case waits for a reviewer."];
            }
        }
        // The hash of exactly the text the help desk was given (the same stored artifact the delivery read).
        var sent = input.SentReplyArtifact is { } artifact ? await artifacts.TextAsync(input.CaseId, artifact, cancellationToken).ConfigureAwait(false) : null;
        var notes = new List<string>();
        if (input.Record == TraceRecordKinds.Decision && decision.InternalNote is { Length: > 0 } note)
        {
            notes.Add(note);
        }

        if (review?.Note is { Length: > 0 } reviewNote)
        {
            notes.Add(reviewNote);
        }

        var trace = new DecisionTrace
        {
            CaseId = input.CaseId,
            Sequence = 0,
            Kind = input.Record,
            TicketId = stored.Submission.TicketId,
            CustomerId = stored.Submission.Customer.Id,
            WorkspaceVersion = decision.WorkspaceVersion,
            Entries = entries,
            Customer = facts.Customer,
            Signals = facts.Signals,
            Policies = decision.Citations.Select(c => new TracePolicyCitation(c, ws.FindPolicy(c.Split('@')[0])?.Title ?? c.Split('@')[0])).ToArray(),
            Precedents = decision.PrecedentIds,
            Playbook = decision.PlaybookId,
            Decision = new TraceDecision(route, reasons),
            InternalNotes = notes,
            SentTextSha256 = sent is null ? null : CaseArtifacts.TextSha256(sent),
            Asks = decision.Asks.Count > 0 ? decision.Asks : null,
            Executed = executed.Where(x => x.Executed).Select(x => new TraceExecutedAction(x.Action.Kind, x.Action.Amount, x.Action.Currency, x.Action.Plan)).ToArray() is { Length: > 0 } done ? done : null,
            Actor = review is null || input.Record == TraceRecordKinds.SlaTimeout ? TraceActor.Agent() : TraceActor.Reviewer(review.Reviewer),
            At = new DateTimeOffset(DateTime.SpecifyKind(input.AtUtc, DateTimeKind.Utc)),
            Model = facts.Model,
        };
        if (keys is not null)
        {
            // What quotes the customer is sealed under the case key before it is hashed into the chain: an erasure
            // destroys the key, and the chain still verifies (docs/privacy.md).
            trace = TraceSealing.Seal(trace, await keys.GetOrCreateAsync(input.CaseId, cancellationToken).ConfigureAwait(false));
        }

        var appended = await traces.AppendAsync(input.CaseId, (seq, prev) => trace with { Sequence = seq, PreviousHash = prev }, cancellationToken).ConfigureAwait(false);
        await artifacts.MarkDoneAsync(input.CaseId, marker, appended.TraceId, cancellationToken).ConfigureAwait(false);
        return appended.TraceId;
    }

    public async Task<bool> NotifyReviewersAsync(NotifyReviewersInput input, CancellationToken cancellationToken = default)
    {
        var stored = await artifacts.SubmissionAsync(input.CaseId, cancellationToken).ConfigureAwait(false);
        var decision = await artifacts.DecisionAsync(input.CaseId, cancellationToken).ConfigureAwait(false);
        var ticket = stored.Submission;
        var recipients = input.Queue == ReviewerQueues.Senior ? options.SeniorReviewers : options.Reviewers;
        // A failed action is why a case that would have been sent waits for a person: the email says so first.
        var failedAction = (await index.GetAsync(input.CaseId, cancellationToken).ConfigureAwait(false))?.Case.Extra.GetValueOrDefault(ActionFailureField);
        var reasons = (failedAction is null ? [] : new[] { failedAction }).Concat(decision?.Reasons.Select(r => r.Text) ?? []).ToArray();
        foreach (var reviewer in recipients)
        {
            var key = $"{input.IdempotencyKey}:{reviewer}";
            EmailMessage message;
            if (input.Reason == NotificationReasons.Review && input.DeadlineUtc is { } deadline)
            {
                var deadlineAt = new DateTimeOffset(DateTime.SpecifyKind(deadline, DateTimeKind.Utc));
                var lifetime = deadlineAt + options.ReviewLinkGrace - time.GetUtcNow();
                var token = links.Issue(input.CaseId, reviewer, LinkPurpose.Review, lifetime > TimeSpan.FromMinutes(5) ? lifetime : TimeSpan.FromMinutes(5));
                message = ReviewEmail.Compose(new ReviewEmailModel
                {
                    To = reviewer,
                    CaseId = input.CaseId,
                    TicketId = ticket.TicketId,
                    Subject = ticket.Subject,
                    CustomerName = ticket.Customer.Name ?? workspace().FindCustomer(ticket.Customer.Id)?.Name,
                    Priority = decision?.Priority,
                    Reasons = reasons,
                    DraftExcerpt = Excerpt(decision?.Draft),
                    SlaDeadline = deadlineAt,
                    ReviewUrl = ReviewLinkSigner.ReviewUrl(options.PublicBaseUrl, input.CaseId, token),
                }) with { IdempotencyKey = key };
            }
            else
            {
                message = HandoffEmail.Compose(reviewer, input.Reason, ticket, decision, CaseUrl(input.CaseId), key);
            }

            await email.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    public async Task<DeliveryResult> DeliverReplyAsync(DeliverReplyInput input, CancellationToken cancellationToken = default)
    {
        try
        {
            return await DeliverAsync(input, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (input.Event == DeliveryEvents.AwaitingReview)
            {
                artifacts.Release(input.CaseId); // the case now waits for a reviewer, maybe for hours: keep nothing of it in memory
            }
        }
    }

    private async Task<DeliveryResult> DeliverAsync(DeliverReplyInput input, CancellationToken cancellationToken)
    {
        if (await artifacts.DoneDetailAsync(input.CaseId, input.IdempotencyKey, cancellationToken).ConfigureAwait(false) is { } done)
        {
            return new DeliveryResult(true, done);
        }

        var stored = await artifacts.SubmissionAsync(input.CaseId, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(stored.Submission.CallbackUrl))
        {
            return new DeliveryResult(false, "the ticket has no callbackUrl; nothing posted");
        }

        var decision = await artifacts.DecisionAsync(input.CaseId, cancellationToken).ConfigureAwait(false);
        var reply = input.ReplyArtifact is null ? null : await artifacts.TextAsync(input.CaseId, input.ReplyArtifact, cancellationToken).ConfigureAwait(false);
        var record = await index.GetAsync(input.CaseId, cancellationToken).ConfigureAwait(false);
        var reasons = decision?.Reasons.Select(r => r.Text).ToList() ?? [];
        IReadOnlyList<ActionInstruction>? actions = null;
        if (input.Event == DeliveryEvents.ReplySent)
        {
            // The reply follows the actions it states: the note lists what was executed, with the same keys.
            var executed = (await ExecutedActionsAsync(input.CaseId, cancellationToken).ConfigureAwait(false)).Where(x => x.Executed).ToArray();
            actions = executed.Length == 0 ? null : executed.Select(x => ActionInstruction.From(new KeyedAction(x.IdempotencyKey, x.Action, x.ProposedAmount), "executed")).ToArray();
        }
        else if (record?.Case.Extra.TryGetValue(ActionFailureField, out var failed) == true)
        {
            reasons.Add(failed);
        }

        var note = new HelpDeskNote
        {
            CaseId = input.CaseId,
            TicketId = stored.Submission.TicketId,
            Event = input.Event,
            Route = decision?.Route,
            Reasons = reasons,
            Actions = actions,
            Draft = reply ?? (input.Event == DeliveryEvents.AwaitingReview ? null : decision?.InternalNote),
            AuditUrl = record?.Case.LatestTraceId is { } traceId ? $"{options.PublicBaseUrl.TrimEnd('/')}/api/audit/{traceId}" : CaseUrl(input.CaseId),
            At = time.GetUtcNow(),
        };
        var result = await callback.NotifyAsync(stored.Submission.CallbackUrl, note, input.IdempotencyKey, cancellationToken).ConfigureAwait(false);
        if (result.Delivered)
        {
            var detail = $"delivered in {result.Attempts} attempt(s), HTTP {result.StatusCode}";
            await artifacts.MarkDoneAsync(input.CaseId, input.IdempotencyKey, detail, cancellationToken).ConfigureAwait(false);
            return new DeliveryResult(true, detail);
        }

        // The case view tells the help desk only that the callback failed: the reason (refused, timed out, HTTP 404) would
        // tell whoever chose the URL what listens where. The callback client logs the reason.
        var shown = $"{input.Event}: not delivered to the callbackUrl (the service log has the reason)";
        await UpdateCaseAsync(input.CaseId, c => c with { Extra = new Dictionary<string, string>(c.Extra) { ["callbackFailure"] = shown } }, cancellationToken).ConfigureAwait(false);
        return new DeliveryResult(false, $"{input.Event}: not delivered after {result.Attempts} attempt(s): {result.FailureReason}");
    }

    public async Task<bool> RecordOutcomeAsync(RecordOutcomeInput input, CancellationToken cancellationToken = default)
    {
        var decision = await artifacts.DecisionAsync(input.CaseId, cancellationToken).ConfigureAwait(false);
        var at = new DateTimeOffset(DateTime.SpecifyKind(input.AtUtc, DateTimeKind.Utc));
        var extra = new Dictionary<string, string>();
        if (input.Status == CaseStatuses.AwaitingReview)
        {
            extra[Core.Metrics.KpiFields.ReviewRequestedAt] = at.ToString("O");
        }

        if (input.ReviewOutcome is { } outcome)
        {
            extra[Core.Metrics.KpiFields.ReviewOutcome] = outcome;
            extra[Core.Metrics.KpiFields.SlaBreached] = outcome == ReviewClaim.SlaTimeoutAction ? "true" : "false";
        }

        if (input.Reviewer is { } reviewer)
        {
            extra[Core.Metrics.KpiFields.Reviewer] = reviewer;
        }

        // What the gap report groups reviewed cases by, kept on the record so the KPI page reads no artifact per case.
        if (decision is not null)
        {
            extra[Core.Metrics.KpiFields.Reasons] = string.Join(' ', decision.Reasons.Select(r => r.Code).Distinct(StringComparer.Ordinal));
            extra[Core.Metrics.KpiFields.Policies] = string.Join(' ', decision.Citations.Select(c => c.Split('#')[0]).Distinct(StringComparer.Ordinal));
            extra[Core.Metrics.KpiFields.Playbook] = decision.PlaybookId ?? "";
            extra[Core.Metrics.KpiFields.Intent] = decision.Intent ?? "";
        }

        await UpdateCaseAsync(input.CaseId, c => c with
        {
            Extra = c.Extra.Concat(extra)
                .Concat(input.Status == CaseStatuses.Sent && !c.Extra.ContainsKey(Core.Metrics.KpiFields.FirstResponseAt)
                    ? [new KeyValuePair<string, string>(Core.Metrics.KpiFields.FirstResponseAt, at.ToString("O"))]
                    : [])
                .GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value),
            Status = input.Status,
            Route = input.Route,
            Priority = decision?.Priority ?? c.Priority,
            LatestTraceId = input.TraceId ?? c.LatestTraceId,
            SlaDeadline = input.SlaDeadlineUtc is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)) : c.SlaDeadline,
            Updated = at,
        }, cancellationToken).ConfigureAwait(false);
        artifacts.Release(input.CaseId); // decided and recorded: what the next activities need is read back from storage
        return true;
    }

    public Task<ReviewDecision?> ClaimReviewTimeoutAsync(ReviewTimeoutInput input, CancellationToken cancellationToken = default) =>
        reviewClaims?.ClaimForTimeoutAsync(input.CaseId, new DateTimeOffset(DateTime.SpecifyKind(input.DeadlineUtc, DateTimeKind.Utc)), cancellationToken)
        ?? Task.FromResult<ReviewDecision?>(null);

    public async Task<bool> MarkNeedsAttentionAsync(NeedsAttentionInput input, CancellationToken cancellationToken = default)
    {
        var at = new DateTimeOffset(DateTime.SpecifyKind(input.AtUtc, DateTimeKind.Utc));
        await UpdateCaseAsync(input.CaseId, c => NeedsAttention.Apply(c, input.Failure, at), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// What is read of a decided case's state, stored with the decision: the customer and signals (the trace, the review
    /// page), the retrieved precedents and playbook (the review page) and the draft with its model details (the trace).
    /// The decision and its trace, stored beside it, hold everything else the stages worked out; leaving it here makes
    /// the stored state about a third of the working state's size.
    /// </summary>
    private static SensitiveCaseState ReadAfterDecision(SensitiveCaseState s) => new()
    {
        Customer = s.Customer,
        Signals = s.Signals,
        Retrieval = s.Retrieval is { } r ? r with { Policies = [], Trace = [] } : null,
        Draft = s.Draft,
    };

    /// <inheritdoc cref="ReadAfterDecision(SensitiveCaseState)"/>
    private static EscalationCaseState ReadAfterDecision(EscalationCaseState s) => new()
    {
        Customer = s.Customer,
        Signals = s.Signals,
        Outcome = s.Outcome,
    };

    private async Task UpdateCaseAsync(string caseId, Func<CaseRecord, CaseRecord> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await index.GetAsync(caseId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Case {caseId} is not in the case index.");
            try
            {
                await index.UpsertAsync(change(current.Case), current.ETag, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < 20)
            {
            }
        }
    }

    private sealed record TraceFacts(TraceCustomer? Customer, TraceSignals? Signals, TraceModelInfo? Model);

    private async Task<TraceFacts> CaseFactsAsync(string caseId, CancellationToken cancellationToken)
    {
        var stored = await artifacts.SubmissionAsync(caseId, cancellationToken).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(stored.ReceivedAt.UtcDateTime);
        Core.Knowledge.CustomerEntity? customer;
        Core.Signals.CaseSignals? signals;
        Draft? draft = null;
        if (stored.Submission.ResolvedKind == CaseKind.Escalation)
        {
            var s = await artifacts.GetAsync<EscalationCaseState>(caseId, CaseArtifacts.State, cancellationToken).ConfigureAwait(false);
            (customer, signals, draft) = (s?.Customer, s?.Signals, s?.Outcome?.Draft);
        }
        else
        {
            var s = await artifacts.GetAsync<SensitiveCaseState>(caseId, CaseArtifacts.State, cancellationToken).ConfigureAwait(false);
            (customer, signals, draft) = (s?.Customer, s?.Signals, s?.Draft);
        }

        var traceCustomer = customer is null ? null : new TraceCustomer
        {
            Tier = customer.Tier,
            TenureMonths = customer.CustomerSince is null ? null : customer.TenureMonths(today),
            Vip = signals?.Vip ?? customer.Vip,
            DaysToRenewal = customer.DaysToRenewal(today),
            Email = customer.Email,
        };
        var model = draft?.Model is { } m
            ? new TraceModelInfo { Name = m.ModelName, PromptTokens = (int)m.InputTokens, CompletionTokens = (int)m.OutputTokens, LatencyMs = m.LatencyMs, PromptHash = m.PromptHash }
            : null;
        return new TraceFacts(traceCustomer, signals is null ? null : TraceSignals.From(signals), model);
    }

    private static IReadOnlyList<TraceEntry> OutcomeEntries(WriteTraceInput input, ReviewDecision? review) => input.Record == TraceRecordKinds.SlaTimeout
        ? [TraceEntry.Decided("review", "The review SLA passed without a decision; the case was escalated to a senior human.")]
        : [TraceEntry.Decided("review", ReviewWords(review))];

    private static string ReviewWords(ReviewDecision? review) => review?.Action switch
    {
        ReviewActions.Approve => "A reviewer approved the draft as written; it was sent.",
        ReviewActions.Edit => "A reviewer edited the draft and sent the edited reply.",
        ReviewActions.Reject => "A reviewer rejected the draft; nothing was sent.",
        ReviewActions.Escalate => "A reviewer escalated the case to a senior human.",
        _ => "Review outcome recorded.",
    };

    private static string ReviewRoute(ReviewDecision? review, string route) => review?.Action == ReviewActions.Escalate ? Routes.Escalate : route;

    private string CaseUrl(string caseId) => $"{options.PublicBaseUrl.TrimEnd('/')}/api/cases/{caseId}";

    private static string? Excerpt(string? text) => text is null ? null : text.Length <= 600 ? text : text[..600] + "…";
}

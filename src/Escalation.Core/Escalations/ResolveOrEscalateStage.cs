using Escalation.Core.Cases;
using Escalation.Core.Decisions;
using Escalation.Core.Knowledge;
using Escalation.Core.Sensitive;
using Escalation.Core.Tracing;

namespace Escalation.Core.Escalations;

/// <summary>The output of <c>resolve-or-escalate</c>.</summary>
public sealed record EscalationOutcome
{
    /// <summary><see cref="Routes.ResolveInPlace"/>, <see cref="Routes.ReturnToTierOne"/> or <see cref="Routes.Escalate"/>.</summary>
    public required string Route { get; init; }
    public IReadOnlyList<RouteReason> Reasons { get; init; } = [];

    /// <summary>What was resolved, or what the next owner must decide.</summary>
    public required string Resolution { get; init; }

    /// <summary>For tier 1: which policy, which playbook steps, what to tell the customer.</summary>
    public IReadOnlyList<string> Guidance { get; init; } = [];
    public Draft? Draft { get; init; }
    public ToneCheck? ToneCheck { get; init; }
    public string ReviewerQueue { get; init; } = ReviewerQueues.None;
    public DateTimeOffset? SlaDeadline { get; init; }
    public IReadOnlyList<TraceEntry> Trace { get; init; } = [];
}

/// <summary>
/// <c>resolve-or-escalate</c>. Resolve in place when the policy authorises the action (a within-window
/// refund or an SLA credit under the cap). Return to tier 1 when no policy decision is needed and a
/// playbook covers the steps, or facts are missing. Senior human on policy conflict, complaint pattern, unresolved commercial
/// sensitivity, handoff ambiguity, legal sensitivity, high intensity, a manager request or money
/// needing manager approval. An empty "what was tried" with an otherwise clear handoff is returned to
/// tier 1 with the missing playbook steps: the case is not ambiguous, only unfinished, and a senior
/// redoing tier-1 steps is the restart this capability exists to avoid. The customer reply reuses
/// the sensitive pipeline's draft writer and tone-check, awaited (the writer may call a chat model); with the composer the
/// returned task is already completed.
/// </summary>
public sealed class ResolveOrEscalateStage(IDraftWriter writer)
{
    private const string Stage = "resolve-or-escalate";
    private readonly CheckedDraftWriter _drafts = new(writer, new ToneCheckStage());

    /// <summary>Decide the outcome of one escalation.</summary>
    public async ValueTask<EscalationOutcome> DecideAsync(CaseSubmissionRef ticket, ReceivedHandoff received, EscalationContext context, PolicyApplication application, Workspace workspace, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var r = workspace.Routing;
        var s = context.Signals;
        var t = s.Text;
        var senior = new List<RouteReason>();
        if (t.Legal) senior.Add(new RouteReason(ReasonCodes.LegalSensitive, $"Legal-sensitive ({string.Join(", ", t.LegalKinds.DefaultIfEmpty("legal"))}).", true));
        if (t.Intensity >= r.IntensityEscalateAt) senior.Add(new RouteReason(ReasonCodes.HighIntensity, $"Negative intensity {t.Intensity:0.00} ≥ {r.IntensityEscalateAt:0.00}.", true));
        if (t.ManagerRequest || context.Facts.HasAsk(CaseAsks.Manager)) senior.Add(new RouteReason(ReasonCodes.ManagerRequest, "The customer asked for a manager: handed to a human, never refused.", true));
        if (application.Conflict) senior.Add(new RouteReason(ReasonCodes.PolicyConflict, $"Policy conflict: {application.ConflictReason}.", true));
        if (s.RepeatComplainant) senior.Add(new RouteReason(ReasonCodes.RepeatComplainant, $"Historical-complaint pattern ({context.RecentHistory.Count} in {r.RepeatComplainantWindowDays} days).", true));
        // A renewal near, and nothing bargained over (no churn threat, no complaint, intensity below review, no money or
        // cancellation asked): the case is not closed by automation, but a password reset a fortnight before renewal is
        // still tier 1's to finish.
        var calmRenewal = s.CommerciallySensitive && !t.ChurnThreat && t.Intensity < r.IntensityReviewAt && !t.Complaint
            && !context.Facts.HasAsk(CaseAsks.Refund) && !context.Facts.HasAsk(CaseAsks.Credit) && !context.Facts.HasAsk(CaseAsks.Cancel);
        var commercial = s.CommerciallySensitive
            ? new RouteReason(ReasonCodes.CommercialSensitivity, $"Unresolved commercial sensitivity{(context.DaysToRenewal is { } d ? $" (renewal in {d} days)" : "")}{(t.ChurnThreat ? ", churn threat" : "")}.", true)
            : null;
        if (commercial is not null && !calmRenewal) senior.Add(commercial);
        if (received.Ambiguous) senior.Add(new RouteReason(ReasonCodes.HandoffAmbiguity, "Ambiguous handoff: " + string.Join(" ", received.Issues.Where(i => i.Field != "whatTried").Select(i => i.Problem)), true));
        if (application.NeedsManagerApproval) senior.Add(new RouteReason(ReasonCodes.AboveCap, "Money above the auto-approve cap needs manager approval.", true));
        if (s.Vip && t.Negative) senior.Add(new RouteReason(ReasonCodes.VipSensitive, "VIP-tier customer with a negative message.", true));
        // A VIP account writing in a language the rules cannot read: its tone is unknown, so a senior reads it (seed 000).
        else if (s.Vip && !s.Language.Covered) senior.Add(new RouteReason(ReasonCodes.VipSensitive, $"VIP-tier customer writing in {s.Language.Label}, whose tone the rules cannot read: handed to a senior human.", true));

        // Seed 003: critical (data loss, security) goes to L2 with an escalation once tier 1 has done its checks; with nothing
        // tried, tier 1 completes the playbook first (below).
        if ((t.DataLoss || t.Security) && !received.WhatTriedEmpty)
        {
            senior.Add(new RouteReason(ReasonCodes.Security, "Data loss or a security issue that tier 1's checks did not resolve: engineering and a senior take it.", true));
        }

        // Issue 25: caution signals escalate; what would be reviewed in the sensitive pipeline (a formal complaint,
        // an uncovered language, an intent no policy covers…) is never resolved in place, only escalated or returned.
        var gate = new RouteInput { Signals = s, Facts = context.Facts, Retrieval = context.Retrieval, Customer = context.Customer };
        var notResolvable = new List<RouteReason>();
        var onCall = false;
        var slaPriority = s.Priority;
        UnderstandingGate.Caution(gate, r, now, senior, notResolvable, ref onCall, ref slaPriority);
        UnderstandingGate.Understand(gate, workspace, notResolvable);
        if (commercial is not null && calmRenewal) notResolvable.Add(commercial);
        // "Cancel from 31 December": a date of the customer's own is agreed by a person, as in the sensitive pipeline.
        UnderstandingGate.CancelTiming(gate, workspace, now, notResolvable);
        // "VIP and Enterprise cases are never closed by automation alone" (escalation thresholds): not resolved in place.
        if (s.Vip && !senior.Any(x => x.Code == ReasonCodes.VipSensitive))
        {
            notResolvable.Add(new RouteReason(ReasonCodes.VipSensitive, "VIP account: never closed by automation alone, so a person carries out and sends the resolution.", true));
        }

        var due = now + r.ReviewSla(slaPriority);
        var seniorQueue = t.PublicExposure ? r.PublicExposureQueue : ReviewerQueues.Senior;

        var playbook = context.Retrieval.Playbook;
        var policy = context.Retrieval.Policies.FirstOrDefault();
        if (!received.WhatTriedEmpty && context.Facts.TierOneBlocked is { } closed)
        {
            senior.Add(new RouteReason(ReasonCodes.TierOneBlocked,
                $"Tier 1 cannot go further: the fix for a locked account is an admin's reset, and \"{closed}\". Verifying who is asking and resetting it at the back end is a senior's.", true));
        }

        var trace = new List<TraceEntry> { TraceEntry.Read(Stage, $"Recommendation {application.Recommendation}; {received.Issues.Count} handoff issue(s); {senior.Count} senior trigger(s).") };
        // What a senior is asked to approve, stated in the held draft; none on an ambiguous handoff (the facts are unsure).
        var proposal = received.Ambiguous ? null : DraftResolution.Propose(application, context.Customer, s, context.Facts, context.Retrieval, workspace);
        EscalationOutcome outcome;
        if (senior.Count > 0)
        {
            var checkedDraft = await ReplyAsync(ticket, context, application, hold: true, due, workspace, proposal, now, cancellationToken).ConfigureAwait(false);
            outcome = new EscalationOutcome
            {
                Route = Routes.Escalate, Reasons = [.. senior, .. notResolvable],
                Resolution = $"Senior decision needed on: {application.Recommendation}{(application.ExceptionRationale is { } x ? ". Exception rationale: " + x : "")}",
                Draft = checkedDraft.Draft, ToneCheck = checkedDraft.ToneCheck,
                ReviewerQueue = seniorQueue, SlaDeadline = due,
            };
        }
        // The thread ends in thanks with nothing asked ("Perfect, thanks a lot!" after tier 1's "done"): tier 1 closes it.
        else if (context.Facts.ClosingThanks is { } thanks && !received.Ambiguous)
        {
            outcome = new EscalationOutcome
            {
                Route = Routes.ReturnToTierOne,
                Reasons = [new RouteReason(ReasonCodes.TierOneScope, $"The customer's last message only thanks and asks nothing more (\"{Clip(thanks)}\"): no decision is left, so tier 1 confirms what was done and closes the ticket.", false)],
                Resolution = "Returned to tier 1 to close.",
                Guidance = ["Tell the customer: glad it is sorted; confirm what was done, with its date, and that the ticket is closed. Invite them to reply if anything else comes up."],
                ReviewerQueue = ReviewerQueues.Standard, SlaDeadline = due,
            };
        }
        // Facts "missing" from a message the rules cannot read (an uncovered language) are not tier 1's to collect again: a
        // person who reads it decides.
        else if (received.WhatTriedEmpty || (application.Recommendation is Recommendations.ConfirmFacts && s.Language.Covered && !GoodwillToDecide(context.Facts, s.Text))
            || (application.Recommendation == Recommendations.Reply && application.Offer is null && playbook is not null && !MoneyUnsettled(context.Facts, notResolvable)))
        {
            var guidance = new List<string>();
            if (policy is not null) guidance.Add($"Policy: {policy.Id}@{policy.Version} ({policy.Why}).");
            if (playbook is not null) guidance.AddRange(playbook.Steps.Select((step, i) => $"Playbook {playbook.Id} step {i + 1}: {step}"));
            guidance.Add(TierOneGuidance.TellTheCustomer(ticket, received, context, application, workspace));
            var reason = received.WhatTriedEmpty
                ? new RouteReason(ReasonCodes.MissingTierOneSteps, "Nothing tier 1 tried is recorded; the handoff is otherwise clear, so tier 1 completes the playbook steps first.", false)
                : new RouteReason(ReasonCodes.TierOneScope, application.Recommendation == Recommendations.ConfirmFacts
                    ? "Facts needed for the policy are missing; tier 1 collects them."
                    : $"No policy decision or back-end action is needed: tier 1 can follow playbook {playbook?.Id}.", false);
            outcome = new EscalationOutcome
            {
                Route = Routes.ReturnToTierOne, Reasons = [reason], Resolution = "Returned to tier 1 with guidance.", Guidance = guidance,
                ReviewerQueue = ReviewerQueues.Standard, SlaDeadline = due,
            };
        }
        else
        {
            var checkedDraft = await ReplyAsync(ticket, context, application, hold: false, null, workspace, proposal, now, cancellationToken).ConfigureAwait(false);
            // "Resolved" with an action still waiting for approval would close the case with nothing carried out.
            var pending = Actions.ActionPlanner.Plan(new Actions.ActionInputs
            {
                Customer = context.Customer, Signals = s, Facts = context.Facts, Retrieval = context.Retrieval, Application = application, Subject = ticket.Subject,
                Today = DateOnly.FromDateTime(now.UtcDateTime),
            }, workspace).FirstOrDefault(a => a.NeedsApproval);
            if (!checkedDraft.ToneCheck.Passed || !application.WithinAuthority || notResolvable.Count > 0 || pending is not null)
            {
                List<RouteReason> why = [.. notResolvable];
                if (pending is not null) why.Add(new RouteReason(ReasonCodes.ActionNeedsApproval, $"The policy proposes {pending.Describe()}, which needs a person's approval ({pending.PolicyCitation.Split('#')[0]}): it is not resolved until someone approves it.", true));
                if (!application.WithinAuthority) why.Add(OutsideAuthority(application, context.Facts));
                if (!checkedDraft.ToneCheck.Passed) why.Add(new RouteReason(ReasonCodes.ToneCheckFailed, $"Reply failed tone-check (score {checkedDraft.ToneCheck.Score}).", false));
                var held = await ReplyAsync(ticket, context, application, hold: true, due, workspace, proposal, now, cancellationToken).ConfigureAwait(false);
                outcome = new EscalationOutcome
                {
                    Route = Routes.Escalate, Reasons = why, Resolution = $"Senior decision needed on: {application.Recommendation}.",
                    Draft = held.Draft, ToneCheck = held.ToneCheck, ReviewerQueue = seniorQueue, SlaDeadline = due,
                };
            }
            else
            {
                outcome = new EscalationOutcome
                {
                    Route = Routes.ResolveInPlace,
                    Reasons = [new RouteReason(ReasonCodes.WithinPolicy, $"{application.Recommendation} within policy and authority; no senior trigger; reply passed tone-check ({checkedDraft.ToneCheck.Score}).", false)],
                    Resolution = application.Offer is { } o ? $"{o.Kind} of {Money.Format(o.Amount, o.Currency)} under {o.PolicyCitation}." : $"Replied within policy ({application.Recommendation}).",
                    Draft = checkedDraft.Draft, ToneCheck = checkedDraft.ToneCheck,
                };
            }
        }

        trace.AddRange(outcome.Reasons.Select(x => TraceEntry.Found(Stage, $"{x.Code}: {x.Text}")));
        if (outcome.ToneCheck is not null) trace.AddRange(outcome.ToneCheck.Trace);
        trace.Add(TraceEntry.Decided(Stage, $"Outcome {outcome.Route}: {outcome.Resolution}", context.Retrieval.Citations.ToArray()));
        return outcome with { Trace = trace };
    }

    private static string Clip(string text) => text.Length <= 80 ? text : text[..80] + "…";

    /// <summary>
    /// Money asked for whose facts tier 1 checked and that still do not hold ("no incident recorded on 2026-11-20" against
    /// a claimed outage, tier 1's sum against the customer's): declining or paying it is a senior's decision, not a
    /// playbook step to hand back.
    /// </summary>
    private static bool MoneyUnsettled(Cases.CaseFacts facts, List<RouteReason> notResolvable) =>
        (facts.HasAsk(CaseAsks.Credit) || facts.HasAsk(CaseAsks.Refund))
        && notResolvable.Any(x => x.Code is ReasonCodes.FactMissing or ReasonCodes.AmountAmbiguous);

    /// <summary>
    /// A goodwill gesture asked with no sum ("Je voudrais un geste commercial", tier 1: "Avoir de 30 € ou remboursement
    /// partiel ? À décider."): what it is worth is decided, not collected, so it is no fact for tier 1 to gather.
    /// </summary>
    private static bool GoodwillToDecide(Cases.CaseFacts facts, Signals.TextSignals text) =>
        facts.HasAsk(CaseAsks.Credit) && !Sensitive.CaseUnderstanding.SlaClaim(facts, text) && !facts.AmountRequested;

    /// <summary>
    /// Why the recommendation is outside the agent's authority, by its real trigger: money above the cap (manager approval),
    /// a refund past the window, or a fact the policy needs that was not read. A €9.90 goodwill credit offered past the
    /// window is no amount above the cap.
    /// </summary>
    private static RouteReason OutsideAuthority(PolicyApplication application, Cases.CaseFacts facts) =>
        application.NeedsManagerApproval
            ? new RouteReason(ReasonCodes.AboveCap, $"{application.Recommendation} is above the auto-approve cap: manager approval.", true)
            : facts.DaysPastWindow is > 0
                ? new RouteReason(ReasonCodes.OutsideWindow, $"{application.Recommendation}: the refund is asked {facts.DaysPastWindow} days past the {facts.RefundWindowDays}-day window, which is outside agent authority.", true)
                : new RouteReason(ReasonCodes.FactMissing, $"{application.Recommendation}: a fact the policy needs was not read, so it is outside agent authority.", true);

    private ValueTask<CheckedDraft> ReplyAsync(CaseSubmissionRef ticket, EscalationContext c, PolicyApplication a, bool hold, DateTimeOffset? by, Workspace ws, DraftOffer? proposal, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A cancellation within authority is carried out on a resolved case: the reply says so, as a sensitive case's does.
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var acts = c.Facts.Hypothetical is null && !c.Signals.Text.SeniorDecidesAll;
        var cancelEffective = Actions.CancellationAuthority.CarriedOut(!hold && acts, c.Customer, c.Facts, ws, today);
        return _drafts.WriteAsync(new DraftRequest
        {
            TicketId = c.TicketId, CustomerName = c.Customer.Name, Subject = ticket.Subject, Signals = c.Signals, Facts = c.Facts, Retrieval = c.Retrieval,
            HoldForReview = hold, ReviewBy = by, Offer = hold ? null : a.Offer, Proposal = proposal, ExceptionRationale = a.ExceptionRationale,
            CancelEffective = cancelEffective, CancelTermEnds = Actions.CancellationAuthority.AskedAtOtherTiming(acts, c.Customer, c.Facts, today),
            CancelBilledUntil = Actions.CancellationAuthority.BilledUntilEffective(cancelEffective, today),
        }, ws, cancellationToken);
    }
}

/// <summary>The ticket fields the escalation stages need beyond the context (serialisable).</summary>
public sealed record CaseSubmissionRef(string TicketId, string? Subject);

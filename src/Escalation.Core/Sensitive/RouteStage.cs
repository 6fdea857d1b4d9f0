using System.Globalization;
using Escalation.Core.Cases;
using Escalation.Core.Decisions;
using Escalation.Core.Knowledge;
using Escalation.Core.Tracing;

namespace Escalation.Core.Sensitive;

/// <summary>
/// <c>route</c>: draft-and-send, draft-for-review or escalate, with every reason. The hard rules of
/// docs/design.md ("Hard rules") come first and cannot be outweighed; auto-send only when nothing applies and the
/// tone-check passed. Choices where the brief allowed either: VIP-tier sensitivity (a VIP whose message
/// is not plainly positive), a pattern-flagged repeat complainant and a churn threat on a commercially
/// sensitive account are escalated (seed 000 lists them with legal content as human-handoff cases);
/// renewal proximity alone and a policy conflict go to review (senior queue when negative / always for
/// a conflict), so the customer still gets a reviewed answer; a manager request is escalated, never refused.
/// Since issue 25 the default is inverted: a case is auto-sent only with positive evidence (a covered language,
/// a recognised intent with its facts, no caution signal, a reply in the customer's language), and every other
/// route names what was not understood (<see cref="UnderstandingGate"/>).
/// </summary>
public sealed class RouteStage
{
    private const string Stage = "route";

    /// <summary>Route one case as of <paramref name="now"/>.</summary>
    public RouteDecision Route(RouteInput input, Workspace workspace, DateTimeOffset now)
    {
        var r = workspace.Routing;
        var s = input.Signals;
        var t = s.Text;
        var f = input.Facts;
        var escalate = new List<RouteReason>();
        var review = new List<RouteReason>();
        var senior = false;
        string N(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);

        var slaPriority = s.Priority;
        UnderstandingGate.Caution(input, r, now, escalate, review, ref senior, ref slaPriority);
        var understanding = UnderstandingGate.Understand(input, workspace, review);
        UnderstandingGate.CancelTiming(input, workspace, now, review);

        if (t.Legal)
        {
            escalate.Add(new RouteReason(ReasonCodes.LegalSensitive, $"Legal-sensitive content ({string.Join(", ", t.LegalKinds.DefaultIfEmpty("legal"))}): a senior human answers.", true));
        }

        if (t.Intensity >= r.IntensityEscalateAt)
        {
            escalate.Add(new RouteReason(ReasonCodes.HighIntensity, $"Negative intensity {N(t.Intensity)} ≥ {N(r.IntensityEscalateAt)}: a senior human answers.", true));
        }

        if (t.ManagerRequest || f.HasAsk(CaseAsks.Manager))
        {
            escalate.Add(new RouteReason(ReasonCodes.ManagerRequest, "The customer asked for a manager: handed to a human, never refused.", true));
        }

        // An outage is not plainly positive however politely it is told ("notre instance dédiée est de nouveau tombée").
        if (s.Vip && (t.Negative || t.Complaint || t.ChurnThreat || t.Outage || t.Incident || t.Sentiment < 0.2))
        {
            escalate.Add(new RouteReason(ReasonCodes.VipSensitive, "VIP-tier customer with a message that is not plainly positive: handed to a senior human (seed 000).", true));
        }
        // Escalation thresholds: "VIP and Enterprise cases are never closed by automation alone" — a calm request too is
        // drafted, and a person sends it.
        else if (s.Vip)
        {
            review.Add(new RouteReason(ReasonCodes.VipSensitive, $"VIP account{Evidence(s, "vip")}: never closed by automation alone, so a person approves the reply.", true));
        }

        if (s.RepeatComplainant)
        {
            escalate.Add(new RouteReason(ReasonCodes.RepeatComplainant, $"Pattern-flagged repeat complainant{Evidence(s, "repeat")}: handed to a senior human (seed 000).", true));
        }

        // "Please cancel our plan so it does not renew on the 30th" asks for the cancellation the policy allows; its "not
        // renew" is no threat to bargain over. A cancellation with a complaint or a rival named still is one.
        var threat = t.ChurnThreat && !(f.HasAsk(CaseAsks.Cancel) && t.Competitor is null && !t.Complaint);
        if (s.CommerciallySensitive && threat)
        {
            escalate.Add(new RouteReason(ReasonCodes.CommercialSensitivity, $"Churn threat on a commercially sensitive account{Evidence(s, "")}: account owner and a senior human.", true));
        }
        else if (s.CommerciallySensitive)
        {
            review.Add(new RouteReason(ReasonCodes.CommercialSensitivity, $"Commercially sensitive{Evidence(s, "")}: human review.", true));
            senior |= t.Negative;
        }

        if (input.Retrieval.Conflict)
        {
            review.Add(new RouteReason(ReasonCodes.PolicyConflict, $"Policy conflict: {input.Retrieval.ConflictReason}. A senior reviewer decides the exception.", true));
            senior = true;
        }

        if (f.HasAsk(CaseAsks.Refund) && f.OutsideWindow)
        {
            review.Add(new RouteReason(ReasonCodes.OutsideWindow,
                $"Refund requested {f.DaysPastWindow} days past the {f.RefundWindowDays}-day window: never promised without review"
                + (input.ExceptionRationale is null ? "." : "; exception rationale attached."), true));
        }

        var category = f.HasAsk(CaseAsks.Refund) ? PolicyCategories.Refund : PolicyCategories.SlaCredit;
        var cap = PolicyNumbers.Cap(workspace, category);
        if (f.Amount is { } amount && amount > cap && (f.HasAsk(CaseAsks.Refund) || (f.HasAsk(CaseAsks.Credit) && f.AmountRequested)))
        {
            review.Add(new RouteReason(ReasonCodes.AboveCap, $"Amount {Money.Format(amount, f.Currency ?? r.DefaultCurrency)} is above the auto-approve cap of {Money.Format(cap, f.Currency ?? r.DefaultCurrency)}: manager review.", true));
        }

        if (input.Retrieval.MatchStrength < r.PolicyMatchMinStrength)
        {
            review.Add(new RouteReason(ReasonCodes.WeakPolicyMatch, $"Policy match strength {N(input.Retrieval.MatchStrength)} is below {N(r.PolicyMatchMinStrength)}: review.", true));
        }

        if (t.Intensity >= r.IntensityReviewAt && t.Intensity < r.IntensityEscalateAt)
        {
            review.Add(new RouteReason(ReasonCodes.ElevatedIntensity, $"Negative intensity {N(t.Intensity)} ≥ {N(r.IntensityReviewAt)}: review before sending.", true));
        }

        // Praise around a failure ("Brilliant. Truly.") is anger told sideways: a template reply reads as tone-deaf, so a
        // senior reviewer answers it whatever the intensity (issue 25).
        if (t.Negative && t.Evidence.FirstOrDefault(e => e.Signal == "sarcasm") is { } irony)
        {
            review.Add(new RouteReason(ReasonCodes.Sarcasm, $"Sarcasm (\"{irony.Text}\"): the customer is angrier than the words say; a senior reviewer answers.", true));
            senior = true;
        }

        if (t.Abusive)
        {
            review.Add(new RouteReason(ReasonCodes.Abusive, "Abusive language: a senior reviewer applies the conduct playbook.", true));
            senior = true;
        }

        // Seed 003: critical (outage, data loss, security) goes to L2 with an escalation, not to a draft review.
        if (t.Security || t.DataLoss)
        {
            escalate.Add(new RouteReason(ReasonCodes.Security, "Security issue or data loss reported: a senior human takes it now, with the handoff.", true));
        }

        if (input.ToneCheck is { Passed: false } tc)
        {
            review.Add(new RouteReason(ReasonCodes.ToneCheckFailed,
                $"Tone-check failed (score {tc.Score}): {string.Join("; ", tc.Violations.Select(v => v.Code).Distinct())}.", false));
        }

        string route;
        IReadOnlyList<RouteReason> reasons;
        if (escalate.Count > 0)
        {
            route = Routes.Escalate;
            reasons = [.. escalate, .. review];
            senior = true;
        }
        else if (review.Count > 0)
        {
            route = Routes.DraftForReview;
            reasons = review;
        }
        else
        {
            route = Routes.DraftAndSend;
            reasons = [new RouteReason(ReasonCodes.Understood,
                $"Understood: {understanding.Intent} under {understanding.Policy}{(understanding.Read.Count > 0 ? $" ({string.Join(", ", understanding.Read)})" : "")}{(Actions.ActionPlanner.ReissueBeside(f, workspace) is { } invoice ? $", and a corrected invoice under {invoice.Id}#{Actions.ActionPlanner.InvoiceCorrectionRule}" : "")}; language {s.Language.Label}; no caution signal; policy match {N(input.Retrieval.MatchStrength)}, tone-check {(input.ToneCheck is { } ok ? $"passed ({ok.Score})" : "pending")}.", false)];
        }

        var queue = route == Routes.DraftAndSend ? ReviewerQueues.None
            : t.PublicExposure ? r.PublicExposureQueue
            : senior ? ReviewerQueues.Senior : ReviewerQueues.Standard;
        DateTimeOffset? deadline = route == Routes.DraftAndSend ? null : now + r.ReviewSla(slaPriority);
        var trace = new List<TraceEntry>
        {
            TraceEntry.Read(Stage, $"Read language {s.Language.Label}, intent {understanding.Intent ?? "not recognised"}, priority {s.Priority}, intensity {N(t.Intensity)}, policy match {N(input.Retrieval.MatchStrength)}, conflict {(input.Retrieval.Conflict ? "yes" : "no")}, tone-check {(input.ToneCheck is null ? "not yet run" : input.ToneCheck.Passed ? "passed" : "failed")}."),
        };
        trace.AddRange(reasons.Select(x => TraceEntry.Found(Stage, $"{x.Code}: {x.Text}")));
        trace.Add(TraceEntry.Decided(Stage,
            $"Route {route}" + (deadline is { } d ? $" to the {queue} queue, due {d.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)} ({slaPriority} review SLA)." : "."),
            input.Retrieval.Citations.ToArray()));
        return new RouteDecision { Route = route, Reasons = reasons, ReviewerQueue = queue, SlaDeadline = deadline, Trace = trace, Understanding = understanding };
    }

    /// <summary>
    /// <paramref name="route"/>, an auto-send, turned into a review because <paramref name="action"/> needs a person's
    /// approval: nothing the policy holds back is carried out without one, and nothing is promised that would not be.
    /// </summary>
    public static RouteDecision ForApproval(RouteDecision route, Actions.CaseAction action, string priority, Workspace workspace, DateTimeOffset now)
    {
        var deadline = now + workspace.Routing.ReviewSla(priority);
        var reason = new RouteReason(ReasonCodes.ActionNeedsApproval,
            $"The policy proposes {action.Describe()}, which needs a person's approval ({action.PolicyCitation.Split('#')[0]}): a reviewer approves it, and the reply goes with it.", true);
        return route with
        {
            Route = Routes.DraftForReview,
            Reasons = [reason],
            ReviewerQueue = ReviewerQueues.Standard,
            SlaDeadline = deadline,
            Trace = [.. route.Trace,
                TraceEntry.Found(Stage, $"{reason.Code}: {reason.Text}"),
                TraceEntry.Decided(Stage, $"Route {Routes.DraftForReview} to the {ReviewerQueues.Standard} queue, due {deadline.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)} ({priority} review SLA).")],
        };
    }

    private static string Evidence(Signals.CaseSignals s, string prefix)
    {
        var e = s.CustomerEvidence.Where(x => x.Signal.StartsWith(prefix, StringComparison.Ordinal)).Select(x => x.Text).ToArray();
        return e.Length == 0 ? "" : $" ({string.Join("; ", e)})";
    }
}

using System.Globalization;
using Escalation.Core.Cases;
using Escalation.Core.Decisions;
using Escalation.Core.Knowledge;
using Escalation.Core.Signals;

namespace Escalation.Core.Sensitive;

/// <summary>
/// The positive evidence a case needs before it may be auto-sent (issue 25), and the caution signals that take it
/// to a human. Shared by <see cref="RouteStage"/> and the escalation pipeline so both read a case the same way.
/// Each reason says what was not understood or what was seen, quoting the evidence.
/// </summary>
public static class UnderstandingGate
{
    /// <summary>The language the composer writes without templates; replies in any other language need the tone guide's per-language templates.</summary>
    public const string ReplyLanguage = "en";

    /// <summary>Caution signals: distress, live incident, public exposure, repeat report escalate; the rest go to review.</summary>
    public static void Caution(RouteInput input, RoutingSettings r, DateTimeOffset now, List<RouteReason> escalate, List<RouteReason> review, ref bool senior, ref string slaPriority)
    {
        var t = input.Signals.Text;
        if (t.Distress)
        {
            escalate.Add(new RouteReason(ReasonCodes.Distress, $"Distress or self-harm{Quote(t, CautionSignals.Distress)}: a senior human answers at once, no automated reply.", true));
            senior = true;
            slaPriority = PriorityRules.P0;
        }

        if (t.PatientSafety)
        {
            escalate.Add(new RouteReason(ReasonCodes.PatientSafety, $"A person's care may be at risk{Quote(t, CautionSignals.PatientSafety)}: a senior human answers at once (clinical or pharmacy team as the workspace's playbook says), no automated reply.", true));
            senior = true;
            slaPriority = PriorityRules.P0;
        }

        if (t.LiveIncident)
        {
            escalate.Add(new RouteReason(ReasonCodes.LiveIncident, $"Live incident{Quote(t, CautionSignals.Incident)}: the senior / on-call queue owns it as P0.", true));
            senior = true;
            slaPriority = PriorityRules.P0;
        }

        if (t.PublicExposure)
        {
            escalate.Add(new RouteReason(ReasonCodes.PublicExposure, $"The customer is going public{Quote(t, CautionSignals.PublicExposure)}: the {r.PublicExposureQueue} queue owns it.", true));
        }

        if (t.RepeatReport)
        {
            escalate.Add(new RouteReason(ReasonCodes.RepeatReport, $"The same issue reported three or more times{Quote(t, CautionSignals.RepeatReport)}: escalate and file a bug report with the thread.", true));
            senior = true;
        }

        // The conduct policy: a second abusive message in the same thread pauses the conversation and hands it to the team lead.
        if (t.Abusive && t.Evidence.Where(e => e.Signal == "abusive" && e.Message >= 0).Select(e => e.Message).Distinct().Count() is var abusive and >= 2)
        {
            escalate.Add(new RouteReason(ReasonCodes.Abusive, $"Abusive language in {abusive} messages of the thread{Quote(t, "abusive")}: the conduct policy pauses the conversation and hands it to the team lead.", true));
            senior = true;
        }

        if (t.HarmThreat)
        {
            escalate.Add(new RouteReason(ReasonCodes.ThreatOfHarm, $"Threat of harm to staff or property{Quote(t, "harm-threat")}: a senior human handles it under the conduct playbook, no automated reply.", true));
            senior = true;
        }

        if (t.Fraud)
        {
            review.Add(new RouteReason(ReasonCodes.UnauthorisedCharge, $"The customer reports fraud or a charge they did not make or authorise{Quote(t, "fraud")}: a human checks for fraud or account misuse before any refund or reply.", true));
            senior = true;
        }

        if (t.Bereavement)
        {
            review.Add(new RouteReason(ReasonCodes.Bereavement, $"A bereavement is mentioned{Quote(t, "bereavement")}: a person answers, with care, not a template.", true));
            senior = true;
        }

        // "I'm not going to sue", "no voy a demandar": no legal threat, so no senior legal queue, but never auto-sent either,
        // since the reading of a negation can be wrong and the topic is the one that costs most when it is.
        if (t.LegalDenied && !t.Legal)
        {
            review.Add(new RouteReason(ReasonCodes.LegalDenied,
                $"Legal action mentioned only to rule it out{Quote(t, LexiconSignalAnalyzer.LegalDenied)}: not read as a legal threat, but a human checks before anything is sent.", true));
        }

        if (t.FormalComplaint)
        {
            review.Add(new RouteReason(ReasonCodes.FormalComplaint, $"Formal complaint{Quote(t, CautionSignals.FormalComplaint)}: a human answers it on record.", true));
        }

        if (t.CompensationDemand)
        {
            review.Add(new RouteReason(ReasonCodes.CompensationDemand, $"Compensation demand{Quote(t, CautionSignals.CompensationDemand)}: a human decides what is owed.", true));
        }

        // Threatening to leave for a competitor (or to leave, without asking to cancel) is a retention conversation, not a template.
        if (t.ChurnThreat && !t.Cancellation && !input.Facts.HasAsk(CaseAsks.Cancel))
        {
            review.Add(new RouteReason(ReasonCodes.ChurnThreat,
                $"The customer threatens to leave{(t.Competitor is { } rival ? $" for {rival}" : "")}{Quote(t, "churn-competitor", "churn")}: a human answers it.", true));
        }

        // Cancelling for a named competitor ("quero cancelar … vamos mudar para o Freshdesk"): the escalation thresholds make a
        // named competitor commercially sensitive, and the retention policy hands it to the account manager.
        if (t.ChurnThreat && t.Competitor is { } named && (t.Cancellation || input.Facts.HasAsk(CaseAsks.Cancel)))
        {
            review.Add(new RouteReason(ReasonCodes.ChurnThreat,
                $"The customer cancels to move to {named}{Quote(t, "churn-competitor")}: a named competitor is commercially sensitive, so the account manager sees it before the cancellation is confirmed.", true));
        }

        // "Charged although we had cancelled" is no cancellation to keep: no retention review.
        // A cancellation the customer took back ("cancel everything. Actually no, scratch that") is none to keep either.
        if (((t.Cancellation && input.Facts.CancelledBefore is null && input.Facts.Retracted is null) || input.Facts.HasAsk(CaseAsks.Cancel))
            && input.Customer is { } c)
        {
            var tenure = c.TenureMonths(DateOnly.FromDateTime(now.UtcDateTime));
            if (tenure >= r.RetentionTenureMonths || c.Arr >= r.RetentionArr)
            {
                review.Add(new RouteReason(ReasonCodes.RetentionReview,
                    $"Cancellation from a customer of {tenure} months, ARR {c.Arr:#,0} {c.Currency} (retention thresholds {r.RetentionTenureMonths} months or {r.RetentionArr:#,0}): retention review.", true));
            }
        }

        // "Marco here, one of the agents (not an admin on the account) … please cancel our plan": who may change the account
        // is confirmed with its owner by a person before anything is cancelled, refunded or removed.
        var f = input.Facts;
        if (f.NotAccountHolder is { } notHolder && (f.HasAsk(CaseAsks.Cancel) || f.HasAsk(CaseAsks.Refund) || f.HasAsk(CaseAsks.Credit)
            || f.HasAsk(CaseAsks.DataAccess) || f.RemoveAddOn is not null || f.RemovalAsk is not null))
        {
            review.Add(new RouteReason(ReasonCodes.RequesterAuthority,
                $"The writer says they are not the account's owner or admin (\"{notHolder}\"): a person confirms with the account owner before the account is changed.", true));
        }
    }

    /// <summary>
    /// A cancellation the customer asks to take effect at another time than the one the reply would state ("cancel it
    /// immediately" when the plan runs to its renewal, "a final de mes", "from 1 December"): a person agrees the date.
    /// </summary>
    public static void CancelTiming(RouteInput input, Workspace workspace, DateTimeOffset now, List<RouteReason> review)
    {
        var f = input.Facts;
        if (!f.HasAsk(CaseAsks.Cancel) || input.Customer is not { } customer)
        {
            return;
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var effective = Actions.CancellationAuthority.Effective(customer, f, today);
        BilledUntil(input, workspace, effective, today, review);
        if (f.CancelTiming is not { } asked)
        {
            return;
        }

        if (Actions.CancellationAuthority.AsksOtherTiming(f, effective, today))
        {
            var when = effective == Actions.CancellationAuthority.EndOfTerm ? "the end of the paid term" : effective;
            review.Add(new RouteReason(ReasonCodes.AskNotCovered,
                $"The customer asks the cancellation to take effect at a time of their own (\"{asked}\"); the policy would end the plan on {when}: a human agrees the date.", true));
        }
    }

    /// <summary>
    /// A plan that keeps billing until a term end more than a month away: the reply must say the payments continue
    /// (<c>cancel.billing</c>); without that sentence in the reply's language a human writes it.
    /// </summary>
    private static void BilledUntil(RouteInput input, Workspace workspace, string effective, DateOnly today, List<RouteReason> review)
    {
        if (!Actions.CancellationAuthority.BilledUntilEffective(effective, today))
        {
            return;
        }

        if (input.Facts.StopBilling is { } stop)
        {
            review.Add(new RouteReason(ReasonCodes.AskNotCovered,
                $"The customer asks that nothing more be charged (\"{stop}\"), but the term bills until it ends on {effective} (policy rule end-of-term): a human agrees what happens.", true));
            return;
        }

        var reply = Sensitive.ReplyText.LanguageFor(input.Signals, workspace.ToneGuide);
        if (!workspace.ToneGuide.CanSay(reply, "cancel.billing"))
        {
            review.Add(new RouteReason(ReasonCodes.ReplyLanguageMissing,
                $"The plan keeps billing until its term ends on {effective}, but the tone guide cannot say so in {reply} (cancel.billing): a human replies. Add it to languages.{reply}.templates to answer it automatically.", true));
        }
    }

    /// <summary>Language coverage, reply language and the request's intent and facts; adds a review reason for each gap.</summary>
    public static CaseUnderstanding Understand(RouteInput input, Workspace workspace, List<RouteReason> review)
    {
        var language = input.Signals.Language;
        if (!language.Covered)
        {
            review.Add(new RouteReason(ReasonCodes.LanguageNotCovered,
                $"Written in {language.Label}: the signal rules read only {string.Join(", ", SignalLanguages.Covered)}, so legal, distress and other caution signals cannot be checked. A human who reads it answers.", true));
        }
        else if (!language.Determined && language.NotEnglish)
        {
            review.Add(new RouteReason(ReasonCodes.LanguageNotCovered,
                $"Language not determined ({language.Why}): a reply in English may not be understood, so a human who reads it answers in the customer's language.", true));
        }
        else if (language.Determined && !workspace.ToneGuide.CanReplyIn(language.Code))
        {
            var have = string.Join(", ", workspace.ToneGuide.Languages.Keys.Prepend(ReplyLanguage).Distinct(StringComparer.Ordinal));
            review.Add(new RouteReason(ReasonCodes.ReplyLanguageMissing,
                $"Written in {language.Label}, but the tone guide has no reply templates in that language (replies can be written in {have}): a human replies in the customer's language. Add languages.{language.Code} to tone-guide.yaml to answer it automatically.", true));
        }

        var reply = Sensitive.ReplyText.LanguageFor(input.Signals, workspace.ToneGuide);
        if (input.Facts.RemoveAddOn is { } addOn)
        {
            if (!input.Facts.AddOnRemovedWithRefund)
            {
                review.Add(new RouteReason(ReasonCodes.AskNotCovered,
                    $"The customer asks to remove \"{addOn}\"; only a refund within the window removes an add-on here, so the reply would leave it in place: a human removes it.", true));
            }
            else if (!workspace.ToneGuide.CanSay(reply, "addon.done"))
            {
                review.Add(new RouteReason(ReasonCodes.ReplyLanguageMissing,
                    $"An add-on removal in {reply}, but the tone guide has no sentence for it in that language (addon.done): a human replies and removes it. Add it to languages.{reply}.templates to answer it automatically.", true));
            }
        }
        else if (input.Facts.RemovalAsk is { } removal)
        {
            review.Add(new RouteReason(ReasonCodes.AskNotCovered,
                $"The customer asks to remove something no action removes (\"{removal}\"): the reply would leave it unanswered.", true));
        }

        if (input.Facts.GoodsOrder is { } goods && GoodsOrder.NotCovered(goods, workspace))
        {
            review.Add(new RouteReason(ReasonCodes.AskNotCovered,
                $"The customer writes about an order of goods or its delivery (\"{goods}\"); the workspace's refund and credit rules cover the subscription's own charges, not goods: a person answers, and no money is moved or promised for it.", true));
        }

        // "… and re-issue the November invoice with our new VAT number": planned when the workspace has a rule for it.
        if (input.Facts.InvoiceReissue is { } reissue && input.Facts.Asks.Count > 0)
        {
            if (Actions.ActionPlanner.ReissueBeside(input.Facts, workspace) is null)
            {
                review.Add(new RouteReason(ReasonCodes.AskNotCovered,
                    $"The customer also asks for a corrected invoice (\"{reissue}\"), and no policy rule here ({Actions.ActionPlanner.InvoiceCorrectionRule}) authorises one: a human re-issues it.", true));
            }
            else if (!workspace.ToneGuide.CanSay(reply, "invoice.done"))
            {
                review.Add(new RouteReason(ReasonCodes.ReplyLanguageMissing,
                    $"A corrected invoice in {reply}, but the tone guide has no sentence for it in that language (invoice.done): a human replies. Add it to languages.{reply}.templates to answer it automatically.", true));
            }
        }

        if (input.Facts.HasAsk(CaseAsks.Cancel) && !workspace.ToneGuide.CanSay(reply, "cancel.done"))
        {
            review.Add(new RouteReason(ReasonCodes.ReplyLanguageMissing,
                $"A cancellation in {reply}, but the tone guide has no cancellation sentences in that language (cancel.done, cancel.until, cancel.untilTerm): a human replies and cancels. Add them to languages.{reply}.templates to answer it automatically.", true));
        }

        var understanding = CaseUnderstanding.Of(input.Facts, input.Signals.Text, input.Retrieval, input.Customer?.Currency ?? workspace.Routing.DefaultCurrency);
        if (understanding.Unrecognised is { } what)
        {
            review.Add(new RouteReason(ReasonCodes.IntentUnrecognised, $"Intent not recognised: {what}. {understanding.Advice}", true));
        }

        if (understanding.AmountProblem is { } amount)
        {
            review.Add(new RouteReason(ReasonCodes.AmountAmbiguous, $"Amount not understood for {understanding.Intent} under {understanding.Policy}: {amount}.", true));
        }

        if (understanding.Missing.Count > 0)
        {
            review.Add(new RouteReason(ReasonCodes.FactMissing, $"Facts {understanding.Policy} needs for {understanding.Intent} were not read: {string.Join(", ", understanding.Missing)}.", true));
        }

        // A reply covers the whole message or is not sent: what else is asked, a question rather than a request, a refund
        // asked to go elsewhere, part of a charge with no amount.
        var f = input.Facts;
        if (f.RefundStatus is { Overdue: true, RefundedOn: { } made, ExpectedBy: { } due })
        {
            review.Add(new RouteReason(ReasonCodes.RefundOverdue,
                $"The refund made on {made:yyyy-MM-dd} should have reached the customer by {due:yyyy-MM-dd} (\"{f.RefundStatus.Question}\"): a person checks it with the payment provider and gives the customer its reference.", true));
        }
        else if (f.RefundStatus is not null && !workspace.ToneGuide.CanSay(reply, "status.refunded"))
        {
            review.Add(new RouteReason(ReasonCodes.ReplyLanguageMissing,
                $"A question about a refund already made, in {reply}, but the tone guide has no sentences for it in that language (status.refunded, status.arrives): a human replies. Add them to languages.{reply}.templates to answer it automatically.", true));
        }

        // The money already went back and the customer only asks when it arrives: nothing is done twice, so that is no reason.
        if (f.AlreadyDone is { } done && understanding.Intent != CaseUnderstanding.RefundStatusIntent
            && (f.HasAsk(CaseAsks.Refund) || f.HasAsk(CaseAsks.Credit) || f.HasAsk(CaseAsks.Cancel) || understanding.Intent is not null))
        {
            review.Add(new RouteReason(ReasonCodes.AlreadyDone,
                $"It was already done (\"{done}\"): doing it again would pay or cancel twice, so a person confirms what is left to do.", true));
        }

        if (f.Retracted is { } takenBack)
        {
            review.Add(new RouteReason(ReasonCodes.AskNotCovered,
                $"The customer takes back an earlier ask (\"{takenBack}\"): a person reads what is still asked before anything is done.", true));
        }

        if (understanding.Intent is not null)
        {
            foreach (var other in f.OtherAsks.Take(3))
            {
                review.Add(new RouteReason(ReasonCodes.AskNotCovered,
                    $"The customer also asks \"{other}\", which {understanding.Intent} under {understanding.Policy} does not cover: the reply would leave it unanswered.", true));
            }

            if (f.Hypothetical is { } question)
            {
                review.Add(new RouteReason(ReasonCodes.QuestionNotRequest,
                    $"The customer asks what would happen (\"{question}\"), not for {understanding.Intent}: a human answers the question instead of acting on it.", true));
            }

            // "Refund the €249 you charged" from an account billed €149 a month: no charge of the account is that amount.
            if (AboveTheFee(f, input.Customer) && f.Amount is { } asked && input.Customer is { } billed)
            {
                review.Add(new RouteReason(ReasonCodes.AmountAmbiguous,
                    $"The refund asked ({asked:0.##} {f.Currency ?? billed.Currency}) is more than the account's monthly fee ({billed.Mrr:0.##} {billed.Currency}) and is not its annual fee: a human checks which charge it was before money goes back.", true));
            }

            if (f.RefundElsewhere is { } elsewhere)
            {
                review.Add(new RouteReason(ReasonCodes.RefundDestination,
                    $"The refund is asked to go elsewhere than the payment it came from (\"{elsewhere}\"); a refund goes back to the card or account that paid: a human checks.", true));
            }

            // "refund whatever is fair" of the €99 charge; not "the €67.50 difference", whose sum is named with the request.
            if (f.PartialAsk is { } partial && understanding.AmountProblem is null && PartUnsure(f))
            {
                review.Add(new RouteReason(ReasonCodes.AmountAmbiguous,
                    $"Amount not understood for {understanding.Intent} under {understanding.Policy}: part of the charge is asked back (\"{partial}\") and no amount is named.", true));
            }
        }

        return understanding;
    }

    /// <summary>
    /// Part of a charge is asked back ("only the 3 unused seats", "half of the pack") and its sum is not named, or what was
    /// read is a price per unit: no refund is proposed or promised until a person works it out.
    /// </summary>
    public static bool PartUnsure(CaseFacts f) => f.PartialAsk is not null && (!f.AmountRequested || f.AmountAmbiguity is not null);

    /// <summary>
    /// "Refund the €249 you charged" from an account billed €149 a month, and not its annual fee, with no add-on, seats,
    /// upgrade or extension named: no charge of the account is known to be that amount, so none is proposed or promised.
    /// </summary>
    public static bool AboveTheFee(CaseFacts f, CustomerEntity? billed) =>
        f.HasAsk(CaseAsks.Refund) && f.Amount is { } asked && billed is { Mrr: > 0 }
        && asked > billed.Mrr && asked != billed.Arr && !f.ExtraCharged && (f.Currency is null || f.Currency == billed.Currency);

    private static string Quote(TextSignals t, string signal) =>
        t.Evidence.FirstOrDefault(e => e.Signal == signal) is { } e ? $" (\"{e.Text}\")" : "";

    private static string Quote(TextSignals t, params string[] signals) =>
        t.Evidence.FirstOrDefault(e => signals.Contains(e.Signal)) is { } e ? $" (\"{e.Text}\")" : "";
}

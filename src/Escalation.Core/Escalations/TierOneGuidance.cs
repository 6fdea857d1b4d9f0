using System.Globalization;
using System.Text.RegularExpressions;
using Escalation.Core.Cases;
using Escalation.Core.Knowledge;
using Escalation.Core.Sensitive;

namespace Escalation.Core.Escalations;

/// <summary>
/// The "Tell the customer" line of a case returned to tier 1: the concrete answer (the playbook step that fits the
/// case, or the refund and its timeline), not a reminder to write one, ending on seed 003's checklist (confirm it
/// works, invite them back).
/// </summary>
public static partial class TierOneGuidance
{
    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "who", "how", "her", "his", "from", "that", "they", "with", "you", "your", "use", "our", "not", "but", "can", "are", "was",
    };

    /// <summary>What tier 1 should tell the customer, in one line.</summary>
    public static string TellTheCustomer(CaseSubmissionRef ticket, ReceivedHandoff received, EscalationContext context, PolicyApplication application, Workspace workspace)
    {
        const string Close = " Check with them that it works, and invite them to reply if anything else comes up.";
        if (application.Recommendation == Recommendations.ProcessRefund && application.Offer is { } o)
        {
            var days = PolicyNumbers.Governing(workspace, context.Retrieval, PolicyCategories.Refund)?.NumberOrNull("refundProcessingDays");
            return $"Tell the customer: you have refunded {Money.Format(o.Amount, o.Currency)} to the card or account they paid with, and it reaches them " +
                (days is { } n ? $"within {n.ToString("0", CultureInfo.InvariantCulture)} business days." : "on their next statement.") + Close;
        }

        if (application.Recommendation == Recommendations.ConfirmFacts)
        {
            return "Tell the customer: to check the refund window you need the charge date and amount; ask for the invoice number, and say you will answer within one business day of getting it.";
        }

        if (BestStep(ticket, received, context) is { } step)
        {
            return $"Tell the customer the fix for their case, step by step: {step}" + Close;
        }

        return "Tell the customer what you checked, what they can do now, and when they will hear from you next." + Close;
    }

    /// <summary>The playbook step sharing the most words with the subject and the handoff summary; null when none shares any.</summary>
    private static string? BestStep(CaseSubmissionRef ticket, ReceivedHandoff received, EscalationContext context)
    {
        if (context.Retrieval.Playbook is not { } playbook)
        {
            return null;
        }

        var caseWords = Words($"{ticket.Subject} {received.Handoff.Summary} {received.Handoff.WhatNeeded}");
        return playbook.Steps
            .Select((step, i) => (step, i, hits: Words(step).Count(caseWords.Contains)))
            .Where(x => x.hits > 0)
            .OrderByDescending(x => x.hits).ThenBy(x => x.i)
            .Select(x => x.step)
            .FirstOrDefault();
    }

    private static HashSet<string> Words(string text) =>
        new(WordSplit().Split(text.ToLowerInvariant()).Where(w => w.Length >= 3 && !Stop.Contains(w)), StringComparer.Ordinal);

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex WordSplit();
}

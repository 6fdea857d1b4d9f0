using System.Globalization;
using System.Text;
using Escalation.Core.Cases;
using Escalation.Core.Knowledge;

namespace Escalation.Core.Sensitive;

/// <summary>
/// Renders the workspace prompt template for one case. The model sees only what a grounded reply may
/// use: the case facts, the customer's tone, the cited policies with their numbers, the precedents,
/// the playbook steps, the authorised offer or review hold, and an explicit list of what it may not promise.
/// </summary>
public static class ChatPromptBuilder
{
    private const string DateFormat = "d MMMM yyyy";

    /// <summary>Render <paramref name="template"/> for <paramref name="request"/>.</summary>
    public static ChatPrompt Build(ChatPromptTemplate template, DraftRequest request, Workspace workspace)
    {
        var values = Values(request, workspace);
        return new ChatPrompt
        {
            Messages =
            [
                new ChatPromptMessage(ChatPromptRoles.System, ChatPromptTemplate.Substitute(template.System, values)),
                new ChatPromptMessage(ChatPromptRoles.User, ChatPromptTemplate.Substitute(template.User, values)),
            ],
            TemplatePath = template.Path,
            TemplateHash = template.Hash,
            RevisionTemplate = template.Revision,
        };
    }

    /// <summary>The value of every placeholder except <c>violations</c>.</summary>
    public static IReadOnlyDictionary<string, string> Values(DraftRequest request, Workspace workspace)
    {
        var tone = request.Signals.Text.CustomerTone;
        var guide = workspace.ToneGuide;
        var name = request.CustomerName.Trim();
        var reply = ReplyText.For(request, workspace);
        var banned = reply.BannedPhrases.ToArray();
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["reply_language"] = ReplyLanguageName(request, reply),
            ["greeting"] = ComposerSentences.Greeting(request, name.Split(' ')[0], reply),
            ["ai_disclosure"] = string.IsNullOrWhiteSpace(reply.AiDisclosure) ? "(none)" : reply.AiDisclosure.Trim(),
            ["customer_name"] = name,
            ["first_name"] = name.Split(' ')[0],
            ["subject"] = string.IsNullOrWhiteSpace(request.Subject) ? "(no subject)" : CaseText.Normalize(request.Subject),
            ["customer_tone"] = tone,
            ["tone_register"] = guide.For(tone)?.MatchWith ?? "Clear and warm",
            ["tone_opening"] = reply.Opening(tone)?.Trim() ?? "",
            ["brand_voice"] = guide.BrandVoice.Trim(),
            ["sign_off"] = reply.SignOff,
            ["max_reading_grade"] = guide.MaxReadingGrade.ToString("0.#", CultureInfo.InvariantCulture),
            ["case_facts"] = Facts(request),
            ["policies"] = Policies(request, workspace),
            ["precedents"] = Precedents(request, workspace),
            ["playbook"] = request.Retrieval.Playbook is { } pb
                ? $"{pb.Title}\n" + string.Join("\n", pb.Steps.Select((s, i) => $"{i + 1}. {s}"))
                : "No playbook applies.",
            ["offer"] = Offer(request, reply) + Cancellation(request),
            ["review"] = Review(request),
            ["must_not_promise"] = string.Join("\n", MustNotPromise(request, workspace).Select(x => "- " + x)),
            ["banned_phrases"] = banned.Length == 0
                ? "(none)"
                : string.Join("\n", banned.Select(b => $"- \"{b.Phrase}\": {b.Reason}")),
        };
    }

    /// <summary>"Spanish (es)": the language the reply must be written in.</summary>
    private static string ReplyLanguageName(DraftRequest request, ReplyText reply) =>
        reply.IsEnglish ? "English (en)" : $"{request.Signals.Language.Name} ({reply.Code})";

    /// <summary>What the reply may not promise or say, as plain rules.</summary>
    public static IReadOnlyList<string> MustNotPromise(DraftRequest request, Workspace workspace)
    {
        var f = request.Facts;
        var currency = f.Currency ?? workspace.Routing.DefaultCurrency;
        var rules = new List<string>();
        if (request.HoldForReview && request.Proposal is { } proposal)
        {
            rules.Add($"Any amount of money other than the proposed {proposal.Kind} of {Money.Format(proposal.Amount, proposal.Currency)}, which a reviewer approves before the reply is sent.");
        }
        else if (request.HoldForReview)
        {
            rules.Add("Any amount of money, and any promise that a refund or credit will be given: a senior colleague reviews this case first.");
        }

        rules.Add($"A refund above {Money.Format(PolicyNumbers.Cap(workspace, PolicyCategories.Refund), currency)} (the auto-approve cap).");
        rules.Add($"A credit above {Money.Format(PolicyNumbers.Cap(workspace, PolicyCategories.SlaCredit), currency)} (the auto-approve cap).");
        if (request.Offer is { } o && !request.HoldForReview)
        {
            rules.Add($"Any amount other than the authorised {o.Kind} of {Money.Format(o.Amount, o.Currency)}.");
        }
        else if (!request.HoldForReview)
        {
            rules.Add("Any specific amount of money: none has been authorised.");
        }

        if (f.OutsideWindow && string.IsNullOrWhiteSpace(request.ExceptionRationale))
        {
            rules.Add($"A refund: the purchase is {f.DaysPastWindow} days past the {f.RefundWindowDays}-day refund window, and only a reviewer can make an exception.");
        }

        var allowed = AllowedDates(request);
        rules.Add(allowed.Count == 0
            ? "Any calendar date (use \"within one business day\" style timelines instead)."
            : $"Any calendar date other than {string.Join(" or ", allowed.Select(d => d.ToString(DateFormat, CultureInfo.InvariantCulture)))}.");
        if (request.Signals.Text.Legal)
        {
            var kinds = request.Signals.Text.LegalKinds.Count > 0 ? $" ({string.Join(", ", request.Signals.Text.LegalKinds)})" : "";
            rules.Add($"Any admission of fault, liability or negligence, and any legal advice: this case is legal-sensitive{kinds}.");
        }

        rules.Add("Blame on a partner, provider, bank or any other third party.");
        rules.Add("Anything about other customers or past cases (the precedents are for your judgement only).");
        return rules;
    }

    private static List<DateOnly> AllowedDates(DraftRequest r)
    {
        var dates = new List<DateOnly>();
        if (r.Facts.PurchaseDate is { } pd)
        {
            dates.Add(pd);
        }

        if (r.ReviewBy is { } by && !dates.Contains(DateOnly.FromDateTime(by.UtcDateTime)))
        {
            dates.Add(DateOnly.FromDateTime(by.UtcDateTime));
        }

        return dates;
    }

    private static string Facts(DraftRequest r)
    {
        var f = r.Facts;
        var s = r.Signals;
        var lines = new List<string> { $"Ticket: {r.TicketId}", $"Priority: {s.Priority}" };
        if (f.Amount is { } a)
        {
            lines.Add($"Amount in dispute: {Money.Format(a, f.Currency ?? "EUR")}");
        }

        if (f.PurchaseDate is { } pd)
        {
            lines.Add($"Charge or purchase date: {pd.ToString(DateFormat, CultureInfo.InvariantCulture)}" +
                (f.DaysSincePurchase is { } d ? $" ({d} days before the customer asked)" : ""));
        }

        if (f.RefundWindowDays is { } w)
        {
            lines.Add($"Refund window: {w} days" + (f.DaysPastWindow is { } past ? (past > 0 ? $"; this is {past} days past it" : "; this is within it") : ""));
        }

        if (f.OutageHours is { } h)
        {
            lines.Add($"Outage reported: {h.ToString("0.#", CultureInfo.InvariantCulture)} hours");
        }

        lines.Add($"Cause: {f.Cause}");
        lines.Add($"The customer asks for: {(f.Asks.Count == 0 ? "help (no specific ask found)" : string.Join(", ", f.Asks))}");
        var flags = new List<string>();
        if (s.Text.Legal) { flags.Add("legal-sensitive"); }
        if (s.Text.ManagerRequest) { flags.Add("asked for a manager"); }
        if (s.Text.ChurnThreat) { flags.Add("threatens to leave"); }
        if (s.Text.Outage) { flags.Add("outage"); }
        if (s.Text.DataLoss) { flags.Add("data loss"); }
        if (s.Text.Security) { flags.Add("security concern"); }
        if (s.Text.Chargeback) { flags.Add("chargeback threat"); }
        if (s.Text.Fraud) { flags.Add("says the charge was not theirs (possible fraud)"); }
        if (s.Text.Bereavement) { flags.Add("bereavement: write with care"); }
        if (s.Text.Negative) { flags.Add($"negative, intensity {s.Text.Intensity.ToString("0.00", CultureInfo.InvariantCulture)}"); }
        if (flags.Count > 0)
        {
            lines.Add("Signals: " + string.Join("; ", flags));
        }

        if (!string.IsNullOrWhiteSpace(r.ExceptionRationale))
        {
            lines.Add("Exception considered: " + r.ExceptionRationale);
        }

        return string.Join("\n", lines.Select(l => "- " + l));
    }

    private static string Policies(DraftRequest r, Workspace ws)
    {
        var sb = new StringBuilder();
        foreach (var match in r.Retrieval.Policies)
        {
            if (ws.FindPolicy(match.Id) is not { } p)
            {
                continue;
            }

            sb.Append("### ").Append(p.Title).Append(" (").Append(p.Id).Append('@').Append(p.Version).Append(")\n");
            if (p.Numbers.Count > 0)
            {
                sb.Append("Numbers: ").Append(string.Join(", ", p.Numbers.OrderBy(n => n.Key, StringComparer.Ordinal)
                    .Select(n => $"{n.Key} = {n.Value.ToString(CultureInfo.InvariantCulture)}"))).Append('\n');
            }

            foreach (var g in p.Guardrails)
            {
                sb.Append("Guardrail (never break): ").Append(g).Append('\n');
            }

            foreach (var rule in p.Rules)
            {
                sb.Append("Rule ").Append(rule.Id).Append(": ").Append(rule.Text).Append('\n');
            }

            if (!string.IsNullOrWhiteSpace(p.Body))
            {
                sb.Append(p.Body.Trim()).Append('\n');
            }

            sb.Append('\n');
        }

        return sb.Length == 0 ? "No policy matched this case." : sb.ToString().TrimEnd();
    }

    private static string Precedents(DraftRequest r, Workspace ws)
    {
        var lines = r.Retrieval.Precedents.Select(m =>
        {
            var p = ws.Precedents.FirstOrDefault(x => x.Id == m.Id);
            var detail = p is null ? "" : $" Outcome: {p.Outcome} Why: {p.Rationale}".TrimEnd();
            return $"- {m.Title}: {m.Decision}.{detail}";
        }).ToArray();
        return lines.Length == 0 ? "No similar past decisions." : string.Join("\n", lines);
    }

    private static string Offer(DraftRequest r, ReplyText reply) => r.Offer is { } o && !r.HoldForReview
        ? $"Authorised: a {o.Kind} of {Money.Format(o.Amount, o.Currency)} ({o.PolicyCitation.Split('#')[0]}). Say you have done it (\"I have refunded …\"), with exactly this amount{WrittenAs(reply, o)}, once, and when it reaches the customer."
        : r.HoldForReview && r.Proposal is { } p
            ? $"Proposed for approval: a {p.Kind} of {Money.Format(p.Amount, p.Currency)} ({p.PolicyCitation.Split('#')[0]}). Write the reply as it goes out once approved: say you have done it, with exactly this amount{WrittenAs(reply, p)}, and give the exception's reason when there is one."
            : "No money is authorised. Do not state any amount.";

    private static string Cancellation(DraftRequest r) => r.CancelEffective is { } effective
        ? $" The plan is cancelled with this reply, effective {(effective == Actions.CancellationAuthority.EndOfTerm ? "at the end of the period already paid for" : effective)}: say you have cancelled it, until when it stays active, and that it will not be charged again."
        : r.CancelTermEnds is { } ends
            ? $" The customer asked the cancellation to take effect {(r.Facts.CancelNow ? "straight away" : r.Facts.CancelDate is { } on ? $"on {on:yyyy-MM-dd}" : "at a time of their own")}, and the term runs until {(ends == Actions.CancellationAuthority.EndOfTerm ? "the end of the period already paid for" : ends)}: nothing is cancelled yet. Say both, and do not say the plan is cancelled."
            : "";

    /// <summary>How the amount must be written in a reply that is not in English (", written 99 €").</summary>
    private static string WrittenAs(ReplyText reply, DraftOffer o) => reply.IsEnglish ? "" : $", written {reply.Money(o.Amount, o.Currency)}";

    // A held draft is the final answer once a reviewer approves it; what the customer hears meanwhile is a separate message.
    private static string Review(DraftRequest r) => r.HoldForReview
        ? (r.Proposal is not null
            ? "A reviewer approves this reply before it is sent. Write it as the final answer: state the proposed resolution as done. Do not say the case was passed to a colleague."
            : "A senior colleague reviews this case before anything is decided. Say that a senior colleague is working on it" +
              (r.ReviewBy is { } by ? $", and that the customer will hear from us by {ComposerDraftWriter.FormatDeadline(by)}." : ", and that the customer will hear from us soon."))
        : "No review is pending. Say what you have done and when the customer sees the result, and offer a person if they would rather talk to one.";
}

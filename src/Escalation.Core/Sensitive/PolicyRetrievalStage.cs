using System.Globalization;
using Escalation.Core.Cases;
using Escalation.Core.Knowledge;
using Escalation.Core.Signals;
using Escalation.Core.Tickets;
using Escalation.Core.Tracing;

namespace Escalation.Core.Sensitive;

/// <summary>
/// <c>retrieve-policy</c>: finds the policies governing a case (category from the facts and signals,
/// tags and text relevance), the most similar precedents, the matching playbook, and reports match
/// strength and policy conflict. Deterministic scoring, no models.
/// </summary>
public sealed partial class PolicyRetrievalStage
{
    private const string Stage = "retrieve-policy";

    /// <summary>Retrieve the knowledge for one case.</summary>
    public PolicyRetrieval Retrieve(CaseSubmission ticket, CustomerEntity customer, CaseSignals signals, CaseFacts facts, Workspace workspace, DateTimeOffset now)
    {
        var trace = new List<TraceEntry>();
        var text = CaseText.Joined(ticket);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var wanted = WantedCategories(signals.Text, facts);
        trace.Add(TraceEntry.Read(Stage,
            $"Read {workspace.Policies.Count} policies, {workspace.Precedents.Count} precedents, {workspace.Playbooks.Count} playbooks of workspace {workspace.Version}; categories that apply: {(wanted.Count == 0 ? "none" : string.Join(", ", wanted))}.",
            workspace.Version));

        var policies = new List<PolicyMatch>();
        var glossed = RuleGlosses.For(text).ToHashSet(StringComparer.Ordinal);
        var caseWords = new HashSet<string>(WordSplit().Split(text).Where(w => w.Length >= 5).Concat(glossed), StringComparer.Ordinal);
        foreach (var p in workspace.Policies)
        {
            var rank = wanted.IndexOf(p.Category);
            var tags = Lowered(p.Tags);
            var tagHits = p.Tags.Where((_, i) => StartsAWord(text, tags[i]) || glossed.Contains(tags[i])).Order(StringComparer.Ordinal).ToArray();
            var score = rank >= 0
                ? (rank == 0 ? 0.7 : 0.45) + Math.Min(0.3, tagHits.Length * 0.15)
                : Math.Min(0.5, tagHits.Length * 0.25);
            // "Could you re-issue the November invoice with our VAT ID?" names the rule in fewer of its words than a match
            // needs: the re-issue read from the message is the invoice-correction rule's request.
            var rule = RelevantRule(p, caseWords) ?? ReissueRule(p, facts);
            if (rule is not null)
            {
                score += 0.25;
            }

            if (score < 0.2)
            {
                continue;
            }

            score = Math.Round(Math.Min(1, score), 3);
            var why = (rank >= 0 ? $"category {p.Category} applies" : $"category {p.Category}")
                + (tagHits.Length > 0 ? $"; text mentions {string.Join(", ", tagHits.Select(t => $"\"{t}\""))}" : "")
                + (rule is not null ? $"; rule {rule.Value.Id} shares {string.Join(", ", rule.Value.Words)}" : "");
            policies.Add(new PolicyMatch(p.Id, p.Version, p.Category, p.Citation, score, why, rule?.Id));
        }

        policies = policies.OrderByDescending(m => m.Score).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
        foreach (var m in policies)
        {
            trace.Add(TraceEntry.Found(Stage, $"Policy {m.Id}@{m.Version} (score {F(m.Score)}): {m.Why}.", m.Citation));
        }

        var tenure = customer.TenureMonths(today);
        var precedents = workspace.Precedents
            .Select(p => Similar(p, customer.Tier, tenure, facts, wanted))
            .Where(m => m.Similarity >= 0.4)
            .OrderByDescending(m => m.Similarity).ThenBy(m => m.Id, StringComparer.Ordinal)
            .Take(3)
            .ToArray();
        foreach (var m in precedents)
        {
            trace.Add(TraceEntry.Found(Stage, $"Precedent {m.Id} ({m.Decision}, similarity {F(m.Similarity)}): {m.Why}.", m.Id));
        }

        var playbook = BestPlaybook(workspace.Playbooks, text, signals.Text, facts);
        if (playbook is not null)
        {
            trace.Add(TraceEntry.Found(Stage, $"Playbook {playbook.Id}: {playbook.Why}.", playbook.Id));
        }

        var strength = policies.Count == 0 ? 0 : policies[0].Score;
        var conflict = DiscountedPeriod(workspace, facts, customer, today) ?? FindConflict(workspace, facts, signals.Text, policies, precedents);
        trace.Add(TraceEntry.Decided(Stage,
            $"Policy match strength {F(strength)} (minimum {F(workspace.Routing.PolicyMatchMinStrength)})"
            + (conflict is null ? "; no policy conflict." : $"; policy conflict: {conflict}."),
            policies.Select(p => p.Citation).ToArray()));

        return new PolicyRetrieval
        {
            Policies = policies,
            Precedents = precedents,
            Playbook = playbook,
            MatchStrength = strength,
            Conflict = conflict is not null,
            ConflictReason = conflict,
            Trace = trace,
        };
    }

    /// <summary>The rule whose text shares the most content words (≥ 3, five letters or more) with the case, if any.</summary>
    private static (string Id, string[] Words)? ReissueRule(Policy p, CaseFacts facts) =>
        facts.InvoiceReissue is { } asked && InvoiceDetail().Match(asked) is { Success: true } detail
            && p.Rules.Any(r => r.Id == Actions.ActionPlanner.InvoiceCorrectionRule)
            ? (Actions.ActionPlanner.InvoiceCorrectionRule, ["re-issue", detail.Value.ToLowerInvariant()])
            : null;

    // What the invoice-correction rule corrects: company details, a VAT or tax number, a purchase-order reference (not the
    // currency, the amount or the plan).
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(vat|tax (id|number)|company (name|details|address)|billing address|address|po|p\.o\.|purchase[- ]order|order (number|reference)|nif|cif|ust-?id\w*|steuernummer|firmenname|firmenanschrift|tva|siret|siren|raison sociale|nipc|partita iva|p\.? ?iva|codice fiscale|ragione sociale|raz[óo]n social|btw(-nummer)?|kvk|bestellnummer|n[úu]mero de pedido|bon de commande|ordine d'acquisto|inkoopordernummer)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex InvoiceDetail();

    private static (string Id, string[] Words)? RelevantRule(Policy p, HashSet<string> caseWords)
    {
        (string Id, string[] Words)? best = null;
        foreach (var r in p.Rules)
        {
            var shared = RuleWords.GetValue(r, rule => WordSplit().Split(rule.Text.ToLowerInvariant()).Where(w => w.Length >= 5).Distinct().Order(StringComparer.Ordinal).ToArray())
                .Where(caseWords.Contains).ToArray();
            if (shared.Length >= 3 && (best is null || shared.Length > best.Value.Words.Length))
            {
                best = (r.Id, shared);
            }
        }

        return best;
    }

    /// <summary>A rule's content words (five letters or more), computed once per rule of a loaded workspace.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PolicyRule, string[]> RuleWords = new();

    /// <summary>Tags and trigger words in lower case, computed once per list of a loaded workspace.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<string>, string[]> LowerCase = new();

    /// <summary>
    /// Whether <paramref name="phrase"/> occurs in <paramref name="text"/> at the start of a word: "idiot" in "idiots",
    /// "refund" in "refunded", but not the legal tag "sue" in "issue" or "reissue".
    /// </summary>
    private static bool StartsAWord(string text, string phrase)
    {
        for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            if (at == 0 || !char.IsLetterOrDigit(text[at - 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static string[] Lowered(IReadOnlyList<string> words) => LowerCase.GetValue(words, list => [.. list.Select(w => w.ToLowerInvariant())]);

    [System.Text.RegularExpressions.GeneratedRegex("[^a-z]+")]
    private static partial System.Text.RegularExpressions.Regex WordSplit();

    /// <summary>Categories that govern the case, the primary one first.</summary>
    private static List<string> WantedCategories(TextSignals s, CaseFacts f)
    {
        var list = new List<string>();
        void Add(bool when, string category)
        {
            if (when && !list.Contains(category))
            {
                list.Add(category);
            }
        }

        Add(s.Legal && (s.LegalKinds.Contains(LegalKinds.DataRequest) || s.LegalKinds.Contains(LegalKinds.ConsentWithdrawal)) || f.HasAsk(CaseAsks.DataAccess), PolicyCategories.DataAccess);
        Add(s.Legal, PolicyCategories.Legal);
        Add(f.HasAsk(CaseAsks.Refund) || s.Chargeback || f.RefundStatus is not null, PolicyCategories.Refund);
        Add(s.Outage || f.Cause == CaseCauses.Outage || f.OutageHours is not null, PolicyCategories.SlaCredit);
        Add(f.HasAsk(CaseAsks.Credit) || f.Cause is CaseCauses.Outage or CaseCauses.Defect || s.DataLoss, PolicyCategories.Compensation);
        Add(f.HasAsk(CaseAsks.Cancel) || s.ChurnThreat, PolicyCategories.Cancellation);
        Add(s.ManagerRequest || f.HasAsk(CaseAsks.Manager) || s.ChurnThreat, PolicyCategories.Escalation);
        Add(s.Abusive, PolicyCategories.Conduct);
        return list;
    }

    private static PrecedentMatch Similar(Precedent p, string tier, int tenure, CaseFacts f, List<string> wanted)
    {
        var parts = new List<string>();
        double score = 0;
        if (wanted.Contains(p.Category))
        {
            score += 0.3;
            parts.Add($"same category ({p.Category})");
        }

        if (p.Facts.Cause is { } cause && cause == f.Cause && cause != CaseCauses.Other)
        {
            score += 0.25;
            parts.Add($"same cause ({cause})");
        }

        if (p.Facts.Tier is { } t && string.Equals(t, tier, StringComparison.OrdinalIgnoreCase))
        {
            score += 0.1;
            parts.Add($"same tier ({t})");
        }

        if (p.Facts.TenureMonths is { } pt && tenure > 0)
        {
            var c = Closeness(pt, tenure);
            score += 0.1 * c;
            if (c >= 0.5)
            {
                parts.Add($"similar tenure ({pt} vs {tenure} months)");
            }
        }

        if (p.Facts.Amount is { } pa && f.Amount is { } fa)
        {
            var c = Closeness((double)pa, (double)fa);
            score += 0.1 * c;
            if (c >= 0.5)
            {
                parts.Add($"similar amount ({pa.ToString(CultureInfo.InvariantCulture)} vs {fa.ToString(CultureInfo.InvariantCulture)})");
            }
        }

        if (p.Facts.DaysPastWindow is { } pd && f.DaysPastWindow is { } fd)
        {
            var c = pd == 0 && fd == 0 ? 1 : Closeness(pd, fd);
            score += 0.15 * c;
            if (c >= 0.5)
            {
                parts.Add($"similar days past the window ({pd} vs {fd})");
            }
        }

        return new PrecedentMatch(p.Id, p.Title, p.Decision, p.Facts.Cause, Math.Round(score, 3), parts.Count == 0 ? "little in common" : string.Join(", ", parts), p.Category);
    }

    private static double Closeness(double a, double b) =>
        a <= 0 && b <= 0 ? 1 : 1 - (Math.Abs(a - b) / Math.Max(Math.Abs(a), Math.Abs(b)));

    private static PlaybookMatch? BestPlaybook(IReadOnlyList<Playbook> playbooks, string text, TextSignals s, CaseFacts f)
    {
        var active = ActiveSignals(s, f);
        PlaybookMatch? best = null;
        var bestScore = 0;
        foreach (var p in playbooks)
        {
            var triggers = Lowered(p.TriggerWords);
            var words = p.TriggerWords.Where((_, i) => StartsAWord(text, triggers[i])).ToArray();
            var sigs = p.TriggerSignals.Where(active.Contains).ToArray();
            // A playbook that names the situations it is for (refund past the window, chargeback…) is not picked on its
            // words alone when none of them holds: "refund" within the window is no past-the-window case.
            var score = p.TriggerSignals.Count > 0 && sigs.Length == 0 ? 0 : words.Length + (sigs.Length * 2);
            if (score > bestScore)
            {
                bestScore = score;
                var why = string.Join("; ", new[]
                {
                    words.Length > 0 ? "words " + string.Join(", ", words.Select(w => $"\"{w}\"")) : null,
                    sigs.Length > 0 ? "signals " + string.Join(", ", sigs) : null,
                }.Where(x => x is not null));
                best = new PlaybookMatch(p.Id, p.Title, p.Steps, why);
            }
        }

        return best;
    }

    private static HashSet<string> ActiveSignals(TextSignals s, CaseFacts f)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (s.Legal) set.Add(PlaybookSignals.Legal);
        if (s.Abusive) set.Add(PlaybookSignals.Abusive);
        if (s.ManagerRequest || f.HasAsk(CaseAsks.Manager)) set.Add(PlaybookSignals.ManagerRequest);
        if (s.ChurnThreat) set.Add(PlaybookSignals.Churn);
        if (s.Outage || f.Cause == CaseCauses.Outage) set.Add(PlaybookSignals.Outage);
        if (s.DataLoss) set.Add(PlaybookSignals.DataLoss);
        if (s.Security) set.Add(PlaybookSignals.Security);
        if (s.Chargeback) set.Add(PlaybookSignals.Chargeback);
        if (f.HasAsk(CaseAsks.Refund)) set.Add(PlaybookSignals.Refund);
        if (f.HasAsk(CaseAsks.Refund) && f.OutsideWindow) set.Add(PlaybookSignals.RefundPastWindow);
        if (s.Cancellation || f.HasAsk(CaseAsks.Cancel)) set.Add(PlaybookSignals.Cancellation);
        if (f.HasAsk(CaseAsks.Credit)) set.Add(PlaybookSignals.Credit);
        if (s.Fraud) set.Add(PlaybookSignals.Fraud);
        if (s.Distress) set.Add(PlaybookSignals.Distress);
        if (s.LiveIncident) set.Add(PlaybookSignals.Incident);
        if (s.PublicExposure) set.Add(PlaybookSignals.PublicExposure);
        if (s.PatientSafety) set.Add(PlaybookSignals.PatientSafety);
        if (s.LegalKinds.Contains(LegalKinds.PrivacyBreach)) set.Add(PlaybookSignals.PrivacyBreach);
        return set;
    }

    /// <summary>
    /// A refund asked of a charge in the period of a retention discount the customer accepted, where a guardrail says such
    /// charges are not refunded unless a manager decides: the refund policy says yes, that guardrail no.
    /// </summary>
    private static string? DiscountedPeriod(Workspace ws, CaseFacts f, CustomerEntity customer, DateOnly today)
    {
        if (!f.HasAsk(CaseAsks.Refund) || RetentionDiscounts.Latest(customer, today) is not { } accepted
            || !accepted.Covers(f.PurchaseDate ?? today))
        {
            return null;
        }

        foreach (var policy in ws.Policies)
        {
            if (policy.Guardrails.FirstOrDefault(g => DiscountGuardrail().IsMatch(g)) is { } guardrail)
            {
                return $"{policy.Id}@{policy.Version}: \"{guardrail}\" and the charge{(f.PurchaseDate is { } d ? $" of {d:yyyy-MM-dd}" : "")} falls in the retention discount the account accepted ({accepted.From:yyyy-MM-dd} to {accepted.To:yyyy-MM-dd}: \"{accepted.Note}\")";
            }
        }

        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"retention discount.*\brefund|\brefund.*retention discount", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex DiscountGuardrail();

    /// <summary>The refund window says no while outage compensation or an approved outage precedent says yes.</summary>
    private static string? FindConflict(Workspace ws, CaseFacts f, TextSignals s, List<PolicyMatch> policies, IReadOnlyList<PrecedentMatch> precedents)
    {
        if (!f.HasAsk(CaseAsks.Refund) || !f.OutsideWindow)
        {
            return null;
        }

        var refund = policies.FirstOrDefault(p => p.Category == PolicyCategories.Refund);
        var says = new List<string>();
        if ((s.Outage || f.Cause == CaseCauses.Outage) && policies.FirstOrDefault(p => p.Category is PolicyCategories.SlaCredit or PolicyCategories.Compensation) is { } comp)
        {
            says.Add($"{comp.Id}@{comp.Version} compensates the outage");
        }

        if (f.Cause is CaseCauses.Defect or CaseCauses.BillingError && refund is not null)
        {
            says.Add($"a {f.Cause} is a valid reason for a refund");
        }

        // Each precedent is cited by what it decided: an SLA credit is no refund, and a partial decision granted part of it.
        foreach (var p in precedents.Where(p => p.Decision is "approved" or "partial" && p.Cause == f.Cause && p.Cause is not null and not CaseCauses.Other))
        {
            says.Add(p.Category is { } category && category != PolicyCategories.Refund
                ? $"precedent {p.Id} {(p.Decision == "approved" ? "approved" : "partly granted")} a similar {category} request"
                : p.Decision == "approved" ? $"precedent {p.Id} approved a similar refund" : $"precedent {p.Id} partly granted a similar refund request");
        }

        if (says.Count == 0)
        {
            return null;
        }

        var window = refund is not null ? $"{refund.Id}@{refund.Version}" : "the refund window";
        return $"{window} says no ({f.DaysPastWindow} days past the {f.RefundWindowDays}-day window) while {string.Join(" and ", says)}";
    }

    private static string F(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
}

using System.Globalization;
using Escalation.Core.Knowledge;
using Escalation.Core.Tickets;
using Escalation.Core.Tracing;

namespace Escalation.Core.Signals;

/// <summary>
/// The <c>detect</c> stage: reads the thread with an <see cref="ITextSignalAnalyzer"/>, adds what the customer
/// entity and history say (VIP, repeat complainant, commercial sensitivity), sets the priority (seed 003) and
/// writes trace entries that say what was found and why.
/// </summary>
public sealed class DetectStage(ITextSignalAnalyzer analyzer)
{
    public const string StageName = "detect";

    /// <summary>A stage over the embedded lexicon analyser.</summary>
    public DetectStage()
        : this(new LexiconSignalAnalyzer())
    {
    }

    /// <summary>Signals, priority and trace of one case.</summary>
    /// <param name="handoff">Tier 1's handoff of an escalation: its account of a live incident, data loss, a break-in or a chargeback counts too.</param>
    public CaseSignals Detect(IReadOnlyList<TicketMessage> messages, string? subject, CustomerEntity customer, RoutingSettings routing, DateOnly today, TierOneHandoff? handoff = null)
    {
        var text = analyzer is LexiconSignalAnalyzer lexicon ? lexicon.Analyze(messages, subject) : analyzer.Analyze(messages);
        text = CautionSignals.Add(text, messages, subject);
        text = HandoffSignals.Add(text, handoff);
        var language = LanguageIdentifier.Identify(CustomerText(messages, subject));
        // "vid periodens slut" is Swedish for "at the end of the period": the English word lists' insults and profanity mean
        // nothing in a language they do not cover (the case goes to a person who reads it anyway).
        // Read again without those words, so they set neither the tone nor the intensity the reply opens with ("I understand
        // why you are upset" to a polite Swedish cancellation).
        if (!language.Covered && text.Abusive)
        {
            var words = text.Evidence.Where(e => e.Signal == "abusive").Select(e => e.Text).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            string Blank(string s) => words.Aggregate(s, (t, w) => System.Text.RegularExpressions.Regex.Replace(t, @"\b" + System.Text.RegularExpressions.Regex.Escape(w) + @"\b", " ", System.Text.RegularExpressions.RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)));
            var plain = messages.Select(m => m.IsFromCustomer ? m with { Text = Blank(m.Text) } : m).ToList();
            var again = analyzer is LexiconSignalAnalyzer second ? second.Analyze(plain, subject is null ? null : Blank(subject)) : analyzer.Analyze(plain);
            text = HandoffSignals.Add(CautionSignals.Add(again, plain, subject is null ? null : Blank(subject)), handoff);
            text = text with { Abusive = false, Evidence = [.. text.Evidence.Where(e => e.Signal != "abusive")] };
        }

        var trace = new List<TraceEntry>
        {
            TraceEntry.Read(StageName, $"read {messages.Count} message(s) ({messages.Count(m => m.IsFromCustomer)} from the customer){(string.IsNullOrWhiteSpace(subject) ? "" : " and the subject")}; customer {customer.Id} ({customer.Tier})", customer.Id),
        };

        trace.Add(TraceEntry.Found(StageName, $"language {language.Label}: {language.Why}", "language"));
        trace.Add(TraceEntry.Found(StageName,
            string.Create(CultureInfo.InvariantCulture, $"sentiment {text.Sentiment:0.00}{(text.Negative ? " (negative)" : "")}, intensity {text.Intensity:0.00}, complaint {text.ComplaintScore:0.00}, tone {text.CustomerTone}{Quote(text, "intensity")}")));
        AddFound(trace, text, text.Legal, "legal sensitivity (" + string.Join(", ", text.LegalKinds) + ")", e => e.Signal.StartsWith("legal:", StringComparison.Ordinal), "legal");
        AddFound(trace, text, text.LegalDenied, "legal mention negated (not a legal threat; a human checks)", e => e.Signal == LexiconSignalAnalyzer.LegalDenied, "legal-denied");
        AddFound(trace, text, text.Abusive, "abusive language", e => e.Signal == "abusive", "abusive");
        AddFound(trace, text, text.ManagerRequest, "manager request", e => e.Signal == "manager", "manager-request");
        AddFound(trace, text, text.ChurnThreat, text.Competitor is { } c ? $"churn threat (competitor: {c})" : "churn threat", e => e.Signal is "churn" or "churn-competitor" or "cancellation", "churn-threat");
        AddFound(trace, text, text.Outage, "outage", e => e.Signal == "outage", "outage");
        AddFound(trace, text, text.DataLoss, "data loss", e => e.Signal == "data-loss", "data-loss");
        AddFound(trace, text, text.Security, "security incident", e => e.Signal == "security", "security");
        AddFound(trace, text, text.Chargeback, "chargeback threat", e => e.Signal == "chargeback", "chargeback");
        AddFound(trace, text, text.Distress, "distress", e => e.Signal == "distress", "distress");
        AddFound(trace, text, text.Incident, "incident", e => e.Signal is "incident" or "live" or "outage", "incident");
        AddFound(trace, text, text.PublicExposure, "public-exposure", e => e.Signal == "public-exposure", "public-exposure");
        AddFound(trace, text, text.FormalComplaint, "formal-complaint", e => e.Signal == "formal-complaint", "formal-complaint");
        AddFound(trace, text, text.CompensationDemand, "compensation-demand", e => e.Signal == "compensation-demand", "compensation-demand");
        AddFound(trace, text, text.Cancellation, "cancellation", e => e.Signal == "cancellation", "cancellation");
        AddFound(trace, text, text.Fraud, "unauthorised charge", e => e.Signal == "fraud", "fraud");
        AddFound(trace, text, text.Bereavement, "bereavement", e => e.Signal == "bereavement", "bereavement");
        AddFound(trace, text, text.HarmThreat, "threat of harm", e => e.Signal == "harm-threat", "harm-threat");
        AddFound(trace, text, text.PatientSafety, "patient safety", e => e.Signal == CautionSignals.PatientSafety, CautionSignals.PatientSafety);
        AddFound(trace, text, text.RepeatReport, "repeat-report", e => e.Signal == "repeat-report", "repeat-report");
        if (text.Evidence.FirstOrDefault(e => e.Signal == "law-firm-writer") is { } firm && !text.LegalKinds.Contains(LegalKinds.Lawyer))
        {
            trace.Add(TraceEntry.Found(StageName, $"the writer is a law firm (\"{firm.Text}\"): mentions of their own lawyers are not a legal threat", "law-firm-writer"));
        }

        var customerEvidence = new List<Evidence>();
        var (vip, vipWhy) = CustomerSignals.Vip(customer, routing);
        if (vipWhy is not null)
        {
            customerEvidence.Add(vipWhy);
            trace.Add(TraceEntry.Found(StageName, "VIP: " + vipWhy.Text, "vip"));
        }

        var (repeat, repeatWhy) = CustomerSignals.RepeatComplainant(customer, routing, today);
        customerEvidence.AddRange(repeatWhy);
        if (repeat)
        {
            trace.Add(TraceEntry.Found(StageName, "repeat complainant: " + string.Join("; ", repeatWhy.Select(e => e.Text)), "repeat-complainant"));
        }

        var (commercial, commercialWhy) = CustomerSignals.Commercial(customer, routing, today, text);
        customerEvidence.AddRange(commercialWhy);
        if (commercial)
        {
            trace.Add(TraceEntry.Found(StageName, "commercially sensitive: " + string.Join("; ", commercialWhy.Select(e => e.Text)), "commercial"));
        }

        var priority = PriorityRules.ForCase(text, customer, routing);
        trace.Add(TraceEntry.Decided(StageName, $"priority {priority.Priority}: {priority.Reason}", "priority"));

        return new CaseSignals
        {
            Text = text,
            Priority = priority.Priority,
            PriorityReason = priority.Reason,
            Vip = vip,
            RepeatComplainant = repeat,
            CommerciallySensitive = commercial,
            Language = language,
            CustomerEvidence = customerEvidence,
            Trace = trace,
        };
    }

    /// <summary>What the customer wrote (the subject only when there is no customer message): the language is theirs, not the agents'.</summary>
    private static string CustomerText(IReadOnlyList<TicketMessage> messages, string? subject)
    {
        var customer = string.Join("\n", messages.Where(m => m.IsFromCustomer).Select(m => m.Text));
        return customer.Trim().Length > 0 ? customer : subject ?? "";
    }

    private static void AddFound(List<TraceEntry> trace, TextSignals text, bool flag, string what, Func<Evidence, bool> select, string reference)
    {
        if (!flag)
        {
            return;
        }

        var spans = text.Evidence.Where(select).Select(e => Where(e)).Distinct().Take(4);
        trace.Add(TraceEntry.Found(StageName, $"{what}: {string.Join(", ", spans)}", reference));
    }

    private static string Quote(TextSignals text, string signal)
    {
        var spans = text.Evidence.Where(e => e.Signal == signal).Select(e => Where(e)).Distinct().Take(4).ToList();
        return spans.Count == 0 ? "" : " — " + string.Join(", ", spans);
    }

    private static string Where(Evidence e) =>
        e.Start < 0 ? e.Text : e.Message < 0 ? $"\"{e.Text}\" (subject)" : $"\"{e.Text}\" (message {e.Message + 1})";
}

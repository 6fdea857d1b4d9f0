using Escalation.Core.Knowledge;
using Escalation.Core.Signals.Lexicon;
using Escalation.Core.Tickets;

namespace Escalation.Core.Signals;

/// <summary>
/// The embedded default <see cref="ITextSignalAnalyzer"/>: precompiled lexicons and rules, in-process, no
/// network. Sentiment follows VADER's rules (negation, boosters, caps, "but", exclamation marks) over a
/// support-specific lexicon; complaint, intensity, legal sensitivity, abuse, manager request, churn threat,
/// outage/data-loss/security, chargeback and tone come from the phrase lexicon, each with its evidence.
/// A service failure told in neutral or polite words ("still hasn't arrived", "on hold for 2 hours",
/// "thanks for nothing") makes the text negative unless its sentiment is clearly positive.
/// </summary>
/// <remarks>
/// Customer messages decide the emotion signals (sentiment, intensity, complaint, abuse, manager request,
/// churn threat, tone); agent messages do not count for them. Legal sensitivity is read from customer
/// messages and internal notes; outage, data loss and security from every message. Quoted e-mail history
/// ("&gt;" lines, "On … wrote:") is skipped. Negation cancels a manager request, churn threat, outage or
/// complaint phrase, but never a chargeback. A negated lawyer, lawsuit or regulator mention ("I'm not going to sue",
/// "no voy a demandar") is no legal threat: it is <see cref="TextSignals.LegalDenied"/> with evidence
/// <c>legal-denied</c>, which routing sends to review; a conditional threat ("if you don't refund I will sue") stays legal. A writer who signs as a law firm ("… LLP", "our firm's invoice") does not raise the lawyer kind.
/// </remarks>
public sealed class LexiconSignalAnalyzer : ITextSignalAnalyzer
{
    private readonly MessageReader _reader = new(SignalLexicon.Default);

    /// <inheritdoc />
    public TextSignals Analyze(IReadOnlyList<TicketMessage> messages) => Analyze(messages, subject: null);

    /// <summary>Signals of one text, read as a single customer message.</summary>
    public TextSignals AnalyzeText(string text) => Analyze([new TicketMessage { From = "customer", Text = text }], subject: null);

    /// <summary>
    /// Signals of a thread and its subject. Evidence found in the subject has message index −1 and a
    /// start offset into the subject (whole-ticket features have start −1).
    /// </summary>
    public TextSignals Analyze(IReadOnlyList<TicketMessage> messages, string? subject)
    {
        var readings = new List<MessageReading>(messages.Count + 1);
        if (!string.IsNullOrWhiteSpace(subject))
        {
            readings.Add(_reader.Read(-1, subject, fromCustomer: true));
        }

        for (var i = 0; i < messages.Count; i++)
        {
            var m = messages[i];
            if (!string.IsNullOrEmpty(m.Text))
            {
                readings.Add(_reader.Read(i, m.Text, m.IsFromCustomer));
            }
        }

        return Combine(readings, messages);
    }

    private static TextSignals Combine(List<MessageReading> readings, IReadOnlyList<TicketMessage> messages)
    {
        bool IsInternal(int index) => index >= 0 && string.Equals(messages[index].From, "internal", StringComparison.OrdinalIgnoreCase);

        var customer = readings.Where(r => r.FromCustomer && r.Words > 0).ToList();
        var lawFirmWriter = customer.Any(r => r.LawFirmWriter);

        var evidence = new List<Evidence>();
        foreach (var r in readings)
        {
            foreach (var e in r.Evidence)
            {
                var keep = e.Signal switch
                {
                    "outage" or "incident" or "live" or "resolved" or CautionSignals.PastOutage or "data-loss" or "security" or "p0" or "p1" or "p3" or "revenue" or "affected-users" => r.FromCustomer || IsInternal(r.Index),
                    LegalLawyer when lawFirmWriter => false,
                    var s when s.StartsWith("legal:", StringComparison.Ordinal) || s == LegalDenied => r.FromCustomer || IsInternal(r.Index),
                    _ => r.FromCustomer,
                };
                if (keep)
                {
                    evidence.Add(e);
                }
            }
        }

        // A takeover told in a language the phrase lists do not cover still reaches a senior at once.
        if (!evidence.Any(e => e.Signal == "security"))
        {
            for (var i = 0; i < messages.Count; i++)
            {
                if (messages[i].IsFromCustomer && messages[i].Text is { Length: > 0 } text && SecurityWordsBeyondCoverage.Find(text) is { } alarm)
                {
                    evidence.Add(new Evidence("security", alarm.Value, i, alarm.Index, alarm.Length));
                    break;
                }
            }
        }

        // "A 'new login from Lisbon' alert … that was me": the customer's own sign-in is no break-in.
        evidence.RemoveAll(e => OwnSignIn.Explains(e, messages));

        // Sentiment: the customer's messages, the most negative one weighing as much as the average.
        double sentiment = 0, intensity = 0, complaintScore = 0, failureWeight = 0;
        if (customer.Count > 0)
        {
            failureWeight = customer.Max(r => r.FailureWeight);
            var mean = customer.Average(r => r.Compound);
            var min = customer.Min(r => r.Compound);
            sentiment = customer.Count == 1 ? mean : (mean + Math.Min(mean, min)) / 2;
            // A shouting subject line over a calm message ("URGENT!!! REFUND NEEDED" above "sorry for the shouty subject, our
            // ticket system does that") is half the heat: the words the customer wrote set the tone.
            var calmBody = customer.Any(r => r.Index >= 0) && customer.Where(r => r.Index >= 0).All(r => r.Compound >= 0 && r.Intensity < CalmIntensity);
            intensity = customer.Max(r => r.Index < 0 && calmBody ? r.Intensity / 2 : r.Intensity);
            complaintScore = customer.Max(r => r.ComplaintScore);
        }

        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in evidence)
        {
            found.Add(e.Signal);
        }

        bool Has(string signal) => found.Contains(signal);

        var legalKinds = evidence
            .Where(e => e.Signal.StartsWith("legal:", StringComparison.Ordinal))
            .Select(e => e.Signal[6..])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var chargeback = Has("chargeback");
        if (chargeback && !legalKinds.Contains(LegalKinds.Chargeback))
        {
            legalKinds.Add(LegalKinds.Chargeback);
        }

        var abusive = Has("abusive");
        var complaint = complaintScore >= 0.5;
        var named = customer.Where(r => r.Competitor is not null).OrderByDescending(r => r.CompetitorStrong).FirstOrDefault();
        var competitor = named?.Competitor;
        var churnSwitch = named is not null && (named.CompetitorStrong || Has("churn") || complaint);
        if (!churnSwitch)
        {
            evidence.RemoveAll(e => e.Signal == "churn-competitor");
            competitor = null;
        }

        // A live incident anywhere outweighs an outage told as past elsewhere; an outage word with a live marker
        // ("right now") is live unless it was said to be resolved or told as past.
        var incident = Has("incident") || (Has("outage") && Has("live") && !Has("resolved") && !Has(CautionSignals.PastOutage));
        if (incident)
        {
            evidence.RemoveAll(e => e.Signal == CautionSignals.PastOutage);
        }

        var signals = new TextSignals
        {
            Sentiment = Math.Round(sentiment, 4),
            Negative = sentiment <= NegativeSentiment
                || (complaint && sentiment < ComplaintPositiveSentiment)
                || (failureWeight >= FailureCueWeight && sentiment < FailurePositiveSentiment),
            Intensity = Math.Round(intensity, 3),
            Complaint = complaint,
            ComplaintScore = Math.Round(complaintScore, 3),
            Legal = legalKinds.Count > 0,
            LegalKinds = legalKinds,
            LegalDenied = legalKinds.Count == 0 && Has(LegalDenied),
            Abusive = abusive,
            ManagerRequest = Has("manager"),
            ChurnThreat = Has("churn") || Has("cancellation") || churnSwitch,
            Competitor = competitor,
            Outage = Has("outage"),
            DataLoss = Has("data-loss"),
            Security = Has("security"),
            Chargeback = chargeback,
            Distress = Has("distress"),
            Incident = incident,
            PublicExposure = Has("public-exposure"),
            FormalComplaint = Has("formal-complaint"),
            CompensationDemand = Has("compensation-demand"),
            Cancellation = Has("cancellation"),
            Fraud = Has("fraud"),
            Bereavement = Has("bereavement"),
            HarmThreat = Has("harm-threat"),
            PatientSafety = Has(CautionSignals.PatientSafety),
            RepeatReport = Has("repeat-report") || customer.Count(r => r.Index >= 0 && r.ComplaintScore >= 0.5) >= RepeatReportMessages,
            Evidence = evidence,
        };
        return signals with { CustomerTone = Tone(signals, customer) };
    }

    /// <summary>Below this intensity a message is calm (<see cref="Combine"/> halves a shouting subject over calm messages).</summary>
    private const double CalmIntensity = 0.2;

    /// <summary>Customer messages in one thread that each complain: the same issue reported again and again.</summary>
    private const int RepeatReportMessages = 3;

    private const string LegalLawyer = "legal:" + LegalKinds.Lawyer;

    /// <summary>Evidence of a negated lawyer, lawsuit or regulator mention ("no voy a demandar").</summary>
    public const string LegalDenied = "legal-denied";

    /// <summary>VADER's own cut-off for a negative compound score.</summary>
    private const double NegativeSentiment = -0.05;

    /// <summary>A complaint (complaint score ≥ 0.5) is negative unless its sentiment is at least this positive.</summary>
    private const double ComplaintPositiveSentiment = 0.35;

    /// <summary>
    /// Summed weight of the service-failure and sarcasm cues of one message that counts as a failure: one clear
    /// cue (weight 0.5–0.6 in the lexicon) or two weak ones (0.3–0.4: a delay, "missing", "for 3 days", "??").
    /// </summary>
    private const double FailureCueWeight = 0.5;

    /// <summary>
    /// A service failure ("still hasn't arrived", "on hold for 2 hours", "thanks for nothing") is a negative
    /// experience however politely it is told: one or two courtesy words ("thanks", "please help", "hope") stay
    /// below 0.5 (a lone "thanks" is about 0.44). Only a text whose praise clearly outweighs the failure
    /// ("the refund came two days later, but the agent was great and very helpful") stays not negative.
    /// </summary>
    private const double FailurePositiveSentiment = 0.5;

    private static string Tone(TextSignals signals, List<MessageReading> customer)
    {
        int Cues(string kind) => customer.Sum(r => r.ToneCues.GetValueOrDefault(kind));

        if (signals.Abusive || signals.Intensity >= 0.5)
        {
            return CustomerTones.Angry;
        }

        if (Cues("technical") >= 2)
        {
            return CustomerTones.Technical;
        }

        if (Cues("confused") >= 1 || customer.Sum(r => r.Questions) >= 3)
        {
            return CustomerTones.Confused;
        }

        if (Cues("casual") > Cues("formal"))
        {
            return CustomerTones.Casual;
        }

        return CustomerTones.Formal;
    }
}

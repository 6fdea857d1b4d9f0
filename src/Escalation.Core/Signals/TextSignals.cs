namespace Escalation.Core.Signals;

/// <summary>
/// What the text of a ticket says about how delicate it is. Produced by an <see cref="ITextSignalAnalyzer"/>;
/// every flag carries <see cref="Evidence"/> so a trace can show why.
/// </summary>
public sealed record TextSignals
{
    /// <summary>Overall sentiment, −1 (very negative) … 1 (very positive).</summary>
    public double Sentiment { get; init; }

    /// <summary>True when the text reads as negative.</summary>
    public bool Negative { get; init; }

    /// <summary>Intensity of negative emotion, 0 … 1 (anger, caps, "!!!", "third time", profanity).</summary>
    public double Intensity { get; init; }

    public bool Complaint { get; init; }
    public double ComplaintScore { get; init; }

    /// <summary>Legal sensitivity (lawyer, lawsuit, regulator, GDPR request, consent withdrawal, chargeback, discrimination, injury, breach of contract, another person's data disclosed).</summary>
    public bool Legal { get; init; }

    /// <summary>Which legal kinds were found (see <see cref="LegalKinds"/>).</summary>
    public IReadOnlyList<string> LegalKinds { get; init; } = [];

    /// <summary>
    /// Lawyers, a lawsuit or a regulator were mentioned only to rule them out ("I'm not going to sue", "no voy a
    /// demandar", "ich brauche keinen Anwalt"), evidence <c>legal-denied</c>. Not a legal threat, so <see cref="Legal"/>
    /// stays false, but routing still sends the case to a human.
    /// </summary>
    public bool LegalDenied { get; init; }
    public bool Abusive { get; init; }
    public bool ManagerRequest { get; init; }
    public bool ChurnThreat { get; init; }

    /// <summary>A competitor named in a churn threat, if any.</summary>
    public string? Competitor { get; init; }
    public bool Outage { get; init; }
    public bool DataLoss { get; init; }
    public bool Security { get; init; }
    public bool Chargeback { get; init; }

    /// <summary>Distress or self-harm ("I don't see the point of going on anymore"); negation never cancels it.</summary>
    public bool Distress { get; init; }

    /// <summary>A live incident ("is down right now", "nobody can log in"), not an outage told as past and resolved.</summary>
    public bool Incident { get; init; }

    /// <summary>The routing stages' name for <see cref="Incident"/>.</summary>
    public bool LiveIncident { get => Incident; init => Incident = value; }

    /// <summary>The customer has gone, or threatens to go, public: social posts, review sites, press, "trending".</summary>
    public bool PublicExposure { get; init; }

    /// <summary>A formal or official complaint is filed or demanded.</summary>
    public bool FormalComplaint { get; init; }

    /// <summary>Compensation or damages are demanded.</summary>
    public bool CompensationDemand { get; init; }

    /// <summary>The customer asks to cancel a subscription, account or contract (also a churn threat).</summary>
    public bool Cancellation { get; init; }

    /// <summary>A charge or purchase the customer says they did not make or authorise (card fraud, a stranger's purchase).</summary>
    public bool Fraud { get; init; }

    /// <summary>A death in the customer's circle ("my husband passed away"): a person answers, with care.</summary>
    public bool Bereavement { get; init; }

    /// <summary>A threat of violence or harm against staff or property ("I will come to your office").</summary>
    public bool HarmThreat { get; init; }

    /// <summary>
    /// A person's care is at risk: a medicine or dose missed, wrong or run out ("I have missed two days of my insulin",
    /// "the wrong medication", "geen medicatie", "me he saltado dos dosis"). Negation cancels it ("I haven't missed a dose").
    /// </summary>
    public bool PatientSafety { get; init; }

    /// <summary>The same issue reported three or more times ("third time reporting this", three complaints in the thread).</summary>
    public bool RepeatReport { get; init; }

    /// <summary>
    /// Legal content, distress, a threat of harm or a patient at risk: a senior decides everything, so nothing is planned
    /// or promised as done before they have read it (the legal policy's rule, and what a senior does with a person in crisis).
    /// </summary>
    public bool SeniorDecidesAll => Legal || Distress || HarmThreat || PatientSafety;

    /// <summary>The customer's tone for calibration: casual, formal, angry, technical or confused.</summary>
    public string CustomerTone { get; init; } = Knowledge.CustomerTones.Formal;

    public IReadOnlyList<Evidence> Evidence { get; init; } = [];
}

/// <summary>A matched span (or feature) that caused a signal.</summary>
/// <param name="Signal">Signal name, e.g. <c>legal</c>, <c>intensity</c>, <c>manager-request</c>.</param>
/// <param name="Text">The matched text (or a feature description such as <c>caps: 42%</c>).</param>
/// <param name="Message">Index of the message in the thread; −1 for whole-ticket features.</param>
/// <param name="Start">Character offset in that message; −1 for features.</param>
/// <param name="Length">Length of the span; 0 for features.</param>
public sealed record Evidence(string Signal, string Text, int Message, int Start, int Length);

/// <summary>Kinds of legal sensitivity.</summary>
public static class LegalKinds
{
    public const string Lawyer = "lawyer";
    public const string Lawsuit = "lawsuit";
    public const string Regulator = "regulator";
    public const string DataRequest = "data-request";
    public const string ConsentWithdrawal = "consent-withdrawal";
    public const string Chargeback = "chargeback";
    public const string Discrimination = "discrimination";
    public const string Safety = "injury-safety";

    /// <summary>Another person's records or data shown or sent to the customer ("lab results for a different patient", "die Befunde eines anderen Patienten").</summary>
    public const string PrivacyBreach = "privacy-breach";

    /// <summary>
    /// Police, a prosecutor or a court asking for account data ("detective constable", "Staatsanwaltschaft",
    /// "réquisition judiciaire"): not the writer's own matter, answered by legal, never by a template.
    /// </summary>
    public const string LawEnforcement = "law-enforcement";

    /// <summary>A claim that a contract was breached ("breach of contract", "Vertragsbruch", "wanprestatie").</summary>
    public const string Contract = "contract";
}

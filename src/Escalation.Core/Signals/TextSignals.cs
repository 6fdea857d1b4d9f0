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

    /// <summary>Legal sensitivity (lawyer, lawsuit, regulator, GDPR request, consent withdrawal, chargeback, discrimination, injury).</summary>
    public bool Legal { get; init; }

    /// <summary>Which legal kinds were found (see <see cref="LegalKinds"/>).</summary>
    public IReadOnlyList<string> LegalKinds { get; init; } = [];
    public bool Abusive { get; init; }
    public bool ManagerRequest { get; init; }
    public bool ChurnThreat { get; init; }

    /// <summary>A competitor named in a churn threat, if any.</summary>
    public string? Competitor { get; init; }
    public bool Outage { get; init; }
    public bool DataLoss { get; init; }
    public bool Security { get; init; }
    public bool Chargeback { get; init; }

    // Caution signals routed by issue 25 (evidence names in CautionSignals): English phrases are found by
    // CautionSignals; the lexicon's word lists may set them for other languages too.

    /// <summary>Distress or self-harm: a senior human at once (<c>distress</c>).</summary>
    public bool Distress { get; init; }

    /// <summary>A live incident ("is down right now", "nobody can log in"); a past, resolved outage is not one (<c>incident</c>).</summary>
    public bool LiveIncident { get; init; }

    /// <summary>The customer is going public: social media, reviews, the press (<c>public-exposure</c>).</summary>
    public bool PublicExposure { get; init; }

    /// <summary>A formal complaint (<c>formal-complaint</c>).</summary>
    public bool FormalComplaint { get; init; }

    /// <summary>A demand for compensation or damages, beyond asking for a credit (<c>compensation-demand</c>).</summary>
    public bool CompensationDemand { get; init; }

    /// <summary>The customer wants to cancel (<c>cancellation</c>).</summary>
    public bool Cancellation { get; init; }

    /// <summary>The same issue reported three or more times in the thread (<c>repeat-report</c>).</summary>
    public bool RepeatReport { get; init; }

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
}

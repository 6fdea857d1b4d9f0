using Escalation.Core.Signals;

namespace Escalation.Core.Tracing;

/// <summary>
/// One immutable record of a case's decision trail. Serialised as canonical JSON
/// (<see cref="TraceCanonicalJson"/>) and stored content-addressed: its id is <c>tr-</c> + the hex SHA-256
/// of those bytes. <see cref="PreviousHash"/> links it to the case's previous record, so a case's traces
/// form a hash chain that <see cref="TraceChainVerifier"/> can check.
/// </summary>
public sealed record DecisionTrace
{
    /// <summary>The case this record belongs to.</summary>
    public required string CaseId { get; init; }

    /// <summary>Position in the case's chain: 0, 1, 2…</summary>
    public required int Sequence { get; init; }

    /// <summary>What kind of record (see <see cref="TraceRecordKinds"/>).</summary>
    public required string Kind { get; init; }

    public required string TicketId { get; init; }

    public required string CustomerId { get; init; }

    /// <summary>The workspace version the decision read.</summary>
    public required string WorkspaceVersion { get; init; }

    /// <summary>What each stage read, found and decided.</summary>
    public IReadOnlyList<TraceEntry> Entries { get; init; } = [];

    /// <summary>The customer context the decision considered (tier, tenure…).</summary>
    public TraceCustomer? Customer { get; init; }

    /// <summary>The signals with their evidence.</summary>
    public TraceSignals? Signals { get; init; }

    /// <summary>Policies cited (<c>id@version#sha256</c> with their titles).</summary>
    public IReadOnlyList<TracePolicyCitation> Policies { get; init; } = [];

    /// <summary>Precedent ids weighed.</summary>
    public IReadOnlyList<string> Precedents { get; init; } = [];

    public string? Playbook { get; init; }

    public TraceDecision? Decision { get; init; }

    /// <summary>Notes for the support team only; never shown publicly.</summary>
    public IReadOnlyList<string> InternalNotes { get; init; } = [];

    /// <summary>
    /// SHA-256 (hex, of the UTF-8 bytes) of the reply text this record's outcome sent to the help desk, so the audit
    /// shows exactly what the customer received; null when nothing was sent (and on records written before it existed).
    /// </summary>
    public string? SentTextSha256 { get; init; }

    /// <summary>
    /// What the customer asked for, as codes (<c>refund</c>, <c>credit</c>, <c>cancel</c>, <c>data-access</c>,
    /// <c>manager</c>, <c>fix</c>); null when none was recognised (and on records written before it was kept). Kinds of
    /// request, not the customer's words: it stays readable after an erasure, and the customer's view names it.
    /// </summary>
    public IReadOnlyList<string>? Asks { get; init; }

    /// <summary>The actions this record's outcome executed (what was done for the customer); null when none ran.</summary>
    public IReadOnlyList<TraceExecutedAction>? Executed { get; init; }

    /// <summary>Who decided: the agent or a reviewer.</summary>
    public required TraceActor Actor { get; init; }

    /// <summary>When, as passed in by the caller (stored as ISO-8601 UTC).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Lowercase hex SHA-256 of the previous record of the case; null for sequence 0.</summary>
    public string? PreviousHash { get; init; }

    /// <summary>Model internals when a language model drafted or classified; never shown publicly.</summary>
    public TraceModelInfo? Model { get; init; }
}

/// <summary>Kinds of <see cref="DecisionTrace"/> record.</summary>
public static class TraceRecordKinds
{
    public const string Decision = "decision";
    public const string ReviewOutcome = "review-outcome";
    public const string SlaTimeout = "sla-timeout";
    public const string Delivery = "delivery";

    /// <summary>The case's personal data was erased (its key destroyed); the record holds no personal data itself.</summary>
    public const string Erasure = "erasure";
}

/// <summary>An action that was executed: its kind, and the money or plan it concerned.</summary>
public sealed record TraceExecutedAction(string Kind, decimal? Amount = null, string? Currency = null, string? Plan = null);

/// <summary>The route taken and the reasons for it, in plain words.</summary>
public sealed record TraceDecision(string Route, IReadOnlyList<string> Reasons);

/// <summary>Who made a decision: <c>agent</c> (with the agent's name) or <c>reviewer</c> (with the reviewer id).</summary>
public sealed record TraceActor(string Kind, string Id)
{
    public const string AgentKind = "agent";
    public const string ReviewerKind = "reviewer";

    /// <summary>Someone of the support team acting on the service (an erasure), named as the request said.</summary>
    public const string OperatorKind = "operator";

    public static TraceActor Agent(string name = "escalation-agent") => new(AgentKind, name);

    public static TraceActor Reviewer(string id) => new(ReviewerKind, id);

    public static TraceActor Operator(string id) => new(OperatorKind, id);
}

/// <summary>A policy cited by a trace: <c>id@version#sha256</c> plus its title for readers.</summary>
public sealed record TracePolicyCitation(string Citation, string Title)
{
    // Read from the citation without splitting it: these are serialised with every trace.
    public string Id => Citation.IndexOf('@') is var at and >= 0 ? Citation[..at] : Citation;

    public string Version => Citation.IndexOf('@') is var at and >= 0 ? UpTo(UpTo(Citation.AsSpan(at + 1), '@'), '#').ToString() : "";

    public string Sha256 => Citation.IndexOf('#') is var hash and >= 0 ? UpTo(Citation.AsSpan(hash + 1), '#').ToString() : "";

    public static TracePolicyCitation From(Knowledge.Policy policy) => new(policy.Citation, policy.Title);

    private static ReadOnlySpan<char> UpTo(ReadOnlySpan<char> text, char end) => text.IndexOf(end) is var i and >= 0 ? text[..i] : text;
}

/// <summary>The customer context a decision considered.</summary>
public sealed record TraceCustomer
{
    public required string Tier { get; init; }
    public int? TenureMonths { get; init; }
    public bool Vip { get; init; }
    public int? DaysToRenewal { get; init; }

    /// <summary>Kept for the support team; never shown publicly.</summary>
    public string? Email { get; init; }
}

/// <summary>A compact, serialisable form of <see cref="CaseSignals"/>: raised flags, scores and evidence.</summary>
public sealed record TraceSignals
{
    public required string Priority { get; init; }
    public string PriorityReason { get; init; } = "";

    /// <summary>Raised flags by name, e.g. <c>legal</c>, <c>manager-request</c>, <c>vip</c>.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];
    public IReadOnlyList<string> LegalKinds { get; init; } = [];
    public double Sentiment { get; init; }
    public double Intensity { get; init; }
    public string? CustomerTone { get; init; }
    public string? Competitor { get; init; }

    /// <summary>The customer's language as people read it, e.g. <c>en (English)</c>; null on traces written before it was identified.</summary>
    public string? Language { get; init; }
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];

    /// <summary>The compact form of a detect stage's output.</summary>
    public static TraceSignals From(CaseSignals signals)
    {
        var t = signals.Text;
        var flags = new List<string>();
        void Add(bool on, string name)
        {
            if (on)
            {
                flags.Add(name);
            }
        }

        Add(t.Legal, "legal");
        Add(t.Negative, "negative");
        Add(t.Complaint, "complaint");
        Add(t.Abusive, "abusive");
        Add(t.ManagerRequest, "manager-request");
        Add(t.ChurnThreat, "churn-threat");
        Add(t.Outage, "outage");
        Add(t.DataLoss, "data-loss");
        Add(t.Security, "security");
        Add(t.Chargeback, "chargeback");
        Add(t.Distress, "distress");
        Add(t.Incident, "incident");
        Add(t.PublicExposure, "public-exposure");
        Add(t.FormalComplaint, "formal-complaint");
        Add(t.CompensationDemand, "compensation-demand");
        Add(t.Cancellation, "cancellation");
        Add(t.RepeatReport, "repeat-report");
        Add(t.Fraud, "fraud");
        Add(t.Bereavement, "bereavement");
        Add(t.HarmThreat, "harm-threat");
        Add(t.PatientSafety, CautionSignals.PatientSafety);
        Add(signals.Vip, "vip");
        Add(signals.RepeatComplainant, "repeat-complainant");
        Add(signals.CommerciallySensitive, "commercially-sensitive");
        return new TraceSignals
        {
            Priority = signals.Priority,
            PriorityReason = signals.PriorityReason,
            Flags = flags,
            LegalKinds = t.LegalKinds,
            Sentiment = Math.Round(t.Sentiment, 4),
            Intensity = Math.Round(t.Intensity, 4),
            CustomerTone = t.CustomerTone,
            Competitor = t.Competitor,
            Language = signals.Language.Label,
            Evidence = [.. t.Evidence, .. signals.CustomerEvidence],
        };
    }
}

/// <summary>Model internals of a decision; kept for audit by the team, never shown publicly.</summary>
public sealed record TraceModelInfo
{
    public required string Name { get; init; }
    public int PromptTokens { get; init; }
    public int CompletionTokens { get; init; }
    public long LatencyMs { get; init; }

    /// <summary>Hex SHA-256 of the prompt sent.</summary>
    public string? PromptHash { get; init; }
}

using Escalation.Core.Tracing;

namespace Escalation.Core.Sensitive;

/// <summary>The output of <c>retrieve-policy</c>: governing policies, similar precedents, the playbook, strength and conflict.</summary>
public sealed record PolicyRetrieval
{
    /// <summary>Policies that govern the case, strongest first.</summary>
    public IReadOnlyList<PolicyMatch> Policies { get; init; } = [];

    /// <summary>Most similar precedents, most similar first.</summary>
    public IReadOnlyList<PrecedentMatch> Precedents { get; init; } = [];
    public PlaybookMatch? Playbook { get; init; }

    /// <summary>How well the best policy fits the case, 0 … 1.</summary>
    public double MatchStrength { get; init; }

    /// <summary>Two applicable rules point different ways.</summary>
    public bool Conflict { get; init; }
    public string? ConflictReason { get; init; }
    public IReadOnlyList<TraceEntry> Trace { get; init; } = [];

    /// <summary>Citations (<c>id@version#sha256</c>) of the matched policies.</summary>
    public IReadOnlyList<string> Citations => Policies.Select(p => p.Citation).ToArray();
}

/// <summary>A policy that governs the case and why; <paramref name="Rule"/> is the id of the rule whose text the case shares, if any.</summary>
public sealed record PolicyMatch(string Id, string Version, string Category, string Citation, double Score, string Why, string? Rule = null);

/// <summary>A precedent similar to the case.</summary>
public sealed record PrecedentMatch(string Id, string Title, string Decision, string? Cause, double Similarity, string Why, string? Category = null);

/// <summary>The playbook that fits the case.</summary>
public sealed record PlaybookMatch(string Id, string Title, IReadOnlyList<string> Steps, string Why);

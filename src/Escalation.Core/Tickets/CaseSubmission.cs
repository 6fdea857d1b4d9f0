namespace Escalation.Core.Tickets;

/// <summary>
/// A ticket handed to the service by a help desk: the HTTP body, the queue message and the sample
/// ticket files all take this shape (docs/design.md, "The submission").
/// </summary>
public sealed record CaseSubmission
{
    /// <summary>The help desk's ticket id, e.g. <c>ZD-48213</c>.</summary>
    public required string TicketId { get; init; }

    /// <summary>Revision of the ticket; a new revision is a new case.</summary>
    public int Revision { get; init; } = 1;

    /// <summary>Which help desk sent it (zendesk, freshdesk, intercom, api…).</summary>
    public string? Source { get; init; }

    /// <summary><c>sensitive</c> or <c>escalation</c>; inferred when absent.</summary>
    public string? Kind { get; init; }

    public required CustomerProfile Customer { get; init; }

    public string? Subject { get; init; }

    public IReadOnlyList<TicketMessage> Messages { get; init; } = [];

    /// <summary>Tier-1 handoff (seed 003's escalation handoff template) when tier 1 escalated the ticket.</summary>
    public TierOneHandoff? Handoff { get; init; }

    /// <summary>Where decisions, drafts and outcomes are posted back as internal notes.</summary>
    public string? CallbackUrl { get; init; }

    /// <summary>The kind to run: the explicit one, else <c>escalation</c> when a handoff is present.</summary>
    public CaseKind ResolvedKind =>
        Kind is { } k && CaseKindNames.TryParse(k, out var parsed) ? parsed
        : Handoff is not null ? CaseKind.Escalation
        : CaseKind.Sensitive;
}

/// <summary>Customer fields sent inline; they override the workspace profile or stand in for it.</summary>
public sealed record CustomerProfile
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Company { get; init; }
    public string? Tier { get; init; }
    public decimal? Mrr { get; init; }
    public decimal? Arr { get; init; }
    public string? Currency { get; init; }
    public DateOnly? CustomerSince { get; init; }
    public DateOnly? RenewalDate { get; init; }
    public bool? Vip { get; init; }

    /// <summary>True when the profile carries enough to stand in for a workspace entity.</summary>
    public bool CanStandAlone => !string.IsNullOrWhiteSpace(Name) && !string.IsNullOrWhiteSpace(Tier);
}

/// <summary>One message of the ticket thread.</summary>
public sealed record TicketMessage
{
    /// <summary><c>customer</c>, <c>agent</c> or <c>internal</c>.</summary>
    public string From { get; init; } = "customer";
    public DateTimeOffset? At { get; init; }
    public string Text { get; init; } = "";

    public bool IsFromCustomer => string.Equals(From, "customer", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Seed 003's escalation handoff template, as tier 1 filled it in.</summary>
public sealed record TierOneHandoff
{
    public string? Summary { get; init; }
    public string? Category { get; init; }
    public string? Priority { get; init; }
    public DateTimeOffset? Started { get; init; }
    public IReadOnlyList<HandoffAttempt> WhatTried { get; init; } = [];
    public string? WhatNeeded { get; init; }
    public string? CustomerExpectation { get; init; }
    public string? UrgencyReason { get; init; }
}

/// <summary>One thing tier 1 tried and what came of it.</summary>
public sealed record HandoffAttempt
{
    public string? Action { get; init; }
    public string? Result { get; init; }
}

namespace Escalation.Api.Views;

/// <summary>Everything the review page shows a reviewer, and the token its form posts back.</summary>
public sealed record ReviewPageModel
{
    public required string CaseId { get; init; }
    public required string TicketId { get; init; }
    public string? Subject { get; init; }

    /// <summary>The route that sent the case to review, e.g. <c>draft-for-review</c>.</summary>
    public string? Route { get; init; }

    /// <summary>P0–P3, when assessed.</summary>
    public string? Priority { get; init; }

    /// <summary>The customer's language as people read it, e.g. <c>pl (Polish, not covered)</c>.</summary>
    public string? Language { get; init; }

    public required CustomerContextView Customer { get; init; }

    /// <summary>The ticket thread as the customer and tier 1 wrote it (untrusted text).</summary>
    public IReadOnlyList<ThreadMessageView> Messages { get; init; } = [];

    /// <summary>The drafted reply; prefilled into the form's <c>reply</c> field.</summary>
    public required string DraftText { get; init; }

    /// <summary>Why the case was routed to review.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>What approving executes (before the reply is sent): the decision's actions, each of which the reviewer may drop or lower.</summary>
    public IReadOnlyList<ActionView> Actions { get; init; } = [];

    /// <summary>Why executing the actions failed, when an attempt did (the reply was then not sent).</summary>
    public string? ActionFailure { get; init; }

    public IReadOnlyList<SignalView> Signals { get; init; } = [];
    public IReadOnlyList<PolicyCitationView> Policies { get; init; } = [];
    public IReadOnlyList<PrecedentView> Precedents { get; init; } = [];
    public PlaybookView? Playbook { get; init; }

    /// <summary>When the SLA timer escalates the case if nobody decides.</summary>
    public DateTimeOffset? SlaDeadline { get; init; }

    /// <summary>The signed link token; posted back as the hidden <c>token</c> field.</summary>
    public required string Token { get; init; }

    /// <summary>The permanent audit URL of the case's trace so far.</summary>
    public string? AuditUrl { get; init; }
}

/// <summary>The customer as the decision saw them (workspace profile with inline fields on top).</summary>
public sealed record CustomerContextView
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public string? Company { get; init; }
    public string? Tier { get; init; }
    public decimal? Arr { get; init; }
    public string? Currency { get; init; }
    public DateOnly? CustomerSince { get; init; }
    public DateOnly? RenewalDate { get; init; }
    public bool Vip { get; init; }

    /// <summary>Other facts worth a glance: open issues, prior escalations, complaints.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>One message of the ticket thread.</summary>
public sealed record ThreadMessageView(string From, DateTimeOffset? At, string Text);

/// <summary>A signal that fired, with the words that made it fire.</summary>
/// <param name="Name">E.g. <c>legal-threat</c>, <c>high-intensity</c>.</param>
/// <param name="Detail">Strength or a one-line explanation.</param>
/// <param name="Evidence">Quoted phrases from the ticket (untrusted text).</param>
public sealed record SignalView(string Name, string? Detail, IReadOnlyList<string> Evidence);

/// <summary>A cited policy: exactly the version and text the decision read.</summary>
public sealed record PolicyCitationView(string Id, string Version, string Title, string Text, string? ContentHash = null);

/// <summary>A precedent weighed in the decision.</summary>
public sealed record PrecedentView(string Id, string Summary, string Outcome, double? Similarity = null);

/// <summary>The playbook for this kind of escalation.</summary>
public sealed record PlaybookView(string Name, IReadOnlyList<string> Steps);

/// <summary>A proposed action on the review page.</summary>
/// <param name="Index">Its position in the decision (the form's field names use it).</param>
/// <param name="Description">E.g. <c>refund €49.00 (charge 2026-11-09)</c>.</param>
/// <param name="Amount">The proposed amount, for actions that move money.</param>
/// <param name="Max">The most a reviewer may set: the proposed amount, within the policy's limit.</param>
/// <param name="Policy">The policy and rule that authorise it.</param>
public sealed record ActionView(int Index, string Kind, string Description, decimal? Amount, decimal? Max, string? Currency, string Policy);

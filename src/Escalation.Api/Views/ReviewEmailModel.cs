namespace Escalation.Api.Views;

/// <summary>What the reviewer notification e-mail says: the case in brief and the signed review link.</summary>
public sealed record ReviewEmailModel
{
    public required string To { get; init; }
    public required string CaseId { get; init; }
    public required string TicketId { get; init; }
    public string? Subject { get; init; }
    public string? CustomerName { get; init; }
    public string? Priority { get; init; }
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>The first lines of the draft shown in the mail.</summary>
    public string? DraftExcerpt { get; init; }
    public DateTimeOffset? SlaDeadline { get; init; }

    /// <summary>The full review URL with its token.</summary>
    public required string ReviewUrl { get; init; }
}

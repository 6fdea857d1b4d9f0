namespace Escalation.Core.Knowledge;

/// <summary>A customer as the workspace knows them: plan, money, tenure, renewal and history.</summary>
public sealed record CustomerEntity
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Email { get; init; }
    public string? Company { get; init; }
    public required string Tier { get; init; }
    public decimal Mrr { get; init; }
    public decimal Arr { get; init; }
    public string Currency { get; init; } = "EUR";
    public DateOnly? CustomerSince { get; init; }
    public DateOnly? RenewalDate { get; init; }
    public bool Vip { get; init; }
    public IReadOnlyList<string> OpenIssues { get; init; } = [];
    public IReadOnlyList<CustomerHistoryEntry> History { get; init; } = [];

    /// <summary>Whole months between <see cref="CustomerSince"/> and <paramref name="today"/>; 0 when unknown.</summary>
    public int TenureMonths(DateOnly today)
    {
        if (CustomerSince is not { } since || since > today)
        {
            return 0;
        }

        var months = ((today.Year - since.Year) * 12) + today.Month - since.Month;
        return today.Day < since.Day ? months - 1 : months;
    }

    /// <summary>Days until renewal, or null when no renewal date is known.</summary>
    public int? DaysToRenewal(DateOnly today) => RenewalDate is { } r ? r.DayNumber - today.DayNumber : null;
}

/// <summary>A prior complaint or escalation of a customer.</summary>
public sealed record CustomerHistoryEntry
{
    public required DateOnly Date { get; init; }

    /// <summary><c>complaint</c> or <c>escalation</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Short topic key (billing, outage, access…); the same topic 3+ times is a repeat issue.</summary>
    public required string Topic { get; init; }

    public string? Summary { get; init; }
}

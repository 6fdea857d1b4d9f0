using System.Text.Json.Serialization;

namespace Escalation.Core.Actions;

/// <summary>
/// An action as a help desk or a billing webhook receives it (camelCase JSON, empty fields left out): what to do, for how
/// much, under which policy, and the idempotency key to drop repeats by.
/// </summary>
public sealed record ActionInstruction
{
    public required string IdempotencyKey { get; init; }
    public required string Kind { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public decimal? Amount { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Currency { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateOnly? ChargeDate { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Reference { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Reason { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Effective { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Plan { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Summary { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public decimal? Percent { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Months { get; init; }

    /// <summary>The amount the decision proposed, when a reviewer lowered it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public decimal? ProposedAmount { get; init; }

    /// <summary>The policy citation (<c>id@version#sha256</c>) that authorises it.</summary>
    public required string Policy { get; init; }

    /// <summary><c>execute</c> when asked for; <c>executed</c> on the reply note once confirmed.</summary>
    public string Status { get; init; } = "execute";

    public static ActionInstruction From(KeyedAction k, string status = "execute") => new()
    {
        IdempotencyKey = k.IdempotencyKey,
        Kind = k.Action.Kind,
        Amount = k.Action.Amount,
        Currency = k.Action.Currency,
        ChargeDate = k.Action.ChargeDate,
        Reference = k.Action.Reference,
        Reason = k.Action.Reason,
        Effective = k.Action.Effective,
        Plan = k.Action.Plan,
        Summary = k.Action.Summary,
        Percent = k.Action.Percent,
        Months = k.Action.Months,
        ProposedAmount = k.ProposedAmount,
        Policy = k.Action.PolicyCitation,
        Status = status,
    };
}

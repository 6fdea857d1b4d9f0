namespace Escalation.Infrastructure.Callbacks;

/// <summary>How hard the callback client tries.</summary>
public sealed record CallbackOptions
{
    /// <summary>Requests per note, first one included: 4.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The wait after the first failure; doubled after each further one: 1 s, 2 s, 4 s.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>No wait is longer than this, Retry-After included: 30 s.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>One request may take this long: 10 s.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);
}

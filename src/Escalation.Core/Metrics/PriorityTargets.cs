namespace Escalation.Core.Metrics;

/// <summary>
/// The priority matrix's response and resolution targets (seed 003: P0 15 min / 4 h, P1 1 h / 8 h, P2 4 h / 24 h,
/// P3 24 h / 72 h). The KPI summary counts how many cases met them.
/// </summary>
public static class PriorityTargets
{
    public static TimeSpan? FirstResponse(string? priority) => priority switch
    {
        "P0" => TimeSpan.FromMinutes(15),
        "P1" => TimeSpan.FromHours(1),
        "P2" => TimeSpan.FromHours(4),
        "P3" => TimeSpan.FromHours(24),
        _ => null,
    };

    public static TimeSpan? Resolution(string? priority) => priority switch
    {
        "P0" => TimeSpan.FromHours(4),
        "P1" => TimeSpan.FromHours(8),
        "P2" => TimeSpan.FromHours(24),
        "P3" => TimeSpan.FromHours(72),
        _ => null,
    };
}

/// <summary>
/// One priority against its targets: first responses (the first reply that reached the customer) and resolutions (a
/// case answered, returned to tier 1 or rejected; created → closed), how many were within target, and SLA breaches.
/// </summary>
public sealed record PriorityTargetRow(
    string Priority, double? FirstResponseTargetHours, int Responded, int RespondedWithinTarget,
    double? ResolutionTargetHours, int Resolved, int ResolvedWithinTarget, int SlaBreaches);

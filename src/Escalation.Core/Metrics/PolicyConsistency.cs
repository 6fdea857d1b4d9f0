namespace Escalation.Core.Metrics;

/// <summary>
/// One case re-decided from its stored submission: the route stored at decision time and the route the pipeline
/// gives now. <paramref name="Skipped"/> says why no comparison was made (submission missing, workspace changed).
/// </summary>
public sealed record PolicyConsistencyCheck(string CaseId, string? StoredRoute, string? RecomputedRoute, string? Skipped = null)
{
    /// <summary>Compared, and the routes agree.</summary>
    public bool Consistent => Skipped is null && StoredRoute == RecomputedRoute;
}

/// <summary>Totals of a policy-consistency re-run, with the cases that disagree.</summary>
public sealed record PolicyConsistencySummary(int Checked, int Consistent, int Skipped, IReadOnlyList<PolicyConsistencyCheck> Mismatches)
{
    /// <summary>Share of compared cases whose route was reproduced (1 when none were compared).</summary>
    public double Rate => Checked == 0 ? 1 : (double)Consistent / Checked;

    public static PolicyConsistencySummary From(IEnumerable<PolicyConsistencyCheck> checks)
    {
        var all = checks.ToList();
        var compared = all.Where(c => c.Skipped is null).ToList();
        return new PolicyConsistencySummary(
            compared.Count,
            compared.Count(c => c.Consistent),
            all.Count - compared.Count,
            [.. compared.Where(c => !c.Consistent).OrderBy(c => c.CaseId, StringComparer.Ordinal)]);
    }
}

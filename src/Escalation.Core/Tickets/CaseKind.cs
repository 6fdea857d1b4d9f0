namespace Escalation.Core.Tickets;

/// <summary>Which capability handles a case.</summary>
public enum CaseKind
{
    /// <summary>Sensitive case handling: detect → retrieve-policy → draft → tone-check → route.</summary>
    Sensitive,

    /// <summary>Complex escalation resolution: receive → gather-context → apply-policy → resolve-or-escalate → document.</summary>
    Escalation,
}

/// <summary>Wire names of <see cref="CaseKind"/>.</summary>
public static class CaseKindNames
{
    public const string Sensitive = "sensitive";
    public const string Escalation = "escalation";

    public static string ToName(this CaseKind kind) => kind == CaseKind.Escalation ? Escalation : Sensitive;

    public static bool TryParse(string? value, out CaseKind kind)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case Sensitive: kind = CaseKind.Sensitive; return true;
            case Escalation: kind = CaseKind.Escalation; return true;
            default: kind = CaseKind.Sensitive; return false;
        }
    }
}

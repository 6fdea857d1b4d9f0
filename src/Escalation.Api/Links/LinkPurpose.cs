namespace Escalation.Api.Links;

/// <summary>What a signed link lets its holder do; a token for one purpose is refused for the other.</summary>
public enum LinkPurpose
{
    /// <summary>Open the review page and decide the case once.</summary>
    Review,

    /// <summary>Read the redacted customer view of a decision trace.</summary>
    PublicAudit,
}

/// <summary>Wire names of <see cref="LinkPurpose"/>: <c>review</c>, <c>public-audit</c>.</summary>
public static class LinkPurposeNames
{
    public const string Review = "review";
    public const string PublicAudit = "public-audit";

    public static string ToName(this LinkPurpose purpose) => purpose == LinkPurpose.PublicAudit ? PublicAudit : Review;

    public static bool TryParse(string? value, out LinkPurpose purpose)
    {
        switch (value)
        {
            case Review: purpose = LinkPurpose.Review; return true;
            case PublicAudit: purpose = LinkPurpose.PublicAudit; return true;
            default: purpose = LinkPurpose.Review; return false;
        }
    }
}

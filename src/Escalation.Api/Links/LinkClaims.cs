namespace Escalation.Api.Links;

/// <summary>What a signed link token says: for which case, whom, what, until when.</summary>
/// <param name="CaseId">The case (for a public-audit link: the trace) the link is bound to.</param>
/// <param name="Reviewer">Who the link was issued to (a reviewer's address, or <c>customer</c>).</param>
/// <param name="Purpose">What it may be used for.</param>
/// <param name="ExpiresAt">When it stops working (whole seconds, UTC).</param>
/// <param name="Nonce">Random and unique per token; the id single-use enforcement remembers.</param>
public sealed record LinkClaims(string CaseId, string Reviewer, LinkPurpose Purpose, DateTimeOffset ExpiresAt, string Nonce)
{
    /// <summary>The id single-use enforcement records.</summary>
    public string TokenId => Nonce;
}

/// <summary>Why a link token was refused.</summary>
public enum LinkTokenStatus
{
    Valid,

    /// <summary>Not a token at all: wrong shape, bad base64url, bad payload.</summary>
    Malformed,

    /// <summary>The signature does not match: altered, or signed with another key.</summary>
    Forged,

    /// <summary>Past its expiry.</summary>
    Expired,

    /// <summary>Genuine, but issued for another case.</summary>
    WrongCase,

    /// <summary>Genuine, but issued for another purpose (e.g. a public-audit token on the review form).</summary>
    WrongPurpose,

    /// <summary>Genuine and current, but already used once.</summary>
    AlreadyUsed,
}

/// <summary>The outcome of checking a link token.</summary>
/// <param name="Status">Valid, or why not.</param>
/// <param name="Claims">The token's claims when its signature checked out (also for expired, wrong case, wrong purpose, used).</param>
/// <param name="Reason">A sentence for the person holding the link.</param>
public sealed record LinkValidation(LinkTokenStatus Status, LinkClaims? Claims, string Reason)
{
    public bool IsValid => Status == LinkTokenStatus.Valid;

    /// <summary>The HTTP status a host answers a refused link with: 410 for expired or used, 403 otherwise.</summary>
    public int HttpStatus => Status switch
    {
        LinkTokenStatus.Valid => 200,
        LinkTokenStatus.Expired or LinkTokenStatus.AlreadyUsed => 410,
        _ => 403,
    };
}

namespace Escalation.Api.Views;

/// <summary>The confirmation after a review form was accepted.</summary>
/// <param name="CaseId">The case decided.</param>
/// <param name="Action"><c>approve</c>, <c>edit</c>, <c>reject</c> or <c>escalate</c>.</param>
/// <param name="RecordedAt">When the decision was recorded.</param>
/// <param name="Summary">What happens next, e.g. "The edited reply was sent to the customer."</param>
/// <param name="AuditUrl">Where the decision trace can be read.</param>
public sealed record DecisionRecordedModel(string CaseId, string Action, DateTimeOffset RecordedAt, string? Summary = null, string? AuditUrl = null);

/// <summary>Why a review link cannot be acted on.</summary>
public enum LinkProblemKind
{
    /// <summary>The case was already decided (this link was used, or someone or the SLA timer decided first).</summary>
    AlreadyDecided,

    /// <summary>The link is past its expiry.</summary>
    Expired,

    /// <summary>The link is damaged, forged, or for another case or purpose.</summary>
    Invalid,
}

/// <summary>The page shown instead of the review page or confirmation; nothing was changed.</summary>
/// <param name="Kind">Which of the three situations.</param>
/// <param name="CaseId">The case in the URL, when known.</param>
/// <param name="Detail">One more sentence, e.g. who decided and how.</param>
public sealed record LinkProblemModel(LinkProblemKind Kind, string? CaseId = null, string? Detail = null)
{
    /// <summary>The HTTP status to answer with: 409 already decided, 410 expired, 403 invalid.</summary>
    public int HttpStatus => Kind switch
    {
        LinkProblemKind.AlreadyDecided => 409,
        LinkProblemKind.Expired => 410,
        _ => 403,
    };

    /// <summary>The page for a refused link token.</summary>
    public static LinkProblemModel From(Links.LinkValidation validation, string? caseId) => validation.Status switch
    {
        Links.LinkTokenStatus.AlreadyUsed => new(LinkProblemKind.AlreadyDecided, caseId, validation.Reason),
        Links.LinkTokenStatus.Expired => new(LinkProblemKind.Expired, caseId, validation.Reason),
        _ => new(LinkProblemKind.Invalid, caseId, validation.Reason),
    };
}

using System.Globalization;
using Escalation.Api.Endpoints;
using Escalation.Api.Html;
using Escalation.Api.Problems;
using Escalation.Api.Views;
using Escalation.Core.Workflow;
using Microsoft.AspNetCore.Http;

namespace Escalation.Api.Http;

/// <summary>
/// The 409 a reviewer gets when someone else — another reviewer, or the SLA timer — decided the case first: who, what
/// and when. A page for a browser's form post, <c>application/problem+json</c> (with the claim's fields) for an API caller.
/// </summary>
public static class ReviewConflict
{
    /// <summary>The problem type of the answer.</summary>
    public const string ProblemSlug = "review-already-decided";

    /// <summary>The answer to a review POST that lost to <paramref name="held"/>; nothing of <paramref name="attempted"/> was applied.</summary>
    public static IResult Answer(HttpRequest request, ReviewClaim held, string? attempted, bool html)
    {
        var detail = Describe(held, attempted);
        if (html)
        {
            return Answers.Page(409, OutcomePages.LinkProblem(new LinkProblemModel(LinkProblemKind.AlreadyDecided, held.CaseId, detail)));
        }

        var title = held.IsSlaTimeout ? "The case was escalated when its review SLA ran out" : "This case has already been decided";
        return Answers.Problem(Problems.Problems.Create(ProblemSlug, title, 409, detail, request.Instance()), new Dictionary<string, object?>
        {
            ["decidedBy"] = held.Reviewer,
            ["decidedAction"] = held.Action,
            ["decidedAt"] = held.At,
            ["sentTextSha256"] = held.TextSha256,
        });
    }

    /// <summary>One sentence: who decided what and when, and that the caller's decision was not applied.</summary>
    public static string Describe(ReviewClaim held, string? attempted)
    {
        var at = held.At.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
        var yours = attempted is null ? "" : $" Your decision ({attempted}) was not applied.";
        if (held.IsSlaTimeout)
        {
            return $"Nobody decided before the review SLA deadline, so the case was escalated to a senior human at {at}.{yours}";
        }

        var what = held.Action switch
        {
            ReviewActions.Approve => "approved the draft, which was sent",
            ReviewActions.Edit => "edited the reply and sent their version",
            ReviewActions.Reject => "rejected the draft; nothing was sent",
            ReviewActions.Escalate => "escalated the case to a senior human",
            _ => held.Action,
        };
        return $"{held.Reviewer} already decided this case at {at}: {what}.{yours}";
    }
}

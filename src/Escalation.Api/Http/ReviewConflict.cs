using System.Globalization;
using System.Text.Json;
using Escalation.Api.Html;
using Escalation.Api.Problems;
using Escalation.Api.Views;
using Escalation.Core.Workflow;

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
    public static ApiResponse Answer(ApiRequest request, ReviewClaim held, string? attempted, bool html, IReadOnlyDictionary<string, string> htmlHeaders)
    {
        var detail = Describe(held, attempted);
        if (html)
        {
            var page = OutcomePages.LinkProblem(new LinkProblemModel(LinkProblemKind.AlreadyDecided, held.CaseId, detail));
            return ApiResponse.Text(409, HtmlPage.ContentType, page, htmlHeaders);
        }

        var problem = new ReviewConflictProblem
        {
            Type = Problems.Problems.Create(ProblemSlug, "", 409, null, null).Type,
            Title = held.IsSlaTimeout ? "The case was escalated when its review SLA ran out" : "This case has already been decided",
            Status = 409,
            Detail = detail,
            Instance = request.Path,
            DecidedBy = held.Reviewer,
            DecidedAction = held.Action,
            DecidedAt = held.At,
            SentTextSha256 = held.TextSha256,
        };
        return new ApiResponse(409, ProblemDetails.ContentType, JsonSerializer.SerializeToUtf8Bytes(problem, ProblemJson.Options), new Dictionary<string, string>());
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

    /// <summary>RFC 7807 members plus the decision that holds (extension members).</summary>
    private sealed record ReviewConflictProblem
    {
        public required string Type { get; init; }
        public required string Title { get; init; }
        public required int Status { get; init; }
        public string? Detail { get; init; }
        public string? Instance { get; init; }
        public required string DecidedBy { get; init; }
        public required string DecidedAction { get; init; }
        public required DateTimeOffset DecidedAt { get; init; }
        public string? SentTextSha256 { get; init; }
    }
}

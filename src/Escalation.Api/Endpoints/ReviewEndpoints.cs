using Escalation.Api.Http;
using Escalation.Core.Workflow;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Escalation.Api.Endpoints;

/// <summary>The reviewer's routes, opened from the e-mailed link: the page (never acts) and the form's single-use POST.</summary>
public static class ReviewEndpoints
{
    public static void MapReviewEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/review/{caseId}", ReviewPage).WithName("showReviewPage").WithTags("review").Open()
            .WithSummary("The review page (opening it never acts: mail scanners open links)")
            .Query("token", "The signed link token from the e-mail.", required: true)
            .Produces<string>(StatusCodes.Status200OK, "text/html").Produces<string>(StatusCodes.Status403Forbidden, "text/html")
            .Produces<string>(StatusCodes.Status410Gone, "text/html");
        api.MapPost("/review/{caseId}", Decide).WithName("decideReview").WithTags("review").Open()
            .WithSummary("Record the reviewer's decision, once per signed token")
            .Accepts<ReviewForm>("application/x-www-form-urlencoded")
            .Produces<string>(StatusCodes.Status200OK, "text/html").Produces<string>(StatusCodes.Status400BadRequest, "text/html")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict)
            .Produces<string>(StatusCodes.Status410Gone, "text/html");
    }

    public static Task<IResult> ReviewPage(HttpRequest request, string caseId, [FromServices] CaseApi api) =>
        api.GetReviewPageAsync(request, caseId, request.HttpContext.RequestAborted);

    public static Task<IResult> Decide(HttpRequest request, string caseId, [FromServices] CaseApi api, [FromServices] ICaseOrchestrationClient cases) =>
        api.PostReviewAsync(request, caseId, cases, request.HttpContext.RequestAborted);

    /// <summary>The review form's fields (documentation shape): the token, approve/edit/reject/escalate, the edited reply and a note.</summary>
    public sealed record ReviewForm(string Token, string Action, string? Reply, string? Note);
}

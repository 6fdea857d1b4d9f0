using Escalation.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Escalation.Api.Endpoints;

/// <summary>The immutable traces: the team's view, the chain check, and the customer's redacted view by signed link.</summary>
public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/audit/{traceId}", GetTrace).WithName("getTrace").WithTags("audit")
            .WithSummary("The decision trace: canonical JSON, or a page for a browser")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
        api.MapGet("/audit/{traceId}/verify", VerifyTrace).WithName("verifyTrace").WithTags("audit")
            .WithSummary("Recompute the hashes along the case's chain and say where it breaks")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/public/audit/{traceId}", GetPublicTrace).WithName("getPublicTrace").WithTags("audit").Open()
            .WithSummary("The redacted view a customer may see, by signed link")
            .Query("token", "The signed link token.", required: true)
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound)
            .Produces<string>(StatusCodes.Status403Forbidden, "text/html");
    }

    public static Task<IResult> GetTrace(HttpRequest request, string traceId, [FromServices] CaseApi api) =>
        api.GetAuditAsync(request, traceId, request.HttpContext.RequestAborted);

    public static Task<IResult> VerifyTrace(HttpRequest request, string traceId, [FromServices] CaseApi api) =>
        api.VerifyAuditAsync(request, traceId, request.HttpContext.RequestAborted);

    public static Task<IResult> GetPublicTrace(HttpRequest request, string traceId, [FromServices] CaseApi api) =>
        api.GetPublicAuditAsync(request, traceId, request.HttpContext.RequestAborted);
}

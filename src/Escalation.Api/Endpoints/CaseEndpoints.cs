using Escalation.Api.Http;
using Escalation.Api.Privacy;
using Escalation.Api.Problems;
using Escalation.Core.Tickets;
using Escalation.Core.Workflow;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Escalation.Api.Endpoints;

/// <summary>The help desk's routes: submit, list, read and resume cases; erase a customer.</summary>
public static class CaseEndpoints
{
    public static void MapCaseEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/cases", SubmitCase).WithName("submitCase").WithTags("cases")
            .WithSummary("Submit a ticket for a decision")
            .Accepts<CaseSubmission>("application/json")
            .Query("wait", "Seconds to wait for the decision (0-30).")
            .Produces<SubmitAnswer>(StatusCodes.Status202Accepted).Produces<SubmitAnswer>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/webhooks/zendesk", SubmitZendesk).WithName("submitZendeskWebhook").WithTags("cases")
            .WithSummary("Submit a Zendesk-style webhook body")
            .Query("wait", "Seconds to wait for the decision (0-30).")
            .Produces<SubmitAnswer>(StatusCodes.Status202Accepted).Produces<SubmitAnswer>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapGet("/cases", ListCases).WithName("listCases").WithTags("cases")
            .WithSummary("Cases in the index, newest first, a page at a time")
            .Query("status", "Only cases in this status (needs-attention: cases waiting out a fault).")
            .Query("limit", "Cases per page (1-500, default 100).")
            .Query("continuation", "The continuation token of the previous page.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/cases/{caseId}", GetCase).WithName("getCase").WithTags("cases")
            .WithSummary("A case's status, route, reasons, draft and audit links")
            .Produces<CaseApi.CaseView>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/cases/{caseId}/resume", ResumeCase).WithName("resumeCase").WithTags("cases")
            .WithSummary("Retry a needs-attention case's failed step now")
            .Produces(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/customers/{customerId}/erasure", EraseCustomer).WithName("eraseCustomer").WithTags("privacy")
            .WithSummary("Erase a customer's personal data from all their cases")
            .Accepts<ErasureBody>("application/json")
            .Produces<ErasureResult>().ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static Task<IResult> SubmitCase(HttpRequest request, [FromServices] CaseApi api, [FromServices] ICaseOrchestrationClient cases) =>
        api.SubmitCaseAsync(request, cases, request.HttpContext.RequestAborted);

    public static Task<IResult> SubmitZendesk(HttpRequest request, [FromServices] CaseApi api, [FromServices] ICaseOrchestrationClient cases) =>
        api.SubmitZendeskAsync(request, cases, request.HttpContext.RequestAborted);

    public static Task<IResult> ListCases(HttpRequest request, [FromServices] CaseApi api) =>
        api.ListCasesAsync(request, request.HttpContext.RequestAborted);

    public static Task<IResult> GetCase(HttpRequest request, string caseId, [FromServices] CaseApi api, [FromServices] ICaseOrchestrationClient cases) =>
        api.GetCaseAsync(request, caseId, cases, request.HttpContext.RequestAborted);

    public static Task<IResult> ResumeCase(HttpRequest request, string caseId, [FromServices] CaseApi api, [FromServices] ICaseOrchestrationClient cases) =>
        api.ResumeCaseAsync(request, caseId, cases, request.HttpContext.RequestAborted);

    public static Task<IResult> EraseCustomer(HttpRequest request, string customerId, [FromServices] CaseApi api, [FromServices] CustomerErasure erasure) =>
        api.EraseCustomerAsync(request, customerId, erasure, request.HttpContext.RequestAborted);

    /// <summary>What a submission answers (documentation shape).</summary>
    public sealed record SubmitAnswer(string CaseId, string StatusUrl, bool Duplicate, CaseApi.CaseView? Case);

    /// <summary>The erasure request's body (documentation shape).</summary>
    public sealed record ErasureBody(string RequestedBy, string? Reference);
}

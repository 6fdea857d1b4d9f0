using Escalation.Api.Endpoints;
using Escalation.Api.Http;
using Escalation.Api.OpenApi;
using Escalation.Api.Privacy;
using Escalation.Api.Simulations;
using Escalation.Functions.Orchestration;
using Escalation.Infrastructure.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Escalation.Functions.Http;

/// <summary>
/// The HTTP surface on Azure Functions (ASP.NET Core integration): one trigger per route, each calling the same
/// endpoint handler the local server maps (src/Escalation.Api/Endpoints) through the same <see cref="HttpPipeline"/>.
/// Help-desk routes need a function key (the host checks it); review pages and public audit links carry their own signatures.
/// </summary>
public sealed class CaseHttpFunctions(CaseApi api, CustomerErasure erasure, SimulationSteps simulations, AzureStorageAccount? azure = null)
{
    [Function(nameof(SubmitCase))]
    public Task<IActionResult> SubmitCase(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cases")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        Keyed(req, () => CaseEndpoints.SubmitCase(req, api, Cases(client)));

    [Function(nameof(SubmitZendesk))]
    public Task<IActionResult> SubmitZendesk(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "webhooks/zendesk")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        Keyed(req, () => CaseEndpoints.SubmitZendesk(req, api, Cases(client)));

    [Function(nameof(GetCase))]
    public Task<IActionResult> GetCase(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "cases/{caseId}")] HttpRequest req, string caseId, [DurableClient] DurableTaskClient client) =>
        Keyed(req, () => CaseEndpoints.GetCase(req, caseId, api, Cases(client)));

    [Function(nameof(ListCases))]
    public Task<IActionResult> ListCases(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "cases")] HttpRequest req) =>
        Keyed(req, () => CaseEndpoints.ListCases(req, api));

    [Function(nameof(ResumeCase))]
    public Task<IActionResult> ResumeCase(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cases/{caseId}/resume")] HttpRequest req, string caseId, [DurableClient] DurableTaskClient client) =>
        Keyed(req, () => CaseEndpoints.ResumeCase(req, caseId, api, Cases(client)));

    [Function(nameof(EraseCustomer))]
    public Task<IActionResult> EraseCustomer(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "customers/{customerId}/erasure")] HttpRequest req, string customerId) =>
        Keyed(req, () => CaseEndpoints.EraseCustomer(req, customerId, api, erasure));

    [Function(nameof(StartSimulation))]
    public Task<IActionResult> StartSimulation(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "simulations")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        Keyed(req, () => OperationsEndpoints.StartSimulation(req, api, simulations, new DurableSimulationLauncher(client), azure));

    [Function(nameof(GetSimulation))]
    public Task<IActionResult> GetSimulation(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "simulations/{simulationId}")] HttpRequest req, string simulationId, [DurableClient] DurableTaskClient client) =>
        Keyed(req, () => OperationsEndpoints.GetSimulation(req, simulationId, api, simulations, new DurableSimulationLauncher(client)));

    [Function(nameof(GetReviewPage))]
    public Task<IActionResult> GetReviewPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "review/{caseId}")] HttpRequest req, string caseId) =>
        Open(req, () => ReviewEndpoints.ReviewPage(req, caseId, api));

    [Function(nameof(PostReview))]
    public Task<IActionResult> PostReview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "review/{caseId}")] HttpRequest req, string caseId, [DurableClient] DurableTaskClient client) =>
        Open(req, () => ReviewEndpoints.Decide(req, caseId, api, Cases(client)));

    [Function(nameof(GetAudit))]
    public Task<IActionResult> GetAudit(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "audit/{traceId}")] HttpRequest req, string traceId) =>
        Keyed(req, () => AuditEndpoints.GetTrace(req, traceId, api));

    [Function(nameof(VerifyAudit))]
    public Task<IActionResult> VerifyAudit(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "audit/{traceId}/verify")] HttpRequest req, string traceId) =>
        Keyed(req, () => AuditEndpoints.VerifyTrace(req, traceId, api));

    [Function(nameof(GetPublicAudit))]
    public Task<IActionResult> GetPublicAudit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "public/audit/{traceId}")] HttpRequest req, string traceId) =>
        Open(req, () => AuditEndpoints.GetPublicTrace(req, traceId, api));

    [Function(nameof(Health))]
    public Task<IActionResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest req) =>
        Open(req, () => OperationsEndpoints.Health(req, api));

    /// <summary>The generated OpenAPI document as checked in (the snapshot test keeps it equal to what the server generates).</summary>
    [Function(nameof(OpenApi))]
    public Task<IActionResult> OpenApi(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest req) =>
        Open(req, () => Task.FromResult<IResult>(TypedResults.Bytes(EscalationOpenApi.Snapshot, "application/json; charset=utf-8")));

    [Function(nameof(MetricsSummary))]
    public Task<IActionResult> MetricsSummary(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "metrics/summary")] HttpRequest req) =>
        Keyed(req, () => OperationsEndpoints.MetricsSummary(req, api));

    private static DurableCaseOrchestrationClient Cases(DurableTaskClient client) => new(client);

    private static Task<IActionResult> Keyed(HttpRequest req, Func<Task<IResult>> handle) => RunAsync(req, open: false, handle);

    private static Task<IActionResult> Open(HttpRequest req, Func<Task<IResult>> handle) => RunAsync(req, open: true, handle);

    private static async Task<IActionResult> RunAsync(HttpRequest req, bool open, Func<Task<IResult>> handle) =>
        new EndpointResult(await HttpPipeline.RunAsync(req.HttpContext, open, handle).ConfigureAwait(false));
}

/// <summary>An endpoint's <see cref="IResult"/> as the action result a Functions HTTP trigger returns.</summary>
public sealed class EndpointResult(IResult result) : IActionResult
{
    public IResult Result { get; } = result;

    public Task ExecuteResultAsync(ActionContext context) => Result.ExecuteAsync(context.HttpContext);
}

using Escalation.Api.Http;
using Escalation.Api.Privacy;
using Escalation.Api.Simulations;
using Escalation.Functions.Orchestration;
using Escalation.Infrastructure.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Escalation.Functions.Http;

/// <summary>
/// The HTTP surface on Azure Functions: one function per route over the shared <see cref="CaseApi"/> handlers.
/// Help-desk routes need a function key; review pages and public audit links carry their own signatures.
/// </summary>
public sealed class CaseHttpFunctions(CaseApi api, CustomerErasure erasure, SimulationSteps simulations, ILogger<CaseHttpFunctions> logger, AzureStorageAccount? azure = null)
{
    [Function(nameof(SubmitCase))]
    public Task<HttpResponseData> SubmitCase(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cases")] HttpRequestData req, [DurableClient] DurableTaskClient client) =>
        HandleAsync(req, r => api.SubmitCaseAsync(r, Cases(client)));

    [Function(nameof(SubmitZendesk))]
    public Task<HttpResponseData> SubmitZendesk(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "webhooks/zendesk")] HttpRequestData req, [DurableClient] DurableTaskClient client) =>
        HandleAsync(req, r => api.SubmitZendeskAsync(r, Cases(client)));

    [Function(nameof(GetCase))]
    public Task<HttpResponseData> GetCase(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "cases/{caseId}")] HttpRequestData req, string caseId, [DurableClient] DurableTaskClient client) =>
        HandleAsync(req, r => api.GetCaseAsync(r, caseId, Cases(client)));

    [Function(nameof(ListCases))]
    public Task<HttpResponseData> ListCases(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "cases")] HttpRequestData req) =>
        HandleAsync(req, r => api.ListCasesAsync(r));

    [Function(nameof(ResumeCase))]
    public Task<HttpResponseData> ResumeCase(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cases/{caseId}/resume")] HttpRequestData req, string caseId, [DurableClient] DurableTaskClient client) =>
        HandleAsync(req, r => api.ResumeCaseAsync(r, caseId, Cases(client)));

    [Function(nameof(EraseCustomer))]
    public Task<HttpResponseData> EraseCustomer(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "customers/{customerId}/erasure")] HttpRequestData req, string customerId) =>
        HandleAsync(req, r => api.EraseCustomerAsync(r, customerId, erasure));

    [Function(nameof(StartSimulation))]
    public Task<HttpResponseData> StartSimulation(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "simulations")] HttpRequestData req, [DurableClient] DurableTaskClient client) =>
        HandleAsync(req, r => api.StartSimulationAsync(r, simulations, new DurableSimulationLauncher(client), azure));

    [Function(nameof(GetSimulation))]
    public Task<HttpResponseData> GetSimulation(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "simulations/{simulationId}")] HttpRequestData req, string simulationId, [DurableClient] DurableTaskClient client) =>
        HandleAsync(req, r => api.GetSimulationAsync(r, simulationId, simulations, new DurableSimulationLauncher(client)));

    [Function(nameof(GetReviewPage))]
    public Task<HttpResponseData> GetReviewPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "review/{caseId}")] HttpRequestData req, string caseId) =>
        HandleAsync(req, r => api.GetReviewPageAsync(r, caseId));

    [Function(nameof(PostReview))]
    public Task<HttpResponseData> PostReview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "review/{caseId}")] HttpRequestData req, string caseId, [DurableClient] DurableTaskClient client) =>
        HandleAsync(req, r => api.PostReviewAsync(r, caseId, Cases(client)));

    [Function(nameof(GetAudit))]
    public Task<HttpResponseData> GetAudit(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "audit/{traceId}")] HttpRequestData req, string traceId) =>
        HandleAsync(req, r => api.GetAuditAsync(r, traceId));

    [Function(nameof(VerifyAudit))]
    public Task<HttpResponseData> VerifyAudit(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "audit/{traceId}/verify")] HttpRequestData req, string traceId) =>
        HandleAsync(req, r => api.VerifyAuditAsync(r, traceId));

    [Function(nameof(GetPublicAudit))]
    public Task<HttpResponseData> GetPublicAudit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "public/audit/{traceId}")] HttpRequestData req, string traceId) =>
        HandleAsync(req, r => api.GetPublicAuditAsync(r, traceId));

    [Function(nameof(Health))]
    public Task<HttpResponseData> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequestData req) =>
        HandleAsync(req, r => api.HealthAsync(r));

    [Function(nameof(OpenApi))]
    public Task<HttpResponseData> OpenApi(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequestData req) =>
        HandleAsync(req, r => Task.FromResult(api.OpenApi(r)));

    [Function(nameof(MetricsSummary))]
    public Task<HttpResponseData> MetricsSummary(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "metrics/summary")] HttpRequestData req) =>
        HandleAsync(req, r => api.MetricsSummaryAsync(r));

    private static DurableCaseOrchestrationClient Cases(DurableTaskClient client) => new(client);

    private Task<HttpResponseData> HandleAsync(HttpRequestData req, Func<ApiRequest, Task<ApiResponse>> handle) => HttpRequestDataAdapter.HandleAsync(req, handle, logger);
}

using Escalation.Api.Http;
using Escalation.Functions.Orchestration;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;

namespace Escalation.Functions.Http;

/// <summary>
/// The HTTP surface on Azure Functions: one function per route over the shared <see cref="CaseApi"/> handlers.
/// Help-desk routes need a function key; review pages and public audit links carry their own signatures.
/// </summary>
public sealed class CaseHttpFunctions(CaseApi api)
{
    [Function(nameof(SubmitCase))]
    public async Task<HttpResponseData> SubmitCase(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cases")] HttpRequestData req, [DurableClient] DurableTaskClient client) =>
        await RespondAsync(req, await api.SubmitCaseAsync(await ReadAsync(req), Cases(client)));

    [Function(nameof(SubmitZendesk))]
    public async Task<HttpResponseData> SubmitZendesk(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "webhooks/zendesk")] HttpRequestData req, [DurableClient] DurableTaskClient client) =>
        await RespondAsync(req, await api.SubmitZendeskAsync(await ReadAsync(req), Cases(client)));

    [Function(nameof(GetCase))]
    public async Task<HttpResponseData> GetCase(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "cases/{caseId}")] HttpRequestData req, string caseId, [DurableClient] DurableTaskClient client) =>
        await RespondAsync(req, await api.GetCaseAsync(await ReadAsync(req), caseId, Cases(client)));

    [Function(nameof(ListCases))]
    public async Task<HttpResponseData> ListCases(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "cases")] HttpRequestData req) =>
        await RespondAsync(req, await api.ListCasesAsync(await ReadAsync(req)));

    [Function(nameof(GetReviewPage))]
    public async Task<HttpResponseData> GetReviewPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "review/{caseId}")] HttpRequestData req, string caseId) =>
        await RespondAsync(req, await api.GetReviewPageAsync(await ReadAsync(req), caseId));

    [Function(nameof(PostReview))]
    public async Task<HttpResponseData> PostReview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "review/{caseId}")] HttpRequestData req, string caseId, [DurableClient] DurableTaskClient client) =>
        await RespondAsync(req, await api.PostReviewAsync(await ReadAsync(req), caseId, Cases(client)));

    [Function(nameof(GetAudit))]
    public async Task<HttpResponseData> GetAudit(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "audit/{traceId}")] HttpRequestData req, string traceId) =>
        await RespondAsync(req, await api.GetAuditAsync(await ReadAsync(req), traceId));

    [Function(nameof(VerifyAudit))]
    public async Task<HttpResponseData> VerifyAudit(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "audit/{traceId}/verify")] HttpRequestData req, string traceId) =>
        await RespondAsync(req, await api.VerifyAuditAsync(await ReadAsync(req), traceId));

    [Function(nameof(GetPublicAudit))]
    public async Task<HttpResponseData> GetPublicAudit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "public/audit/{traceId}")] HttpRequestData req, string traceId) =>
        await RespondAsync(req, await api.GetPublicAuditAsync(await ReadAsync(req), traceId));

    [Function(nameof(Health))]
    public async Task<HttpResponseData> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequestData req) =>
        await RespondAsync(req, api.Health(await ReadAsync(req)));

    [Function(nameof(OpenApi))]
    public async Task<HttpResponseData> OpenApi(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequestData req) =>
        await RespondAsync(req, api.OpenApi(await ReadAsync(req)));

    [Function(nameof(MetricsSummary))]
    public async Task<HttpResponseData> MetricsSummary(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "metrics/summary")] HttpRequestData req) =>
        await RespondAsync(req, await api.MetricsSummaryAsync(await ReadAsync(req)));

    private static DurableCaseOrchestrationClient Cases(DurableTaskClient client) => new(client);

    private static Task<ApiRequest> ReadAsync(HttpRequestData req) => HttpRequestDataAdapter.ToApiRequestAsync(req);

    private static Task<HttpResponseData> RespondAsync(HttpRequestData req, ApiResponse response) => HttpRequestDataAdapter.ToResponseAsync(req, response);
}

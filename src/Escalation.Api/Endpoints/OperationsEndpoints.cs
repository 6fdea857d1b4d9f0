using Escalation.Api.Http;
using Escalation.Api.Simulations;
using Escalation.Infrastructure.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Escalation.Api.Endpoints;

/// <summary>Running the service: health, KPIs, what-if simulations; the OpenAPI document is mapped by the host.</summary>
public static class OperationsEndpoints
{
    public static void MapOperationsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/health", Health).WithName("health").WithTags("operations").Open()
            .WithSummary("The workspace in use and how many cases need attention; 503 while storage needs attention")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/metrics/summary", MetricsSummary).WithName("metricsSummary").WithTags("operations")
            .WithSummary("The KPI summary from the case index (JSON, or a page for a browser)")
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
        api.MapPost("/simulations", StartSimulation).WithName("startSimulation").WithTags("simulations")
            .WithSummary("Decide every stored case again with a candidate workspace (zip, or a blob container)")
            .Query("since", "Only cases created since this ISO date or instant.")
            .Query("baseline", "recorded (each case's decision on record) or live (the workspace the service runs now).")
            .Query("wait", "Seconds to wait for the report (0-30).")
            .Produces<SimulationAnswer>(StatusCodes.Status202Accepted).Produces<SimulationAnswer>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapGet("/simulations/{simulationId}", GetSimulation).WithName("getSimulation").WithTags("simulations")
            .WithSummary("A run's status and progress, and its report once completed")
            .Produces<SimulationAnswer>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static Task<IResult> Health(HttpRequest request, [FromServices] CaseApi api) =>
        api.HealthAsync(request, request.HttpContext.RequestAborted);

    public static Task<IResult> MetricsSummary(HttpRequest request, [FromServices] CaseApi api) =>
        api.MetricsSummaryAsync(request, request.HttpContext.RequestAborted);

    public static Task<IResult> StartSimulation(
        HttpRequest request, [FromServices] CaseApi api, [FromServices] SimulationSteps steps, [FromServices] ISimulationLauncher launcher, [FromServices] AzureStorageAccount? azure) =>
        api.StartSimulationAsync(request, steps, launcher, azure, request.HttpContext.RequestAborted);

    public static Task<IResult> GetSimulation(
        HttpRequest request, string simulationId, [FromServices] CaseApi api, [FromServices] SimulationSteps steps, [FromServices] ISimulationLauncher launcher) =>
        api.GetSimulationAsync(request, simulationId, steps, launcher, request.HttpContext.RequestAborted);
}

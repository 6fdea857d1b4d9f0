using Escalation.Api.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Escalation.Api.Endpoints;

/// <summary>
/// The route table, once: every route of the service under <c>/api</c>, each a static handler in a small endpoint
/// group. The local server maps them with <see cref="MapEscalationApi"/>; the Functions triggers call the same handlers.
/// </summary>
public static class EscalationApi
{
    /// <summary>
    /// Maps every route and the generated OpenAPI document (<see cref="EscalationOpenApi.Path"/>), run through
    /// <see cref="HttpPipeline"/> (headers, key, limits, failures). Needs <see cref="EscalationHttp.AddEscalationHttp"/>.
    /// </summary>
    public static RouteGroupBuilder MapEscalationApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");
        api.AddEndpointFilter(async (context, next) =>
        {
            var open = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<OpenRoute>() is not null;
            return await HttpPipeline.RunAsync(context.HttpContext, open, async () => await next(context) switch
            {
                IResult result => result,
                var other => TypedResults.Ok(other),
            });
        });
        api.MapCaseEndpoints();
        api.MapReviewEndpoints();
        api.MapAuditEndpoints();
        api.MapOperationsEndpoints();
        api.MapOpenApi("/openapi.json").Open();
        return api;
    }

    /// <summary>Marks a route that needs no API key: it carries its own signature (review and public links) or is public.</summary>
    public static TBuilder Open<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(OpenRoute.Instance);

    /// <summary>Documents a query parameter the handler reads from the request (as a string, validated by the handler).</summary>
    public static TBuilder Query<TBuilder>(this TBuilder builder, string name, string description, bool required = false) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new QueryParameter(name, description, required));
}

/// <summary>Endpoint metadata: the route needs no API key.</summary>
public sealed class OpenRoute
{
    public static OpenRoute Instance { get; } = new();
}

/// <summary>Endpoint metadata: a query parameter, for the OpenAPI document.</summary>
public sealed record QueryParameter(string Name, string Description, bool Required);

using Escalation.Api.OpenApi;
using Microsoft.Extensions.DependencyInjection;

namespace Escalation.Api.Endpoints;

/// <summary>The HTTP services both hosts register: problem details and the OpenAPI generator.</summary>
public static class EscalationHttp
{
    public static IServiceCollection AddEscalationHttp(this IServiceCollection services) =>
        services.AddProblemDetails().AddEscalationOpenApi();
}

using Escalation.Api.Endpoints;
using Escalation.Api.Hosting;
using Escalation.Functions.Language;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Escalation.Functions.Hosting;

/// <summary>The Functions app's services, in one place so Program.cs and the start-up test wire the same thing.</summary>
public static class FunctionsAppServiceCollectionExtensions
{
    /// <summary>
    /// The same services as the embedded server (HTTP: problem details and OpenAPI included), plus the Azure-only adapters (Language sentiment, Azure Monitor);
    /// the worker adds its bindings itself.
    /// </summary>
    public static IServiceCollection AddEscalationFunctions(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddEscalation(configuration)
            .AddEscalationHttp()
            .AddAzureLanguageSentiment(configuration)
            .AddAzureMonitorTelemetry(configuration);
}

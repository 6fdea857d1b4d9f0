using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;

namespace Escalation.Functions.Hosting;

/// <summary>OpenTelemetry traces, metrics and logs to Azure Monitor, when Application Insights is configured.</summary>
public static class TelemetryServiceCollectionExtensions
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>The Functions worker's and this app's activity sources and meters.</summary>
    public static readonly string[] Sources = ["Microsoft.Azure.Functions.Worker", "Escalation"];

    public static IServiceCollection AddAzureMonitorTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration[ConnectionStringSetting];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return services;
        }

        services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(Sources))
            .WithMetrics(metrics => metrics.AddMeter(Sources))
            .UseAzureMonitorExporter(options => options.ConnectionString = connectionString);
        return services;
    }
}

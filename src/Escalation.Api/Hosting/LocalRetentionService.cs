using Escalation.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Escalation.Api.Hosting;

/// <summary>
/// Applies <c>Escalation:Storage:RetainArtifactsDays</c> on the local store: a minute after start, then daily, the
/// working artifacts of cases finished longer ago than that are deleted and the record log compacted
/// (<see cref="LocalRetention"/>). Does nothing on Azure Storage or when the setting is absent.
/// </summary>
public sealed class LocalRetentionService(IServiceProvider services, EscalationSettings settings, TimeProvider time, ILogger<LocalRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.UsesAzureStorage || settings.RetainArtifactsDays is not { } days)
        {
            return;
        }

        try
        {
            await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken).ConfigureAwait(false);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var store = services.GetRequiredService<LocalCaseStore>();
                    var (cases, artifacts, segments) = await LocalRetention.PurgeArtifactsAsync(store, time.GetUtcNow().AddDays(-days), stoppingToken).ConfigureAwait(false);
                    logger.LogInformation("Retention: {Artifacts} artifact(s) of {Cases} case(s) finished over {Days} days ago deleted; {Segments} log segment(s) compacted away", artifacts, cases, days, segments);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Retention did not complete; it runs again tomorrow");
                }

                await Task.Delay(TimeSpan.FromDays(1), time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

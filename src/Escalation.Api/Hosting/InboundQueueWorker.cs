using Escalation.Api.Http;
using Escalation.Core.Storage;
using Escalation.Core.Workflow;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Escalation.Api.Hosting;

/// <summary>
/// The local host's queue trigger: takes tickets a help desk dropped on the inbound queue (files in
/// <c>.data/queues/cases-inbound/ready</c>, or the Azure queue) and submits them like <c>POST /api/cases</c>.
/// A malformed ticket goes to the poison queue at once with the reason; one that keeps failing goes there after
/// <see cref="MaxAttempts"/> tries. Nothing is lost: a message is completed only after its case is stored.
/// </summary>
public sealed class InboundQueueWorker(IInboundQueue queue, CaseApi api, ICaseOrchestrationClient cases, ILogger<InboundQueueWorker> log) : BackgroundService
{
    public const int MaxAttempts = 5;
    private static readonly TimeSpan Visibility = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Idle = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            InboundMessage? message = null;
            try
            {
                message = await queue.ReceiveAsync(Visibility, stoppingToken);
                if (message is null)
                {
                    await Task.Delay(Idle, stoppingToken);
                    continue;
                }

                var result = await api.SubmitQueueMessageAsync(message.Body, cases, stoppingToken);
                if (result.Accepted)
                {
                    await queue.CompleteAsync(message, stoppingToken);
                    log.LogInformation("Queued ticket accepted as case {CaseId}", result.CaseId);
                }
                else
                {
                    await queue.PoisonAsync(message, result.PoisonReason ?? "rejected", stoppingToken);
                    log.LogWarning("Queued ticket moved to the poison queue: {Reason}", result.PoisonReason);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Queued ticket could not be submitted (attempt {Attempt})", message?.DequeueCount);
                if (message is not null && message.DequeueCount >= MaxAttempts)
                {
                    await queue.PoisonAsync(message, $"failed {message.DequeueCount} times: {ex.GetType().Name}: {ex.Message}", CancellationToken.None);
                }
                else
                {
                    await Task.Delay(Idle, stoppingToken);
                }
            }
        }
    }
}

using System.Text.Json;
using Escalation.Api.Http;
using Escalation.Functions.Orchestration;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Escalation.Functions.Queue;

/// <summary>
/// Queue-triggered starter: each <c>cases-inbound</c> message is validated like an HTTP submission; a malformed one is
/// written to <c>cases-inbound-poison</c> with the reason. Failures that may pass on retry throw, so the runtime retries
/// and finally poisons the message itself.
/// </summary>
public sealed class CaseQueueFunctions(CaseApi api)
{
    public const string InboundQueue = "cases-inbound";
    public const string PoisonQueue = "cases-inbound-poison";
    public const string Connection = "AzureWebJobsStorage";

    /// <summary>Returns the poison messages to write: none for an accepted message.</summary>
    [Function(nameof(SubmitQueuedCase))]
    [QueueOutput(PoisonQueue, Connection = Connection)]
    public async Task<string[]> SubmitQueuedCase(
        [QueueTrigger(InboundQueue, Connection = Connection)] string message, [DurableClient] DurableTaskClient client)
    {
        var result = await api.SubmitQueueMessageAsync(message, new DurableCaseOrchestrationClient(client));
        return result.PoisonReason is { } reason ? [PoisonMessage(message, reason)] : [];
    }

    /// <summary>The poison-queue message: the reason and the original message, as JSON.</summary>
    public static string PoisonMessage(string message, string reason) =>
        JsonSerializer.Serialize(new PoisonedCaseMessage(reason, message), PoisonJson);

    private static readonly JsonSerializerOptions PoisonJson = new(JsonSerializerDefaults.Web);
}

/// <summary>A queued submission that was rejected, with why.</summary>
public sealed record PoisonedCaseMessage(string Reason, string Message);

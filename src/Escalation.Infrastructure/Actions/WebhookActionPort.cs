using System.Net.Http.Headers;
using System.Text.Json;
using Escalation.Core.Actions;
using Escalation.Infrastructure.Callbacks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Escalation.Infrastructure.Actions;

/// <summary>
/// The action port for a billing system or automation behind <c>Escalation:Actions:WebhookUrl</c>: one POST per action,
/// in order, its JSON body signed like help-desk callbacks (<c>X-Escalation-Signature: sha256=…</c>) and carrying the
/// action's <c>Idempotency-Key</c>. Transient failures are retried by the client's resilience handler; a 2xx answer means
/// executed. After the first failure the rest are not attempted, so no later action runs without an earlier one.
/// </summary>
public sealed class WebhookActionPort(HttpClient http, Uri webhook, byte[] signingKey, ILogger? log = null) : IActionPort
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ILogger _log = log ?? NullLogger.Instance;

    public string Name => "webhook";

    /// <summary>The body posted for one action: the case, the ticket and the action.</summary>
    public static byte[] Body(ActionBatch batch, KeyedAction action) =>
        JsonSerializer.SerializeToUtf8Bytes(new { caseId = batch.CaseId, ticketId = batch.TicketId, action = ActionInstruction.From(action) }, Json);

    public async Task<IReadOnlyList<ActionResult>> ExecuteAsync(ActionBatch batch, CancellationToken cancellationToken = default)
    {
        var results = new List<ActionResult>();
        string? earlierFailure = null;
        foreach (var action in batch.Actions)
        {
            if (earlierFailure is not null)
            {
                results.Add(new ActionResult(action.IdempotencyKey, false, "not attempted: an earlier action failed"));
                continue;
            }

            var body = Body(batch, action);
            using var request = new HttpRequestMessage(HttpMethod.Post, webhook) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.TryAddWithoutValidation(HelpDeskCallbackClient.SignatureHeader, HelpDeskCallbackClient.Sign(signingKey, body));
            request.Headers.TryAddWithoutValidation(HelpDeskCallbackClient.IdempotencyHeader, action.IdempotencyKey);
            string detail;
            var ok = false;
            try
            {
                using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                ok = response.IsSuccessStatusCode;
                detail = ok ? $"the webhook answered HTTP {(int)response.StatusCode}" : $"the webhook answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Network errors, and the resilience handler giving up (its timeouts and open circuit are not HttpRequestExceptions).
                detail = "the webhook could not be reached: " + ex.GetType().Name;
            }

            if (!ok)
            {
                earlierFailure = detail;
                _log.LogWarning("Action {Kind} ({Key}) of case {CaseId} failed: {Detail}", action.Action.Kind, action.IdempotencyKey, batch.CaseId, detail);
            }

            results.Add(new ActionResult(action.IdempotencyKey, ok, detail));
        }

        return results;
    }
}

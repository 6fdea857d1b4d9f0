using System.ClientModel;
using System.Globalization;
using Escalation.Core.Sensitive;
using Microsoft.Extensions.AI;

namespace Escalation.Infrastructure.Drafting;

/// <summary>
/// <see cref="IChatDraftModel"/> over a Microsoft.Extensions.AI <see cref="IChatClient"/> (an OpenAI-compatible
/// endpoint or Azure OpenAI, see <see cref="DraftingSetup"/>). One call is one HTTP request with a timeout;
/// HTTP failures are reported as <see cref="ChatModelException"/> with the Retry-After the endpoint sent.
/// The client must be built without its own retries (the guarded service owns them).
/// </summary>
public sealed class OpenAiChatDraftModel(IChatClient client, string modelName, TimeSpan timeout, DraftingOptions? options = null, TimeProvider? time = null)
    : IChatDraftModel
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public string ModelName => modelName;

    public async Task<ChatDraftResult> CompleteAsync(ChatPrompt prompt, CancellationToken cancellationToken)
    {
        var messages = prompt.Messages.Select(m => new ChatMessage(m.Role switch
        {
            ChatPromptRoles.System => ChatRole.System,
            ChatPromptRoles.Assistant => ChatRole.Assistant,
            _ => ChatRole.User,
        }, m.Text)).ToList();
        var chatOptions = new ChatOptions
        {
            ModelId = modelName,
            Temperature = options?.Temperature ?? 0.2f,
            MaxOutputTokens = options?.MaxOutputTokens ?? 700,
        };

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        var start = _time.GetTimestamp();
        try
        {
            var response = await client.GetResponseAsync(messages, chatOptions, cts.Token);
            return new ChatDraftResult(response.Text ?? "", response.ModelId ?? modelName,
                response.Usage?.InputTokenCount, response.Usage?.OutputTokenCount, _time.GetElapsedTime(start));
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ChatModelException(ChatModelFailures.Timeout, $"no answer within {timeout.TotalSeconds:0.#} s", null, e);
        }
        catch (ClientResultException e)
        {
            throw Map(e);
        }
        catch (HttpRequestException e)
        {
            throw new ChatModelException(ChatModelFailures.Network, e.Message, null, e);
        }
    }

    private ChatModelException Map(ClientResultException e)
    {
        var status = e.Status;
        var retryAfter = RetryAfter(e);
        var reason = status switch
        {
            0 => e.InnerException is OperationCanceledException ? ChatModelFailures.Timeout : ChatModelFailures.Network,
            429 => ChatModelFailures.RateLimited,
            408 => ChatModelFailures.Timeout,
            >= 500 => ChatModelFailures.ServerError,
            _ => ChatModelFailures.ClientError,
        };
        return new ChatModelException(reason, status == 0 ? e.Message : $"HTTP {status} from the chat endpoint", retryAfter, e);
    }

    /// <summary>Retry-After (seconds or HTTP date) or retry-after-ms, when the response has one.</summary>
    private TimeSpan? RetryAfter(ClientResultException e)
    {
        var headers = e.GetRawResponse()?.Headers;
        if (headers is null)
        {
            return null;
        }

        if (headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var msValue))
        {
            return TimeSpan.FromMilliseconds(Math.Max(0, msValue));
        }

        if (!headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Max(0, seconds));
        }

        return DateTimeOffset.TryParseExact(value.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? (at - _time.GetUtcNow()) is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero
            : null;
    }
}

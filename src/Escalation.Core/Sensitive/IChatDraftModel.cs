namespace Escalation.Core.Sensitive;

/// <summary>
/// A chat model that writes a customer reply from a grounded prompt. One call is one request: the
/// implementation does not retry (<see cref="GuardedDraftingService"/> decides about retries) and
/// reports transient failures as a <see cref="ChatModelException"/> with a <see cref="ChatModelFailures"/> reason.
/// </summary>
public interface IChatDraftModel
{
    /// <summary>The configured model (or deployment) name, for traces.</summary>
    string ModelName { get; }

    /// <summary>Send <paramref name="prompt"/> and return the model's reply with usage and latency.</summary>
    /// <exception cref="ChatModelException">Timeout, rate limit, server or network error, or a rejected request.</exception>
    Task<ChatDraftResult> CompleteAsync(ChatPrompt prompt, CancellationToken cancellationToken);
}

/// <summary>What one model call returned.</summary>
/// <param name="Text">The reply text (reasoning blocks are removed before the draft is used or stored).</param>
/// <param name="ModelName">The model that answered, as the endpoint reports it.</param>
/// <param name="InputTokens">Prompt tokens, when the endpoint reports usage.</param>
/// <param name="OutputTokens">Completion tokens, when the endpoint reports usage.</param>
/// <param name="Latency">Wall-clock time of the call.</param>
public sealed record ChatDraftResult(string Text, string ModelName, long? InputTokens, long? OutputTokens, TimeSpan Latency);

/// <summary>A model call that failed, with why and whether the endpoint asked us to wait.</summary>
public sealed class ChatModelException : Exception
{
    public ChatModelException(string reason, string message, TimeSpan? retryAfter = null, Exception? inner = null)
        : base(message, inner)
    {
        Reason = reason;
        RetryAfter = retryAfter;
    }

    /// <summary>One of <see cref="ChatModelFailures"/>.</summary>
    public string Reason { get; }

    /// <summary>The endpoint's Retry-After, when it sent one (429, 503).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True for failures that may succeed when tried again.</summary>
    public bool Transient => ChatModelFailures.IsTransient(Reason);
}

/// <summary>Why a model call failed; also the fallback reasons recorded in the trace.</summary>
public static class ChatModelFailures
{
    public const string Timeout = "timeout";
    public const string RateLimited = "rate-limited";
    public const string ServerError = "server-error";
    public const string Network = "network";

    /// <summary>The endpoint refused the request (bad key, unknown model, malformed request): not retried.</summary>
    public const string ClientError = "client-error";

    /// <summary>Anything else the model client threw: not retried.</summary>
    public const string Error = "error";

    public static bool IsTransient(string reason) => reason is Timeout or RateLimited or ServerError or Network;
}

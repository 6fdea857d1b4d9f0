using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Escalation.Core.Notifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Escalation.Infrastructure.Callbacks;

/// <summary>
/// Posts a <see cref="HelpDeskNote"/> as JSON to the case's callback URL, signed with
/// <c>X-Escalation-Signature: sha256=&lt;hex HMAC-SHA256 of the body&gt;</c> and carrying an
/// <c>Idempotency-Key</c>. Retries network errors, timeouts, 408, 425, 429 and 5xx with exponential
/// backoff (honouring Retry-After, capped); any other answer is final, and so is an address the
/// <see cref="CallbackHttpHandler"/> refuses. Never throws for HTTP failures; each failure is logged with its reason.
/// </summary>
public sealed class HelpDeskCallbackClient : IHelpDeskCallback
{
    /// <summary>The signature header.</summary>
    public const string SignatureHeader = "X-Escalation-Signature";

    /// <summary>The idempotency header.</summary>
    public const string IdempotencyHeader = "Idempotency-Key";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;
    private readonly byte[] _signingKey;
    private readonly CallbackOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _log;

    /// <param name="http">The client to send with (its own timeout is not relied on).</param>
    /// <param name="signingKey">The HMAC key shared with the help desk.</param>
    /// <param name="options">Retry policy; the defaults when null.</param>
    /// <param name="time">The clock backoff waits on.</param>
    /// <param name="log">Where the reason of a failed callback goes (the case shows only that it failed).</param>
    public HelpDeskCallbackClient(HttpClient http, byte[] signingKey, CallbackOptions? options = null, TimeProvider? time = null, ILogger? log = null)
    {
        if (signingKey.Length == 0)
        {
            throw new ArgumentException("The callback signing key must not be empty.", nameof(signingKey));
        }

        _http = http;
        _signingKey = signingKey;
        _options = options ?? new CallbackOptions();
        _time = time ?? TimeProvider.System;
        _log = log ?? NullLogger.Instance;
    }

    /// <summary>The signature header value for a body: <c>sha256=&lt;lowercase hex&gt;</c>.</summary>
    public static string Sign(byte[] key, ReadOnlySpan<byte> body) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, body));

    /// <summary>The JSON body posted for a note (camelCase).</summary>
    public static byte[] Serialize(HelpDeskNote note) => JsonSerializer.SerializeToUtf8Bytes(note, Json);

    /// <inheritdoc />
    public async Task<CallbackResult> NotifyAsync(string callbackUrl, HelpDeskNote note, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var result = await SendAsync(callbackUrl, note, idempotencyKey, cancellationToken).ConfigureAwait(false);
        if (!result.Delivered)
        {
            _log.LogWarning("Callback {IdempotencyKey} to {Host} not delivered after {Attempts} attempt(s): {Reason}",
                idempotencyKey, Uri.TryCreate(callbackUrl, UriKind.Absolute, out var u) ? u.Authority : "(not a URL)", result.Attempts, result.FailureReason);
        }

        return result;
    }

    private async Task<CallbackResult> SendAsync(string callbackUrl, HelpDeskNote note, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(callbackUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return CallbackResult.Failure(0, null, $"The callback URL '{callbackUrl}' is not an absolute http(s) URL.");
        }

        var body = Serialize(note);
        var signature = Sign(_signingKey, body);
        int? lastStatus = null;
        var lastReason = "";
        for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
        {
            TimeSpan? retryAfter = null;
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.TryAddWithoutValidation(SignatureHeader, signature);
            request.Headers.TryAddWithoutValidation(IdempotencyHeader, idempotencyKey);

            using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attemptTimeout.CancelAfter(_options.AttemptTimeout);
            try
            {
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptTimeout.Token).ConfigureAwait(false);
                lastStatus = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    return CallbackResult.Success(attempt, lastStatus.Value);
                }

                lastReason = $"The help desk answered {lastStatus} {response.ReasonPhrase}.";
                if (!IsTransient(response.StatusCode))
                {
                    return CallbackResult.Failure(attempt, lastStatus, lastReason + ((int)response.StatusCode is >= 300 and < 400
                        ? " Not retried: redirects are not followed (the callback URL must be the help desk's own endpoint)."
                        : " Not retried: the request itself was refused."));
                }

                retryAfter = RetryAfter(response);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                lastStatus = null;
                lastReason = $"No answer within {_options.AttemptTimeout.TotalSeconds:0.#} s.";
            }
            catch (HttpRequestException ex) when (Refusal(ex) is { } refused)
            {
                return CallbackResult.Failure(attempt, null, refused.Message + " Not retried.");
            }
            catch (HttpRequestException ex)
            {
                lastStatus = null;
                lastReason = "The request failed: " + ex.Message;
            }

            if (attempt < _options.MaxAttempts)
            {
                await Task.Delay(DelayBefore(attempt + 1, retryAfter), _time, cancellationToken).ConfigureAwait(false);
            }
        }

        return CallbackResult.Failure(_options.MaxAttempts, lastStatus, $"{lastReason} Gave up after {_options.MaxAttempts} attempts.");
    }

    /// <summary>The wait before attempt <paramref name="attempt"/> (2, 3, …): Retry-After if given, else base × 2^(n-2); capped.</summary>
    private TimeSpan DelayBefore(int attempt, TimeSpan? retryAfter)
    {
        var delay = retryAfter ?? _options.BaseDelay * Math.Pow(2, attempt - 2);
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > _options.MaxDelay ? _options.MaxDelay : delay;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - _time.GetUtcNow(),
            _ => null,
        };

    private static CallbackAddressRefusedException? Refusal(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is CallbackAddressRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or (HttpStatusCode)425 || (int)status >= 500;
}

using System.Net;
using Escalation.Api.Http;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;

namespace Escalation.Functions.Http;

/// <summary>Maps the worker's <see cref="HttpRequestData"/> to the host-neutral <see cref="ApiRequest"/> and back.</summary>
public static class HttpRequestDataAdapter
{
    /// <summary>The largest body the handlers accept (submissions: 256 KB).</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>Method, path, query (first value of each), headers and the raw body.</summary>
    public static async Task<ApiRequest> ToApiRequestAsync(HttpRequestData request, CancellationToken cancellationToken = default)
    {
        var headers = ApiRequest.HeaderMap();
        foreach (var header in request.Headers)
        {
            headers.TryAdd(header.Key, string.Join(", ", header.Value));
        }

        byte[] body = [];
        if (request.Body is { } stream)
        {
            // Never buffer more than the handlers accept: one byte past the limit is enough for them to answer 413.
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while (buffer.Length <= MaxBodyBytes && (read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, (int)Math.Min(read, MaxBodyBytes + 1 - buffer.Length));
            }

            body = buffer.ToArray();
        }

        return new ApiRequest(request.Method.ToUpperInvariant(), request.Url.AbsolutePath, ParseQuery(request.Url.Query), headers, body);
    }

    /// <summary>
    /// Reads <paramref name="request"/>, runs <paramref name="handle"/> and writes what it answered. A handler that throws
    /// is logged and answered as the local server answers it (<see cref="CaseApi.AnswerAsync"/>: problem+json, 503 when
    /// storage refused a write, 500 otherwise) instead of the host's empty 500.
    /// </summary>
    public static async Task<HttpResponseData> HandleAsync(HttpRequestData request, Func<ApiRequest, Task<ApiResponse>> handle, ILogger logger)
    {
        var apiRequest = await ToApiRequestAsync(request).ConfigureAwait(false);
        var response = await CaseApi.AnswerAsync(apiRequest, handle, logger, request.FunctionContext.CancellationToken).ConfigureAwait(false);
        return await ToResponseAsync(request, response).ConfigureAwait(false);
    }

    /// <summary>A response to <paramref name="request"/> with the status, content type, headers and body of <paramref name="response"/>.</summary>
    public static async Task<HttpResponseData> ToResponseAsync(HttpRequestData request, ApiResponse response, CancellationToken cancellationToken = default)
    {
        var result = request.CreateResponse((HttpStatusCode)response.Status);
        result.Headers.TryAddWithoutValidation("Content-Type", response.ContentType);
        foreach (var (name, value) in response.Headers)
        {
            if (!name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                result.Headers.TryAddWithoutValidation(name, value);
            }
        }

        await result.Body.WriteAsync(response.Body, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Query parameters of a URL query string (<c>?a=1&amp;b=x%20y</c>), first value of each name.</summary>
    public static IReadOnlyDictionary<string, string> ParseQuery(string query)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=');
            var name = Decode(separator < 0 ? pair : pair[..separator]);
            var value = separator < 0 ? "" : Decode(pair[(separator + 1)..]);
            if (name.Length > 0)
            {
                values.TryAdd(name, value);
            }
        }

        return values;
    }

    private static string Decode(string component) => Uri.UnescapeDataString(component.Replace('+', ' '));
}

using Escalation.Api.Submissions;
using Microsoft.AspNetCore.Http;

namespace Escalation.Api.Endpoints;

/// <summary>The one limit on request bodies, for every route and both hosts.</summary>
public static class HttpBody
{
    /// <summary>Bodies above this are refused with 413 before more of them is read: a submission's limit (256 KB).</summary>
    public static int MaxBytes => SubmissionLimits.Default.MaxBodyBytes;

    /// <summary>
    /// The body's bytes; <see cref="BodyTooLargeException"/> (answered 413 by <see cref="HttpPipeline"/>) when it is
    /// longer than <see cref="MaxBytes"/>, said by its Content-Length or found while reading.
    /// </summary>
    public static async Task<byte[]> ReadAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBytes)
        {
            throw new BodyTooLargeException(MaxBytes);
        }

        return await RequestBody.ReadAsync(request.Body, MaxBytes, request.HttpContext.RequestAborted).ConfigureAwait(false)
            ?? throw new BodyTooLargeException(MaxBytes);
    }
}

/// <summary>A request body longer than the limit.</summary>
public sealed class BodyTooLargeException(int limitBytes) : Exception($"The body is longer than {limitBytes} bytes.")
{
    public int LimitBytes { get; } = limitBytes;
}

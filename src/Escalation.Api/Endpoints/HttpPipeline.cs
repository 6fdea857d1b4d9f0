using System.Security.Cryptography;
using System.Text;
using Escalation.Api.Cases;
using Escalation.Api.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Escalation.Api.Endpoints;

/// <summary>
/// What every request goes through on both hosts, around its handler: the security headers, the API key (routes not
/// marked open), the body limit's 413 and the answer to a handler that threw. The local server runs it as the endpoint
/// group's filter (<see cref="EscalationApi.MapEscalationApi"/>); each Functions trigger runs it around the same handler.
/// </summary>
public static class HttpPipeline
{
    /// <summary>The header the help desk sends its key in (also the Functions host's function-key header).</summary>
    public const string KeyHeader = "x-functions-key";

    /// <summary>
    /// The answer to <paramref name="context"/>'s request: 401 without the key on a keyed route (before the body is
    /// read), otherwise what <paramref name="handle"/> answers, or the answer to its failure.
    /// </summary>
    public static async Task<IResult> RunAsync(HttpContext context, bool open, Func<Task<IResult>> handle)
    {
        SecurityHeaders.Apply(context.Response);
        if (!open && RefuseWithoutKey(context.Request) is { } refused)
        {
            return refused;
        }

        try
        {
            return await handle().ConfigureAwait(false);
        }
        catch (BodyTooLargeException ex)
        {
            return Answers.Problem(Problems.Problems.BodyTooLarge(ex.LimitBytes, context.Request.Instance()));
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(typeof(HttpPipeline))
                .LogError(ex, "{Method} {Path} failed", context.Request.Method, context.Request.Path.Value);
            return Failure(context.Request, ex);
        }
    }

    /// <summary>
    /// 401 when <c>Escalation:ApiKey</c> is set and the request does not carry it (header <c>x-functions-key</c>, or
    /// <c>?code=</c>); null when the request may go on. On Azure Functions the host checks its own function keys first.
    /// </summary>
    public static IResult? RefuseWithoutKey(HttpRequest request)
    {
        var key = request.HttpContext.RequestServices.GetRequiredService<CaseServiceOptions>().ApiKey;
        if (string.IsNullOrEmpty(key))
        {
            return null;
        }

        var given = request.Header(KeyHeader) ?? request.QueryValue("code");
        var ok = given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key));
        return ok ? null : Answers.Problem(Problems.Problems.Unauthorized(request.Instance()));
    }

    /// <summary>
    /// The answer to a request whose handler threw (the exception is logged; nothing of it reaches the caller): 503 when
    /// storage refused a write — the help desk retries, and <c>GET /api/health</c> says when a restart is needed — and
    /// 500 otherwise. As problem+json, or as a page for a browser (a reviewer's form, an audit link).
    /// </summary>
    public static IResult Failure(HttpRequest request, Exception exception)
    {
        var storage = exception is IOException or UnauthorizedAccessException;
        if (request.WantsHtml())
        {
            return Answers.Page(storage ? 503 : 500, OutcomePages.ServiceFailure(storage));
        }

        return Answers.Problem(storage
            ? Problems.Problems.Create("storage-unavailable", "Storage refused a write", 503,
                "The service could not write to its storage; nothing was acknowledged. Retry later; GET /api/health says whether the host needs a restart.", request.Instance())
            : Problems.Problems.Create("internal-error", "The service failed on this request", 500, "The failure is logged on the server.", request.Instance()));
    }
}

using Escalation.Api.Http;
using Escalation.Api.Problems;
using Escalation.Api.Submissions;

namespace Escalation.Server;

/// <summary>ASP.NET Core ⇄ the host-neutral <see cref="ApiRequest"/>/<see cref="ApiResponse"/>.</summary>
internal static class HttpAdapter
{
    /// <summary>Bodies above this are refused with 413 before being read further (submissions allow 256 KB).</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static async Task<ApiRequest?> ToApiRequestAsync(HttpContext context)
    {
        var body = await RequestBody.ReadAsync(context.Request.Body, MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            await WriteAsync(context, new ApiResponse(413, ProblemDetails.ContentType, Problems.BodyTooLarge(MaxBodyBytes, context.Request.Path).ToUtf8Bytes(), new Dictionary<string, string>()));
            return null;
        }

        return Describe(context, body);
    }

    /// <summary>The request's method, path, query and headers, its body not read: enough to check the API key.</summary>
    public static ApiRequest WithoutBody(HttpContext context) => Describe(context, []);

    private static ApiRequest Describe(HttpContext context, byte[] body)
    {
        var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        var headers = ApiRequest.HeaderMap();
        foreach (var h in context.Request.Headers)
        {
            headers[h.Key] = h.Value.ToString();
        }

        return new ApiRequest(context.Request.Method, context.Request.Path.Value ?? "/", query, headers, body);
    }

    public static async Task WriteAsync(HttpContext context, ApiResponse response)
    {
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
    }
}

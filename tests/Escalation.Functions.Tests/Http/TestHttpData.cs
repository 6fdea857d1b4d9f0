using System.Net;
using Escalation.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;

namespace Escalation.Functions.Tests.Http;

/// <summary>
/// Requests as the Functions worker's ASP.NET Core integration hands them to a trigger — an <see cref="HttpRequest"/>
/// of a <see cref="DefaultHttpContext"/> with the app's services — and the response the trigger's result writes.
/// </summary>
internal static class TestHttp
{
    public static HttpRequest Request(IServiceProvider services, string method, string url, byte[]? body = null, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        var uri = new Uri(url);
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = method.ToUpperInvariant();
        context.Request.Scheme = uri.Scheme;
        context.Request.Host = new HostString(uri.Authority);
        context.Request.Path = uri.AbsolutePath;
        context.Request.QueryString = new QueryString(uri.Query);
        foreach (var (name, value) in headers ?? [])
        {
            context.Request.Headers.Append(name, value);
        }

        context.Request.Body = new MemoryStream(body ?? []);
        context.Request.ContentLength = body?.Length ?? 0;
        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    /// <summary>Runs a trigger's result against its request's context, as the worker does, and reads the response.</summary>
    public static async Task<TestHttpResponse> RespondAsync(HttpRequest request, Task<IActionResult> trigger)
    {
        var result = await trigger;
        await result.ExecuteResultAsync(new ActionContext(request.HttpContext, new RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
        var response = request.HttpContext.Response;
        return new TestHttpResponse((HttpStatusCode)response.StatusCode, ((MemoryStream)response.Body).ToArray(),
            response.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase));
    }
}

/// <summary>What a trigger answered: status, body and headers.</summary>
internal sealed record TestHttpResponse(HttpStatusCode StatusCode, byte[] BodyBytes, IReadOnlyDictionary<string, StringValues> Headers)
{
    public string? Header(string name) =>
        name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) && Headers.TryGetValue("Content-Type", out var type) ? type.ToString()
        : Headers.TryGetValue(name, out var values) ? values.ToString() : null;
}

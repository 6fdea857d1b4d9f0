using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Escalation.Api.Tests.Http;

/// <summary>A request as a host hands it to an endpoint handler, and the response its result writes.</summary>
internal static class TestHttpContext
{
    public static HttpContext Create(string method, string path, string? accept = null, byte[]? body = null, IServiceProvider? services = null)
    {
        var context = new DefaultHttpContext
        {
            RequestServices = services ?? new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider(),
        };
        context.Request.Method = method;
        var query = path.IndexOf('?');
        context.Request.Path = query < 0 ? path : path[..query];
        context.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(path[query..]);
        if (accept is not null)
        {
            context.Request.Headers.Accept = accept;
        }

        context.Request.Body = new MemoryStream(body ?? []);
        context.Response.Body = new MemoryStream();
        return context;
    }

    /// <summary>Writes <paramref name="result"/> to the context's response; the status, content type and body written.</summary>
    public static async Task<(int Status, string? ContentType, string Body)> WriteAsync(HttpContext context, IResult result)
    {
        await result.ExecuteAsync(context);
        return (context.Response.StatusCode, context.Response.ContentType, Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()));
    }
}

using Microsoft.AspNetCore.Http;

namespace Escalation.Api.Endpoints;

/// <summary>What the handlers read of a request, the same on both hosts.</summary>
public static class RequestValues
{
    /// <summary>The first value of a query parameter (a repeated one is not joined), or null when absent.</summary>
    public static string? QueryValue(this HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>A header's value (repeated values joined by commas), or null when absent.</summary>
    public static string? Header(this HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) && values.Count > 0 ? values.ToString() : null;

    /// <summary>The request path, as problem documents name it in <c>instance</c>.</summary>
    public static string Instance(this HttpRequest request) => (request.PathBase + request.Path).Value is { Length: > 0 } path ? path : "/";

    /// <summary>
    /// Whether a person's browser asked (<c>Accept: text/html</c>, or <c>?format=html</c>): pages for browsers,
    /// problem+json and JSON for API callers; <c>?format=json</c> asks for JSON whatever the Accept header says.
    /// </summary>
    public static bool WantsHtml(this HttpRequest request) =>
        request.QueryValue("format") == "html"
        || (request.QueryValue("format") != "json" && (request.Header("accept") ?? "").Contains("text/html", StringComparison.OrdinalIgnoreCase));
}

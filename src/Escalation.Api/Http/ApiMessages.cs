using System.Text;

namespace Escalation.Api.Http;

/// <summary>A host-neutral HTTP request: what the ASP.NET Core server and the Functions app both hand to <c>CaseApi</c>.</summary>
/// <param name="Method">HTTP method, upper case.</param>
/// <param name="Path">Request path, e.g. <c>/api/cases/zd-1-r1-abcd1234</c>.</param>
/// <param name="Query">Query parameters (first value of each).</param>
/// <param name="Headers">Request headers, case-insensitive names (first value of each).</param>
/// <param name="Body">The raw body (empty when none).</param>
public sealed record ApiRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body)
{
    public string? QueryValue(string name) => Query.TryGetValue(name, out var v) ? v : null;

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    /// <summary>Builds the case-insensitive header map hosts should pass.</summary>
    public static Dictionary<string, string> HeaderMap() => new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>A host-neutral HTTP response.</summary>
public sealed record ApiResponse(int Status, string ContentType, byte[] Body, IReadOnlyDictionary<string, string> Headers)
{
    public static ApiResponse Text(int status, string contentType, string body, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, contentType, Encoding.UTF8.GetBytes(body), headers ?? new Dictionary<string, string>());
}

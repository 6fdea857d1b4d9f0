using System.Text.Json;
using System.Text.Json.Serialization;
using Escalation.Api.Html;
using Escalation.Api.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Escalation.Api.Endpoints;

/// <summary>
/// The kinds of answer the handlers give — JSON, problem+json, pages — with the headers each kind carries, written
/// once for both hosts.
/// </summary>
public static class Answers
{
    /// <summary>camelCase, nulls omitted: how every JSON answer is written.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>A JSON answer; with <paramref name="location"/>, a <c>Location</c> header pointing at the resource.</summary>
    public static IResult Json(int status, object body, string? location = null)
    {
        var result = TypedResults.Json(body, JsonOptions, contentType: "application/json; charset=utf-8", statusCode: status);
        return location is null ? result : With(result, ("Location", location));
    }

    /// <summary>Stored JSON bytes served as they are (a trace: immutable, so cacheable for a year).</summary>
    public static IResult ImmutableJson(byte[] body) =>
        With(TypedResults.Bytes(body, "application/json; charset=utf-8"), ("Cache-Control", "public, max-age=31536000, immutable"));

    /// <summary>The product's problem, as <c>application/problem+json</c> (see <see cref="ProblemResults"/>).</summary>
    public static IResult Problem(Problems.ProblemDetails problem, IReadOnlyDictionary<string, object?>? extensions = null) =>
        ProblemResults.ToResult(problem, extensions);

    /// <summary>A page for a person: HTML with the pages' Content-Security-Policy, never cached.</summary>
    public static IResult Page(int status, string html) =>
        With(TypedResults.Content(html, HtmlPage.ContentType, statusCode: status), SecurityHeaders.PageHeaders);

    /// <summary>An answer that never stays in a cache.</summary>
    public static IResult NoStore(IResult result) => With(result, ("Cache-Control", "no-store"));

    private static IResult With(IResult result, params (string Name, string Value)[] headers) => new WithHeaders(result, headers);

    /// <summary>Sets headers on the response, then writes the inner result.</summary>
    private sealed class WithHeaders(IResult inner, (string Name, string Value)[] headers) : IResult, IStatusCodeHttpResult, INestedHttpResult
    {
        public IResult Result => inner;

        public int? StatusCode => (inner as IStatusCodeHttpResult)?.StatusCode;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            foreach (var (name, value) in headers)
            {
                httpContext.Response.Headers[name] = value;
            }

            return inner.ExecuteAsync(httpContext);
        }
    }
}

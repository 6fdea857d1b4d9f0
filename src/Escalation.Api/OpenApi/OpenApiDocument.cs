using System.Text;

namespace Escalation.Api.OpenApi;

/// <summary>
/// The OpenAPI 3.1 description of the HTTP surface, served at <c>/api/openapi.json</c> by both hosts.
/// Static: the routes and shapes are the same on every host.
/// </summary>
public static class OpenApiDocument
{
    /// <summary>The media type to serve it with.</summary>
    public const string ContentType = "application/json; charset=utf-8";

    /// <summary>The document as UTF-8 bytes.</summary>
    public static byte[] Utf8Bytes { get; } = Encoding.UTF8.GetBytes(OpenApiJson.Text);

    /// <summary>The document.</summary>
    public static string Json => OpenApiJson.Text;
}

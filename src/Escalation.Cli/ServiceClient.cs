using System.Text.Json;
using System.Net.Http.Json;

namespace Escalation.Cli;

/// <summary>
/// The HTTP client of the commands that ask a running service to act (<c>resume</c>, <c>erase</c>): <c>--server URL</c>
/// (default <see cref="CliOptions.DefaultBaseUrl"/>) and the API key from <c>--api-key</c> or <c>ESCALATION_API_KEY</c>.
/// </summary>
internal static class ServiceClient
{
    /// <summary>A client of <paramref name="server"/> (checked http(s) by the parser) sending <paramref name="apiKey"/>, else <c>ESCALATION_API_KEY</c>.</summary>
    public static HttpClient Create(Uri server, string? apiKey, HttpMessageHandler? handler)
    {
        var baseAddress = server;
        var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.BaseAddress = baseAddress;
        http.Timeout = TimeSpan.FromSeconds(30);
        if ((apiKey ?? Environment.GetEnvironmentVariable("ESCALATION_API_KEY")) is { Length: > 0 } key)
        {
            http.DefaultRequestHeaders.Add("x-functions-key", key);
        }

        return http;
    }

    /// <summary>What a 401 means to the person at the terminal.</summary>
    public static UnauthorizedAccessException KeyWanted() => new("the service wants an API key (--api-key or ESCALATION_API_KEY)");

    /// <summary>The <c>detail</c> of a problem answer, or "" when it has none.</summary>
    public static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            return problem.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }
}

using System.Text.Json;
using System.Net.Http.Json;

namespace Escalation.Cli;

/// <summary>
/// The HTTP client of the commands that ask a running service to act (<c>resume</c>, <c>erase</c>): <c>--server URL</c>
/// (default <see cref="DefaultServer"/>) and the API key from <c>--api-key</c> or <c>ESCALATION_API_KEY</c>.
/// </summary>
internal static class ServiceClient
{
    public const string DefaultServer = "http://localhost:7071";

    /// <summary>The client, or null (having said why on <paramref name="stderr"/>) when <c>--server</c> is not an http(s) address.</summary>
    public static async Task<HttpClient?> CreateAsync(string[] args, TextWriter stderr, HttpMessageHandler? handler)
    {
        var server = CliArgs.Option(args, "--server") ?? DefaultServer;
        if (!Uri.TryCreate(server, UriKind.Absolute, out var baseAddress) || baseAddress.Scheme is not ("http" or "https"))
        {
            await stderr.WriteLineAsync($"--server: not an http(s) address: {server}");
            return null;
        }

        var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.BaseAddress = baseAddress;
        http.Timeout = TimeSpan.FromSeconds(30);
        if ((CliArgs.Option(args, "--api-key") ?? Environment.GetEnvironmentVariable("ESCALATION_API_KEY")) is { Length: > 0 } key)
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

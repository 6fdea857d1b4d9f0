using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Escalation.Http.Contract;

namespace Escalation.Server.Tests;

/// <summary>The HTTP contract against the local server, over real HTTP.</summary>
public sealed class ServerHttpContractTests(ServerFixture fixture) : HttpContractTests, IClassFixture<ServerFixture>
{
    protected override async Task<ContractResponse> SendAsync(string method, string pathAndQuery, byte[]? body = null, string? contentType = null, string? accept = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), pathAndQuery);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? "application/octet-stream");
        }

        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        using var response = await fixture.Server.Client.SendAsync(request);
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        return new ContractResponse((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), headers, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// The OpenAPI snapshot: the server generates the document from the endpoints' metadata; the checked-in copy (what the
    /// Functions app serves) must equal it. <c>ESCALATION_UPDATE_OPENAPI=1</c> rewrites the copy, for review as a diff.
    /// </summary>
    [Fact]
    public async Task OpenApiSnapshot_GeneratedDocument_EqualsTheCheckedInFile()
    {
        var served = await fixture.Server.Client.GetStringAsync("/api/openapi.json");
        var file = Path.Combine(ServerProcess.RepoRoot(), "src", "Escalation.Api", "OpenApi", "openapi.json");
        if (Environment.GetEnvironmentVariable("ESCALATION_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(file, served.ReplaceLineEndings("\n").TrimEnd() + "\n");
        }

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(await File.ReadAllTextAsync(file)), JsonNode.Parse(served)),
            "the generated OpenAPI document changed: run ESCALATION_UPDATE_OPENAPI=1 dotnet test tests/Escalation.Server.Tests --filter OpenApiSnapshot and review the diff");
    }
}

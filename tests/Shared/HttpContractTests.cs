using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Escalation.Http.Contract;

/// <summary>What a request answered: status, content type, headers (names case-insensitive) and body.</summary>
public sealed record ContractResponse(int Status, string? ContentType, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public JsonElement Json() => JsonDocument.Parse(Body).RootElement.Clone();
}

/// <summary>
/// The HTTP contract, run against both hosts: the local server over real HTTP and the Functions triggers with the
/// worker's <c>HttpRequest</c>. Each host's subclass only says how a request reaches it.
/// </summary>
public abstract class HttpContractTests
{
    /// <summary>Sends a request to the host under test (no API key is configured).</summary>
    protected abstract Task<ContractResponse> SendAsync(string method, string pathAndQuery, byte[]? body = null, string? contentType = null, string? accept = null);

    private Task<ContractResponse> PostJsonAsync(string pathAndQuery, string json) =>
        SendAsync("POST", pathAndQuery, Encoding.UTF8.GetBytes(json), "application/json");

    private static string Ticket(string ticketId)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "samples", "tickets", "02-refund-within-window-seat-pack.json");
            if (File.Exists(file))
            {
                var ticket = JsonNode.Parse(File.ReadAllText(file))!;
                ticket["ticketId"] = ticketId;
                return ticket.ToJsonString();
            }
        }

        throw new InvalidOperationException("samples/tickets not found");
    }

    [Fact]
    public async Task Health_Answers200JsonWithNosniff()
    {
        var response = await SendAsync("GET", "/api/health");

        Assert.Equal((200, "application/json"), (response.Status, response.ContentType?.Split(';')[0]));
        Assert.Equal("ok", response.Json().GetProperty("status").GetString());
        Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
    }

    [Fact]
    public async Task Submit_InvalidFields_Answers400ProblemJsonWithJsonPointers()
    {
        var response = await PostJsonAsync("/api/cases", "{\"ticketId\": 5, \"customer\": {\"id\": \"cus_014\"}}");

        Assert.Equal((400, "application/problem+json"), (response.Status, response.ContentType));
        var problem = response.Json();
        Assert.Equal("urn:escalation:problem:invalid-submission", problem.GetProperty("type").GetString());
        Assert.Equal("/api/cases", problem.GetProperty("instance").GetString());
        var fields = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToArray();
        Assert.Contains("/ticketId", fields);
        Assert.Contains("/messages", fields);
        Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
    }

    [Fact]
    public async Task Submit_BodyOver256KB_Answers413ProblemJson()
    {
        var huge = "{\"ticketId\": \"T-big\", \"customer\": {\"id\": \"cus_014\"}, \"messages\": [{\"text\": \"" + new string('a', 300_000) + "\"}]}";

        var response = await PostJsonAsync("/api/cases", huge);

        Assert.Equal((413, "application/problem+json"), (response.Status, response.ContentType));
        Assert.Equal("urn:escalation:problem:body-too-large", response.Json().GetProperty("type").GetString());
    }

    [Fact]
    public async Task Submit_WaitOutOfRange_Answers400NamingWaitAndStartsNothing()
    {
        var response = await PostJsonAsync("/api/cases?wait=31", Ticket("CONTRACT-WAIT"));

        Assert.Equal((400, "application/problem+json"), (response.Status, response.ContentType));
        Assert.Equal("wait", Assert.Single(response.Json().GetProperty("errors").EnumerateArray()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Submit_ValidTicket_Answers202WithTheCaseAndItsLocation()
    {
        var response = await PostJsonAsync("/api/cases", Ticket("CONTRACT-" + Environment.TickCount64));

        Assert.Equal(202, response.Status);
        var caseId = response.Json().GetProperty("caseId").GetString();
        Assert.Equal($"/api/cases/{caseId}", response.Header("Location"));
        Assert.Equal($"/api/cases/{caseId}", response.Json().GetProperty("statusUrl").GetString());
    }

    [Theory]
    [InlineData("?status=bogus&status=sent", 400)]
    [InlineData("?status=sent&status=bogus", 200)]
    public async Task ListCases_RepeatedQueryValue_TheFirstCounts(string query, int status)
    {
        var response = await SendAsync("GET", "/api/cases" + query);

        Assert.Equal(status, response.Status);
    }

    [Fact]
    public async Task GetCase_Unknown_Answers404ProblemJson()
    {
        var response = await SendAsync("GET", "/api/cases/zd-0-r1-00000000");

        Assert.Equal((404, "application/problem+json"), (response.Status, response.ContentType));
        Assert.Equal("urn:escalation:problem:not-found", response.Json().GetProperty("type").GetString());
    }

    [Fact]
    public async Task ReviewPage_BadTokenInABrowser_AnswersAPageWithItsCspNeverCached()
    {
        var response = await SendAsync("GET", "/api/review/zd-1-r1-00000000?token=not-a-token", accept: "text/html");

        Assert.True(response.Status is 403 or 410, response.Status.ToString());
        Assert.StartsWith("text/html", response.ContentType);
        Assert.Contains("default-src 'none'", response.Header("Content-Security-Policy"));
        Assert.Equal("no-store", response.Header("Cache-Control"));
        Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
    }

    [Fact]
    public async Task OpenApi_ServesTheGeneratedDocumentAsCheckedIn()
    {
        var response = await SendAsync("GET", "/api/openapi.json");

        Assert.Equal(200, response.Status);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Escalation.Api.OpenApi.EscalationOpenApi.Snapshot), JsonNode.Parse(response.Body)),
            "the served OpenAPI document differs from src/Escalation.Api/OpenApi/openapi.json (ESCALATION_UPDATE_OPENAPI=1 dotnet test tests/Escalation.Server.Tests --filter OpenApiSnapshot regenerates it)");
    }
}

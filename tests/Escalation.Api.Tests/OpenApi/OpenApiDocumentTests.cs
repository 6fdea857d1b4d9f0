using System.Text.Json.Nodes;
using Escalation.Api.OpenApi;

namespace Escalation.Api.Tests.OpenApi;

/// <summary>The generated document as checked in (OpenApi/openapi.json: what the Functions app serves; the server test keeps it current).</summary>
public class OpenApiDocumentTests
{
    private static readonly JsonNode Document = JsonNode.Parse(EscalationOpenApi.Snapshot)!;

    [Theory]
    [InlineData("/api/cases", "post")]
    [InlineData("/api/cases", "get")]
    [InlineData("/api/cases/{caseId}", "get")]
    [InlineData("/api/webhooks/zendesk", "post")]
    [InlineData("/api/review/{caseId}", "get")]
    [InlineData("/api/review/{caseId}", "post")]
    [InlineData("/api/audit/{traceId}", "get")]
    [InlineData("/api/audit/{traceId}/verify", "get")]
    [InlineData("/api/public/audit/{traceId}", "get")]
    [InlineData("/api/health", "get")]
    [InlineData("/api/metrics/summary", "get")]
    public void Document_DescribesRoute(string path, string method) =>
        Assert.NotNull(Document["paths"]![path]![method]);

    [Fact]
    public void Document_IsOpenApi31WithFunctionKeyHeader()
    {
        Assert.StartsWith("3.1.", (string?)Document["openapi"]);
        var scheme = Document["components"]!["securitySchemes"]!["functionKey"]!;
        Assert.Equal("apiKey", (string?)scheme["type"]);
        Assert.Equal("header", (string?)scheme["in"]);
        Assert.Equal("x-functions-key", (string?)scheme["name"]);
    }

    [Fact]
    public void Document_SignedLinkRoutes_NeedNoApiKey()
    {
        Assert.Empty(Document["paths"]!["/api/review/{caseId}"]!["post"]!["security"]!.AsArray());
        Assert.Empty(Document["paths"]!["/api/public/audit/{traceId}"]!["get"]!["security"]!.AsArray());
    }

    [Fact]
    public void Document_EveryReference_Resolves()
    {
        var refs = new List<string>();
        Collect(Document, refs);

        Assert.NotEmpty(refs);
        foreach (var reference in refs.Distinct())
        {
            JsonNode? target = Document;
            foreach (var part in reference.TrimStart('#', '/').Split('/'))
            {
                target = target?[part];
            }

            Assert.True(target is not null, $"{reference} does not resolve");
        }
    }

    [Fact]
    public void Document_SubmissionSchema_MatchesRequiredFieldsAndLimits()
    {
        var schema = Document["components"]!["schemas"]!["CaseSubmission"]!;

        Assert.Equal(["customer", "messages", "ticketId"], schema["required"]!.AsArray().Select(n => (string)n!).Order());
        Assert.Equal(128, (int?)schema["properties"]!["ticketId"]!["maxLength"]);
        Assert.Equal(200, (int?)schema["properties"]!["messages"]!["maxItems"]);
    }

    private static void Collect(JsonNode? node, List<string> refs)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    if (name == "$ref")
                    {
                        refs.Add((string)value!);
                    }
                    else
                    {
                        Collect(value, refs);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, refs);
                }

                break;
        }
    }
}

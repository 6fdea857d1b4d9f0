using System.Text;
using System.Text.Json;
using Escalation.Api.Http;

namespace Escalation.Api.Tests.Http;

public sealed class CaseApiFailureTests
{
    private static ApiRequest Request(string method, string path, string? accept)
    {
        var headers = ApiRequest.HeaderMap();
        if (accept is not null)
        {
            headers["Accept"] = accept;
        }

        return new ApiRequest(method, path, new Dictionary<string, string>(), headers, []);
    }

    [Theory]
    [InlineData(typeof(IOException), 503, "storage-unavailable")]
    [InlineData(typeof(UnauthorizedAccessException), 503, "storage-unavailable")]
    [InlineData(typeof(InvalidOperationException), 500, "internal-error")]
    public void Failure_HelpDeskRequest_IsProblemJsonWithoutTheCause(Type exception, int status, string slug)
    {
        var response = CaseApi.Failure(Request("POST", "/api/cases", "application/json"), (Exception)Activator.CreateInstance(exception, "/data/store: disk full")!);

        Assert.Equal((status, "application/problem+json"), (response.Status, response.ContentType));
        using var problem = JsonDocument.Parse(response.Body);
        Assert.EndsWith(slug, problem.RootElement.GetProperty("type").GetString());
        Assert.Equal("/api/cases", problem.RootElement.GetProperty("instance").GetString());
        Assert.DoesNotContain("disk full", Encoding.UTF8.GetString(response.Body));
    }

    [Theory]
    [InlineData(typeof(IOException), 503, "The service cannot save anything right now")]
    [InlineData(typeof(InvalidOperationException), 500, "Something went wrong on our side")]
    public void Failure_ReviewerSubmitsTheFormInABrowser_GetsAPageThatSaysWhatToDo(Type exception, int status, string title)
    {
        var response = CaseApi.Failure(
            Request("POST", "/api/review/zd-1", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
            (Exception)Activator.CreateInstance(exception, "/data/store: disk full")!);

        Assert.Equal(status, response.Status);
        Assert.StartsWith("text/html", response.ContentType);
        var page = Encoding.UTF8.GetString(response.Body);
        Assert.Contains($"<h1>{title}</h1>", page);
        Assert.Contains("open the same link again", page);
        Assert.DoesNotContain("disk full", page);
        Assert.True(response.Headers.ContainsKey("Content-Security-Policy"));
    }
}

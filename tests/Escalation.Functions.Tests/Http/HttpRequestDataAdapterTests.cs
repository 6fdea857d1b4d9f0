using System.Net;
using System.Text;
using Escalation.Api.Http;
using Escalation.Functions.Http;
using Microsoft.Extensions.Logging;
using Moq;

namespace Escalation.Functions.Tests.Http;

public sealed class HttpRequestDataAdapterTests
{
    [Fact]
    public async Task ToApiRequestAsync_ZendeskWebhook_CarriesMethodPathQueryHeadersAndExactBody()
    {
        var body = Encoding.UTF8.GetBytes("{\"ticket\":{\"id\":48213}}");
        var request = new TestHttpRequestData(
            "post",
            "https://escalation.azurewebsites.net/api/webhooks/zendesk?code=abc&note=a%20b+c&note=second",
            body,
            [new("X-Zendesk-Webhook-Signature", "c2lnbmF0dXJl"), new("Content-Type", "application/json")]);

        var api = await HttpRequestDataAdapter.ToApiRequestAsync(request);

        Assert.Equal("POST", api.Method);
        Assert.Equal("/api/webhooks/zendesk", api.Path);
        Assert.Equal("abc", api.QueryValue("code"));
        Assert.Equal("a b c", api.QueryValue("note"));
        Assert.Equal("c2lnbmF0dXJl", api.Header("x-zendesk-webhook-signature"));
        Assert.Equal(body, api.Body);
    }

    [Fact]
    public async Task ToApiRequestAsync_NoBody_GivesAnEmptyBody()
    {
        var api = await HttpRequestDataAdapter.ToApiRequestAsync(new TestHttpRequestData("GET", "https://h/api/health"));

        Assert.Empty(api.Body);
        Assert.Empty(api.Query);
    }

    [Fact]
    public async Task ToResponseAsync_ApiResponse_SetsStatusContentTypeHeadersAndBody()
    {
        var request = new TestHttpRequestData("POST", "https://h/api/cases");
        var api = ApiResponse.Text(202, "application/json", "{\"caseId\":\"zd-1\"}", new Dictionary<string, string> { ["Location"] = "/api/cases/zd-1" });

        var response = (TestHttpResponseData)await HttpRequestDataAdapter.ToResponseAsync(request, api);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("application/json", response.Header("Content-Type"));
        Assert.Equal("/api/cases/zd-1", response.Header("Location"));
        Assert.Equal("{\"caseId\":\"zd-1\"}", Encoding.UTF8.GetString(response.BodyBytes));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("?", 0)]
    [InlineData("?a=1&a=2&b", 2)]
    public void ParseQuery_FirstValueOfEachName(string query, int count)
    {
        var values = HttpRequestDataAdapter.ParseQuery(query);

        Assert.Equal(count, values.Count);
        if (count > 0)
        {
            Assert.Equal(("1", ""), (values["a"], values["b"]));
        }
    }

    [Theory]
    [InlineData(typeof(IOException), HttpStatusCode.ServiceUnavailable, "storage-unavailable")]
    [InlineData(typeof(InvalidOperationException), HttpStatusCode.InternalServerError, "internal-error")]
    public async Task HandleAsync_HandlerThrows_AnswersProblemJsonAndLogsTheFailure(Type exception, HttpStatusCode status, string slug)
    {
        var logger = new Mock<ILogger>();
        var request = new TestHttpRequestData("POST", "https://h/api/cases", Encoding.UTF8.GetBytes("{}"));

        var response = (TestHttpResponseData)await HttpRequestDataAdapter.HandleAsync(request, _ => throw (Exception)Activator.CreateInstance(exception, "disk gone")!, logger.Object);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Header("Content-Type"));
        using var problem = System.Text.Json.JsonDocument.Parse(response.BodyBytes);
        Assert.EndsWith(slug, problem.RootElement.GetProperty("type").GetString());
        Assert.Equal("/api/cases", problem.RootElement.GetProperty("instance").GetString());
        Assert.DoesNotContain("disk gone", Encoding.UTF8.GetString(response.BodyBytes)); // the cause is logged, not shown
        logger.Verify(l => l.Log(LogLevel.Error, It.IsAny<EventId>(), It.IsAny<It.IsAnyType>(), It.Is<Exception>(e => e.GetType() == exception), It.IsAny<Func<It.IsAnyType, Exception?, string>>()), Times.Once);
    }

    [Fact]
    public async Task HandleAsync_HandlerAnswers_WritesItsResponseAndLogsNothing()
    {
        var logger = new Mock<ILogger>();
        var request = new TestHttpRequestData("GET", "https://h/api/health?x=1");
        ApiRequest? seen = null;

        var response = (TestHttpResponseData)await HttpRequestDataAdapter.HandleAsync(request, r =>
        {
            seen = r;
            return Task.FromResult(ApiResponse.Text(200, "application/json", "{\"status\":\"ok\"}", new Dictionary<string, string>()));
        }, logger.Object);

        Assert.Equal((HttpStatusCode.OK, "{\"status\":\"ok\"}"), (response.StatusCode, Encoding.UTF8.GetString(response.BodyBytes)));
        Assert.Equal(("GET", "/api/health", "1"), (seen!.Method, seen.Path, seen.QueryValue("x")));
        logger.VerifyNoOtherCalls();
    }
}

using System.Net;
using System.Text;
using Escalation.Api.Http;
using Escalation.Functions.Http;

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
}

using System.Net;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Escalation.Functions.Language;

namespace Escalation.Functions.Tests.Language;

public sealed class LanguageSentimentClientTests
{
    /// <summary>The Language service's side of the wire: answers every request with one canned response and keeps what it was sent.</summary>
    private sealed class FakeLanguageService(HttpStatusCode status, string body, byte[]? rawBody = null) : HttpMessageHandler
    {
        public List<(HttpMethod Method, Uri Uri, string? Authorization, string Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken)));
            HttpContent content = rawBody is null ? new StringContent(body, Encoding.UTF8, "application/json") : new ByteArrayContent(rawBody);
            return new HttpResponseMessage(status) { Content = content };
        }

    }

    private sealed class FixedToken : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return new AccessToken("token-123", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }

    private static (LanguageSentimentClient Client, FakeLanguageService Service, FixedToken Token) Create(HttpStatusCode status, string body, byte[]? rawBody = null)
    {
        var service = new FakeLanguageService(status, body, rawBody);
        var token = new FixedToken();
        var options = new LanguageClientOptions { Transport = new HttpClientTransport(new HttpClient(service)) };
        options.Retry.MaxRetries = 0;
        return (new LanguageSentimentClient(new Uri("https://lang-test.cognitiveservices.azure.com/"), token, options), service, token);
    }

    private static Escalation.Core.Tickets.CaseSubmission Ticket(string text) => new()
    {
        TicketId = "ZD-2",
        Customer = new Escalation.Core.Tickets.CustomerProfile { Id = "cus_001" },
        Messages = [new Escalation.Core.Tickets.TicketMessage { From = "customer", Text = text }],
    };

    private const string Negative = """
        {"kind":"SentimentAnalysisResults","results":{"documents":[{"id":"1","sentiment":"negative",
        "confidenceScores":{"positive":0.02,"neutral":0.08,"negative":0.9},"sentences":[],"warnings":[]}],
        "errors":[],"modelVersion":"2022-11-01"}}
        """;

    [Fact]
    public async Task Analyze_ServiceAnswers_SendsOneSentimentDocumentWithAnEntraTokenAndReadsItsScores()
    {
        var (client, service, token) = Create(HttpStatusCode.OK, Negative);

        var sentiment = await client.AnalyzeAsync("My lawyer will be in touch.", "en");

        Assert.Equal(new LanguageSentiment("negative", 0.02, 0.08, 0.9), sentiment);
        var (method, uri, authorization, body) = Assert.Single(service.Requests);
        Assert.Equal(HttpMethod.Post, method);
        Assert.Equal("https://lang-test.cognitiveservices.azure.com/language/:analyze-text?api-version=2023-04-01", uri.AbsoluteUri);
        Assert.Equal("Bearer token-123", authorization);
        Assert.Equal(["https://cognitiveservices.azure.com/.default"], token.Scopes);
        using var sent = JsonDocument.Parse(body);
        Assert.Equal("SentimentAnalysis", sent.RootElement.GetProperty("kind").GetString());
        var document = Assert.Single(sent.RootElement.GetProperty("analysisInput").GetProperty("documents").EnumerateArray());
        Assert.Equal(("1", "en", "My lawyer will be in touch."), (document.GetProperty("id").GetString(), document.GetProperty("language").GetString(), document.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Analyze_DocumentRefused_FailsWithTheServicesReason()
    {
        var (client, _, _) = Create(HttpStatusCode.OK, """
            {"kind":"SentimentAnalysisResults","results":{"documents":[],
            "errors":[{"id":"1","error":{"code":"InvalidArgument","message":"Invalid Language Code."}}],"modelVersion":"2022-11-01"}}
            """);

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => client.AnalyzeAsync("Bonjour", "xx"));

        Assert.Contains("InvalidArgument Invalid Language Code.", failure.Message);
    }

    [Theory]
    [InlineData("<html><body>Gateway says hello</body></html>")]
    [InlineData("{}")]
    [InlineData("""{"kind":"SentimentAnalysisResults","results":{"documents":[],"errors":[]}}""")]
    [InlineData("""{"results":{"documents":[{"id":"1","sentiment":"negative"}],"errors":[]}}""")]
    [InlineData("""{"results":{"documents":[{"id":"1","sentiment":"negative","confidenceScores":{"positive":"high","neutral":0,"negative":0}}]}}""")]
    [InlineData("""{"results":{"documents":[{"id":"1","sentiment":"furious","confidenceScores":{"positive":0,"neutral":0,"negative":1}}]}}""")]
    [InlineData("""{"results":{"documents":[{"id":"1","sentiment":"negative","confidenceScores":{"positive":0,"neutral":0,"negative":7}}]}}""")]
    [InlineData("")]                                                    // empty body
    [InlineData("   ")]                                                 // whitespace only
    [InlineData("null")]                                                // JSON, but nothing
    [InlineData("[]")]                                                  // an array, not an object
    [InlineData("\"ok\"")]                                              // a bare string
    [InlineData("""{"results":{"documents":[{"id":"1","sentiment":"negative","confidenceScores":{"positive":0.1""")] // cut off
    [InlineData("""{"results":"none"}""")]                              // results not an object
    [InlineData("""{"results":{"documents":{"id":"1"}}}""")]            // documents not an array
    [InlineData("""{"results":{"documents":[null]}}""")]                // a null document
    [InlineData("""{"results":{"documents":[{"id":"1","sentiment":7,"confidenceScores":{"positive":0,"neutral":0,"negative":1}}]}}""")] // label not a string
    [InlineData("""{"results":{"documents":[{"id":"1","sentiment":"negative","confidenceScores":[0,0,1]}]}}""")] // scores an array
    [InlineData("""{"results":{"documents":[{"id":"1","sentiment":"negative","confidenceScores":{"positive":null,"neutral":0,"negative":1}}]}}""")] // a null score
    [InlineData("""{"results":{"documents":[{"id":"1","sentiment":"negative","confidenceScores":{"positive":1e400,"neutral":0,"negative":1}}]}}""")] // a score out of double range
    [InlineData("""{"results":{"documents":[],"errors":["bad"]}}""")]   // an error entry of the wrong shape
    [InlineData("""{"results":{"documents":[],"errors":[{"id":"1"}]}}""")] // an error entry without its error
    public async Task Analyze_SuccessWithoutTheDocumentedShape_FailsAsAServiceFailure(string body)
    {
        var (client, _, _) = Create(HttpStatusCode.OK, body);

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => client.AnalyzeAsync("Hello", "en"));

        Assert.Equal(200, failure.Status);
        Assert.Contains("without a usable sentiment", failure.Message);
    }

    [Fact]
    public async Task Analyze_SuccessWithBytesThatAreNotUtf8_FailsAsAServiceFailure()
    {
        var body = Encoding.UTF8.GetBytes("""{"results":{"documents":[{"id":"1","sentiment":"negXtive","confidenceScores":{"positive":0,"neutral":0,"negative":1}}]}}""");
        body[Array.IndexOf(body, (byte)'X')] = 0xFF; // not UTF-8 inside the label
        var (client, _, _) = Create(HttpStatusCode.OK, "", body);

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => client.AnalyzeAsync("Hello", "en"));

        Assert.Equal(200, failure.Status);
        Assert.Contains("without a usable sentiment", failure.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("""{"results":{"documents":[{"id":"1","sentiment":"negative"}]}}""")]
    [InlineData("<html>captive portal</html>")]
    public async Task Analyzer_EachUnusableSuccessShape_KeepsTheEmbeddedSentimentAndSaysSo(string body)
    {
        var service = new FakeLanguageService(HttpStatusCode.OK, body);
        var options = new LanguageClientOptions { Transport = new HttpClientTransport(new HttpClient(service)) };
        options.Retry.MaxRetries = 0;
        var embedded = AzureLanguageSentimentReaderTests.Embedded with { Text = new Escalation.Core.Signals.TextSignals { Sentiment = -0.4, Negative = true } };
        var reader = new AzureLanguageSentimentReader(new Uri("https://lang-test.cognitiveservices.azure.com/"), new FixedToken(), "en", options);

        var signals = (await reader.AddToAsync(embedded, Ticket("Still broken."))).Text;

        Assert.Equal((-0.4, true), (signals.Sentiment, signals.Negative));
        Assert.Contains("azure-language unavailable (200)", signals.Evidence[^1].Text);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Analyze_ServiceFails_ThrowsWithItsStatus(HttpStatusCode status)
    {
        var (client, _, _) = Create(status, """{"error":{"code":"Busy","message":"try later"}}""");

        Assert.Equal((int)status, (await Assert.ThrowsAsync<RequestFailedException>(() => client.AnalyzeAsync("Hello", "en"))).Status);
    }

    [Fact]
    public async Task Analyzer_ServiceUnavailableOverTheWire_KeepsTheEmbeddedSentiment()
    {
        var service = new FakeLanguageService(HttpStatusCode.ServiceUnavailable, "{}");
        var options = new LanguageClientOptions { Transport = new HttpClientTransport(new HttpClient(service)) };
        options.Retry.MaxRetries = 0;
        var embedded = AzureLanguageSentimentReaderTests.Embedded with { Text = new Escalation.Core.Signals.TextSignals { Sentiment = 0.1 } };
        var reader = new AzureLanguageSentimentReader(new Uri("https://lang-test.cognitiveservices.azure.com/"), new FixedToken(), "en", options);

        var signals = (await reader.AddToAsync(embedded, Ticket("This is the third time."))).Text;

        Assert.Equal(0.1, signals.Sentiment);
        Assert.Contains("azure-language unavailable (503)", signals.Evidence[^1].Text);
    }
}

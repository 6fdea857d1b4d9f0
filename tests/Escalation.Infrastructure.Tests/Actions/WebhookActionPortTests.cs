using System.Net;
using System.Text;
using System.Text.Json;
using Escalation.Core.Actions;
using Escalation.Infrastructure.Actions;
using Escalation.Infrastructure.Callbacks;

namespace Escalation.Infrastructure.Tests.Actions;

public sealed class WebhookActionPortTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("shared-secret");

    private sealed class Billing(params HttpStatusCode[] answers) : HttpMessageHandler
    {
        public List<(string? Key, string? Signature, byte[] Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
            Requests.Add((request.Headers.GetValues("Idempotency-Key").Single(), request.Headers.GetValues("X-Escalation-Signature").Single(), body));
            return new HttpResponseMessage(answers[Math.Min(Requests.Count - 1, answers.Length - 1)]);
        }
    }

    private static ActionBatch Batch() => new("case-1", "T-1", null,
    [
        new KeyedAction(ActionKeys.For("case-1", 0, ActionKinds.Refund), new CaseAction { Kind = ActionKinds.Refund, Amount = 49m, Currency = "EUR", PolicyCitation = "refund@2026.3#ab" }),
        new KeyedAction(ActionKeys.For("case-1", 1, ActionKinds.RemoveAddOn), new CaseAction { Kind = ActionKinds.RemoveAddOn, Summary = "extra seat pack", PolicyCitation = "refund@2026.3#ab" }),
    ]);

    [Fact]
    public async Task ExecuteAsync_WebhookAccepts_OneSignedPostPerActionWithItsKey()
    {
        var billing = new Billing(HttpStatusCode.OK);
        var port = new WebhookActionPort(new HttpClient(billing), new Uri("https://billing.example.com/actions"), Key);

        var results = await port.ExecuteAsync(Batch());

        Assert.All(results, r => Assert.True(r.Executed));
        Assert.Equal(Batch().Actions.Select(a => a.IdempotencyKey), billing.Requests.Select(r => r.Key));
        Assert.All(billing.Requests, r => Assert.Equal(HelpDeskCallbackClient.Sign(Key, r.Body), r.Signature));
        var first = JsonDocument.Parse(billing.Requests[0].Body).RootElement;
        Assert.Equal("case-1", first.GetProperty("caseId").GetString());
        Assert.Equal(49m, first.GetProperty("action").GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task ExecuteAsync_FirstActionRefused_LaterOnesNotAttempted()
    {
        var billing = new Billing(HttpStatusCode.InternalServerError);
        var port = new WebhookActionPort(new HttpClient(billing), new Uri("https://billing.example.com/actions"), Key);

        var results = await port.ExecuteAsync(Batch());

        Assert.Single(billing.Requests);
        Assert.False(results[0].Executed);
        Assert.Contains("HTTP 500", results[0].Detail, StringComparison.Ordinal);
        Assert.False(results[1].Executed);
        Assert.Contains("not attempted", results[1].Detail, StringComparison.Ordinal);
    }

    private sealed class Unreachable : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("circuit open");
    }

    [Fact]
    public async Task ExecuteAsync_HandlerGivesUp_FailureNotAnException()
    {
        var port = new WebhookActionPort(new HttpClient(new Unreachable()), new Uri("https://billing.example.com/actions"), Key);

        var results = await port.ExecuteAsync(Batch());

        Assert.All(results, r => Assert.False(r.Executed));
        Assert.Contains("could not be reached", results[0].Detail, StringComparison.Ordinal);
    }
}

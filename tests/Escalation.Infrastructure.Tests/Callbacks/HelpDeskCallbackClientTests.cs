using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Escalation.Core.Notifications;
using Escalation.Infrastructure.Callbacks;

namespace Escalation.Infrastructure.Tests.Callbacks;

public sealed class HelpDeskCallbackClientTests : IDisposable
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("help-desk-shared-secret");
    private static readonly CallbackOptions Fast = new() { BaseDelay = TimeSpan.FromMilliseconds(20), AttemptTimeout = TimeSpan.FromSeconds(30) }; // generous: a loaded 2-core CI machine can take seconds to answer

    private readonly HttpClient _http = new();

    private static HelpDeskNote Note() => new()
    {
        CaseId = "case-ZD-48213-1",
        TicketId = "ZD-48213",
        Event = "routed",
        Route = "draft-for-review",
        Reasons = ["Refund above the auto-approve cap"],
        Draft = "Hi Dana, …",
        AuditUrl = "http://localhost:7071/api/audit/trace-1",
        At = new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero),
    };

    private HelpDeskCallbackClient Client(CallbackOptions? options = null) => new(_http, Key, options ?? Fast);

    [Fact]
    public async Task NotifyAsync_FailsTwiceThenSucceeds_DeliversOnThirdAttempt()
    {
        using var helpDesk = new CallbackReceiver(n => (n <= 2 ? 503 : 200, null));

        var result = await Client().NotifyAsync(helpDesk.Url, Note(), "case-ZD-48213-1:routed");

        Assert.True(result.Delivered, result.FailureReason);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal(3, helpDesk.Received.Count);
        Assert.All(helpDesk.Received, r => Assert.Equal("case-ZD-48213-1:routed", r.IdempotencyKey));
    }

    [Fact]
    public async Task NotifyAsync_Body_IsSignedInternalNote()
    {
        using var helpDesk = new CallbackReceiver(_ => (204, null));

        await Client().NotifyAsync(helpDesk.Url, Note(), "k1");

        var received = Assert.Single(helpDesk.Received);
        Assert.Equal("POST", received.Method);
        Assert.StartsWith("application/json", received.ContentType);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Key, received.Body));
        Assert.Equal(expected, received.Signature);
        var json = JsonNode.Parse(received.Body)!;
        Assert.Equal("case-ZD-48213-1", (string?)json["caseId"]);
        Assert.Equal("ZD-48213", (string?)json["ticketId"]);
        Assert.Equal("routed", (string?)json["event"]);
        Assert.Equal("draft-for-review", (string?)json["route"]);
        Assert.Equal("Refund above the auto-approve cap", (string?)json["reasons"]![0]);
        Assert.Equal("Hi Dana, …", (string?)json["draft"]);
        Assert.Equal("http://localhost:7071/api/audit/trace-1", (string?)json["auditUrl"]);
        Assert.Equal("2026-11-20T09:30:00+00:00", (string?)json["at"]);
    }

    [Fact]
    public async Task NotifyAsync_SignatureWithOtherKey_DoesNotMatch()
    {
        using var helpDesk = new CallbackReceiver(_ => (200, null));

        await Client().NotifyAsync(helpDesk.Url, Note(), "k1");

        var received = Assert.Single(helpDesk.Received);
        Assert.NotEqual(HelpDeskCallbackClient.Sign(Encoding.UTF8.GetBytes("another-secret"), received.Body), received.Signature);
    }

    [Fact]
    public async Task NotifyAsync_PermanentlyFailing_GivesUpAfterFourAttemptsWithoutThrowing()
    {
        using var helpDesk = new CallbackReceiver(_ => (500, null));

        var result = await Client().NotifyAsync(helpDesk.Url, Note(), "k1");

        Assert.False(result.Delivered);
        Assert.Equal(4, result.Attempts);
        Assert.Equal(500, result.StatusCode);
        Assert.Contains("500", result.FailureReason);
        Assert.Contains("Gave up after 4 attempts", result.FailureReason);
        Assert.Equal(4, helpDesk.Received.Count);
    }

    [Fact]
    public async Task NotifyAsync_BackoffDoubles()
    {
        using var helpDesk = new CallbackReceiver(_ => (503, null));
        var options = Fast with { BaseDelay = TimeSpan.FromMilliseconds(150) };

        await Client(options).NotifyAsync(helpDesk.Url, Note(), "k1");

        var at = helpDesk.Received.Select(r => r.At).ToArray();
        Assert.True(at[1] - at[0] >= TimeSpan.FromMilliseconds(140), $"first wait {(at[1] - at[0]).TotalMilliseconds} ms");
        Assert.True(at[3] - at[2] >= TimeSpan.FromMilliseconds(580), $"third wait {(at[3] - at[2]).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task NotifyAsync_BadRequest_IsNotRetried()
    {
        using var helpDesk = new CallbackReceiver(_ => (400, null));

        var result = await Client().NotifyAsync(helpDesk.Url, Note(), "k1");

        Assert.False(result.Delivered);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(400, result.StatusCode);
        Assert.Single(helpDesk.Received);
    }

    [Fact]
    public async Task NotifyAsync_TooManyRequestsWithRetryAfter_WaitsAsAsked()
    {
        using var helpDesk = new CallbackReceiver(n => n == 1 ? (429, "1") : (200, null));
        var watch = Stopwatch.StartNew();

        var result = await Client().NotifyAsync(helpDesk.Url, Note(), "k1");

        Assert.True(result.Delivered);
        Assert.Equal(2, result.Attempts);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(950), $"waited only {watch.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task NotifyAsync_RetryAfterBeyondCap_IsCapped()
    {
        using var helpDesk = new CallbackReceiver(n => n == 1 ? (503, "3600") : (200, null));
        var watch = Stopwatch.StartNew();

        var result = await Client(Fast with { MaxDelay = TimeSpan.FromMilliseconds(200) }).NotifyAsync(helpDesk.Url, Note(), "k1");

        Assert.True(result.Delivered);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task NotifyAsync_NobodyListening_FailsWithReason()
    {
        // A port held bound but not listening refuses every connection, and no other listener can take it meanwhile (a
        // port found free and released could be picked up by a test running beside this one).
        using var held = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        held.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)held.LocalEndPoint!).Port;

        var result = await Client().NotifyAsync($"http://127.0.0.1:{port}/hooks", Note(), "k1");

        Assert.False(result.Delivered);
        Assert.Equal(4, result.Attempts);
        Assert.Null(result.StatusCode);
        Assert.Contains("request failed", result.FailureReason);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://helpdesk.example.com/hook")]
    public async Task NotifyAsync_InvalidUrl_FailsWithoutSending(string url)
    {
        var result = await Client().NotifyAsync(url, Note(), "k1");

        Assert.False(result.Delivered);
        Assert.Equal(0, result.Attempts);
        Assert.Contains("not an absolute http(s) URL", result.FailureReason);
    }

    public void Dispose() => _http.Dispose();
}

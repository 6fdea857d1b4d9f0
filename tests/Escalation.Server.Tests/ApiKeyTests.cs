using System.Net;
using System.Text;

namespace Escalation.Server.Tests;

/// <summary>With <c>Escalation:ApiKey</c> set, help-desk routes need it; review links and health do not.</summary>
public sealed class ApiKeyTests
{
    [Fact]
    public async Task HelpDeskRoutes_WithoutOrWithWrongKey_Answer401AndStoreNothing()
    {
        await using var server = await ServerProcess.StartAsync(settings: new Dictionary<string, string> { ["Escalation__ApiKey"] = "test-key-0123456789" });
        var json = SampleTickets.Load("02-refund-within-window-seat-pack.json", ticketId: "KEY-1");

        var none = await server.Client.PostAsync("/api/cases", new StringContent(json, Encoding.UTF8, "application/json"));
        var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        wrong.Headers.Add("x-functions-key", "nope");
        var wrongResponse = await server.Client.SendAsync(wrong);
        var right = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        right.Headers.Add("x-functions-key", "test-key-0123456789");
        var rightResponse = await server.Client.SendAsync(right);
        var health = await server.Client.GetAsync("/api/health");
        var listWithoutKey = await server.Client.GetAsync("/api/cases");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, rightResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, listWithoutKey.StatusCode);
        await using var store = Escalation.Infrastructure.Storage.RecordLog.OpenReadOnly(server.DataDirectory);
        Assert.Single(store.KeysStartingWith("a/"), k => k.EndsWith("/submission", StringComparison.Ordinal)); // only the accepted one was stored
    }

    [Fact]
    public async Task Submit_WithoutKeyAndWithABodyOver256KB_Answers401WithoutReadingTheBody()
    {
        await using var server = await ServerProcess.StartAsync(settings: new Dictionary<string, string> { ["Escalation__ApiKey"] = "test-key-0123456789" });
        var huge = "{\"ticketId\": \"T-big\", \"customer\": {\"id\": \"cus_014\"}, \"messages\": [{\"text\": \"" + new string('a', 300_000) + "\"}]}";

        var response = await server.Client.PostAsync("/api/cases", new StringContent(huge, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode); // not 413: nobody without the key has the body read
    }

    [Fact]
    public async Task Start_WithoutKeyWhereKestrelsOwnConfigurationBindsAllInterfaces_Refuses()
    {
        var port = ServerProcess.FreePort();
        var kestrel = new Dictionary<string, string> { ["Kestrel__Endpoints__Http__Url"] = $"http://0.0.0.0:{port}" };

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(port: port, settings: kestrel));

        Assert.Contains("Escalation:ApiKey is empty but the server would listen beyond loopback (http://0.0.0.0:", ex.Message);
    }

    [Fact]
    public async Task Start_WithoutKeyOnANonLoopbackAddress_Refuses()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(bindAll: true));

        Assert.Contains("ApiKey", ex.Message);
    }
}

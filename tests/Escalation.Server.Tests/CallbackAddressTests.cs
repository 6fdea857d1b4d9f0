using System.Net.Http.Json;
using System.Text.Json;

namespace Escalation.Server.Tests;

/// <summary>The server as deployed: no allow-list, so callbacks reach public addresses only.</summary>
public sealed class PublicCallbacksServerFixture : ServerFixture
{
    protected override bool CallbacksToHelpDesk => false;
}

/// <summary>A submitter chooses the callback URL: it must not turn the service into a scanner of its own network.</summary>
public sealed class CallbackAddressTests(PublicCallbacksServerFixture fixture) : IClassFixture<PublicCallbacksServerFixture>
{
    [Fact]
    public async Task Callback_ToLoopbackInAnySpellingOrToTheServiceItself_IsNotPostedAndTheCaseShowsOnlyThatItFailed()
    {
        var port = fixture.HelpDesk.Port;
        string[] urls =
        [
            fixture.HelpDesk.Url,
            $"http://localhost:{port}/hooks/escalation/",
            $"http://2130706433:{port}/hooks/escalation/",
            $"http://127.1:{port}/hooks/escalation/",
            $"http://[::ffff:127.0.0.1]:{port}/hooks/escalation/",
            $"http://[::1]:{port}/hooks/escalation/",
            $"{fixture.Server.BaseUrl}/api/cases",
        ];
        var casesBefore = await CaseCountAsync();

        var failures = new List<string>();
        foreach (var (url, i) in urls.Select((u, i) => (u, i)))
        {
            var caseId = (await fixture.SubmitAsync(SampleTickets.Load("13-chargeback-threat.json", url, $"SSRF-{i}-{Guid.NewGuid():N}"[..20]), wait: 0)).GetProperty("caseId").GetString()!;
            var settled = await fixture.WaitForCaseAsync(caseId, c => c.TryGetProperty("callbackFailure", out var f) && f.ValueKind == JsonValueKind.String);
            failures.Add(settled.GetProperty("callbackFailure").GetString()!);
        }

        Assert.Empty(fixture.HelpDesk.Received);
        Assert.Equal(casesBefore + urls.Length, await CaseCountAsync()); // the service did not post a note to itself
        // One wording for all: nothing tells whether something listens at that address or port.
        Assert.Single(failures.Distinct());
        Assert.DoesNotContain(port.ToString(System.Globalization.CultureInfo.InvariantCulture), failures[0]);
        Assert.DoesNotContain("attempt", failures[0]);
        Assert.Contains("not delivered", failures[0]);
    }

    private async Task<int> CaseCountAsync() =>
        (await fixture.Server.Client.GetFromJsonAsync<JsonElement>("/api/cases")).GetProperty("cases").GetArrayLength();
}

/// <summary>A help desk on the local network, allow-listed: it gets its note, but a redirect it answers is not followed.</summary>
public sealed class CallbackRedirectTests
{
    [Fact]
    public async Task Callback_AllowListedHelpDeskAnsweringARedirect_IsNotFollowed()
    {
        using var inside = new CallbackReceiver();
        using var helpDesk = new CallbackReceiver(redirectTo: inside.Url);
        await using var server = await ServerProcess.StartAsync(settings: new Dictionary<string, string> { [CallbackReceiver.AllowLoopback.Key] = CallbackReceiver.AllowLoopback.Value });
        var json = SampleTickets.Load("13-chargeback-threat.json", helpDesk.Url, $"REDIR-{Guid.NewGuid():N}"[..20]);

        var submitted = await server.Client.PostAsync("/api/cases", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var caseId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()!;
        string? failure = null;
        for (var until = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < until && failure is null; await Task.Delay(100))
        {
            var view = await server.Client.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
            failure = view.TryGetProperty("callbackFailure", out var f) ? f.GetString() : null;
        }

        Assert.NotNull(failure);
        Assert.NotEmpty(helpDesk.Received);
        Assert.Empty(inside.Received);
    }
}

using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MimeKit;

namespace Escalation.Server.Tests;

/// <summary>One running server and one help-desk receiver shared by a test class.</summary>
public class ServerFixture : IAsyncLifetime
{
    public ServerProcess Server { get; private set; } = null!;
    public CallbackReceiver HelpDesk { get; } = new();

    /// <summary>Settings (environment variables) the server starts with beyond the test defaults.</summary>
    protected virtual IDictionary<string, string>? Settings => null;

    /// <summary>Whether the server may post callbacks to <see cref="HelpDesk"/>: it listens on loopback, which needs the allow-list.</summary>
    protected virtual bool CallbacksToHelpDesk => true;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>(Settings ?? new Dictionary<string, string>());
        if (CallbacksToHelpDesk)
        {
            settings[CallbackReceiver.AllowLoopback.Key] = CallbackReceiver.AllowLoopback.Value;
        }

        Server = await ServerProcess.StartAsync(settings: settings);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        HelpDesk.Dispose();
    }

    public async Task<JsonElement> SubmitAsync(string json, int wait = 10)
    {
        var response = await Server.Client.PostAsync($"/api/cases?wait={wait}", new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode is System.Net.HttpStatusCode.OK or System.Net.HttpStatusCode.Accepted, body.ToString());
        return body;
    }

    public async Task<JsonElement> CaseAsync(string caseId) =>
        await Server.Client.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");

    /// <summary>Polls the case until <paramref name="done"/> holds (the orchestration keeps running after the decision).</summary>
    public async Task<JsonElement> WaitForCaseAsync(string caseId, Func<JsonElement, bool> done, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        JsonElement last = default;
        while (DateTime.UtcNow < until)
        {
            var response = await Server.Client.GetAsync($"/api/cases/{caseId}");
            if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                await Task.Delay(100);
                continue;
            }

            last = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (done(last))
            {
                return last;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"case {caseId} never got there: {last}");
    }

    public static bool Settled(JsonElement c) => c.GetProperty("status").GetString() is "sent" or "escalated" or "returned-to-tier-1" or "awaiting-review" or "rejected" or "failed";

    /// <summary>The review link from the reviewer email the service wrote to the outbox for a case.</summary>
    public async Task<string> ReviewLinkAsync(string caseId, int seconds = 20)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until)
        {
            var file = Directory.Exists(Server.OutboxDirectory)
                ? Directory.GetFiles(Server.OutboxDirectory, caseId + "*review*.eml", SearchOption.AllDirectories).FirstOrDefault()
                : null;
            if (file is not null)
            {
                var message = await MimeMessage.LoadAsync(file);
                var match = System.Text.RegularExpressions.Regex.Match(message.TextBody ?? "", @"https?://\S+/api/review/\S+");
                Assert.True(match.Success, "the email has a review link:\n" + message.TextBody);
                return match.Value;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("no review email for " + caseId);
    }
}

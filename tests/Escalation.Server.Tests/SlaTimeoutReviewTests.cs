using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MimeKit;

namespace Escalation.Server.Tests;

/// <summary>A reviewer who answers after the review SLA timer fired: told the case escalated, when and why.</summary>
public sealed class SlaTimeoutReviewTests
{
    [Fact]
    public async Task Review_PostedJustAfterTheSlaTimerFired_409SaysTheCaseWasEscalatedAndWhen()
    {
        using var helpDesk = new CallbackReceiver();
        string caseId, token;
        DateTimeOffset deadline;
        var data = Path.Combine(Path.GetTempPath(), "esc-sla-" + Guid.NewGuid().ToString("N"));
        var allowHelpDesk = new Dictionary<string, string> { [CallbackReceiver.AllowLoopback.Key] = CallbackReceiver.AllowLoopback.Value };
        await using (var before = await ServerProcess.StartAsync(data, settings: allowHelpDesk))
        {
            var json = SampleTickets.Load("07-refund-within-window-above-cap.json", helpDesk.Url, $"SLA-{Guid.NewGuid():N}"[..20]);
            var submitted = await before.Client.PostAsync("/api/cases?wait=10", new StringContent(json, Encoding.UTF8, "application/json"));
            caseId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()!;
            deadline = (await WaitAsync(before, caseId, "awaiting-review")).GetProperty("slaDeadline").GetDateTimeOffset();
            token = await ReviewTokenAsync(before, caseId);
        }

        // The help desk holds the escalation note: the timer has fired, the case is not yet recorded as escalated.
        var escalationArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        helpDesk.BeforeAnswer = async note =>
        {
            if (note.GetProperty("caseId").GetString() == caseId && note.GetProperty("event").GetString() == "escalated")
            {
                escalationArrived.TrySetResult();
                await release.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }
        };
        var clock = deadline.AddMinutes(1).ToString("O", CultureInfo.InvariantCulture);
        await using var after = await ServerProcess.StartAsync(data, settings: new Dictionary<string, string>(allowHelpDesk) { ["Escalation__ClockStart"] = clock });
        await escalationArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/review/{caseId}")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["action"] = "approve" }),
        };
        request.Headers.Accept.ParseAdd("text/html");
        using var posted = await after.Client.SendAsync(request);
        var page = await posted.Content.ReadAsStringAsync();
        release.TrySetResult();

        Assert.Equal(HttpStatusCode.Conflict, posted.StatusCode);
        Assert.Contains("escalated", page);
        Assert.Contains("SLA deadline", page);
        Assert.Contains(deadline.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), page);
        await WaitAsync(after, caseId, "escalated");
        Assert.DoesNotContain(helpDesk.Received, r => r.Note.GetProperty("caseId").GetString() == caseId && r.Note.GetProperty("event").GetString() == "reply-sent");
    }

    private static async Task<JsonElement> WaitAsync(ServerProcess server, string caseId, string status)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        JsonElement last = default;
        while (DateTime.UtcNow < until)
        {
            using var response = await server.Client.GetAsync($"/api/cases/{caseId}");
            if (response.IsSuccessStatusCode && (last = await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString() == status)
            {
                return last;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"case {caseId} never got to {status}: {last}");
    }

    private static async Task<string> ReviewTokenAsync(ServerProcess server, string caseId)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < until)
        {
            var file = Directory.Exists(server.OutboxDirectory) ? Directory.GetFiles(server.OutboxDirectory, caseId + "*review*.eml", SearchOption.AllDirectories).FirstOrDefault() : null;
            if (file is not null)
            {
                var link = Regex.Match((await MimeMessage.LoadAsync(file)).TextBody ?? "", @"https?://\S+/api/review/\S+").Value;
                return Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("no review email for " + caseId);
    }
}

using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Escalation.Core.Actions;

namespace Escalation.Server.Tests;

/// <summary>
/// The crash drill of issue 26: kill -9 after the billing webhook received an action and before the server recorded it.
/// After the restart the action is sent again with the same idempotency key, never a different one, and the reply
/// follows it.
/// </summary>
public sealed class ActionCrashTests
{
    [Fact]
    public async Task KillDashNine_BetweenAnActionAndItsRecord_RestartRepeatsItWithTheSameKey()
    {
        using var helpDesk = new CallbackReceiver();
        using var billing = new CallbackReceiver();
        var settings = new Dictionary<string, string>
        {
            [CallbackReceiver.AllowLoopback.Key] = CallbackReceiver.AllowLoopback.Value,
            ["Escalation__ClockStart"] = SampleClockServerFixture.EvaluationInstant,
            ["Escalation__Actions__WebhookUrl"] = billing.Url,
        };
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        billing.BeforeAnswer = async _ =>
        {
            received.TrySetResult();
            await release.Task;
        };
        var server = await ServerProcess.StartAsync(settings: settings);
        var json = SampleTickets.Load("02-refund-within-window-seat-pack.json", helpDesk.Url, $"ACTCRASH-{Environment.ProcessId}-{Environment.TickCount64}");
        var submitted = await server.Client.PostAsync("/api/cases", new StringContent(json, Encoding.UTF8, "application/json"));
        var caseId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()!;

        // The billing system has the refund; the server dies before it records that.
        await received.Task.WaitAsync(TimeSpan.FromSeconds(60));
        server.Kill();
        var data = server.DataDirectory;
        await server.DisposeAsync();
        billing.BeforeAnswer = null;
        release.SetResult();
        var before = billing.Received.Where(r => r.Note.GetProperty("caseId").GetString() == caseId).Select(r => r.Key).ToArray();

        await using var restarted = await ServerProcess.StartAsync(data, settings: settings);
        var until = DateTime.UtcNow.AddSeconds(60);
        var status = "";
        while (status != "sent" && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
            var c = await restarted.Client.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
            status = c.GetProperty("status").GetString()!;
        }

        Assert.Equal("sent", status);
        var refundKey = ActionKeys.For(caseId, 0, ActionKinds.Refund);
        Assert.Equal([refundKey], before);
        var keys = billing.Received.Where(r => r.Note.GetProperty("caseId").GetString() == caseId).Select(r => r.Key).ToArray();
        Assert.True(keys.Count(k => k == refundKey) >= 2, string.Join(", ", keys));
        Assert.All(keys, k => Assert.Contains(k, new[] { refundKey, ActionKeys.For(caseId, 1, ActionKinds.RemoveAddOn) }));
        var reply = helpDesk.Received.Single(r => r.Note.GetProperty("caseId").GetString() == caseId && r.Note.GetProperty("event").GetString() == "reply-sent").Note;
        Assert.Equal(refundKey, reply.GetProperty("actions")[0].GetProperty("idempotencyKey").GetString());
    }
}

using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Escalation.Server.Tests;

/// <summary>What a server that has run for a long time and been restarted (SIGTERM, as a deploy stops it) still guarantees.</summary>
public sealed class LongRunTests
{
    [Fact]
    public async Task Resubmit_AfterRestartsPurgedTheCompletedRun_IsADuplicateAndNothingIsDecidedOrSentAgain()
    {
        using var helpDesk = new CallbackReceiver();
        var settings = new Dictionary<string, string>
        {
            [CallbackReceiver.AllowLoopback.Key] = CallbackReceiver.AllowLoopback.Value,
            ["Escalation__ClockStart"] = SampleClockServerFixture.EvaluationInstant,
        };
        var ticket = SampleTickets.Load("02-refund-within-window-seat-pack.json", helpDesk.Url, "LONG-RUN-1");
        string caseId;
        string dataDirectory;
        string auditUrl; // its path: each server has its own port
        await using (var first = await ServerProcess.StartAsync(settings: settings))
        {
            dataDirectory = first.DataDirectory;
            caseId = (await SubmitAsync(first, ticket)).GetProperty("caseId").GetString()!;
            var sent = await WaitForStatusAsync(first, caseId, "sent");
            auditUrl = new Uri(sent.GetProperty("auditUrl").GetString()!).AbsolutePath;
            await WaitForAsync(() => helpDesk.Received.Any(r => r.Note.GetProperty("caseId").GetString() == caseId));
            Assert.True(await first.StopAsync() == 0, "a graceful stop did not exit cleanly:\n" + first.Output);
        }

        // The next start loads the completed run and purges it from the workflow history once it is up; the one after
        // that no longer knows it. Only the case index and the trace say it was decided and sent.
        await using (var second = await ServerProcess.StartAsync(dataDirectory, settings: settings))
        {
            await WaitForAsync(() => !WorkflowHistoryMentions(dataDirectory, caseId));
            Assert.False(WorkflowHistoryMentions(dataDirectory, caseId), "the completed run is still in the workflow history");
            Assert.True(await second.StopAsync() == 0, "a graceful stop did not exit cleanly:\n" + second.Output);
        }

        var notesBefore = helpDesk.Received.Count(r => r.Note.GetProperty("caseId").GetString() == caseId);
        await using var third = await ServerProcess.StartAsync(dataDirectory, settings: settings);
        var again = await SubmitAsync(third, ticket);
        await Task.Delay(2000); // a second run, had one started, would have decided and called back by now

        Assert.True(again.GetProperty("duplicate").GetBoolean());
        Assert.Equal("sent", again.GetProperty("case").GetProperty("status").GetString());
        Assert.Equal(notesBefore, helpDesk.Received.Count(r => r.Note.GetProperty("caseId").GetString() == caseId));
        var now = await third.Client.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Equal(auditUrl, new Uri(now.GetProperty("auditUrl").GetString()!).AbsolutePath); // no later trace: nothing was decided again
        Assert.False(WorkflowHistoryMentions(dataDirectory, caseId), "the case ran again"); // not even stages that would reuse what they stored
    }

    private static async Task<JsonElement> SubmitAsync(ServerProcess server, string ticket)
    {
        var response = await server.Client.PostAsync("/api/cases?wait=20", new StringContent(ticket, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> WaitForStatusAsync(ServerProcess server, string caseId, string status)
    {
        JsonElement c = default;
        await WaitForAsync(async () => (c = await server.Client.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}")).GetProperty("status").GetString() == status);
        Assert.Equal(status, c.GetProperty("status").GetString());
        return c;
    }

    private static Task WaitForAsync(Func<bool> done) => WaitForAsync(() => Task.FromResult(done()));

    private static async Task WaitForAsync(Func<Task<bool>> done)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!await done() && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }
    }

    private static bool WorkflowHistoryMentions(string dataDirectory, string caseId) =>
        Directory.EnumerateFiles(Path.Combine(dataDirectory, "workflow"), "history-*.jsonl")
            .Any(f => File.ReadAllText(f).Contains($"\"{caseId}\"", StringComparison.Ordinal));
}

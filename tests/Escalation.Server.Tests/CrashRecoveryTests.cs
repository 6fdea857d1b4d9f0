using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Escalation.Server.Tests;

/// <summary>kill -9 in the middle of a burst of submissions, restart on the same data: every case finishes exactly once.</summary>
public sealed class CrashRecoveryTests
{
    private static readonly string[] Files =
    [
        "02-refund-within-window-seat-pack.json", "07-refund-within-window-above-cap.json",
        "13-chargeback-threat.json", "21-resolve-refund-within-window-no-permission.json", "24-return-2fa-lost-phone-teammate.json",
    ];

    [Fact]
    public async Task KillDashNine_During200Submissions_EveryAcceptedCaseFinishesOnceWithoutDuplicateEmailsOrCallbacks()
    {
        using var helpDesk = new CallbackReceiver();
        var files = Files;
        var server = await ServerProcess.StartAsync();
        var accepted = new ConcurrentBag<string>();
        var killed = 0;
        var submissions = Enumerable.Range(0, 200).Select(async i =>
        {
            var json = SampleTickets.Load(files[i % files.Length]!, helpDesk.Url, $"CRASH-{i:D3}");
            try
            {
                var response = await server.Client.PostAsync("/api/cases", new StringContent(json, Encoding.UTF8, "application/json"));
                if (response.IsSuccessStatusCode)
                {
                    accepted.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()!);
                }
            }
            catch (HttpRequestException)
            {
                // The server died under this request: the help desk would retry it.
            }

            if (accepted.Count >= 80 && Interlocked.Exchange(ref killed, 1) == 0)
            {
                server.Kill();
            }
        }).ToArray();
        await Task.WhenAll(submissions);
        server.Kill();
        var dataDirectory = server.DataDirectory;
        await server.DisposeAsync();
        Assert.True(accepted.Count >= 80, $"{accepted.Count} accepted before the kill");

        await using var restarted = await ServerProcess.StartAsync(dataDirectory);
        var outcomes = new Dictionary<string, string>();
        foreach (var caseId in accepted)
        {
            var until = DateTime.UtcNow.AddSeconds(60);
            string? status = null;
            while (DateTime.UtcNow < until)
            {
                var c = await restarted.Client.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
                status = c.GetProperty("status").GetString();
                if (status is "sent" or "escalated" or "returned-to-tier-1" or "awaiting-review")
                {
                    break;
                }

                await Task.Delay(100);
            }

            outcomes[caseId] = status ?? "missing";
        }

        Assert.All(outcomes, o => Assert.True(o.Value is "sent" or "escalated" or "returned-to-tier-1" or "awaiting-review", $"{o.Key} ended {o.Value}"));
        await Task.Delay(2000);
        var keys = helpDesk.Received.Select(r => r.Key).ToArray();
        var emails = Directory.GetFiles(Path.Combine(dataDirectory, "outbox"), "*.eml").Select(Path.GetFileName).ToArray();
        foreach (var caseId in accepted)
        {
            Assert.True(emails.Count(e => e!.StartsWith(caseId + "_", StringComparison.Ordinal)) <= 1, $"{caseId} emailed more than once");
            var expectedEvent = outcomes[caseId] switch { "sent" => "reply-sent", "awaiting-review" => "awaiting-review", "returned-to-tier-1" => "returned-to-tier-1", _ => "escalated" };
            Assert.Contains(helpDesk.Received, r => r.Note.GetProperty("caseId").GetString() == caseId && r.Note.GetProperty("event").GetString() == expectedEvent);
        }

        // At-least-once delivery with an idempotency key: a crash between a POST and its record may repeat a key
        // (the help desk drops the repeat); it never delivers two different notes for one event.
        var perKey = helpDesk.Received.GroupBy(r => r.Key).Where(g => g.Count() > 1).ToArray();
        Assert.True(perKey.Length <= 2, $"{perKey.Length} idempotency keys delivered more than once");
        Assert.Equal(keys.Distinct().Count(), helpDesk.Received.Select(r => r.Key + r.Note.GetProperty("event").GetString()).Distinct().Count());
    }
}

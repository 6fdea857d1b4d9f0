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
        var allowHelpDesk = new Dictionary<string, string> { [CallbackReceiver.AllowLoopback.Key] = CallbackReceiver.AllowLoopback.Value };
        var server = await ServerProcess.StartAsync(settings: allowHelpDesk);
        var accepted = new ConcurrentBag<string>();
        var killed = 0;

        async Task SubmitAsync(int i)
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
        }

        // A first batch settles before the crash: its notes are answered and on record, so none may be posted again.
        await Task.WhenAll(Enumerable.Range(0, 40).Select(SubmitAsync));
        var settled = accepted.ToHashSet();
        var settleBy = DateTime.UtcNow.AddSeconds(60);
        while (!settled.All(id => helpDesk.FirstAnswered.Keys.Any(k => k.StartsWith(id + ":", StringComparison.Ordinal))) && DateTime.UtcNow < settleBy)
        {
            await Task.Delay(100);
        }

        await Task.Delay(1000);
        var answeredBeforeCrash = helpDesk.FirstAnswered.Keys.ToHashSet();
        await Task.WhenAll(Enumerable.Range(40, 160).Select(SubmitAsync));
        server.Kill();
        var dataDirectory = server.DataDirectory;
        var firstOutput = server.Output;
        await server.DisposeAsync();
        Assert.True(accepted.Count >= 80, $"{accepted.Count} accepted before the kill");
        Assert.Equal(40, settled.Count);
        Assert.True(answeredBeforeCrash.Count >= 40, $"only {answeredBeforeCrash.Count} notes answered for the first 40 cases");

        await using var restarted = await ServerProcess.StartAsync(dataDirectory, settings: allowHelpDesk);
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
        var emails = Directory.GetFiles(Path.Combine(dataDirectory, "outbox"), "*.eml", SearchOption.AllDirectories).Select(Path.GetFileName).ToArray();
        foreach (var caseId in accepted)
        {
            Assert.True(emails.Count(e => e!.StartsWith(caseId + "_", StringComparison.Ordinal)) <= 1, $"{caseId} emailed more than once");
            var expectedEvent = outcomes[caseId] switch { "sent" => "reply-sent", "awaiting-review" => "awaiting-review", "returned-to-tier-1" => "returned-to-tier-1", _ => "escalated" };
            Assert.Contains(helpDesk.Received, r => r.Note.GetProperty("caseId").GetString() == caseId && r.Note.GetProperty("event").GetString() == expectedEvent);
        }

        // At-least-once delivery with an idempotency key: a note in flight when the server died (posted, its answer not yet
        // recorded) is posted again after the restart and the help desk drops the repeat. A note answered and on record
        // before the crash is never posted again; and no event ever gets two different notes.
        var repeatedAfterRecord = helpDesk.Received.GroupBy(r => r.Key).Where(g => g.Count() > 1 && answeredBeforeCrash.Contains(g.Key)).ToArray();
        Assert.True(repeatedAfterRecord.Length == 0, $"{repeatedAfterRecord.Length} of {answeredBeforeCrash.Count} notes answered before the crash were posted again, e.g. "
            + string.Join(", ", repeatedAfterRecord.Take(5).Select(g => $"{g.Key} ×{g.Count()}"))
            + $"\n-- first server:\n{Tail(firstOutput)}\n-- restarted server:\n{Tail(restarted.Output)}");
        Assert.Equal(keys.Distinct().Count(), helpDesk.Received.Select(r => r.Key + r.Note.GetProperty("event").GetString()).Distinct().Count());
    }

    private static string Tail(string output) => output.Length <= 4000 ? output : "…" + output[^4000..];
}

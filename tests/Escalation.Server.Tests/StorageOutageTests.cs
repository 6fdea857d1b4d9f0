using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Escalation.Server.Tests;

/// <summary>A storage fault that outlasts the retries: the case waits as needs-attention, is seen, and resumes.</summary>
public sealed class StorageOutageTests
{
    [Fact]
    public async Task Outbox_RefusesWritesPastTheRetries_CaseWaitsAsNeedsAttentionIsListedAndResumesAfterARestart()
    {
        var server = await ServerProcess.StartAsync();
        var dataDirectory = server.DataDirectory;
        var outbox = server.OutboxDirectory;
        try
        {
            // The outbox cannot be written (a file stands where the folder should be; root ignores read-only bits).
            if (Directory.Exists(outbox))
            {
                Directory.Delete(outbox, recursive: true);
            }

            await File.WriteAllTextAsync(outbox, "not a folder");
            var health = await server.Client.GetAsync("/api/health");
            for (var i = 0; i < 30 && health.StatusCode == HttpStatusCode.OK; i++)
            {
                await Task.Delay(100); // health probes the folders at most once a second
                health = await server.Client.GetAsync("/api/health");
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Contains("refuses writes", await health.Content.ReadAsStringAsync());

            var json = SampleTickets.Load("07-refund-within-window-above-cap.json", ticketId: "OUTAGE-1");
            var submitted = await server.Client.PostAsync("/api/cases", new StringContent(json, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
            var caseId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()!;

            var waiting = await WaitForStatusAsync(server, caseId, "needs-attention", seconds: 90);
            Assert.Contains("NotifyReviewers", waiting.GetProperty("failure").GetString());
            var listed = await server.Client.GetFromJsonAsync<JsonElement>("/api/cases?status=needs-attention");
            Assert.Contains(listed.GetProperty("cases").EnumerateArray(), c => c.GetProperty("caseId").GetString() == caseId);
            var summary = await server.Client.GetFromJsonAsync<JsonElement>("/api/metrics/summary");
            Assert.Contains(summary.GetProperty("byStatus").EnumerateArray(), c => c.GetProperty("key").GetString() == "needs-attention" && c.GetProperty("count").GetInt32() == 1);

            // The fault clears and the host restarts: the case is still waiting, health shows it, and a resume finishes it.
            await server.DisposeAsync();
            File.Delete(outbox);
            server = await ServerProcess.StartAsync(dataDirectory);
            var healthy = await server.Client.GetFromJsonAsync<JsonElement>("/api/health");
            Assert.Equal(("needs-attention", 1), (healthy.GetProperty("status").GetString(), healthy.GetProperty("needsAttention").GetInt32()));

            // An operator resumes every waiting case with the CLI; asked again, the service says the case no longer waits.
            var (exit, output) = await CliAsync("resume", "--all", "--server", server.BaseUrl);
            Assert.Equal((0, $"{caseId}: resumed"), (exit, output.Trim()));
            await WaitForStatusAsync(server, caseId, "awaiting-review", seconds: 30);
            Assert.Single(Directory.GetFiles(outbox, caseId + "*review*.eml", SearchOption.AllDirectories));
            (exit, output) = await CliAsync("resume", caseId, "--server", server.BaseUrl);
            Assert.Equal(1, exit);
            Assert.Contains($"{caseId}: not resumed (409)", output);
            var again = await server.Client.PostAsync($"/api/cases/{caseId}/resume", null);
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Equal("ok", (await server.Client.GetFromJsonAsync<JsonElement>("/api/health")).GetProperty("status").GetString());
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static async Task<(int Exit, string Output)> CliAsync(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await Escalation.Cli.CliApp.RunAsync(args, TextReader.Null, stdout, stderr);
        return (exit, stdout.ToString() + stderr);
    }

    private static async Task<JsonElement> WaitForStatusAsync(ServerProcess server, string caseId, string status, int seconds)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        JsonElement last = default;
        while (DateTime.UtcNow < until)
        {
            last = await server.Client.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
            if (last.GetProperty("status").GetString() == status)
            {
                return last;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"case {caseId} never became {status}: {last}\n{server.Output}");
    }
}

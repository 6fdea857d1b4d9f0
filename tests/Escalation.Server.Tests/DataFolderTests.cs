using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Escalation.Server.Tests;

public sealed class DataFolderTests
{
    [Fact]
    public async Task Start_SecondServerOnTheSameDataFolder_RefusesWithAClearMessage()
    {
        await using var first = await ServerProcess.StartAsync();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(dataDirectory: first.DataDirectory));

        Assert.Contains("The service cannot start", ex.Message);
        Assert.Contains("Another process is writing", ex.Message);
        Assert.True((await first.Client.GetAsync("/api/health")).IsSuccessStatusCode);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Start_DataFolderAndGeneratedKeys_AreReadableByTheServiceUserOnly()
    {
        await using var server = await ServerProcess.StartAsync(); // the test created the folder as everyone's (0755)
        (await server.Client.PostAsync("/api/cases", new StringContent(SampleTickets.Load("13-chargeback-threat.json", ticketId: "PERM-1"), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        var keys = Path.Combine(server.DataDirectory, "keys");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(server.DataDirectory));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));
        Assert.Contains(Path.Combine(keys, "link-signing.key"), Directory.GetFiles(keys));
        Assert.All(Directory.GetFiles(keys), key => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key)));
    }

    [Fact]
    public async Task Health_AfterTheHistoryLogFailedToWrite_Is503UntilARestartWhichStartsTheStoredCase()
    {
        // A folder stands where the workflow history's first segment file would go: every write to it fails.
        var data = Path.Combine(Path.GetTempPath(), "esc-e2e-" + Guid.NewGuid().ToString("N"));
        var blocker = Directory.CreateDirectory(Path.Combine(data, "workflow", "history-000001.jsonl"));
        var ticket = SampleTickets.Load("13-chargeback-threat.json", ticketId: "DISK-001");
        await using (var failing = await ServerProcess.StartAsync(data))
        {
            Assert.Equal(HttpStatusCode.OK, (await failing.Client.GetAsync("/api/health")).StatusCode);
            var submitted = await failing.Client.PostAsync("/api/cases", new StringContent(ticket, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, submitted.StatusCode);
            Assert.Equal("application/problem+json", submitted.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain("history-000001", await submitted.Content.ReadAsStringAsync()); // no internals to the caller

            var health = await failing.Client.GetAsync("/api/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Equal("application/problem+json", health.Content.Headers.ContentType?.MediaType);
            var detail = (await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
            Assert.Contains("history log", detail);
            Assert.Contains("restart", detail);
        }

        blocker.Delete();
        await using var restarted = await ServerProcess.StartAsync(data);
        Assert.Equal(HttpStatusCode.OK, (await restarted.Client.GetAsync("/api/health")).StatusCode);

        // The case was stored before its orchestration failed to start: the restart starts it, retry or not.
        string? status = null;
        for (var until = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < until && status is null or "received"; await Task.Delay(100))
        {
            var listed = await restarted.Client.GetFromJsonAsync<JsonElement>("/api/cases");
            status = listed.GetProperty("cases").EnumerateArray().Where(c => c.GetProperty("ticketId").GetString() == "DISK-001")
                .Select(c => c.GetProperty("status").GetString()).SingleOrDefault();
        }

        Assert.Equal("escalated", status);
        var retried = await restarted.Client.PostAsync("/api/cases?wait=10", new StringContent(ticket, Encoding.UTF8, "application/json"));
        var decided = await retried.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(retried.IsSuccessStatusCode, decided.ToString());
        // The help desk's retry of the refused submission finds the case and answers with its decision.
        Assert.True(decided.GetProperty("duplicate").GetBoolean());
        Assert.Equal("escalate", decided.GetProperty("case").GetProperty("route").GetString());
    }
}

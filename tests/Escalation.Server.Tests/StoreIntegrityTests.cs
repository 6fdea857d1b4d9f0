using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Escalation.Server.Tests;

/// <summary>A data folder damaged or altered while the server was down: the server says so and serves the rest.</summary>
public sealed class StoreIntegrityTests
{
    /// <summary>Runs <paramref name="count"/> escalation cases to their decision, stops the server; the case ids and trace ids.</summary>
    private static async Task<(string Data, List<(string CaseId, string TraceId)> Cases)> DecidedCasesAsync(int count)
    {
        var cases = new List<(string, string)>();
        await using var server = await ServerProcess.StartAsync();
        for (var i = 0; i < count; i++)
        {
            var ticket = SampleTickets.Load("13-chargeback-threat.json", ticketId: $"STORE-{i:D3}");
            var response = await server.Client.PostAsync("/api/cases?wait=10", new StringContent(ticket, Encoding.UTF8, "application/json"));
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(response.IsSuccessStatusCode, body.ToString());
            var caseId = body.GetProperty("caseId").GetString()!;
            string? auditUrl = null;
            for (var until = DateTime.UtcNow.AddSeconds(30); auditUrl is null && DateTime.UtcNow < until; await Task.Delay(100))
            {
                var view = await server.Client.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
                auditUrl = view.TryGetProperty("auditUrl", out var url) ? url.GetString() : null;
            }

            cases.Add((caseId, auditUrl?.Split('/')[^1] ?? throw new TimeoutException($"case {caseId} has no trace")));
        }

        return (server.DataDirectory, cases);
    }

    private static async Task<string?> HealthDetailAsync(ServerProcess server)
    {
        var health = await server.Client.GetAsync("/api/health");
        return health.StatusCode == HttpStatusCode.ServiceUnavailable
            ? (await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()
            : null;
    }

    [Fact]
    public async Task Restart_AfterAByteChangedMidStore_HealthNamesSegmentAndOffsetAndEveryOtherCaseIsServed()
    {
        var (data, cases) = await DecidedCasesAsync(4);
        var frames = StoreFrame.Read(data);
        var damaged = frames.First(f => f.Key == "t/" + cases[0].TraceId); // the first case's decision, early in the log
        Assert.True(frames.Count(f => f.Offset > damaged.Offset) > 10);
        damaged.Damage(damaged.PayloadLength / 2);

        await using var server = await ServerProcess.StartAsync(data);

        var detail = await HealthDetailAsync(server);
        Assert.NotNull(detail);
        Assert.Contains($"{Path.GetFileName(damaged.Segment)} at offset {damaged.Offset}", detail);
        var listed = await server.Client.GetFromJsonAsync<JsonElement>("/api/cases");
        Assert.Equal(cases.Select(c => c.CaseId).Order(), listed.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("caseId").GetString()!).Order());
        foreach (var (_, traceId) in cases.Skip(1))
        {
            Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync($"/api/audit/{traceId}")).StatusCode);
        }
    }

    [Fact]
    public async Task GetAudit_TraceAlteredWithAValidFrame_IsAnUncachedErrorAndAHealthProblem()
    {
        var (data, cases) = await DecidedCasesAsync(1);
        var traceId = cases[0].TraceId;
        StoreFrame.Read(data).Single(f => f.Key == "t/" + traceId).Edit(json => json.Replace("STORE-000", "STORE-999"));

        await using var server = await ServerProcess.StartAsync(data);

        var audit = await server.Client.GetAsync($"/api/audit/{traceId}");
        Assert.Equal(HttpStatusCode.InternalServerError, audit.StatusCode);
        Assert.True(audit.Headers.CacheControl?.NoStore, audit.Headers.CacheControl?.ToString());
        Assert.DoesNotContain("STORE-999", await audit.Content.ReadAsStringAsync());
        Assert.Contains(traceId, await HealthDetailAsync(server));
    }

    [Fact]
    public async Task VerifyAudit_AlteredTrace_NamesTheBreakKind()
    {
        var (data, cases) = await DecidedCasesAsync(1);
        var traceId = cases[0].TraceId;
        StoreFrame.Read(data).Single(f => f.Key == "t/" + traceId).Edit(json => json.Replace("STORE-000", "STORE-999"));

        await using var server = await ServerProcess.StartAsync(data);

        var verify = await server.Client.GetFromJsonAsync<JsonElement>($"/api/audit/{traceId}/verify");
        var broken = verify.GetProperty("verification").GetProperty("firstBreak");
        Assert.Equal("hash-mismatch", broken.GetProperty("kind").GetString());
    }
}

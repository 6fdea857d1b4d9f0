using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Escalation.Server.Tests;

/// <summary>A server of its own, so that every stored case is one of these tests'.</summary>
public sealed class SimulationServerFixture : ServerFixture
{
    protected override IDictionary<string, string> Settings => new Dictionary<string, string> { ["Escalation__ClockStart"] = SampleClockServerFixture.EvaluationInstant };
}

/// <summary>
/// Issue 29's keyed route over real HTTP: a support lead posts a changed workspace as a zip and gets back, case by case,
/// what it would change in the decisions the service already made — nothing is sent, no case changes.
/// </summary>
public sealed class SimulationApiTests(SimulationServerFixture fixture) : IClassFixture<SimulationServerFixture>, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("escalation-simulation-api-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string Workspace => Path.Combine(ServerProcess.RepoRoot(), "samples", "workspace");

    /// <summary>The sample workspace zipped inside one folder, with <paramref name="change"/> applied to the refund policy.</summary>
    private byte[] Zip(Func<string, string> change, string name)
    {
        var copy = Path.Combine(_root, name, "workspace");
        foreach (var file in Directory.EnumerateFiles(Workspace, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(Workspace, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var refund = Path.Combine(copy, "policies", "refund.md");
        File.WriteAllText(refund, change(File.ReadAllText(refund)));
        var zip = Path.Combine(_root, name + ".zip");
        ZipFile.CreateFromDirectory(copy, zip, CompressionLevel.Fastest, includeBaseDirectory: true);
        return File.ReadAllBytes(zip);
    }

    private static string SeatPackRefund(string ticketId, string customerId, int daysBefore)
    {
        var node = JsonNode.Parse(SampleTickets.Load("02-refund-within-window-seat-pack.json", ticketId: ticketId))!.AsObject();
        node["customer"]!["id"] = customerId;
        var bought = DateOnly.FromDateTime(DateTime.Parse(SampleClockServerFixture.EvaluationInstant, null, System.Globalization.DateTimeStyles.AdjustToUniversal)).AddDays(-daysBefore);
        node["messages"]![0]!["text"] = $"Hi there! We bought the extra seat pack for €49 on {bought:yyyy-MM-dd} for a project that has now been cancelled, so we won't need the seats. Could you refund the €49 and remove the pack from our account? Nobody has logged in with those seats. Thanks as always, Tobias";
        return node.ToJsonString();
    }

    private async Task<JsonElement> SimulateAsync(byte[] zip, string query = "wait=30")
    {
        var content = new ByteArrayContent(zip);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        var response = await fixture.Server.Client.PostAsync($"/api/simulations?{query}", content);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        Assert.Equal($"/api/simulations/{body.GetProperty("simulation").GetProperty("id").GetString()}", response.Headers.Location?.OriginalString);
        return body.GetProperty("simulation");
    }

    [Fact]
    public async Task PostSimulation_RefundWindowMovedTo45Days_FlipsExactlyTheCasesWhoseRefundBecameInWindow()
    {
        var ids = new Dictionary<int, string>();
        foreach (var days in new[] { 12, 38, 44, 60 })
        {
            var decided = await fixture.SubmitAsync(SeatPackRefund($"FD-SIM-{days}", "cus_002", days));
            ids[days] = decided.GetProperty("caseId").GetString()!;
        }

        var window45 = Zip(text => text.Replace("refundWindowDays: 30", "refundWindowDays: 45").Replace("version: \"2026.3\"", "version: \"2026.3-what-if\""), "window45");
        var unchanged = Zip(text => text, "unchanged");

        var report = (await SimulateAsync(window45)).GetProperty("report");
        var same = (await SimulateAsync(unchanged)).GetProperty("report");

        var flipped = report.GetProperty("flips").EnumerateArray().Where(f => f.GetProperty("from").GetString() != f.GetProperty("to").GetString()).ToList();
        Assert.Equal(new[] { ids[38], ids[44] }.Order(StringComparer.Ordinal), flipped.Select(f => f.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(flipped, f =>
        {
            Assert.Equal("draft-for-review", f.GetProperty("from").GetString());
            Assert.Contains("outside-refund-window", f.GetProperty("reasonsBefore").EnumerateArray().Select(r => r.GetString()));
            Assert.DoesNotContain("outside-refund-window", f.GetProperty("reasonsAfter").EnumerateArray().Select(r => r.GetString()));
            Assert.StartsWith(fixture.Server.BaseUrl.TrimEnd('/') + "/api/audit/", f.GetProperty("auditUrl").GetString());
        });
        Assert.Contains(report.GetProperty("reasonsLost").EnumerateArray(), c => c.GetProperty("code").GetString() == "outside-refund-window");
        Assert.True(report.GetProperty("cases").GetInt32() >= 4);
        Assert.DoesNotContain(same.GetProperty("flips").EnumerateArray(), f => ids.ContainsValue(f.GetProperty("id").GetString()!));
        Assert.Equal(0, same.GetProperty("flipped").GetInt32());
    }

    [Fact]
    public async Task PostSimulation_InvalidWorkspace_Is400NamingTheFileAndStartsNothing()
    {
        var broken = Zip(text => text.Replace("refundWindowDays: 30", "refundWindowDays: soon"), "broken");
        var content = new ByteArrayContent(broken);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");

        var response = await fixture.Server.Client.PostAsync("/api/simulations", content);
        var notZip = await fixture.Server.Client.PostAsync("/api/simulations", new ByteArrayContent("not a zip"u8.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue("application/zip") } });
        var containerLocally = await fixture.Server.Client.PostAsync("/api/simulations", new StringContent("""{"container":"workspace-next"}""", Encoding.UTF8, "application/json"));
        var badQuery = await fixture.Server.Client.PostAsync("/api/simulations?baseline=yesterday", new ByteArrayContent(broken) { Headers = { ContentType = new MediaTypeHeaderValue("application/zip") } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("policies/refund.md", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, notZip.StatusCode);
        Assert.Contains("not a zip", await notZip.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, containerLocally.StatusCode);
        Assert.Contains("/container", await containerLocally.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badQuery.StatusCode);
        Assert.Contains("baseline", await badQuery.Content.ReadAsStringAsync());
        Assert.False(Directory.Exists(Path.Combine(fixture.Server.DataDirectory, "simulations")) && Directory.EnumerateFiles(Path.Combine(fixture.Server.DataDirectory, "simulations"), "candidate.json", SearchOption.AllDirectories).Any(f => File.ReadAllText(f).Contains("soon")));
    }

    [Fact]
    public async Task GetSimulation_StartedWithoutWaiting_IsFollowedToItsReportAndAnUnknownIdIs404()
    {
        var content = new ByteArrayContent(Zip(text => text, "follow"));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        var started = await fixture.Server.Client.PostAsync("/api/simulations", content);
        var location = started.Headers.Location!.OriginalString;

        JsonElement status = default;
        for (var i = 0; i < 100; i++)
        {
            status = (await fixture.Server.Client.GetFromJsonAsync<JsonElement>(location)).GetProperty("simulation");
            if (status.GetProperty("status").GetString() != "running")
            {
                break;
            }

            await Task.Delay(100);
        }

        var page = await fixture.Server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, location) { Headers = { Accept = { new MediaTypeWithQualityHeaderValue("text/html") } } });
        var unknown = await fixture.Server.Client.GetAsync("/api/simulations/sim-0123456789abcdef");

        Assert.True(started.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK);
        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Equal(status.GetProperty("batches").GetInt32(), status.GetProperty("batchesDone").GetInt32());
        Assert.True(status.GetProperty("report").TryGetProperty("transitions", out _));
        Assert.Contains("<h1>What-if simulation</h1>", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}

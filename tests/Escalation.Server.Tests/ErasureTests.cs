using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Escalation.Server.Tests;

/// <summary>A server of its own, so that everything in its data folder belongs to these tests.</summary>
public sealed class ErasureServerFixture : ServerFixture
{
    protected override IDictionary<string, string> Settings => new Dictionary<string, string> { ["Escalation__ClockStart"] = SampleClockServerFixture.EvaluationInstant };
}

/// <summary>
/// Issue 27's erasure over real HTTP on file storage: a customer's personal data is sealed under case keys from the
/// start, an erasure destroys the keys and removes the outbox's e-mails, so nothing in the data folder reads as the
/// customer's words any more; the chains still verify and carry the erasure record.
/// </summary>
public sealed class ErasureTests(ErasureServerFixture fixture) : IClassFixture<ErasureServerFixture>
{
    private static string Unique(string prefix) => $"{prefix}-{Environment.ProcessId}-{Environment.TickCount64}";

    // A customer whose name, e-mail and words occur nowhere else, so any trace of them in the data folder is theirs.
    internal static string Ticket(string file, string customerId, string marker, string ticketId, string? callbackUrl = null)
    {
        var node = JsonNode.Parse(SampleTickets.Load(file, callbackUrl, ticketId))!.AsObject();
        node["customer"]!["id"] = customerId;
        node["customer"]!["name"] = $"{marker} Ottilie";
        node["customer"]!["tier"] ??= "Growth";
        node["customer"]!["email"] = $"ottilie.{marker.ToLowerInvariant()}@example.net";
        var message = node["messages"]![0]!.AsObject();
        message["text"] = message["text"]!.GetValue<string>() + $" My neighbour {marker} can confirm all of this.";
        return node.ToJsonString();
    }

    private List<string> FilesMentioning(string marker)
    {
        var needle = Encoding.UTF8.GetBytes(marker);
        var lower = Encoding.UTF8.GetBytes(marker.ToLowerInvariant());
        return [.. Directory.EnumerateFiles(fixture.Server.DataDirectory, "*", SearchOption.AllDirectories)
            .Where(f => Read(f) is var bytes && (bytes.AsSpan().IndexOf(needle) >= 0 || bytes.AsSpan().IndexOf(lower) >= 0))
            .Select(f => Path.GetRelativePath(fixture.Server.DataDirectory, f))];
    }

    // Read while the server has the files open (its writer lock, the logs it appends to); e-mails as a mail client shows them.
    private static byte[] Read(string path)
    {
        if (path.EndsWith(".eml", StringComparison.Ordinal))
        {
            var message = MimeKit.MimeMessage.Load(path);
            return Encoding.UTF8.GetBytes($"{message.To}\n{message.Subject}\n{message.TextBody}\n{message.HtmlBody}");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
        catch (IOException) when (Path.GetFileName(path) == ".writer.lock")
        {
            return [];
        }
    }

    private static async Task<T> Eventually<T>(Func<bool> done, Func<T> value)
    {
        for (var i = 0; i < 100 && !done(); i++)
        {
            await Task.Delay(100);
        }

        return value();
    }

    private async Task<HttpResponseMessage> EraseAsync(string customerId, object body) =>
        await fixture.Server.Client.PostAsJsonAsync($"/api/customers/{Uri.EscapeDataString(customerId)}/erasure", body);

    [Fact]
    public async Task Erase_CustomerWithTwoFinishedCases_NothingOfTheirsReadsAndEveryChainStillVerifies()
    {
        var marker = "Zwanzigbrunn" + Environment.TickCount64 % 100000;
        var customerId = Unique("cus-erase");
        var caseIds = new List<string>();
        foreach (var ticketId in new[] { Unique("ERA1"), Unique("ERA2") })
        {
            var submitted = await fixture.SubmitAsync(Ticket("10-legal-threat-small-claims-regulator.json", customerId, marker, ticketId));
            caseIds.Add(submitted.GetProperty("caseId").GetString()!);
        }

        var decided = new List<JsonElement>();
        foreach (var caseId in caseIds)
        {
            decided.Add(await fixture.WaitForCaseAsync(caseId, c => c.GetProperty("status").GetString() == "escalated"));
        }

        // Before: the store and the traces hold the customer's words only sealed; the outbox's hand-off e-mails are readable.
        var before = await Eventually(() => FilesMentioning(marker).Count(f => f.StartsWith("outbox", StringComparison.Ordinal)) >= 2, () => FilesMentioning(marker));
        Assert.NotEmpty(before);
        Assert.All(before, f => Assert.StartsWith("outbox", f));
        var decisionTrace = decided[0].GetProperty("auditUrl").GetString()!;
        var page = await fixture.Server.Client.GetStringAsync(decisionTrace + "?format=html");
        Assert.Contains("small claims", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("[erased]", page, StringComparison.Ordinal);

        var response = await EraseAsync(customerId, new { requestedBy = "dpo@lumen.example", reference = "ZD-99001" });

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var erased = body.GetProperty("cases").EnumerateArray().ToList();
        Assert.Equal(caseIds.Order(), erased.Select(c => c.GetProperty("caseId").GetString()!).Order());
        Assert.All(erased, c => Assert.True(c.GetProperty("keyDestroyed").GetBoolean()));
        Assert.Empty(FilesMentioning(marker));

        foreach (var c in erased)
        {
            // The chain verifies and ends in the erasure record, which names who asked and the reference but no personal data.
            var traceId = c.GetProperty("traceId").GetString()!;
            var verify = await fixture.Server.Client.GetFromJsonAsync<JsonElement>($"/api/audit/{traceId}/verify");
            Assert.True(verify.GetProperty("verification").GetProperty("ok").GetBoolean(), verify.ToString());
            var record = await fixture.Server.Client.GetFromJsonAsync<JsonElement>($"/api/audit/{traceId}");
            Assert.Equal("erasure", record.GetProperty("kind").GetString());
            Assert.Equal("dpo@lumen.example", record.GetProperty("actor").GetProperty("id").GetString());
            Assert.DoesNotContain(marker, record.ToString(), StringComparison.OrdinalIgnoreCase);

            var view = await fixture.CaseAsync(c.GetProperty("caseId").GetString()!);
            Assert.Equal("escalated", view.GetProperty("status").GetString());
            Assert.True(view.TryGetProperty("erased", out var at) && at.ValueKind == JsonValueKind.String, view.ToString());
            Assert.Equal(traceId, view.GetProperty("auditUrl").GetString()!.Split('/')[^1]);
        }

        // The team's page of the decision shows where the data was; the customer's view of the erasure says what happened.
        var afterPage = await fixture.Server.Client.GetStringAsync(decisionTrace + "?format=html");
        Assert.Contains("[erased]", afterPage, StringComparison.Ordinal);
        Assert.DoesNotContain("small claims", afterPage, StringComparison.OrdinalIgnoreCase);
        var publicView = await fixture.Server.Client.GetFromJsonAsync<JsonElement>((await fixture.CaseAsync(caseIds[0])).GetProperty("publicAuditUrl").GetString()! + "&format=json");
        Assert.Contains("erased", publicView.GetProperty("whatHappened")[0].GetString(), StringComparison.Ordinal);

        // Asked again: nothing more to do, the same records.
        var again = await (await EraseAsync(customerId, new { requestedBy = "dpo@lumen.example" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.All(again.GetProperty("cases").EnumerateArray(), c => Assert.False(c.GetProperty("keyDestroyed").GetBoolean()));
        Assert.Equal(erased.Select(c => c.GetProperty("traceId").GetString()).Order(), again.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("traceId").GetString()).Order());
    }

    [Fact]
    public async Task Erase_CustomerWithACaseAwaitingReview_RefusedNamingItAndNothingChanged()
    {
        var marker = "Quellenhof" + Environment.TickCount64 % 100000;
        var customerId = Unique("cus-open");
        var submitted = await fixture.SubmitAsync(Ticket("07-refund-within-window-above-cap.json", customerId, marker, Unique("ERO")));
        var caseId = submitted.GetProperty("caseId").GetString()!;
        var waiting = await fixture.WaitForCaseAsync(caseId, c => c.GetProperty("status").GetString() == "awaiting-review");

        var response = await EraseAsync(customerId, new { requestedBy = "dpo@lumen.example" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(caseId, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Assert.True(await Escalation.Cli.CliApp.RunAsync(["erase", "--customer", customerId, "--by", "dpo@lumen.example", "--server", fixture.Server.BaseUrl], TextReader.Null, stdout, stderr) == 1, stderr.ToString() + stdout);
        Assert.Contains($"{caseId} is awaiting-review", stdout.ToString(), StringComparison.Ordinal);
        var after = await fixture.CaseAsync(caseId);
        Assert.False(after.TryGetProperty("erased", out _));
        Assert.Equal(waiting.GetProperty("draft").GetString(), after.GetProperty("draft").GetString());
    }

    [Fact]
    public async Task Review_NoteQuotingTheCustomer_StoredOnlySealedAndShownOnTheTeamsPage()
    {
        var marker = "Kranichfeld" + Environment.TickCount64 % 100000;
        var submitted = await fixture.SubmitAsync(Ticket("07-refund-within-window-above-cap.json", Unique("cus-note"), "Neutral" + marker.Length, Unique("ERN"), fixture.HelpDesk.Url));
        var caseId = submitted.GetProperty("caseId").GetString()!;
        await fixture.WaitForCaseAsync(caseId, c => c.GetProperty("status").GetString() == "awaiting-review");
        var link = await fixture.ReviewLinkAsync(caseId);
        var token = Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);

        var posted = await fixture.Server.Client.PostAsync($"/api/review/{caseId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = token, ["action"] = "approve", ["note"] = $"Customer said her landlord {marker} pays the invoices.",
        }));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var done = await fixture.WaitForCaseAsync(caseId, c => c.GetProperty("status").GetString() == "sent");
        Assert.Empty(FilesMentioning(marker));
        var page = await fixture.Server.Client.GetStringAsync(done.GetProperty("auditUrl").GetString() + "?format=html");
        Assert.Contains(marker, page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}", "/requestedBy")]
    [InlineData("{\"requestedBy\":\"dpo\",\"reference\":\"Frau Müller's request\"}", "/reference")]
    [InlineData("{\"requestedBy\":42}", "/requestedBy")]
    public async Task Erase_BadRequest_ProblemNamesTheField(string json, string field)
    {
        var response = await fixture.Server.Client.PostAsync("/api/customers/cus-anyone/erasure", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == field);
    }

    [Fact]
    public async Task Erase_CustomerWithoutCases_NotFound()
    {
        var response = await EraseAsync(Unique("cus-nobody"), new { requestedBy = "dpo@lumen.example" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

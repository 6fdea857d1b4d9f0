using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Escalation.Server.Tests;

/// <summary>The running server over real HTTP, as a help desk and a reviewer use it.</summary>
public sealed class EndToEndTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..24];

    [Fact]
    public async Task Submit_SameTicketAndRevisionTwice_ReturnsTheSameCase()
    {
        var json = SampleTickets.Load("02-refund-within-window-seat-pack.json", ticketId: Unique("DUP"));

        var first = await fixture.SubmitAsync(json);
        var second = await fixture.SubmitAsync(json);

        Assert.Equal(first.GetProperty("caseId").GetString(), second.GetProperty("caseId").GetString());
        Assert.False(first.GetProperty("duplicate").GetBoolean());
        Assert.True(second.GetProperty("duplicate").GetBoolean());
    }

    [Fact]
    public async Task Submit_ThirtyIdenticalAtOnce_OneCaseAndOnlyTheOneThatCreatedItIsNotADuplicate()
    {
        var json = SampleTickets.Load("02-refund-within-window-seat-pack.json", ticketId: Unique("RACE"));

        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => fixture.SubmitAsync(json, wait: 0)));

        Assert.Single(answers.Select(a => a.GetProperty("caseId").GetString()).Distinct());
        Assert.Single(answers, a => !a.GetProperty("duplicate").GetBoolean());
    }

    [Fact]
    public async Task Submit_WithWait_ReturnsTheDecisionAndLocation()
    {
        var response = await fixture.Server.Client.PostAsync("/api/cases?wait=10",
            new StringContent(SampleTickets.Load("13-chargeback-threat.json", ticketId: Unique("WAIT")), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"/api/cases/{body.GetProperty("caseId").GetString()}", response.Headers.Location?.ToString());
        Assert.Equal("escalate", body.GetProperty("case").GetProperty("route").GetString());
        Assert.Contains(body.GetProperty("case").GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString()!.Contains("legal") || r.GetProperty("code").GetString()!.Contains("chargeback"));
    }

    [Theory]
    [InlineData("{\"ticketId\": ", 400, null)]
    [InlineData("{\"ticketId\": \"T-1\", \"customer\": {\"id\": \"cus_014\"}, \"messages\": []}", 400, "/messages")]
    [InlineData("{\"ticketId\": \"T-2\", \"customer\": {\"id\": \"cus_014\", \"arr\": \"lots\"}, \"messages\": [{\"from\": \"customer\", \"text\": \"hi\"}]}", 400, "/customer/arr")]
    [InlineData("{\"ticketId\": \"T-3\", \"customer\": {\"id\": \"cus_nobody\"}, \"messages\": [{\"from\": \"customer\", \"text\": \"hi\"}]}", 422, "/customer")]
    [InlineData("{\"ticketId\": \"T-5\", \"customer\": {\"id\": \"cus_014\"}, \"messages\": [{\"at\": \"0001-01-01T00:00:00Z\", \"text\": \"hi\"}]}", 400, "/messages/0/at")]
    [InlineData("{\"ticketId\": \"T-6\", \"customer\": {\"id\": \"cus_014\"}, \"messages\": [{\"at\": \"9999-12-31T23:59:59Z\", \"text\": \"hi\"}]}", 400, "/messages/0/at")]
    [InlineData("{\"ticketId\": \"T-7\", \"customer\": {\"id\": \"cus_014\"}, \"messages\": [{\"at\": \"2026-11-20T09:12:00\", \"text\": \"hi\"}]}", 400, "/messages/0/at")]
    [InlineData("{\"ticketId\": \"T-8\", \"customer\": {\"id\": \"cus_014\", \"id\": \"cus_001\"}, \"messages\": [{\"text\": \"hi\"}]}", 400, "/customer/id")]
    public async Task Submit_BadInput_AnswersProblemJsonNamingTheFieldAndStoresNothing(string body, int status, string? field)
    {
        var before = (await fixture.Server.Client.GetFromJsonAsync<JsonElement>("/api/cases")).GetProperty("cases").GetArrayLength();

        var response = await fixture.Server.Client.PostAsync("/api/cases", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null)
        {
            Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString()!.StartsWith(field, StringComparison.Ordinal));
        }

        var after = (await fixture.Server.Client.GetFromJsonAsync<JsonElement>("/api/cases")).GetProperty("cases").GetArrayLength();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Submit_InvalidUtf8Bytes_Answers400SayingSoNotSurrogate()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"ticketId\": \"T-9\", \"customer\": {\"id\": \"cus_014\"}, \"messages\": [{\"text\": \"hi X\"}]}");
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xFF;
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await fixture.Server.Client.PostAsync("/api/cases", content);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0];

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("/messages/0/text", error.GetProperty("field").GetString());
        Assert.Contains("not valid UTF-8: the byte 0xFF", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task ReviewPage_TicketWithControlCharacters_ShowsTheTextWithoutThemButKeepsLineBreaks()
    {
        var json = SampleTickets.Load("07-refund-within-window-above-cap.json", null, Unique("CTRL"))
            .Replace("\"text\":\"", "\"text\":\"Con\\u0000tr\\u001bol\\u0007 marker\\nnext line ", StringComparison.Ordinal);
        var caseId = (await fixture.SubmitAsync(json)).GetProperty("caseId").GetString()!;
        await fixture.WaitForCaseAsync(caseId, c => c.GetProperty("status").GetString() == "awaiting-review");

        var page = await fixture.Server.Client.GetStringAsync(await fixture.ReviewLinkAsync(caseId));

        Assert.Contains("Control marker", page);
        Assert.Contains("next line", page);
        Assert.DoesNotContain('\0', page);
        Assert.DoesNotContain('\u001b', page);
        Assert.DoesNotContain("&#0;", page);
    }

    [Fact]
    public async Task Submit_BodyOver256KB_Answers413()
    {
        var huge = "{\"ticketId\": \"T-big\", \"customer\": {\"id\": \"cus_014\"}, \"messages\": [{\"from\": \"customer\", \"text\": \"" + new string('a', 300_000) + "\"}]}";

        var response = await fixture.Server.Client.PostAsync("/api/cases", new StringContent(huge, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Review_ApproveFromTheEmailedLink_SendsTheDraftOnceAndTracesTheReviewer()
    {
        var submitted = await fixture.SubmitAsync(SampleTickets.Load("07-refund-within-window-above-cap.json", fixture.HelpDesk.Url, Unique("REV")));
        var caseId = submitted.GetProperty("caseId").GetString()!;
        await fixture.WaitForCaseAsync(caseId, c => c.GetProperty("status").GetString() == "awaiting-review");
        var link = await fixture.ReviewLinkAsync(caseId);

        var page = await fixture.Server.Client.GetStringAsync(link);
        Assert.Contains("name=\"action\"", page);
        Assert.Equal("awaiting-review", (await fixture.CaseAsync(caseId)).GetProperty("status").GetString());

        var token = Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
        var posted = await fixture.Server.Client.PostAsync($"/api/review/{caseId}", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["action"] = "approve" }));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        var done = await fixture.WaitForCaseAsync(caseId, c => c.GetProperty("status").GetString() == "sent");
        var sent = fixture.HelpDesk.Received.Where(r => r.Note.GetProperty("caseId").GetString() == caseId && r.Note.GetProperty("event").GetString() == "reply-sent").ToArray();
        Assert.Single(sent);
        Assert.Equal(done.GetProperty("draft").GetString(), sent[0].Note.GetProperty("draft").GetString());
        Assert.StartsWith("sha256=", sent[0].Signature);

        var traceId = done.GetProperty("auditUrl").GetString()!.Split('/')[^1];
        var verify = await fixture.Server.Client.GetFromJsonAsync<JsonElement>($"/api/audit/{traceId}/verify");
        Assert.True(verify.GetProperty("verification").GetProperty("ok").GetBoolean());
        Assert.Equal(2, verify.GetProperty("verification").GetProperty("length").GetInt32());
        var trace = await fixture.Server.Client.GetFromJsonAsync<JsonElement>($"/api/audit/{traceId}");
        Assert.Equal("reviewer", trace.GetProperty("actor").GetProperty("kind").GetString());

        var again = await fixture.Server.Client.PostAsync($"/api/review/{caseId}", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["action"] = "reject", ["note"] = "x" }));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already", await again.Content.ReadAsStringAsync());
        Assert.Equal("sent", (await fixture.CaseAsync(caseId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Review_ForgedToken_IsRefusedAndChangesNothing()
    {
        var submitted = await fixture.SubmitAsync(SampleTickets.Load("07-refund-within-window-above-cap.json", null, Unique("FORGE")));
        var caseId = submitted.GetProperty("caseId").GetString()!;
        await fixture.WaitForCaseAsync(caseId, c => c.GetProperty("status").GetString() == "awaiting-review");
        var link = await fixture.ReviewLinkAsync(caseId);
        var token = Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
        var forged = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        var page = await fixture.Server.Client.GetAsync($"/api/review/{caseId}?token={Uri.EscapeDataString(forged)}");
        var post = await fixture.Server.Client.PostAsync($"/api/review/{caseId}", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = forged, ["action"] = "approve" }));

        Assert.False(page.IsSuccessStatusCode);
        Assert.False(post.IsSuccessStatusCode);
        Assert.Equal("awaiting-review", (await fixture.CaseAsync(caseId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task ReviewPage_TicketContainingScript_ShowsItAsText()
    {
        var json = SampleTickets.Load("07-refund-within-window-above-cap.json", null, Unique("XSS"))
            .Replace("\"text\":\"", "\"text\":\"<script>alert(1)</script> ", StringComparison.Ordinal);
        var caseId = (await fixture.SubmitAsync(json)).GetProperty("caseId").GetString()!;
        await fixture.WaitForCaseAsync(caseId, c => c.GetProperty("status").GetString() == "awaiting-review");

        var page = await fixture.Server.Client.GetStringAsync(await fixture.ReviewLinkAsync(caseId));

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page);
        Assert.DoesNotContain("<script>", page);
    }

    [Fact]
    public async Task ReviewPage_DelegateZeroCase_ShowsSignalsWithTheirEvidenceAndTheCitedPolicyText()
    {
        var caseId = (await fixture.SubmitAsync(SampleTickets.Load("01-delegatezero-refund-past-window-outage.json", null, Unique("DZ")))).GetProperty("caseId").GetString()!;
        await fixture.WaitForCaseAsync(caseId, c => c.GetProperty("status").GetString() == "awaiting-review");

        var page = await fixture.Server.Client.GetStringAsync(await fixture.ReviewLinkAsync(caseId));
        var signals = page[page.IndexOf("<h2 id=\"signals\">", StringComparison.Ordinal)..page.IndexOf("<h2 id=\"policies\">", StringComparison.Ordinal)];

        Assert.Contains("commercially-sensitive", signals);
        Assert.Contains("renewal", signals, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("outage", signals);
        Assert.Contains("refund@", page);
        Assert.Contains("pr-046-day-refund", page);
    }

    [Fact]
    public async Task Audit_PublicLink_ShowsTheRedactedViewWithoutInternalDetails()
    {
        var caseId = (await fixture.SubmitAsync(SampleTickets.Load("13-chargeback-threat.json", null, Unique("PUB")))).GetProperty("caseId").GetString()!;
        var settled = await fixture.WaitForCaseAsync(caseId, c => c.GetProperty("status").GetString() == "escalated");

        var publicView = await fixture.Server.Client.GetStringAsync(settled.GetProperty("publicAuditUrl").GetString());
        var internalView = await fixture.Server.Client.GetStringAsync(settled.GetProperty("auditUrl").GetString());

        Assert.Contains("policies", publicView);
        Assert.DoesNotContain("@example", publicView);
        Assert.DoesNotContain("evidence", publicView, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("evidence", internalView, StringComparison.OrdinalIgnoreCase);
        var forged = await fixture.Server.Client.GetAsync(settled.GetProperty("publicAuditUrl").GetString()!.Replace("token=v1.", "token=v1.x"));
        Assert.False(forged.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Audit_PublicLinkOfASensitiveRefund_ShowsNoInternalJudgementInJsonOrPage()
    {
        var caseId = (await fixture.SubmitAsync(SampleTickets.Load("01-delegatezero-refund-past-window-outage.json", null, Unique("PUBDZ")))).GetProperty("caseId").GetString()!;
        var settled = await fixture.WaitForCaseAsync(caseId, c => c.GetProperty("status").GetString() == "awaiting-review");
        var url = settled.GetProperty("publicAuditUrl").GetString()!;

        var json = await fixture.Server.Client.GetStringAsync(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html");
        var page = await (await fixture.Server.Client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains("Refund policy", page);
        Assert.Contains("senior specialist", page);
        foreach (var view in new[] { json, page })
        {
            foreach (var word in new[] { "Priority", "P0", "intensity", "unhappy", "sensitive", "renewal", "cap of", "€250", "Escalation thresholds", "ARR", "precedent", "pr-046" })
            {
                Assert.DoesNotContain(word, view, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task OpenApiAndHealth_AreServed()
    {
        var openapi = await fixture.Server.Client.GetFromJsonAsync<JsonElement>("/api/openapi.json");
        var health = await fixture.Server.Client.GetFromJsonAsync<JsonElement>("/api/health");

        Assert.True(openapi.GetProperty("paths").TryGetProperty("/api/cases", out _));
        Assert.StartsWith("ws-", health.GetProperty("workspaceVersion").GetString());
    }
}

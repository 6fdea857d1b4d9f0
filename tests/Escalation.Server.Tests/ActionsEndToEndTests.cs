using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Escalation.Core.Actions;

namespace Escalation.Server.Tests;

/// <summary>
/// Issue 26's actions over real HTTP: executed before the reply that states them, through the help desk by default; a
/// reviewer may lower an amount within the policy's limit; the trace holds what was proposed and what was executed.
/// </summary>
public sealed class ActionsEndToEndTests(SampleClockServerFixture fixture) : IClassFixture<SampleClockServerFixture>
{
    private static string Unique(string prefix) => $"{prefix}-{Environment.ProcessId}-{Environment.TickCount64}";

    private (string Key, JsonElement Note)[] NotesOf(string caseId) =>
        fixture.HelpDesk.Received.Where(r => r.Note.GetProperty("caseId").GetString() == caseId).Select(r => (r.Key, r.Note)).ToArray();

    [Fact]
    public async Task Submit_WithinWindowRefund_HelpDeskGetsTheRefundWithItsKeyThenTheRefundedReply()
    {
        var submitted = await fixture.SubmitAsync(SampleTickets.Load("02-refund-within-window-seat-pack.json", fixture.HelpDesk.Url, Unique("ACT")));
        var caseId = submitted.GetProperty("caseId").GetString()!;

        var done = await fixture.WaitForCaseAsync(caseId, c => c.GetProperty("status").GetString() == "sent");

        var notes = NotesOf(caseId);
        var actionsAt = Array.FindIndex(notes, n => n.Note.GetProperty("event").GetString() == "actions");
        var replyAt = Array.FindIndex(notes, n => n.Note.GetProperty("event").GetString() == "reply-sent");
        Assert.True(actionsAt >= 0 && replyAt > actionsAt, string.Join(", ", notes.Select(n => n.Note.GetProperty("event").GetString())));
        var refund = notes[actionsAt].Note.GetProperty("actions")[0];
        Assert.Equal("refund", refund.GetProperty("kind").GetString());
        Assert.Equal(49m, refund.GetProperty("amount").GetDecimal());
        Assert.Equal("EUR", refund.GetProperty("currency").GetString());
        Assert.Equal("2026-11-09", refund.GetProperty("chargeDate").GetString());
        var key = refund.GetProperty("idempotencyKey").GetString();
        Assert.Equal(ActionKeys.For(caseId, 0, "refund"), key);

        // The reply says it was refunded, and lists what was executed under the same key.
        var reply = notes[replyAt].Note;
        Assert.Contains("refunded €49", reply.GetProperty("draft").GetString(), StringComparison.Ordinal);
        var executed = reply.GetProperty("actions")[0];
        Assert.Equal(key, executed.GetProperty("idempotencyKey").GetString());
        Assert.Equal("executed", executed.GetProperty("status").GetString());

        // The case records the outcome under the key.
        var result = done.GetProperty("actionResults")[0];
        Assert.Equal(key, result.GetProperty("idempotencyKey").GetString());
        Assert.True(result.GetProperty("executed").GetBoolean());
        Assert.Equal("help-desk", result.GetProperty("port").GetString());

        // The trace holds the proposal and the execution with its key.
        var trace = await fixture.Server.Client.GetFromJsonAsync<JsonElement>(done.GetProperty("auditUrl").GetString()!);
        var lines = trace.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("stage").GetString() == "actions").Select(e => e.GetProperty("text").GetString()!).ToArray();
        Assert.Contains(lines, l => l.StartsWith("Proposed action 1: refund €49", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Executed: refund €49", StringComparison.Ordinal) && l.Contains(key!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublicView_WithinWindowRefundSent_TellsTheCustomerWhatTheyAskedWhatWasDoneAndThePolicyInPlainWords()
    {
        var submitted = await fixture.SubmitAsync(SampleTickets.Load("02-refund-within-window-seat-pack.json", fixture.HelpDesk.Url, Unique("PUB")));
        var caseId = submitted.GetProperty("caseId").GetString()!;
        var done = await fixture.WaitForCaseAsync(caseId, c => c.GetProperty("status").GetString() == "sent");

        var view = await fixture.Server.Client.GetFromJsonAsync<JsonElement>(done.GetProperty("publicAuditUrl").GetString() + "&format=json");
        var page = await fixture.Server.Client.GetStringAsync(done.GetProperty("publicAuditUrl").GetString() + "&format=html");

        Assert.Contains("A refund", view.GetProperty("youAsked").EnumerateArray().Select(a => a.GetString()));
        Assert.Contains(view.GetProperty("whatWasDone").EnumerateArray(), d => d.GetString()!.Contains("refunded €49", StringComparison.Ordinal));
        var refund = view.GetProperty("policies").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "refund");
        Assert.Contains("within 30 days", refund.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains("What we did", page, StringComparison.Ordinal);
        Assert.DoesNotContain("cap", page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Submit_EscalationResolvedInPlace_CreditExecutedBeforeTheReply()
    {
        var submitted = await fixture.SubmitAsync(SampleTickets.Load("22-resolve-sla-credit-3-hours.json", fixture.HelpDesk.Url, Unique("RIP")));
        var caseId = submitted.GetProperty("caseId").GetString()!;

        var done = await fixture.WaitForCaseAsync(caseId, c => c.GetProperty("status").GetString() == "sent");

        Assert.Equal("resolve-in-place", done.GetProperty("route").GetString());
        var events = NotesOf(caseId).Select(n => n.Note.GetProperty("event").GetString()).ToList();
        Assert.True(events.IndexOf("actions") >= 0 && events.IndexOf("actions") < events.IndexOf("reply-sent"), string.Join(", ", events));
        var credit = NotesOf(caseId).Single(n => n.Note.GetProperty("event").GetString() == "actions").Note.GetProperty("actions")[0];
        Assert.Equal("credit", credit.GetProperty("kind").GetString());
        Assert.Equal(67.50m, credit.GetProperty("amount").GetDecimal());
        Assert.Equal(ActionKeys.For(caseId, 0, "credit"), credit.GetProperty("idempotencyKey").GetString());
    }

    [Fact]
    public async Task Review_ReviewerLowersTheCreditWithinTheLimit_ReviewersAmountExecutedAndTraceHoldsBoth()
    {
        var submitted = await fixture.SubmitAsync(SampleTickets.Load("08-frustrated-export-timeouts-credit.json", fixture.HelpDesk.Url, Unique("LOW")));
        var caseId = submitted.GetProperty("caseId").GetString()!;
        var waiting = await fixture.WaitForCaseAsync(caseId, c => c.GetProperty("status").GetString() == "awaiting-review");
        var proposed = waiting.GetProperty("actions")[0];
        Assert.Equal("credit", proposed.GetProperty("kind").GetString());
        Assert.Equal(45m, proposed.GetProperty("amount").GetDecimal());
        var link = await fixture.ReviewLinkAsync(caseId);
        var page = await fixture.Server.Client.GetStringAsync(link);
        Assert.Contains("credit €45 (goodwill credit)", page, StringComparison.Ordinal);
        Assert.Contains("name=\"amount-0\"", page, StringComparison.Ordinal);
        var token = Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
        var draft = waiting.GetProperty("draft").GetString()!;
        Assert.Contains("credit of €45", draft, StringComparison.Ordinal);
        Dictionary<string, string> Form(string action, string amount, string? reply = null) => new()
        {
            ["token"] = token, ["action"] = action, ["actions"] = "2", ["keep-0"] = "1", ["keep-1"] = "1", ["amount-0"] = amount, ["reply"] = reply ?? draft,
        };

        // Above the proposal (and so the policy's limit): refused as problem+json, nothing recorded, the link still works.
        var refused = await fixture.Server.Client.PostAsync($"/api/review/{caseId}", new FormUrlEncodedContent(Form("approve", "60.00")));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("amount-0", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Lowered, but the draft as written still says €45: the reply would claim what is not done.
        var contradicted = await fixture.Server.Client.PostAsync($"/api/review/{caseId}", new FormUrlEncodedContent(Form("approve", "30.00")));
        Assert.Equal(HttpStatusCode.BadRequest, contradicted.StatusCode);
        Assert.Contains("states €45", System.Text.RegularExpressions.Regex.Unescape(await contradicted.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("awaiting-review", (await fixture.CaseAsync(caseId)).GetProperty("status").GetString());

        var edited = draft.Replace("credit of €45", "credit of €30", StringComparison.Ordinal);
        var posted = await fixture.Server.Client.PostAsync($"/api/review/{caseId}", new FormUrlEncodedContent(Form("edit", "30.00", edited)));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var done = await fixture.WaitForCaseAsync(caseId, c => c.GetProperty("status").GetString() == "sent");

        var reply = NotesOf(caseId).Single(n => n.Note.GetProperty("event").GetString() == "reply-sent").Note;
        Assert.Contains("credit of €30", reply.GetProperty("draft").GetString(), StringComparison.Ordinal);
        var handed = NotesOf(caseId).Single(n => n.Note.GetProperty("event").GetString() == "actions").Note.GetProperty("actions")[0];
        Assert.Equal(30m, handed.GetProperty("amount").GetDecimal());
        Assert.Equal(45m, handed.GetProperty("proposedAmount").GetDecimal());

        var outcome = await fixture.Server.Client.GetFromJsonAsync<JsonElement>(done.GetProperty("auditUrl").GetString()!);
        Assert.Contains(ActionLines(outcome), l => l.StartsWith("Executed: credit €30 (goodwill credit) (proposed €45", StringComparison.Ordinal));
        var decision = await fixture.Server.Client.GetFromJsonAsync<JsonElement>("/api/audit/tr-" + outcome.GetProperty("previousHash").GetString());
        Assert.Contains(ActionLines(decision), l => l.StartsWith("Proposed action 1: credit €45", StringComparison.Ordinal));
    }

    private static string[] ActionLines(JsonElement trace) =>
        trace.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("stage").GetString() == "actions").Select(e => e.GetProperty("text").GetString()!).ToArray();
}

/// <summary>A server whose actions go to a billing webhook that answers 500.</summary>
public sealed class FailingWebhookServerFixture : ServerFixture
{
    public CallbackReceiver Billing { get; } = new() { AnswerStatus = 500 };

    protected override IDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Escalation__ClockStart"] = SampleClockServerFixture.EvaluationInstant,
        ["Escalation__Actions__WebhookUrl"] = Billing.Url,
        ["Escalation__Actions__MaxRetries"] = "1",
    };
}

/// <summary>A failing action webhook: no reply claims the refund, and the case waits for a reviewer with the failure.</summary>
public sealed class FailingActionWebhookTests(FailingWebhookServerFixture fixture) : IClassFixture<FailingWebhookServerFixture>
{
    [Fact]
    public async Task Submit_ActionWebhookFails_NoRefundedReplyAndTheCaseAwaitsReviewWithTheFailure()
    {
        var submitted = await fixture.SubmitAsync(SampleTickets.Load("02-refund-within-window-seat-pack.json", fixture.HelpDesk.Url, $"FAIL-{Environment.ProcessId}-{Environment.TickCount64}"));
        var caseId = submitted.GetProperty("caseId").GetString()!;

        var waiting = await fixture.WaitForCaseAsync(caseId, c => c.GetProperty("status").GetString() == "awaiting-review", seconds: 60);

        var failure = waiting.GetProperty("actionFailure").GetString()!;
        Assert.Contains("refund €49", failure, StringComparison.Ordinal);
        Assert.Contains("HTTP 500", failure, StringComparison.Ordinal);
        // The help desk hears that the case waits for a reviewer (posted right after the status is recorded).
        JsonElement[] notes = [];
        for (var i = 0; i < 100 && !notes.Any(n => n.GetProperty("event").GetString() == "awaiting-review"); i++)
        {
            await Task.Delay(100);
            notes = fixture.HelpDesk.Received.Where(r => r.Note.GetProperty("caseId").GetString() == caseId).Select(r => r.Note).ToArray();
        }

        Assert.DoesNotContain(notes, n => n.GetProperty("event").GetString() == "reply-sent");
        Assert.DoesNotContain(notes, n => n.TryGetProperty("draft", out var d) && d.ValueKind == JsonValueKind.String && d.GetString()!.Contains("refunded", StringComparison.Ordinal));
        var awaiting = notes.Single(n => n.GetProperty("event").GetString() == "awaiting-review");
        Assert.Contains(awaiting.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("Action failed", StringComparison.Ordinal));

        // The webhook was asked with the action's key, signed like callbacks, and retried.
        var calls = fixture.Billing.Received.Where(r => r.Note.GetProperty("caseId").GetString() == caseId).ToArray();
        Assert.True(calls.Length >= 2, $"{calls.Length} webhook call(s)");
        Assert.All(calls, c => Assert.Equal(ActionKeys.For(caseId, 0, "refund"), c.Key));
        Assert.All(calls, c => Assert.StartsWith("sha256=", c.Signature));
    }

    [Fact]
    public async Task Review_AfterTheFailure_PageNamesItAndListsTheAction()
    {
        var submitted = await fixture.SubmitAsync(SampleTickets.Load("02-refund-within-window-seat-pack.json", fixture.HelpDesk.Url, $"FAILPG-{Environment.ProcessId}-{Environment.TickCount64}"));
        var caseId = submitted.GetProperty("caseId").GetString()!;
        await fixture.WaitForCaseAsync(caseId, c => c.GetProperty("status").GetString() == "awaiting-review", seconds: 60);

        var link = await fixture.ReviewLinkAsync(caseId);
        var email = await File.ReadAllTextAsync(Directory.GetFiles(fixture.Server.OutboxDirectory, caseId + "*review*.eml", SearchOption.AllDirectories).Single());
        var page = await fixture.Server.Client.GetStringAsync(link);

        Assert.Contains("Action failed", email, StringComparison.Ordinal);

        Assert.Contains("Action failed: refund €49", page, StringComparison.Ordinal);
        Assert.Contains("Nothing was sent to the customer.", page, StringComparison.Ordinal);
        Assert.Contains("name=\"keep-0\"", page, StringComparison.Ordinal);
    }
}

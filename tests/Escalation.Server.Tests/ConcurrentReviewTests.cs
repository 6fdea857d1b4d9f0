using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MimeKit;

namespace Escalation.Server.Tests;

/// <summary>A server whose review e-mails go to twelve reviewers, each with their own signed link.</summary>
public sealed class TwelveReviewersServerFixture : ServerFixture
{
    public static readonly string[] Reviewers = Enumerable.Range(1, 12).Select(i => $"r{i:D2}@example.com").ToArray();

    protected override IDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Escalation__Email__Reviewers"] = string.Join(',', Reviewers),
        ["Escalation__Email__SeniorReviewers"] = string.Join(',', Reviewers),
    };

    /// <summary>Each reviewer's review-link token for the case, from the e-mails in the outbox.</summary>
    public async Task<IReadOnlyDictionary<string, string>> TokensAsync(string caseId, int seconds = 20)
    {
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (tokens.Count < Reviewers.Length && DateTime.UtcNow < until)
        {
            foreach (var file in Directory.Exists(Server.OutboxDirectory) ? Directory.GetFiles(Server.OutboxDirectory, caseId + "*review*.eml", SearchOption.AllDirectories) : [])
            {
                var message = await MimeMessage.LoadAsync(file);
                var link = System.Text.RegularExpressions.Regex.Match(message.TextBody ?? "", @"https?://\S+/api/review/\S+");
                if (link.Success)
                {
                    tokens[message.To.Mailboxes.Single().Address] = Uri.UnescapeDataString(link.Value[(link.Value.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
                }
            }

            await Task.Delay(100);
        }

        Assert.Equal(Reviewers.Length, tokens.Count);
        return tokens;
    }
}

/// <summary>Reviewers deciding the same case at the same moment: one decision holds, and the trace says what was sent.</summary>
public sealed class ConcurrentReviewTests(TwelveReviewersServerFixture fixture) : IClassFixture<TwelveReviewersServerFixture>
{
    private sealed record Posted(string Reviewer, string Action, string? Reply, HttpStatusCode Status, string? ContentType, string Body);

    [Fact]
    public async Task Review_TwoReviewersEditAtOnce_SendsTheTextOfTheReviewerTheTraceCredits()
    {
        for (var trial = 0; trial < 3; trial++)
        {
            var (caseId, tokens) = await AwaitingReviewAsync("EDIT2");
            var edits = new[] { "r01@example.com", "r02@example.com" }
                .Select(r => (Reviewer: r, Action: "edit", Reply: (string?)$"Hello, this is {r}'s reply (trial {trial})."))
                .ToArray();

            var posted = await PostAllAsync(caseId, tokens, edits);

            var sent = await fixture.WaitForCaseAsync(caseId, c => c.GetProperty("status").GetString() == "sent");
            var trace = await TraceAsync(sent);
            var credited = trace.GetProperty("actor").GetProperty("id").GetString();
            var reply = ReplySent(caseId).GetProperty("draft").GetString();
            Assert.Equal(edits.Single(e => e.Reviewer == credited).Reply, reply);
            Assert.Equal(credited, Assert.Single(posted, p => p.Status == HttpStatusCode.OK).Reviewer);
        }
    }

    [Fact]
    public async Task Review_TwelveReviewersDecideAtOnce_OneWinsAndTheOthersGet409NamingWhoDecidedWhat()
    {
        var (caseId, tokens) = await AwaitingReviewAsync("TWELVE");
        var actions = new[] { "approve", "reject", "escalate", "edit" };
        var decisions = TwelveReviewersServerFixture.Reviewers
            .Select((r, i) => (Reviewer: r, Action: actions[i % 4], Reply: actions[i % 4] == "edit" ? $"Edited by {r}." : (string?)null))
            .ToArray();

        var posted = await PostAllAsync(caseId, tokens, decisions, htmlForOdd: true);

        var winner = Assert.Single(posted, p => p.Status == HttpStatusCode.OK);
        var losers = posted.Where(p => p != winner).ToArray();
        Assert.All(losers, p => Assert.Equal(HttpStatusCode.Conflict, p.Status));
        foreach (var loser in losers)
        {
            if (loser.ContentType == "application/problem+json")
            {
                using var problem = JsonDocument.Parse(loser.Body);
                Assert.Equal(winner.Reviewer, problem.RootElement.GetProperty("decidedBy").GetString());
                Assert.Equal(winner.Action, problem.RootElement.GetProperty("decidedAction").GetString());
            }
            else
            {
                Assert.Equal("text/html", loser.ContentType);
                Assert.Contains(winner.Reviewer, loser.Body);
                Assert.Contains("already decided", loser.Body);
            }
        }

        Assert.Contains(losers, p => p.ContentType == "text/html");
        var expected = winner.Action switch { "approve" or "edit" => "sent", "reject" => "rejected", _ => "escalated" };
        var done = await fixture.WaitForCaseAsync(caseId, c => c.GetProperty("status").GetString() == expected);
        Assert.Equal(winner.Reviewer, (await TraceAsync(done)).GetProperty("actor").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("edit")]
    [InlineData("approve")]
    public async Task Review_ReplySent_ReviewOutcomeTraceHoldsTheSha256OfTheTextTheHelpDeskReceived(string action)
    {
        var (caseId, tokens) = await AwaitingReviewAsync("HASH");
        var reply = action == "edit" ? "Hi, we refunded the seat pack in full.\nThanks for your patience." : null;

        var posted = await PostAllAsync(caseId, tokens, [("r03@example.com", action, reply)]);

        Assert.Equal(HttpStatusCode.OK, posted.Single().Status);
        var sent = await fixture.WaitForCaseAsync(caseId, c => c.GetProperty("status").GetString() == "sent");
        var received = ReplySent(caseId).GetProperty("draft").GetString()!;
        var trace = await TraceAsync(sent);
        Assert.Equal("review-outcome", trace.GetProperty("kind").GetString());
        Assert.Equal(Sha256(received), trace.GetProperty("sentTextSha256").GetString());
        Assert.Equal(reply ?? sent.GetProperty("draft").GetString(), received);
    }

    private async Task<(string CaseId, IReadOnlyDictionary<string, string> Tokens)> AwaitingReviewAsync(string prefix)
    {
        var json = SampleTickets.Load("07-refund-within-window-above-cap.json", fixture.HelpDesk.Url, $"{prefix}-{Guid.NewGuid():N}"[..20]);
        var caseId = (await fixture.SubmitAsync(json)).GetProperty("caseId").GetString()!;
        await fixture.WaitForCaseAsync(caseId, c => c.GetProperty("status").GetString() == "awaiting-review");
        return (caseId, await fixture.TokensAsync(caseId));
    }

    /// <summary>Every reviewer's form POST at once (half of them as a browser when <paramref name="htmlForOdd"/>).</summary>
    private async Task<Posted[]> PostAllAsync(string caseId, IReadOnlyDictionary<string, string> tokens, (string Reviewer, string Action, string? Reply)[] decisions, bool htmlForOdd = false)
    {
        var requests = decisions.Select((d, i) =>
        {
            var form = new Dictionary<string, string> { ["token"] = tokens[d.Reviewer], ["action"] = d.Action, ["note"] = $"note from {d.Reviewer}" };
            if (d.Reply is not null)
            {
                form["reply"] = d.Reply;
            }

            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/review/{caseId}") { Content = new FormUrlEncodedContent(form) };
            if (htmlForOdd && i % 2 == 1)
            {
                request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");
            }

            return (d, request);
        }).ToArray();
        using var start = new SemaphoreSlim(0);
        var tasks = requests.Select(async r =>
        {
            await start.WaitAsync();
            using var response = await fixture.Server.Client.SendAsync(r.request);
            return new Posted(r.d.Reviewer, r.d.Action, r.d.Reply, response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
        }).ToArray();
        start.Release(tasks.Length);
        return await Task.WhenAll(tasks);
    }

    private JsonElement ReplySent(string caseId) =>
        Assert.Single(fixture.HelpDesk.Received, r => r.Note.GetProperty("caseId").GetString() == caseId && r.Note.GetProperty("event").GetString() == "reply-sent").Note;

    private async Task<JsonElement> TraceAsync(JsonElement @case) =>
        await fixture.Server.Client.GetFromJsonAsync<JsonElement>($"/api/audit/{@case.GetProperty("auditUrl").GetString()!.Split('/')[^1]}");

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

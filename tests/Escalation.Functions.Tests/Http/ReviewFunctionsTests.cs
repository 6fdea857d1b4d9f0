using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Escalation.Functions.Tests.Http;

/// <summary>Reviewers on the Azure Functions app: the HTTP trigger, the Durable client and the orchestrator function.</summary>
public sealed class ReviewFunctionsTests : IDisposable
{
    private readonly DurableReviewHarness _fn = new();

    public void Dispose() => _fn.Dispose();

    [Fact]
    public async Task PostReview_TwoReviewersEditAtOnce_RaisesOnlyTheWinnerAndSendsTheirText()
    {
        await _fn.StartReviewCaseAsync();
        var replies = new[] { "r01@example.com", "r02@example.com" }.ToDictionary(r => r, r => $"Hello, this is {r}'s reply.");

        var answers = await Task.WhenAll(replies.Select(async p => (Reviewer: p.Key, Response: await _fn.PostReviewAsync(p.Key, "edit", p.Value))));
        var outcome = await _fn.OrchestrationAsync();

        var winner = Assert.Single(answers, a => a.Response.StatusCode == HttpStatusCode.OK).Reviewer;
        Assert.Equal(winner, Assert.Single(_fn.Raised).Reviewer);
        var sent = Assert.Single(_fn.HelpDesk.Notes, n => n.Event == "reply-sent");
        Assert.Equal(replies[winner], sent.Draft);
        Assert.Equal(winner, (await _fn.TraceAsync(outcome.TraceId!)).GetProperty("actor").GetProperty("id").GetString());
    }

    [Fact]
    public async Task PostReview_TwelveReviewersDecideAtOnce_OneEventRaisedAndElevenGet409NamingTheWinner()
    {
        await _fn.StartReviewCaseAsync();
        var actions = new[] { "approve", "reject", "escalate", "edit" };

        var answers = await Task.WhenAll(DurableReviewHarness.Reviewers.Select(async (r, i) =>
        {
            var action = actions[i % 4];
            return (Reviewer: r, Action: action, Response: await _fn.PostReviewAsync(r, action, action == "edit" ? "Edited by " + r : null, browser: i % 2 == 1));
        }));

        var winner = Assert.Single(answers, a => a.Response.StatusCode == HttpStatusCode.OK);
        var raised = Assert.Single(_fn.Raised);
        Assert.Equal((winner.Reviewer, winner.Action), (raised.Reviewer, raised.Action));
        foreach (var loser in answers.Where(a => a != winner))
        {
            Assert.Equal(HttpStatusCode.Conflict, loser.Response.StatusCode);
            var body = Encoding.UTF8.GetString(loser.Response.BodyBytes);
            if (loser.Response.Header("Content-Type")!.StartsWith("application/problem+json", StringComparison.Ordinal))
            {
                using var problem = JsonDocument.Parse(body);
                Assert.Equal(winner.Reviewer, problem.RootElement.GetProperty("decidedBy").GetString());
                Assert.Equal(winner.Action, problem.RootElement.GetProperty("decidedAction").GetString());
            }
            else
            {
                Assert.StartsWith("text/html", loser.Response.Header("Content-Type"));
                Assert.Contains(winner.Reviewer, body);
            }
        }
    }

    [Fact]
    public async Task Orchestrator_EditedReplySent_ReviewOutcomeTraceHoldsItsSha256()
    {
        await _fn.StartReviewCaseAsync();
        const string reply = "Hi, we refunded the seat pack in full.\nThanks for your patience.";

        Assert.Equal(HttpStatusCode.OK, (await _fn.PostReviewAsync("r05@example.com", "edit", reply)).StatusCode);
        var outcome = await _fn.OrchestrationAsync();

        var sent = Assert.Single(_fn.HelpDesk.Notes, n => n.Event == "reply-sent");
        Assert.Equal(reply, sent.Draft);
        var trace = await _fn.TraceAsync(outcome.TraceId!);
        Assert.Equal("review-outcome", trace.GetProperty("kind").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(reply))), trace.GetProperty("sentTextSha256").GetString());
    }

    [Fact]
    public async Task PostReview_JustAfterTheSlaTimerFired_409SaysTheCaseWasEscalatedAndWhen()
    {
        var deadline = await _fn.StartReviewCaseAsync();
        var escalating = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _fn.HelpDesk.Hold = async note =>
        {
            if (note.Event == "escalated")
            {
                escalating.TrySetResult();
                await release.Task;
            }
        };

        _fn.Clock.Advance(deadline - _fn.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        _fn.FireSlaTimer();
        await escalating.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var answer = await _fn.PostReviewAsync("r07@example.com", "approve", browser: true);
        release.TrySetResult();
        var outcome = await _fn.OrchestrationAsync();

        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        var page = Encoding.UTF8.GetString(answer.BodyBytes);
        Assert.Contains("escalated", page);
        Assert.Contains("SLA deadline", page);
        Assert.Contains(deadline.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), page);
        Assert.Empty(_fn.Raised);
        Assert.Equal("escalated", outcome.Status);
    }

    [Fact]
    public async Task Orchestrator_ReviewerClaimedJustBeforeTheTimerFired_TheirDecisionHolds()
    {
        await _fn.StartReviewCaseAsync();
        const string reply = "Hi, the refund is on its way.";

        // The reviewer's POST claimed the case and raised its event, but the timer fires first (the event comes late).
        _fn.EventsArriveLate = true;
        Assert.Equal(HttpStatusCode.OK, (await _fn.PostReviewAsync("r09@example.com", "edit", reply)).StatusCode);
        var lateEvent = _fn.Raised.Single();
        _fn.FireSlaTimer();
        var outcome = await _fn.OrchestrationAsync();

        Assert.Equal("sent", outcome.Status);
        Assert.Equal(reply, Assert.Single(_fn.HelpDesk.Notes, n => n.Event == "reply-sent").Draft);
        Assert.Equal("r09@example.com", lateEvent.Reviewer);
    }
}

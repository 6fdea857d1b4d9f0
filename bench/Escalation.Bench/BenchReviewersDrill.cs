using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Escalation.Api.Links;
using Escalation.Core.Decisions;
using Escalation.Core.Workflow;

namespace Escalation.Bench;

/// <summary>
/// <c>escalation-bench drill reviewers --server URL --data DIR --key KEY [--rounds N] [--reviewers M]</c>: N review-routed
/// cases, each decided by M reviewers posting approve, reject, escalate and edit at the same moment. Each round passes
/// when exactly one POST gets 200, every other one 409 naming that reviewer and action (problem+json for API callers, a
/// page for browsers), the case ends as the winner decided, and its trace credits the winner with the hash of the
/// winner's text. KEY is the server's <c>Escalation:LinkSigningKey</c> (each reviewer gets their own signed link).
/// </summary>
public static class BenchReviewersDrill
{
    private static readonly string[] Actions = ["approve", "reject", "escalate", "edit"];

    private sealed record Answer(string Reviewer, string Action, string? Reply, HttpStatusCode Status, string? MediaType, string Body);

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var key = BenchDrill.Need(args, "--key");
        var rounds = BenchDrill.Int(args, "--rounds", 20);
        var reviewers = BenchDrill.Int(args, "--reviewers", 12);
        using var http = BenchDrill.Client(BenchDrill.Need(args, "--server"));
        var signer = ReviewLinkSigner.FromConfiguration(key);
        var review = (await BenchSamples.LoadAsync()).WithRoute(Routes.DraftForReview);
        var tag = "rev" + DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var failures = new List<string>();
        var wins = new Dictionary<string, int>(StringComparer.Ordinal);
        using var helpDesk = new DrillHelpDesk(); // an approved refund is executed through it before the reply
        for (var round = 0; round < rounds; round++)
        {
            var caseId = await BenchTokenDrill.SubmitAsync(http, BenchSamples.Unique(review[round % review.Count], $"{tag}-{round}") with { CallbackUrl = helpDesk.Url });
            var answers = await DecideAtOnceAsync(http, signer, caseId, round, reviewers);
            var problems = await CheckAsync(http, caseId, answers);
            var winner = answers.FirstOrDefault(a => a.Status == HttpStatusCode.OK);
            wins[winner?.Action ?? "none"] = wins.GetValueOrDefault(winner?.Action ?? "none") + 1;
            await stdout.WriteLineAsync($"  round {round + 1}: {answers.Count(a => a.Status == HttpStatusCode.OK)} x 200, {answers.Count(a => a.Status == HttpStatusCode.Conflict)} x 409; winner {winner?.Reviewer ?? "-"} ({winner?.Action ?? "-"}){(problems.Count == 0 ? "" : "; " + problems.Count + " problem(s)")}");
            failures.AddRange(problems.Select(p => $"round {round + 1} ({caseId}): {p}"));
        }

        foreach (var f in failures)
        {
            await stderr.WriteLineAsync("  " + f);
        }

        await stdout.WriteLineAsync($"reviewers: {rounds} round(s) of {reviewers}; winning actions {string.Join(", ", wins.OrderBy(w => w.Key).Select(w => $"{w.Key} {w.Value}"))}; {(failures.Count == 0 ? "one decision held each time" : failures.Count + " problem(s)")}");
        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>Every reviewer's POST released at once; odd ones as a browser (Accept: text/html).</summary>
    private static async Task<Answer[]> DecideAtOnceAsync(HttpClient http, ReviewLinkSigner signer, string caseId, int round, int reviewers)
    {
        using var start = new SemaphoreSlim(0);
        var posts = Enumerable.Range(0, reviewers).Select(async i =>
        {
            var reviewer = $"drill-r{i + 1:D2}@example.com";
            var action = Actions[(i + round) % Actions.Length];
            var reply = action == "edit" ? $"Hello from {reviewer}: your refund is approved (round {round + 1})." : null;
            var form = new Dictionary<string, string>
            {
                ["token"] = signer.Issue(caseId, reviewer, LinkPurpose.Review, TimeSpan.FromHours(1)),
                ["action"] = action,
                ["reply"] = reply ?? "",
                ["note"] = "decided in the drill by " + reviewer,
            };
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/review/{caseId}") { Content = new FormUrlEncodedContent(form) };
            if (i % 2 == 1)
            {
                request.Headers.Accept.ParseAdd("text/html");
            }

            await start.WaitAsync();
            using var response = await http.SendAsync(request);
            return new Answer(reviewer, action, reply, response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
        }).ToArray();
        start.Release(reviewers);
        return await Task.WhenAll(posts);
    }

    private static async Task<List<string>> CheckAsync(HttpClient http, string caseId, Answer[] answers)
    {
        var problems = new List<string>();
        var winners = answers.Where(a => a.Status == HttpStatusCode.OK).ToArray();
        if (winners.Length != 1)
        {
            problems.Add($"{winners.Length} reviewers were told their decision was recorded");
            return problems;
        }

        var winner = winners[0];
        foreach (var loser in answers.Where(a => a != winner))
        {
            if (loser.Status != HttpStatusCode.Conflict)
            {
                problems.Add($"{loser.Reviewer} got HTTP {(int)loser.Status}, not 409");
            }
            else if (loser.MediaType == "application/problem+json")
            {
                using var problem = JsonDocument.Parse(loser.Body);
                if (problem.RootElement.GetProperty("decidedBy").GetString() != winner.Reviewer || problem.RootElement.GetProperty("decidedAction").GetString() != winner.Action)
                {
                    problems.Add($"{loser.Reviewer}'s 409 names another decision: {loser.Body}");
                }
            }
            else if (loser.MediaType != "text/html" || !loser.Body.Contains(winner.Reviewer, StringComparison.Ordinal))
            {
                problems.Add($"{loser.Reviewer}'s 409 ({loser.MediaType}) does not name {winner.Reviewer}");
            }
        }

        var expected = winner.Action switch { ReviewActions.Approve or ReviewActions.Edit => CaseStatuses.Sent, ReviewActions.Reject => CaseStatuses.Rejected, _ => CaseStatuses.Escalated };
        var status = await BenchTokenDrill.WaitForAsync(http, caseId, s => s == expected);
        if (status != expected)
        {
            problems.Add($"{winner.Reviewer} decided {winner.Action} but the case is {status}");
            return problems;
        }

        using var view = JsonDocument.Parse(await http.GetStringAsync($"/api/cases/{caseId}"));
        var traceUrl = view.RootElement.GetProperty("auditUrl").GetString()!;
        using var trace = JsonDocument.Parse(await http.GetStringAsync(new Uri(traceUrl).PathAndQuery));
        var credited = trace.RootElement.GetProperty("actor").GetProperty("id").GetString();
        if (credited != winner.Reviewer)
        {
            problems.Add($"the trace credits {credited}, the 200 went to {winner.Reviewer}");
        }

        var sentText = winner.Action == "edit" ? winner.Reply : winner.Action == "approve" ? view.RootElement.GetProperty("draft").GetString() : null;
        var traced = trace.RootElement.TryGetProperty("sentTextSha256", out var h) ? h.GetString() : null;
        var expectedHash = sentText is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sentText)));
        if (traced != expectedHash)
        {
            problems.Add($"the trace's sentTextSha256 is {traced ?? "absent"}, the winner's text hashes to {expectedHash ?? "(nothing sent)"}");
        }

        return problems;
    }
}

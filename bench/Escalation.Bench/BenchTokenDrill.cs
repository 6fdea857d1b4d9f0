using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Escalation.Api.Links;
using Escalation.Core.Decisions;
using Escalation.Core.Workflow;

namespace Escalation.Bench;

/// <summary>
/// <c>escalation-bench drill tokens --server URL --data DIR --key KEY</c>: forged, tampered, other-case, expired and reused
/// review tokens against <c>POST /api/review/{caseId}</c> — none may change a case; GET never acts; the one genuine
/// use acts once. KEY is the server's <c>Escalation:LinkSigningKey</c> (needed only to mint an expired token).
/// </summary>
public static class BenchTokenDrill
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var data = BenchDrill.Need(args, "--data");
        var key = BenchDrill.Need(args, "--key");
        using var http = BenchDrill.Client(BenchDrill.Need(args, "--server"));
        var samples = await BenchSamples.LoadAsync();
        var review = samples.WithRoute(Routes.DraftForReview);
        var tag = "tok" + DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var helpDesk = new DrillHelpDesk(); // an approved refund is executed through it before the reply
        var a = await SubmitAsync(http, BenchSamples.Unique(review[0], tag + "-a") with { CallbackUrl = helpDesk.Url });
        var b = await SubmitAsync(http, BenchSamples.Unique(review[^1], tag + "-b") with { CallbackUrl = helpDesk.Url });
        var tokenA = await TokenFromOutboxAsync(data, a);
        var tokenB = await TokenFromOutboxAsync(data, b);
        var failures = new List<string>();

        async Task Refused(string what, string token, string action = "approve")
        {
            var code = await PostAsync(http, a, token, action);
            var status = await StatusAsync(http, a);
            await stdout.WriteLineAsync($"  {what}: HTTP {code}, case {status}");
            if (status != CaseStatuses.AwaitingReview)
            {
                failures.Add($"{what} changed the case to {status}");
            }
        }

        var expired = ReviewLinkSigner.FromConfiguration(key, new PastClock(DateTimeOffset.UtcNow.AddDays(-30))).Issue(a, "reviewer@example.com", LinkPurpose.Review, TimeSpan.FromHours(1));
        await Refused("forged (random)", Convert.ToBase64String(Guid.NewGuid().ToByteArray()));
        await Refused("forged (empty)", "");
        await Refused("tampered (one character changed)", Flip(tokenA));
        await Refused("other case's token", tokenB);
        await Refused("expired (minted 30 days ago, 1 h lifetime)", expired);
        using (var get = await http.GetAsync($"/api/review/{a}?token={Uri.EscapeDataString(tokenA)}"))
        {
            var status = await StatusAsync(http, a);
            await stdout.WriteLineAsync($"  GET with the genuine token: HTTP {(int)get.StatusCode}, case {status}");
            if (status != CaseStatuses.AwaitingReview)
            {
                failures.Add("GET acted on the case");
            }
        }

        var first = await PostAsync(http, a, tokenA, "approve");
        var decided = await WaitForAsync(http, a, s => s != CaseStatuses.AwaitingReview);
        await stdout.WriteLineAsync($"  genuine token, first use (approve): HTTP {first}, case {decided}");
        if (decided != "sent")
        {
            failures.Add($"the genuine approval did not send the reply (case {decided})");
        }

        var second = await PostAsync(http, a, tokenA, "reject", "changed my mind");
        var after = await StatusAsync(http, a);
        await stdout.WriteLineAsync($"  genuine token, second use (reject): HTTP {second}, case {after}");
        if (after != decided)
        {
            failures.Add($"the reused token changed the case to {after}");
        }

        foreach (var f in failures)
        {
            await stderr.WriteLineAsync("  ACCEPTED " + f);
        }

        await stdout.WriteLineAsync(failures.Count == 0 ? "tokens: none of the bad tokens was accepted" : $"tokens: {failures.Count} problem(s)");
        return failures.Count == 0 ? 0 : 1;
    }

    private sealed class PastClock(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at;
    }

    private static string Flip(string token)
    {
        var chars = token.ToCharArray();
        var i = chars.Length - 3;
        chars[i] = chars[i] == 'A' ? 'B' : 'A';
        return new string(chars);
    }

    /// <summary>Submits a review-routed ticket and waits until its case waits for a reviewer.</summary>
    internal static async Task<string> SubmitAsync(HttpClient http, Core.Tickets.CaseSubmission ticket)
    {
        using var response = await http.PostAsync("/api/cases?wait=30", new StringContent(BenchSamples.ToJson(ticket), Encoding.UTF8, "application/json"));
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var caseId = doc.RootElement.GetProperty("caseId").GetString()!;
        await WaitForAsync(http, caseId, s => s == CaseStatuses.AwaitingReview);
        return caseId;
    }

    private static async Task<string> TokenFromOutboxAsync(string data, string caseId)
    {
        var pattern = new Regex($"/api/review/{Regex.Escape(caseId)}\\?token=([A-Za-z0-9_\\-.~%]+)");
        for (var i = 0; i < 50; i++)
        {
            foreach (var file in Directory.Exists(Path.Combine(data, "outbox")) ? Directory.EnumerateFiles(Path.Combine(data, "outbox"), "*.eml", SearchOption.AllDirectories) : [])
            {
                var text = Regex.Replace(await File.ReadAllTextAsync(file), "=\r?\n", ""); // undo quoted-printable soft breaks
                if (pattern.Match(text) is { Success: true } m)
                {
                    return Uri.UnescapeDataString(m.Groups[1].Value.Replace("=3D", "=", StringComparison.Ordinal));
                }
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"no review email for {caseId} in {data}/outbox");
    }

    private static async Task<int> PostAsync(HttpClient http, string caseId, string token, string action, string? note = null)
    {
        var form = new Dictionary<string, string> { ["token"] = token, ["action"] = action, ["reply"] = "", ["note"] = note ?? "" };
        using var response = await http.PostAsync($"/api/review/{caseId}", new FormUrlEncodedContent(form));
        return (int)response.StatusCode;
    }

    private static async Task<string> StatusAsync(HttpClient http, string caseId)
    {
        var text = await http.GetStringAsync($"/api/cases/{caseId}");
        return Regex.Match(text, "\"status\":\"([a-z0-9-]+)\"").Groups[1].Value;
    }

    internal static async Task<string> WaitForAsync(HttpClient http, string caseId, Func<string, bool> done)
    {
        var status = "";
        for (var i = 0; i < 100 && !done(status = await StatusAsync(http, caseId)); i++)
        {
            await Task.Delay(200);
        }

        return status;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Escalation.Cli;

/// <summary>
/// <c>escalation resume CASE_ID... | --all [--server URL] [--api-key KEY]</c>: asks a running service to try the failed step
/// of cases waiting as <c>needs-attention</c> now (<c>POST /api/cases/{id}/resume</c>) instead of at their next back-off.
/// <c>--all</c> pages through <c>GET /api/cases?status=needs-attention</c>. The key comes from <c>--api-key</c> or the
/// <c>ESCALATION_API_KEY</c> environment variable. Exit 0 when every case asked for was resumed, 1 when one was not
/// (not waiting, unknown, refused), 2 on bad usage or when the service cannot be reached.
/// </summary>
public static class ResumeCommand
{
    public const string DefaultServer = ServiceClient.DefaultServer;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, HttpMessageHandler? handler = null)
    {
        var caseIds = CliArgs.Positional(args, "--server", "--api-key");
        var all = CliArgs.Flag(args, "--all");
        if (caseIds.Count == 0 == !all)
        {
            await stderr.WriteLineAsync("usage: escalation resume CASE_ID... | --all [--server URL] [--api-key KEY]");
            return 2;
        }

        using var http = await ServiceClient.CreateAsync(args, stderr, handler);
        if (http is null)
        {
            return 2;
        }

        try
        {
            var targets = all ? await NeedingAttentionAsync(http) : caseIds;
            if (targets.Count == 0)
            {
                await stdout.WriteLineAsync("no case needs attention");
                return 0;
            }

            var failed = 0;
            foreach (var caseId in targets)
            {
                failed += await ResumeAsync(http, caseId, stdout) ? 0 : 1;
            }

            return failed == 0 ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"resume: {http.BaseAddress}: {ex.Message}");
            return 2;
        }
    }

    private static async Task<bool> ResumeAsync(HttpClient http, string caseId, TextWriter stdout)
    {
        using var response = await http.PostAsync($"/api/cases/{Uri.EscapeDataString(caseId)}/resume", content: null);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw ServiceClient.KeyWanted();
        }

        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            await stdout.WriteLineAsync($"{caseId}: resumed");
            return true;
        }

        await stdout.WriteLineAsync($"{caseId}: not resumed ({(int)response.StatusCode}) {await ServiceClient.DetailAsync(response)}");
        return false;
    }

    private static async Task<IReadOnlyList<string>> NeedingAttentionAsync(HttpClient http)
    {
        var ids = new List<string>();
        string? next = "/api/cases?status=needs-attention&limit=500";
        while (next is not null)
        {
            using var response = await http.GetAsync(next);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw ServiceClient.KeyWanted();
            }

            response.EnsureSuccessStatusCode();
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            ids.AddRange(page.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("caseId").GetString()!));
            next = page.TryGetProperty("next", out var link) && link.ValueKind == JsonValueKind.String ? link.GetString() : null;
        }

        return ids;
    }
}

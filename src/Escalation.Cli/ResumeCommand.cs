using System.CommandLine;
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
    public static Command Create(CliHost host)
    {
        var caseIds = new Argument<string[]>("CASE_ID") { Description = "the cases to resume", Arity = ArgumentArity.ZeroOrMore };
        var all = new Option<bool>("--all") { Description = "every case waiting as needs-attention" };
        var server = CliOptions.Server();
        var apiKey = CliOptions.ApiKey();
        var command = new Command("resume", "a running service tries the failed step of needs-attention cases now") { caseIds, all, server, apiKey };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(caseIds) is { Length: > 0 }) == result.GetValue(all))
            {
                result.AddError("resume: give CASE_ID... or --all, one of the two");
            }
        });
        command.SetAction(async parse =>
        {
            using var http = ServiceClient.Create(parse.GetValue(server)!, parse.GetValue(apiKey), host.Http);
            return await RunAsync(http, parse.GetValue(all) ? null : parse.GetValue(caseIds), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        });
        return command;
    }

    /// <summary>Resumes <paramref name="caseIds"/>, or every case needing attention when that is null.</summary>
    public static async Task<int> RunAsync(HttpClient http, IReadOnlyList<string>? caseIds, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var targets = caseIds ?? await NeedingAttentionAsync(http);
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

using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Escalation.Core.Decisions;
using Escalation.Core.Metrics;
using Escalation.Core.Storage;
using Escalation.Infrastructure.Storage;

namespace Escalation.Cli;

/// <summary>
/// <c>escalation gaps [--data DIR] [--since DATE] [--json] [--base-url URL]</c>: where reviewers disagree with the agent,
/// by policy, reason code, playbook, intent and priority, from a data folder's reviewed cases (opened read-only).
/// </summary>
public static class GapsCommand
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly JsonSerializerOptions Output = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var data = CliOptions.Data();
        var since = CliOptions.Instant("--since", "only cases created since this date");
        var json = CliOptions.Json("the report as JSON");
        var baseUrl = CliOptions.BaseUrl();
        var command = new Command("gaps", "where reviewers overrule the agent: by policy, reason code, playbook, intent and priority") { data, since, json, baseUrl };
        command.SetAction(parse => RunAsync(
            parse.GetValue(data)!, parse.GetValue(since) ?? DateTimeOffset.MinValue, parse.GetValue(json), parse.GetValue(baseUrl)!,
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    public static async Task<int> RunAsync(string data, DateTimeOffset since, bool json, string baseUrl, TextWriter stdout, TextWriter stderr)
    {
        if (!Directory.Exists(data))
        {
            await stderr.WriteLineAsync($"gaps: no data directory at {Path.GetFullPath(data)}");
            return 1;
        }

        baseUrl = baseUrl.TrimEnd('/');
        var reviewed = new List<ReviewedCase>();
        await using (var store = LocalCaseStore.OpenReadOnly(data))
        {
            foreach (var c in await store.Index.QueryAllAsync())
            {
                if (c.Created < since || !c.Extra.TryGetValue(KpiFields.ReviewOutcome, out var outcome) || outcome.Length == 0)
                {
                    continue;
                }

                var decision = await store.Artifacts.GetAsync(c.CaseId, "decision") is { } stored ? Read(stored) : null;
                var chain = await store.Traces.ListChainAsync(c.CaseId);
                reviewed.Add(new ReviewedCase(
                    c.CaseId,
                    outcome,
                    decision is null ? [] : [.. decision.Reasons.Select(r => r.Code).Distinct(StringComparer.Ordinal)],
                    decision is null ? [] : [.. decision.Citations.Select(PolicyAtVersion).Distinct(StringComparer.Ordinal)],
                    decision?.PlaybookId,
                    c.Priority,
                    chain.Count > 0 ? $"{baseUrl}/api/audit/{chain[0].TraceId}" : null,
                    decision?.Intent ?? (c.Extra.TryGetValue(KpiFields.Intent, out var intent) && intent.Length > 0 ? intent : null)));
            }
        }

        var report = ReviewGapReport.From([.. reviewed.OrderBy(r => r.CaseId, StringComparer.Ordinal)]);
        await stdout.WriteLineAsync(json ? JsonSerializer.Serialize(report, Output) : Render(report));
        return 0;
    }

    /// <summary><c>refund@2026.3</c> of a citation <c>refund@2026.3#sha256</c>.</summary>
    private static string PolicyAtVersion(string citation) => citation.IndexOf('#') is var hash and >= 0 ? citation[..hash] : citation;

    private static CaseDecision? Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<CaseDecision>(json, Web);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Render(ReviewGapReport r)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"gaps: {r.Reviewed} reviewed case(s): {r.Approved} approved, {r.Edited} edited, {r.Rejected} rejected, {r.Escalated} escalated, {r.TimedOut} timed out");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  reviewers overruled the agent in {Percent(r.DisagreementRate)} of answered reviews (edit {Percent(r.EditRate)}, reject {Percent(r.RejectRate)})");
        Section(sb, "by policy (most edited first)", r.ByPolicy);
        Section(sb, "by reason code", r.ByReason);
        Section(sb, "by playbook", r.ByPlaybook);
        Section(sb, "by intent", r.ByIntent);
        Section(sb, "by priority", r.ByPriority);
        return sb.ToString().TrimEnd();
    }

    private static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static void Section(StringBuilder sb, string title, IReadOnlyList<GapGroup> groups)
    {
        if (groups.Count == 0)
        {
            return;
        }

        sb.AppendLine();
        sb.AppendLine(title);
        foreach (var g in groups)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {g.Key}: {g.Reviewed} reviewed, {g.Edited} edited, {g.Rejected} rejected, {g.Escalated} escalated ({Percent(g.DisagreementRate)} overruled)");
            foreach (var example in g.Examples)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"    e.g. {example}");
            }
        }
    }
}

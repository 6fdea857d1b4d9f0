using System.Text;
using Escalation.Core.Knowledge;
using Escalation.Infrastructure.Workspace;

namespace Escalation.Infrastructure.Tests.Workspace;

public sealed class WorkspaceLoaderTests
{
    private static Core.Knowledge.Workspace Load(Dictionary<string, string> files) => WorkspaceLoader.Load(MinimalWorkspace.AsFiles(files));

    private static WorkspaceValidationException Broken(string file, Func<string, string> edit)
    {
        var files = MinimalWorkspace.Files();
        files[file] = edit(files[file]);
        return Assert.Throws<WorkspaceValidationException>(() => Load(files));
    }

    [Fact]
    public void Load_MinimalWorkspace_ReadsEveryKindOfFile()
    {
        var ws = Load(MinimalWorkspace.Files());

        Assert.StartsWith("ws-", ws.Version);
        Assert.Equal(0.75, ws.Routing.IntensityEscalateAt);
        Assert.Equal(TimeSpan.FromHours(4), ws.Routing.ReviewSla("P1"));
        Assert.Equal("Sam, Support", ws.ToneGuide.SignOff);
        var customer = Assert.Single(ws.Customers);
        Assert.Equal("billing", customer.History[0].Topic);
        var policy = Assert.Single(ws.Policies);
        Assert.Equal(30m, policy.Number("refundWindowDays", 0));
        Assert.Matches("^refund@2026\\.3#[0-9a-f]{64}$", policy.Citation);
        Assert.Equal("Refunds within 30 days.", policy.Body);
        Assert.Equal("refund", Assert.Single(ws.Playbooks).TriggerWords[0]);
        Assert.Equal(16, Assert.Single(ws.Precedents).Facts.DaysPastWindow);
    }

    [Fact]
    public void Version_SameFilesInAnotherOrderOrLineEnding_IsUnchanged()
    {
        var files = MinimalWorkspace.Files();
        var a = WorkspaceLoader.Load(MinimalWorkspace.AsFiles(files));
        var reordered = files.Reverse().Select(kv => new WorkspaceFile(kv.Key, Encoding.UTF8.GetBytes(kv.Value.Replace("\n", "\r\n")))).ToArray();
        var b = WorkspaceLoader.Load(reordered);

        Assert.Equal(a.Version, b.Version);
        Assert.Equal(a.Policies[0].ContentHash, b.Policies[0].ContentHash);
    }

    [Fact]
    public void Version_OneCharacterChanged_Changes()
    {
        var files = MinimalWorkspace.Files();
        var before = Load(files).Version;
        files["policies/refund.md"] = files["policies/refund.md"].Replace("30 days", "31 days");

        Assert.NotEqual(before, Load(files).Version);
    }

    [Fact]
    public void Load_MissingFile_NamesIt()
    {
        var files = MinimalWorkspace.Files();
        files.Remove("tone-guide.yaml");

        var ex = Assert.Throws<WorkspaceValidationException>(() => Load(files));
        Assert.Equal("tone-guide.yaml", ex.File);
    }

    [Fact]
    public void Load_YamlSyntaxError_NamesFileAndLine()
    {
        var ex = Broken("customers.yaml", t => t.Replace("name: Ada Example", "name: [Ada"));

        Assert.Equal("customers.yaml", ex.File);
        Assert.StartsWith("line ", ex.Location);
        Assert.Contains("not valid YAML", ex.Problem);
    }

    [Fact]
    public void Load_CustomerWithWordForArr_NamesTheFieldAndValue()
    {
        var ex = Broken("customers.yaml", t => t.Replace("arr: 1200", "arr: lots"));

        Assert.Equal("customers.yaml", ex.File);
        Assert.StartsWith("customers[0].arr (line 5)", ex.Location);
        Assert.Contains("\"lots\"", ex.Problem);
    }

    [Fact]
    public void Load_CustomerDateInWrongFormat_Fails()
    {
        var ex = Broken("customers.yaml", t => t.Replace("2024-01-15", "15/01/2024"));

        Assert.StartsWith("customers[0].customerSince", ex.Location);
    }

    [Fact]
    public void Load_PolicyWithoutFrontMatter_Fails()
    {
        var ex = Broken("policies/refund.md", t => t[4..]);

        Assert.Equal("policies/refund.md", ex.File);
        Assert.Contains("front matter", ex.Problem);
    }

    [Fact]
    public void Load_PolicyWithUnknownCategory_ListsTheAllowedOnes()
    {
        var ex = Broken("policies/refund.md", t => t.Replace("category: refund", "category: refunds"));

        Assert.StartsWith("category", ex.Location);
        Assert.Contains("sla-credit", ex.Problem);
    }

    [Fact]
    public void Load_PolicyWithUnknownAudience_NamesTheFieldAndTheAllowedOnes()
    {
        var ex = Broken("policies/refund.md", t => t.Replace("category: refund", "category: refund\naudience: staff"));

        Assert.StartsWith("audience", ex.Location);
        Assert.Contains("internal", ex.Problem);
    }

    [Fact]
    public void Load_PolicyNumberNotANumber_Fails()
    {
        var ex = Broken("policies/refund.md", t => t.Replace("refundWindowDays: 30", "refundWindowDays: thirty"));

        Assert.StartsWith("numbers.refundWindowDays", ex.Location);
    }

    [Fact]
    public void Load_PolicyWithIncidents_ReadsEachIncidentsDaysAndHours()
    {
        var files = MinimalWorkspace.Files();
        files["policies/refund.md"] = files["policies/refund.md"].Replace("guardrails:", "incidents:\n  - from: 2026-10-12\n    to: 2026-10-16\n    hours: 19\n    summary: sync engine outage\n  - from: 2026-11-02\n    hours: 3\nguardrails:");

        var incidents = Assert.Single(Load(files).Policies).Incidents;

        Assert.Equal(new PolicyIncident(new DateOnly(2026, 10, 12), new DateOnly(2026, 10, 16), 19, "sync engine outage"), incidents[0]);
        Assert.Equal(new PolicyIncident(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 2), 3, ""), incidents[1]);
    }

    [Fact]
    public void Load_IncidentEndingBeforeItStarts_NamesTheField()
    {
        var ex = Broken("policies/refund.md", t => t.Replace("guardrails:", "incidents:\n  - from: 2026-11-02\n    to: 2026-11-01\n    hours: 3\nguardrails:"));

        Assert.Contains("incidents[0].to", ex.Location);
        Assert.Contains("before from", ex.Problem);
    }

    [Fact]
    public void Load_MisspelledField_IsRejectedNotIgnored()
    {
        var ex = Broken("policies/refund.md", t => t.Replace("guardrails:", "guardrail:"));

        Assert.StartsWith("guardrail", ex.Location);
        Assert.Contains("unknown field", ex.Problem);
    }

    [Fact]
    public void Load_PrecedentCitingUnknownPolicy_Fails()
    {
        var ex = Broken("precedents.yaml", t => t.Replace("policy: refund", "policy: refundz"));

        Assert.Equal("precedents.yaml", ex.File);
        Assert.StartsWith("precedents[0].policy", ex.Location);
    }

    [Fact]
    public void Load_PrecedentWithUnknownDecision_Fails()
    {
        var ex = Broken("precedents.yaml", t => t.Replace("decision: approved", "decision: maybe"));

        Assert.StartsWith("precedents[0].decision", ex.Location);
    }

    [Fact]
    public void Load_PlaybookWithUnknownSignal_Fails()
    {
        var ex = Broken("playbooks.yaml", t => t.Replace("words: [Refund]", "signals: [anger]"));

        Assert.StartsWith("playbooks[0].triggers.signals[0]", ex.Location);
    }

    [Fact]
    public void Load_PlaybookWithoutSteps_Fails()
    {
        var ex = Broken("playbooks.yaml", t => t[..t.IndexOf("    steps:", StringComparison.Ordinal)]);

        Assert.StartsWith("playbooks[0].steps", ex.Location);
    }

    [Fact]
    public void Load_ToneGuideWithUnknownTone_Fails()
    {
        var ex = Broken("tone-guide.yaml", t => t.Replace("customerTone: angry", "customerTone: furious"));

        Assert.Equal("tone-guide.yaml", ex.File);
        Assert.StartsWith("calibration[0].customerTone", ex.Location);
    }

    [Fact]
    public void Load_RoutingReviewAboveEscalate_Fails()
    {
        var ex = Broken("routing.yaml", t => t.Replace("reviewAt: 0.4", "reviewAt: 0.9"));

        Assert.StartsWith("intensity.reviewAt", ex.Location);
    }

    [Fact]
    public void Load_RoutingMissingSla_Fails()
    {
        var ex = Broken("routing.yaml", t => t.Replace("  P3: 72", ""));

        Assert.StartsWith("reviewSlaHours.P3", ex.Location);
    }

    [Fact]
    public void Load_DuplicateCustomerIds_Fails()
    {
        var ex = Broken("customers.yaml", t => t + "\n  - id: cus_001\n    name: Again\n    tier: Growth\n");

        Assert.Contains("duplicate customer id \"cus_001\"", ex.Problem);
    }

    [Fact]
    public void Load_NotUtf8_Fails()
    {
        var files = MinimalWorkspace.AsFiles(MinimalWorkspace.Files()).ToList();
        files[0] = files[0] with { Content = [0xff, 0xfe, 0x00, 0xd8] };

        var ex = Assert.Throws<WorkspaceValidationException>(() => WorkspaceLoader.Load(files));
        Assert.Contains("UTF-8", ex.Problem);
    }
}

using Escalation.Infrastructure.Workspace;

namespace Escalation.Infrastructure.Tests.Workspace;

public sealed class SampleWorkspaceTests
{
    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EscalationFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }

    [Fact]
    public async Task LoadFolder_SampleWorkspace_LoadsWithEverythingTheIssueAsksFor()
    {
        var ws = await WorkspaceLoader.LoadFolderAsync(Path.Combine(RepoRoot(), "samples", "workspace"));

        Assert.True(ws.Policies.Count >= 8, $"{ws.Policies.Count} policies");
        Assert.True(ws.Customers.Count >= 20, $"{ws.Customers.Count} customers");
        Assert.True(ws.Precedents.Count >= 15, $"{ws.Precedents.Count} precedents");
        Assert.True(ws.Playbooks.Count >= 6, $"{ws.Playbooks.Count} playbooks");
        foreach (var category in new[] { "refund", "sla-credit", "compensation", "escalation", "legal", "data-access", "cancellation", "conduct" })
        {
            Assert.Contains(ws.Policies, p => p.Category == category);
        }

        Assert.False(ws.FindPolicy("escalation-thresholds")!.ShownToCustomer);
        Assert.True(ws.FindPolicy("refund")!.ShownToCustomer);
        Assert.Contains(ws.Precedents, p => p.Facts.DaysSincePurchase == 46 && p.Facts.Cause == "outage" && p.Decision == "approved");
        Assert.Contains(ws.Precedents, p => p.Category == "sla-credit" && p.Decision == "declined");
    }

    [Fact]
    public async Task LoadFolder_Twice_GivesTheSameVersion()
    {
        var path = Path.Combine(RepoRoot(), "samples", "workspace");

        Assert.Equal((await WorkspaceLoader.LoadFolderAsync(path)).Version, (await WorkspaceLoader.LoadFolderAsync(path)).Version);
    }
}

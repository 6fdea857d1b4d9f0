using Microsoft.Playwright;

namespace Escalation.Server.Tests;

/// <summary>The what-if report a support lead opens: rendered by real Chromium from the file the CLI writes.</summary>
public sealed class SimulationReportBrowserTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("escalation-simulate-html-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task SimulateHtml_InChromium_ShowsTheSummaryTheTransitionMatrixAndTheChart()
    {
        var workspace = Path.Combine(ServerProcess.RepoRoot(), "samples", "workspace");
        var candidate = Path.Combine(_root, "candidate");
        foreach (var file in Directory.EnumerateFiles(workspace, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(candidate, Path.GetRelativePath(workspace, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var refund = Path.Combine(candidate, "policies", "refund.md");
        await File.WriteAllTextAsync(refund, (await File.ReadAllTextAsync(refund)).Replace("refundWindowDays: 30", "refundWindowDays: 45"));
        var html = Path.Combine(_root, "report.html");
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await Escalation.Cli.CliApp.RunAsync(
            ["simulate", "--candidate", candidate, "--baseline", workspace, "--tickets", Path.Combine(ServerProcess.RepoRoot(), "samples", "tickets"), "--html", html],
            TextReader.Null, stdout, stderr);
        Assert.True(code == 0, stderr.ToString());

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : Environment.GetEnvironmentVariable("CHROMIUM_PATH"),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(html).AbsoluteUri);

        Assert.True(await page.Locator("#matrix").IsVisibleAsync());
        Assert.True(await page.Locator("#chart").IsVisibleAsync());
        Assert.Equal(5, await page.Locator("#chart rect").CountAsync()); // one bar per transition of the 34 samples
        var box = await page.Locator("#chart rect").First.BoundingBoxAsync();
        Assert.True(box is { Width: > 100, Height: > 10 }, "the largest bar is drawn at full width");
        Assert.Contains("34 case(s) decided again", await page.InnerTextAsync("body"));
        Assert.Contains("draft-for-review", await page.InnerTextAsync("#matrix"));
        var shot = await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_root, "report.png"), FullPage = true });
        Assert.True(shot.Length > 10_000);
    }
}

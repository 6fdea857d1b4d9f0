using System.Text.Json;
using Microsoft.Playwright;

namespace Escalation.Server.Tests;

/// <summary>A reviewer in real Chromium (Debian's package): the emailed link, the page, an edit, the confirmation.</summary>
public sealed class BrowserReviewTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static string ChromiumPath() =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } p ? p
        : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium"
        : throw new InvalidOperationException("Chromium is not installed: run scripts/ensure-chromium.sh (test.sh does) or set CHROMIUM_PATH.");

    [Fact]
    public async Task ReviewLink_InChromium_EditAndSendThenSecondClickSaysAlreadyDecided()
    {
        var json = SampleTickets.Load("07-refund-within-window-above-cap.json", fixture.HelpDesk.Url, $"BRW-{Guid.NewGuid():N}"[..20])
            .Replace("\"text\":\"", "\"text\":\"<script>alert(1)</script> ", StringComparison.Ordinal);
        var caseId = (await fixture.SubmitAsync(json)).GetProperty("caseId").GetString()!;
        await fixture.WaitForCaseAsync(caseId, c => c.GetProperty("status").GetString() == "awaiting-review");
        var link = await fixture.ReviewLinkAsync(caseId);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };

        await page.GotoAsync(link);
        Assert.Contains("<script>alert(1)</script>", await page.InnerTextAsync("body"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fixture.Server.DataDirectory, "review-page.png"), FullPage = true });
        await page.FillAsync("#reply", "Hi, we have approved a refund of €597 for the seat pack. Thank you for your patience.");
        await page.ClickAsync("button[value=edit]");
        await page.WaitForSelectorAsync("h1");
        var confirmation = await page.InnerTextAsync("h1");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fixture.Server.DataDirectory, "review-confirmation.png") });

        Assert.Contains("edited reply", confirmation, StringComparison.OrdinalIgnoreCase);
        var sent = await fixture.WaitForCaseAsync(caseId, c => c.GetProperty("status").GetString() == "sent");
        Assert.Contains(fixture.HelpDesk.Received, r => r.Note.GetProperty("caseId").GetString() == caseId
            && r.Note.GetProperty("event").GetString() == "reply-sent"
            && r.Note.GetProperty("draft").GetString() == "Hi, we have approved a refund of €597 for the seat pack. Thank you for your patience.");

        await page.GotoAsync(link);
        Assert.Contains("already", await page.InnerTextAsync("body"), StringComparison.OrdinalIgnoreCase);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fixture.Server.DataDirectory, "review-again.png") });
        Assert.Equal(0, dialogs);
        Assert.Equal(JsonValueKind.String, sent.GetProperty("auditUrl").ValueKind);
    }
}

using Escalation.Api.Html;
using Escalation.Api.Metrics;
using Escalation.Api.Simulations;
using Escalation.Api.Views;
using Escalation.Core.Metrics;
using Escalation.Core.Simulation;
using Microsoft.Playwright;

namespace Escalation.Server.Tests;

/// <summary>
/// The rendered pages in real Chromium, served with the policy the hosts send: each one shows hostile text as text,
/// runs nothing, breaks no rule of the Content-Security-Policy (its stylesheet applies), and the review form posts.
/// </summary>
public sealed class PageCspBrowserTests
{
    private const string Origin = "http://pages.test";
    private const string Hostile = "<script>alert(1)</script>\" onmouseover=\"alert(2)";

    private static string ChromiumPath() =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } p ? p
        : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium"
        : throw new InvalidOperationException("Chromium is not installed: run scripts/ensure-chromium.sh (test.sh does) or set CHROMIUM_PATH.");

    private static readonly ReviewPageModel Review = new()
    {
        CaseId = "case-1", TicketId = "ZD-1", Subject = Hostile,
        Customer = new CustomerContextView { Id = "cus_1", Name = Hostile, Notes = [Hostile] },
        Messages = [new ThreadMessageView(Hostile, DateTimeOffset.UnixEpoch, Hostile + "\nsecond line")],
        DraftText = "Hi Dana,\n\n" + Hostile,
        Reasons = [Hostile],
        Actions = [new ActionView(0, "refund", Hostile, 49m, 49m, "EUR", Hostile)],
        Policies = [new PolicyCitationView("refund", "3", Hostile, "Refunds within **30 days**. " + Hostile)],
        Token = "v1." + Hostile,
        AuditUrl = "javascript:alert(3)",
    };

    public static TheoryData<string> PagePaths() => [.. Pages().Keys];

    private static Dictionary<string, string> Pages() => new()
    {
        ["/review"] = ReviewPage.Render(Review),
        ["/trace"] = TracePage.Render(new TracePageModel(Hostile, [new TraceSectionView { Heading = Hostile, Items = [Hostile], Code = Hostile }], Hostile)),
        ["/recorded"] = OutcomePages.DecisionRecorded(new DecisionRecordedModel(Hostile, "edit", DateTimeOffset.UnixEpoch, Hostile, "javascript:alert(3)")),
        ["/link-problem"] = OutcomePages.LinkProblem(new LinkProblemModel(LinkProblemKind.AlreadyDecided, Hostile, Hostile)),
        ["/failure"] = OutcomePages.ServiceFailure(storage: true),
        ["/kpis"] = KpiPage.Render(new KpiSummary
        {
            AsOf = DateTimeOffset.UnixEpoch, TotalCases = 1, DecidedCases = 1, ByRoute = [new KpiCount(Hostile, 1)], ByPriority = [], ByStatus = [],
            ReviewsCompleted = 0, ReviewsOpen = 0, SlaBreaches = 0, EscalationRate = 0, AutoSendRate = 0,
        }),
        ["/simulation"] = SimulationHtml.Render(new SimulationReport
        {
            CandidateVersion = Hostile, Cases = 1, Transitions = [new RouteTransition(Hostile, "escalate", 1)], Flips = [],
            ReasonsGained = [new CodeCount(Hostile, 1)], ReasonsLost = [], PriorityChanges = [], MoneyBefore = [], MoneyAfter = [], Skipped = [],
        }),
    };

    [Theory]
    [MemberData(nameof(PagePaths))]
    public async Task Page_UnderThePolicy_ShowsHostileTextAsTextAndRunsNothing(string path)
    {
        await using var session = await BrowserSession.OpenAsync(Pages());

        await session.Page.GotoAsync(Origin + path);
        await session.Page.HoverAsync("body");

        if (path != "/failure") // the failure page shows no value from outside
        {
            Assert.Contains("<script>alert(1)</script>", await session.Page.InnerTextAsync("body"), StringComparison.Ordinal);
        }

        Assert.Equal(0, session.Dialogs);
        Assert.Empty(session.PolicyViolations);
        if (path != "/simulation")
        {
            // The frame's inline stylesheet sets the body's margin to 0: it applied, so 'unsafe-inline' styles still pass.
            Assert.Equal("0px", await session.Page.Locator("body").EvaluateAsync<string>("b => getComputedStyle(b).marginTop"));
        }
    }

    [Fact]
    public async Task ReviewPage_UnderThePolicy_KeepsTheDraftExactlyAndTheFormPostsIt()
    {
        await using var session = await BrowserSession.OpenAsync(Pages());
        await session.Page.GotoAsync(Origin + "/review");

        Assert.Equal(Review.DraftText, await session.Page.InputValueAsync("#reply"));
        Assert.Equal(Review.Token, await session.Page.Locator("input[name=token]").InputValueAsync());
        Assert.Equal(0, await session.Page.Locator("a[href^='javascript']").CountAsync());

        await session.Page.ClickAsync("button[value=approve]");
        await session.Page.WaitForSelectorAsync("text=posted");

        Assert.Equal("POST", session.FormMethod);
        Assert.Contains("action=approve", session.FormBody, StringComparison.Ordinal);
        Assert.Empty(session.PolicyViolations);
    }

    private sealed class BrowserSession : IAsyncDisposable
    {
        private IPlaywright playwright = null!;
        private IBrowser browser = null!;

        public IPage Page { get; private set; } = null!;

        public int Dialogs { get; private set; }

        public List<string> PolicyViolations { get; } = [];

        public string? FormMethod { get; private set; }

        public string? FormBody { get; private set; }

        public static async Task<BrowserSession> OpenAsync(Dictionary<string, string> pages)
        {
            var session = new BrowserSession { playwright = await Playwright.CreateAsync() };
            session.browser = await session.playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath(),
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            session.Page = await session.browser.NewPageAsync();
            session.Page.Dialog += (_, d) => { session.Dialogs++; _ = d.DismissAsync(); };
            session.Page.Console += (_, m) =>
            {
                // Chromium reports a blocked script, style, load or form as "Refused to …"; the other CSP line it logs
                // (frame-ancestors is ignored in a meta tag, the header carries it) is not a violation.
                if (m.Text.StartsWith("Refused", StringComparison.Ordinal) && m.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                {
                    session.PolicyViolations.Add(m.Text);
                }
            };
            await session.Page.RouteAsync(Origin + "/**", async route =>
            {
                var path = new Uri(route.Request.Url).AbsolutePath;
                if (path.StartsWith("/api/review/", StringComparison.Ordinal))
                {
                    session.FormMethod = route.Request.Method;
                    session.FormBody = route.Request.PostData;
                }

                var body = pages.TryGetValue(path, out var html) ? html : "<!DOCTYPE html><p>posted</p>";
                await route.FulfillAsync(new RouteFulfillOptions
                {
                    Status = 200,
                    ContentType = HtmlPage.ContentType,
                    Body = body,
                    Headers = new Dictionary<string, string> { ["Content-Security-Policy"] = HtmlPage.ContentSecurityPolicy },
                });
            });
            return session;
        }

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Escalation.Api.Html;
using Escalation.Api.Metrics;
using Escalation.Api.Simulations;
using Escalation.Api.Views;
using Escalation.Core.Decisions;
using Escalation.Core.Metrics;
using Escalation.Core.Simulation;
using Escalation.Core.Tickets;

namespace Escalation.Api.Tests.Html;

/// <summary>
/// Every page and e-mail fed values that would run script if written raw: a script tag, a quote that would end an
/// attribute and open an event handler, and a <c>javascript:</c> address wherever a link is built from a value.
/// </summary>
public sealed partial class HostileValuesTests
{
    private const string Hostile = "<script>alert(1)</script>\" onfocus=\"alert(2)\" x='y' <img src=x onerror=alert(3)>";
    private const string ScriptUrl = "javascript:alert(4)";

    [Fact]
    public void ReviewPage_HostileValuesEverywhere_AreTextAndNoLinkRunsScript()
    {
        var html = ReviewPage.Render(new ReviewPageModel
        {
            CaseId = Hostile, TicketId = Hostile, Subject = Hostile, Route = Hostile, Priority = Hostile, Language = Hostile,
            Customer = new CustomerContextView { Id = Hostile, Name = Hostile, Company = Hostile, Tier = Hostile, Currency = Hostile, Arr = 1, Notes = [Hostile] },
            Messages = [new ThreadMessageView(Hostile, null, Hostile)],
            DraftText = Hostile,
            Reasons = [Hostile],
            Actions = [new ActionView(0, Hostile, Hostile, 5m, 5m, Hostile, Hostile)],
            ActionFailure = Hostile,
            Signals = [new SignalView(Hostile, Hostile, [Hostile])],
            Policies = [new PolicyCitationView(Hostile, Hostile, Hostile, Hostile, Hostile)],
            Precedents = [new PrecedentView(Hostile, Hostile, Hostile)],
            Playbook = new PlaybookView(Hostile, [Hostile]),
            Token = Hostile,
            AuditUrl = ScriptUrl,
        });

        AssertInert(html);
        AssertShownAsText(html);
    }

    [Fact]
    public void ReviewPage_HostileToken_StaysOneAttributeValue()
    {
        var html = ReviewPage.Render(new ReviewPageModel { CaseId = "c", TicketId = "t", Customer = new CustomerContextView { Id = "x" }, DraftText = "d", Token = Hostile });

        var token = TokenField().Match(html);
        Assert.True(token.Success, "the hidden token field is one well-formed input");
        Assert.Equal(Hostile, WebUtility.HtmlDecode(token.Groups[1].Value));
    }

    [Fact]
    public void TracePage_HostileValuesEverywhere_AreText()
    {
        var html = TracePage.Render(new TracePageModel(Hostile,
        [
            new TraceSectionView { Heading = Hostile, Text = Hostile, Facts = [new TraceFactView(Hostile, Hostile)], Items = [Hostile], Code = Hostile },
        ], Hostile));

        AssertInert(html);
        AssertShownAsText(html);
    }

    [Fact]
    public void OutcomePages_HostileValues_AreTextAndTheTraceLinkIsNotMade()
    {
        var recorded = OutcomePages.DecisionRecorded(new DecisionRecordedModel(Hostile, Hostile, DateTimeOffset.UnixEpoch, Hostile, ScriptUrl));
        var problem = OutcomePages.LinkProblem(new LinkProblemModel(LinkProblemKind.Expired, Hostile, Hostile));

        foreach (var html in new[] { recorded, problem })
        {
            AssertInert(html);
            AssertShownAsText(html);
        }
    }

    [Fact]
    public void ReviewEmail_HostileValues_AreTextInTheHtmlPartAndTheLinkIsNotMade()
    {
        var mail = ReviewEmail.Compose(new ReviewEmailModel
        {
            To = "lead@example.com", CaseId = Hostile, TicketId = Hostile, Subject = Hostile, CustomerName = Hostile, Priority = Hostile,
            Reasons = [Hostile], DraftExcerpt = Hostile, ReviewUrl = ScriptUrl,
        });

        AssertInert(mail.HtmlBody!);
        AssertShownAsText(mail.HtmlBody!);
        Assert.Contains(Hostile, mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void HandoffEmail_HostileValues_AreTextInTheHtmlPartAndTheLinkIsNotMade()
    {
        var ticket = new CaseSubmission { TicketId = Hostile, Subject = Hostile, Customer = new CustomerProfile { Id = "cus_1" } };
        var decision = new CaseDecision
        {
            TicketId = Hostile, Kind = "sensitive", Priority = Hostile, Route = "escalate", WorkspaceVersion = "w1",
            Reasons = [new RouteReason("legal-threat", Hostile, true)], InternalNote = Hostile, Draft = Hostile,
        };

        var mail = HandoffEmail.Compose("senior@example.com", "escalated", ticket, decision, ScriptUrl, "k");

        AssertInert(mail.HtmlBody!);
        AssertShownAsText(mail.HtmlBody!);
    }

    [Fact]
    public void KpiPage_HostileKeysAndExampleLinks_AreTextAndNoLinkRunsScript()
    {
        var html = KpiPage.Render(EmptySummary() with
        {
            ByRoute = [new KpiCount(Hostile, 1)],
            ByPriority = [new KpiCount(Hostile, 1)],
            ByStatus = [new KpiCount(Hostile, 1)],
            Targets = [new PriorityTargetRow(Hostile, 1, 4, 1, 1, 1, 1, 0)],
            Gaps = ReviewGapReport.From([new ReviewedCase("c1", "edit", [Hostile], [Hostile], Hostile, Hostile, ScriptUrl, Hostile)]),
            Consistency = new PolicyConsistencySummary(1, 0, 0, [new PolicyConsistencyCheck(Hostile, Hostile, Hostile)]),
        });

        AssertInert(html);
        AssertShownAsText(html);
    }

    [Fact]
    public void SimulationReport_HostileValues_AreTextAndNoLinkRunsScript()
    {
        var flip = new CaseFlip
        {
            Id = Hostile, TicketId = Hostile, From = Hostile, To = "draft-and-send", ReasonsBefore = [Hostile], ReasonsAfter = [Hostile],
            PriorityBefore = Hostile, PriorityAfter = Hostile, ReviewOutcome = Hostile, AuditUrl = ScriptUrl,
        };
        var html = SimulationHtml.Render(new SimulationReport
        {
            CandidateVersion = Hostile, BaselineVersion = Hostile, Cases = 1,
            Transitions = [new RouteTransition(Hostile, "draft-and-send", 1)],
            Flips = [flip],
            ReasonsGained = [new CodeCount(Hostile, 1)], ReasonsLost = [new CodeCount(Hostile, 1)], PriorityChanges = [new CodeCount(Hostile, 1)],
            MoneyBefore = [], MoneyAfter = [],
            Skipped = [new SkippedCase(Hostile, Hostile)],
        });

        AssertInert(html);
        AssertShownAsText(html);
    }

    [Fact]
    public void HandBuiltHelpers_HostileValues_AreText()
    {
        var html = HtmlPage.Document(Hostile, HtmlPage.List([Hostile]) + HtmlPage.Facts([(Hostile, Hostile)]) + HtmlPage.Link(ScriptUrl, Hostile) + HtmlPage.Paragraphs(Hostile));

        AssertInert(html);
        AssertShownAsText(html);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData(" JavaScript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("//evil.example/x")]
    [InlineData("vbscript:msgbox(1)")]
    public void Link_AddressThatIsNotHttpOrSiteRelative_IsShownAsTextNotLinked(string url)
    {
        var html = HtmlPage.Link(url, "trace");

        Assert.DoesNotContain("<a", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("trace (", html, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryPage_CarriesThePolicyAndNothingItWouldBlock()
    {
        var pages = new[]
        {
            ReviewPage.Render(new ReviewPageModel { CaseId = "c", TicketId = "t", Customer = new CustomerContextView { Id = "x" }, DraftText = "d", Token = "k" }),
            TracePage.Render(new TracePageModel("Trace", [new TraceSectionView { Heading = "h" }])),
            OutcomePages.DecisionRecorded(new DecisionRecordedModel("c", "approve", DateTimeOffset.UnixEpoch)),
            OutcomePages.LinkProblem(new LinkProblemModel(LinkProblemKind.Invalid)),
            OutcomePages.ServiceFailure(storage: true),
            KpiPage.Render(EmptySummary()),
        };

        foreach (var html in pages)
        {
            Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
            var meta = CspMeta().Match(html);
            Assert.True(meta.Success, "the page sets its Content-Security-Policy in a meta tag");
            Assert.Equal(HtmlPage.ContentSecurityPolicy, WebUtility.HtmlDecode(meta.Groups[1].Value));
            AssertNothingTheCspBlocks(html);
        }
    }

    private static KpiSummary EmptySummary() => new()
    {
        AsOf = DateTimeOffset.UnixEpoch, TotalCases = 0, DecidedCases = 0, ByRoute = [], ByPriority = [], ByStatus = [],
        ReviewsCompleted = 0, ReviewsOpen = 0, SlaBreaches = 0, EscalationRate = 0, AutoSendRate = 0,
    };

    /// <summary>No element or attribute that would run script or load from elsewhere.</summary>
    private static void AssertInert(string html)
    {
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        AssertNoEventHandler(html);
        Assert.DoesNotMatch(ScriptHref(), html);
    }

    /// <summary>The hostile value reaches the reader as the text it is, not dropped.</summary>
    private static void AssertShownAsText(string html) =>
        Assert.Contains(Hostile, WebUtility.HtmlDecode(html), StringComparison.Ordinal);

    private static void AssertNothingTheCspBlocks(string html)
    {
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        AssertNoEventHandler(html);
        Assert.DoesNotMatch(ExternalLoad(), html);
    }

    /// <summary>No tag has an <c>on…=</c> attribute (text that merely reads "onfocus=" inside a quoted value is fine).</summary>
    private static void AssertNoEventHandler(string html) =>
        Assert.DoesNotMatch(TagWithEventHandler(), QuotedValue().Replace(html, "\"\""));

    [GeneratedRegex("""<[a-z][^>]*\son[a-z]+\s*=""", RegexOptions.IgnoreCase)]
    private static partial Regex TagWithEventHandler();

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex QuotedValue();

    [GeneratedRegex("""href\s*=\s*["']?\s*(javascript|data|vbscript):""", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptHref();

    [GeneratedRegex("""<(link|img|iframe|object|embed)\b|\ssrc\s*=""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalLoad();

    [GeneratedRegex("""<meta http-equiv="Content-Security-Policy" content="([^"]*)"\s*/?>""")]
    private static partial Regex CspMeta();

    [GeneratedRegex("""<input type="hidden" name="token" value="([^"]*)"\s*/?>""")]
    private static partial Regex TokenField();
}

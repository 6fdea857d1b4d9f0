using Escalation.Api.Html;
using Escalation.Core.Decisions;
using Escalation.Core.Tickets;

namespace Escalation.Api.Tests.Html;

public class HandoffEmailTests
{
    private const string CaseUrl = "http://localhost:7071/api/cases/zd-1-r1-abc";

    private static readonly CaseSubmission Ticket = new()
    {
        TicketId = "ZD-1",
        Subject = "Chargeback <b>now</b>",
        Customer = new CustomerProfile { Id = "cus_1", Name = "Dana Ruiz" },
    };

    private static readonly CaseDecision Decision = new()
    {
        TicketId = "ZD-1",
        Kind = "sensitive",
        Priority = "P1",
        Route = "escalate",
        WorkspaceVersion = "w1",
        Reasons = [new RouteReason("legal-threat", "The customer names a lawyer & a deadline.", true)],
        InternalNote = "Account owner is on leave.",
        Draft = "Hi Dana,\n\nThank you for <telling> us.",
    };

    [Fact]
    public void Compose_EscalatedCase_TextCarriesWhyPriorityReasonsNoteDraftAndCaseLink()
    {
        var mail = HandoffEmail.Compose("senior@example.com", "escalated", Ticket, Decision, CaseUrl, "k-1");

        Assert.Equal("senior@example.com", mail.To);
        Assert.Equal("Escalated: ZD-1 Chargeback <b>now</b>", mail.Subject);
        Assert.Equal("k-1", mail.IdempotencyKey);
        Assert.Contains("It needs a senior human.", mail.TextBody);
        Assert.Contains("Priority: P1", mail.TextBody);
        Assert.Contains("  - The customer names a lawyer & a deadline.", mail.TextBody);
        Assert.Contains("Account owner is on leave.", mail.TextBody);
        Assert.Contains("Suggested reply (not sent):\nHi Dana,", mail.TextBody);
        Assert.EndsWith($"Case: {CaseUrl}\n", mail.TextBody);
    }

    [Theory]
    [InlineData("sla-timeout", "Nobody reviewed the draft before its SLA deadline.")]
    [InlineData("reviewer-escalated", "A reviewer escalated it.")]
    public void Compose_HandedOverForAnotherReason_SaysWhy(string reason, string why)
    {
        var mail = HandoffEmail.Compose("senior@example.com", reason, Ticket, decision: null, CaseUrl, "k-2");

        Assert.Contains(why, mail.TextBody);
        Assert.DoesNotContain("Priority:", mail.TextBody);
    }

    [Fact]
    public void Compose_HtmlPart_IsTheEncodedTextAndTheCaseLinkInAPlainMailDocument()
    {
        var mail = HandoffEmail.Compose("senior@example.com", "escalated", Ticket, Decision, CaseUrl, "k-1");

        Assert.StartsWith("<!DOCTYPE html>", mail.HtmlBody);
        Assert.Contains("Chargeback &lt;b&gt;now&lt;/b&gt;", mail.HtmlBody);
        Assert.Contains("Thank you for &lt;telling&gt; us.", mail.HtmlBody);
        Assert.Contains("lawyer &amp; a deadline", mail.HtmlBody);
        Assert.DoesNotContain("<b>", mail.HtmlBody);
        Assert.Contains($"href=\"{CaseUrl}\"", mail.HtmlBody);

        // The web pages' stylesheet and meta tags are for browsers; mail clients drop them, so the mail leaves them out.
        Assert.DoesNotContain("<style", mail.HtmlBody);
        Assert.DoesNotContain("Content-Security-Policy", mail.HtmlBody);
    }
}

using Escalation.Core.Cases;
using Escalation.Core.Knowledge;
using Escalation.Core.Signals;
using Escalation.Core.Tests.Sensitive;
using Escalation.Core.Tickets;

namespace Escalation.Core.Tests.Cases;

/// <summary>
/// Tickets are conversations (thirteenth probe batch): the customer's last word decides what is still asked, an agent's
/// offer the customer accepted is no cancellation, and what tier 1 or a forwarded mail says counts as the customer's own.
/// </summary>
public sealed class ThreadTests
{
    private static CaseSubmission Thread(params (string From, string Text)[] messages) => new()
    {
        TicketId = "T-thread",
        Customer = new CustomerProfile { Id = "cus_100" },
        Messages = [.. messages.Select((m, i) => new TicketMessage { From = m.From, At = TestWorkspace.Now.AddDays(-3 + i), Text = m.Text })],
    };

    private static readonly CustomerEntity Customer = new() { Id = "cus_014", Name = "Dana Ruiz", Tier = "Growth", Arr = 1788 };

    private static readonly DateOnly Today = DateOnly.FromDateTime(TestWorkspace.Now.UtcDateTime);

    private static CaseFacts Extract(CaseSubmission ticket) => new CaseFactsExtractor().Extract(ticket, TestWorkspace.Build(), TestWorkspace.Now);

    [Theory]
    [InlineData("OK, we'll take the 20% discount for 3 months and stay for now. Please don't cancel the account.")]
    [InlineData("Prima, dan blijven we. Doe maar die korting van 20% voor 3 maanden.")]
    [InlineData("Vale, aceptamos el descuento del 20 % durante 3 meses. No cancelen la cuenta.")]
    [InlineData("Gut, wir nehmen das Angebot an. Bitte nicht kündigen.")]
    [InlineData("Actually yes, let's try the onboarding session - forget the cancellation for now.")]
    [InlineData("No!! I never said cancel the subscription. I want to cancel the invite I sent to the wrong address.")]
    public void Extract_CustomerKeepsThePlanAfterAnOffer_NoCancellationIsAskedAndThePersonIsTold(string last)
    {
        var f = Extract(Thread(
            ("customer", "We want to cancel our plan, it is too expensive for us."),
            ("agent", "Sorry to hear that. Would 20% off for the next 3 months help you stay?"),
            ("customer", last)));

        Assert.DoesNotContain(CaseAsks.Cancel, f.Asks);
        Assert.NotNull(f.Retracted);
    }

    [Fact]
    public void Extract_StayingOnlyOnACondition_TheCancellationStands()
    {
        var f = Extract(Thread(
            ("customer", "Please cancel our subscription at the end of the term."),
            ("agent", "Would 10% off for three months help?"),
            ("customer", "We would stay if you gave us 30%, otherwise please go ahead and cancel.")));

        Assert.Contains(CaseAsks.Cancel, f.Asks);
    }

    [Fact]
    public void Extract_NoRefundNeededInTheFirstMessage_OnlySaysWhatIsNotAsked()
    {
        var f = Extract(Thread(("customer", "Please cancel our subscription so it doesn't renew. No refund needed, we got good use out of it.")));

        Assert.Contains(CaseAsks.Cancel, f.Asks);
        Assert.Null(f.Retracted);
    }

    [Fact]
    public void Extract_NoRefundNeededAfterAskingForOne_DropsTheRefundAndKeepsTheCancellation()
    {
        var f = Extract(Thread(
            ("customer", "Please refund the €49 for November and cancel the plan."),
            ("agent", "Tier 1 here: I cannot refund, I'm passing this on."),
            ("customer", "Then just cancel at the end of the term, no refund needed.")));

        Assert.Contains(CaseAsks.Cancel, f.Asks);
        Assert.DoesNotContain(CaseAsks.Refund, f.Asks);
    }

    [Theory]
    [InlineData("Thank you for your email. I am out of the office until 24 November. For urgent matters please contact our office manager.")]
    [InlineData("Automatische Antwort: Ich bin bis zum 24.11. nicht im Büro. In dringenden Fällen wenden Sie sich bitte an unser Sekretariat.")]
    [InlineData("Je suis actuellement absente du bureau jusqu'au 24 novembre. Pour toute urgence, merci de contacter l'accueil.")]
    public void Extract_LastMessageIsTheCustomersAutoReply_AsksNothingMore(string autoReply)
    {
        var f = Extract(Thread(
            ("customer", "Hi, please cancel our Growth plan at the end of the current term."),
            ("agent", "Thanks, I can do that. Can you confirm you're the account owner?"),
            ("customer", autoReply)));

        Assert.Contains(CaseAsks.Cancel, f.Asks);
        Assert.Empty(f.OtherAsks);
    }

    [Theory]
    [InlineData("Afschrijving na opzegging", "Er is op 9 november 450 euro afgeschreven, terwijl we per 31 oktober hebben opgezegd. Graag het geld terug.")]
    [InlineData("Afschrijving", "Er is op 9 november 450 euro afgeschreven, hoewel we het abonnement op 31 oktober opgezegd hadden. Graag het geld terug.")]
    public void Extract_DutchCancellationToldAsDone_IsNoNewCancellation(string subject, string text)
    {
        var f = new CaseFactsExtractor().Extract(TestWorkspace.Ticket(text, subject: subject), TestWorkspace.Build(), TestWorkspace.Now);

        Assert.DoesNotContain(CaseAsks.Cancel, f.Asks);
    }

    [Theory]
    [InlineData("Bonjour, l'option Reporting Plus (29 €) a été prélevée le 10/11, nous ne l'utilisons pas.", "Oui, retirez l'option et remboursez les 29 €, s'il vous plaît.", "option Reporting Plus")]
    [InlineData("Bom dia, peço o reembolso do pacote de SMS de 59 € cobrado em 20/11, foi comprado por engano.", "Sim, podem retirá-lo. Obrigada!", "pacote de SMS")]
    public void Extract_AddOnRemovedByAGenericWordLater_IsNamedAsTheThreadFirstNamedIt(string first, string last, string name)
    {
        var f = Extract(Thread(("customer", first), ("agent", "Do you want us to remove it too?"), ("customer", last)));

        Assert.Equal(name, f.RemoveAddOn);
    }

    [Fact]
    public void AskedOn_ThreadReopenedWeeksLaterAboutACharge_CountsTheWindowToTheMessageThatAsks()
    {
        var ticket = new CaseSubmission
        {
            TicketId = "T-reopened",
            Customer = new CustomerProfile { Id = "cus_100" },
            Messages =
            [
                new TicketMessage { From = "customer", At = new DateTimeOffset(2026, 10, 21, 9, 0, 0, TimeSpan.Zero), Text = "How do I add a second shared inbox?" },
                new TicketMessage { From = "agent", At = new DateTimeOffset(2026, 10, 21, 10, 0, 0, TimeSpan.Zero), Text = "Settings, Channels, Add email." },
                new TicketMessage { From = "customer", At = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero), Text = "Different topic - we were charged €199 on 14 October and barely used it. Can I get that refunded?" },
            ],
        };

        Assert.Equal(new DateOnly(2026, 11, 22), CaseFactsExtractor.AskedOn(ticket, TestWorkspace.Now));
        Assert.True(Extract(ticket).OutsideWindow);
    }

    [Theory]
    [InlineData("Customer filed a card dispute for the EUR 149 charge", "Dispute opened by card issuer 2026-11-18")]
    [InlineData("Customer wants the EUR 149 back", "Payments: open card dispute since 2026-11-18")]
    public void Detect_TierOneRecordsAFiledCardDispute_TheCaseIsLegalSensitiveAsTheCustomersOwnThreatWouldBe(string summary, string result)
    {
        var handoff = TestWorkspace.Handoff(summary, "Checked payments", result, "Decide the refund", "Refund");
        var ticket = TestWorkspace.Ticket("I'd rather sort this out with you. Can you just refund the €149?", handoff: handoff);

        var s = new DetectStage().Detect(ticket.Messages, ticket.Subject, Customer, new RoutingSettings(), Today, handoff);

        Assert.True(s.Text.Chargeback);
        Assert.True(s.Text.Legal);
    }

    [Fact]
    public void Detect_LegalThreatInAForwardedMail_IsReadAndTheFirmNamedInItIsNoSignatureOfTheWriter()
    {
        const string text = "Forwarding this from our finance director - can you help?\n\n---------- Forwarded message ---------\n"
            + "From: Mark Davies <mark@hollowoak.example>\nDate: Fri, 20 Nov 2026 at 17:40\nSubject: Lumen invoice\nTo: Sarah Lowe <sarah@hollowoak.example>\n\n"
            + "Sarah,\nWe still have not received the refund of EUR 450. I have now passed this matter to Pritchard & Co Solicitors.\nMark";
        var ticket = TestWorkspace.Ticket(text);

        var s = new DetectStage().Detect(ticket.Messages, ticket.Subject, Customer, new RoutingSettings(), Today);

        Assert.True(s.Text.Legal);
    }
}

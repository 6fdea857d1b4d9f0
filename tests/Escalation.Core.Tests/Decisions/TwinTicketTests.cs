using Escalation.Core.Cases;
using Escalation.Core.Decisions;
using Escalation.Core.Sensitive;
using Escalation.Core.Signals;
using Escalation.Core.Tests.Sensitive;
using Escalation.Core.Tickets;

namespace Escalation.Core.Tests.Decisions;

/// <summary>
/// Two tickets alike but for one fact that changes what a senior would do (twenty-second probe batch): a VIP account, a
/// writer who is not the account's admin, an outage still running, a sign-in alert the customer owns, tier 1's admin reset
/// that failed, a month name mistyped, a cancellation named in the subject as done before.
/// </summary>
public sealed class TwinTicketTests
{
    private static SensitiveCaseResult Decide(string text, bool? vip = null, string? subject = null) =>
        TestWorkspace.Decide(new CaseSubmission
        {
            TicketId = "T-1",
            Subject = subject,
            Customer = new CustomerProfile { Id = "cus_100", Vip = vip },
            Messages = [new TicketMessage { From = "customer", At = TestWorkspace.Now.AddHours(-3), Text = text }],
        });

    private const string AddOnRefund = "Hi, I bought the Reporting Plus add-on for €29 on 16 November by mistake. Please refund the €29 and remove it. Thanks, Sam";

    [Fact]
    public void Route_CalmRefundFromAVipAccount_IsApprovedByAPersonWhereTheSameFromAnyoneElseIsSent()
    {
        var plain = Decide(AddOnRefund);
        var vip = Decide(AddOnRefund, vip: true);

        Assert.Equal(Routes.DraftAndSend, plain.Decision.Route);
        Assert.Equal(Routes.DraftForReview, vip.Decision.Route);
        Assert.Contains(vip.Decision.Reasons, r => r.Code == ReasonCodes.VipSensitive && r.HardRule);
    }

    [Theory]
    [InlineData("Hi, Marco here, one of the agents (not an admin on the account - Sam is travelling). Please cancel our plan at the end of the billing period. Thanks", "Marco")]
    [InlineData("Hola, soy Lucía. No soy la administradora de la cuenta, pero por favor cancelen nuestro plan. Gracias", "Lucía")]
    [InlineData("Hallo, hier ist Jens. Ich bin kein Admin, aber bitte kündigen Sie unser Abo zum Ende der Laufzeit.", "Jens")]
    [InlineData("Bonjour, je m'appelle Anne. Je ne suis pas l'administratrice du compte, mais merci de résilier notre abonnement.", "Anne")]
    [InlineData("Olá, o meu nome é Rui. Não sou o administrador da conta, mas por favor cancelem o nosso plano.", "Rui")]
    [InlineData("Buongiorno, mi chiamo Paolo. Non sono l'amministratore dell'account, ma per favore annullate il nostro abbonamento.", "Paolo")]
    [InlineData("Hoi, mijn naam is Bram. Ik ben geen beheerder van het account, maar wil ons abonnement opzeggen.", "Bram")]
    public void Route_CancellationFromAWriterWhoSaysTheyAreNotTheAdmin_IsConfirmedByAPersonAndGreetsTheWriter(string text, string writer)
    {
        var r = Decide(text);

        Assert.NotEqual(Routes.DraftAndSend, r.Decision.Route);
        Assert.Contains(r.Decision.Reasons, x => x.Code == ReasonCodes.RequesterAuthority);
        Assert.StartsWith($"{writer}", r.Decision.Draft.Split('\n')[0].Split(' ', 2)[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Route_TheSameCancellationFromTheAccountHolder_IsNoQuestionOfAuthority() =>
        Assert.DoesNotContain(Decide("Hi, Sam here. We're not going to use it after all. Please cancel our plan at the end of the current billing period. Thanks").Decision.Reasons,
            x => x.Code == ReasonCodes.RequesterAuthority);

    [Theory]
    [InlineData("Our shared inbox has been down since 9 this morning and our agents still cannot log in. We'd like the SLA credit, please.")]
    [InlineData("Hola, la bandeja compartida lleva caída desde esta mañana y nadie trabaja.")]
    [InlineData("Hallo, das Postfach ist seit heute Morgen nicht erreichbar.")]
    [InlineData("Bonjour, la boîte partagée est en panne depuis ce matin.")]
    [InlineData("Olá, a caixa partilhada está fora do ar desde as 9h.")]
    [InlineData("Buongiorno, la casella condivisa è giù da stamattina.")]
    [InlineData("Hoi, de gedeelde inbox ligt sinds vanochtend plat.")]
    public void Analyze_DownSinceEarlierToday_IsALiveIncident(string text) =>
        Assert.True(CautionSignals.Add(new LexiconSignalAnalyzer().AnalyzeText(text), [new TicketMessage { Text = text }], null).LiveIncident, text);

    [Theory]
    [InlineData("The inbox was down for three hours yesterday; we'd like the SLA credit.")]
    [InlineData("Das Postfach war am 02.11. nicht erreichbar, bitte um Gutschrift.")]
    public void Analyze_AnOutageToldAsPast_IsNoLiveIncident(string text) =>
        Assert.False(CautionSignals.Add(new LexiconSignalAnalyzer().AnalyzeText(text), [new TicketMessage { Text = text }], null).LiveIncident, text);

    [Theory]
    [InlineData("I got a 'new login from Lisbon' alert last night. That was me, I'm at a conference there, so all good.")]
    [InlineData("J'ai reçu une alerte « new login from Lisbon » hier soir. C'était moi, je suis en conférence.")]
    [InlineData("Ich habe eine Warnung 'new login from Lisbon' bekommen. Das war ich, ich bin auf einer Konferenz.")]
    public void Analyze_ASignInAlertTheCustomerSaysWasTheirs_IsNoBreakIn(string text) =>
        Assert.False(new LexiconSignalAnalyzer().AnalyzeText(text).Security, text);

    [Fact]
    public void Analyze_ASignInAlertNobodyOwns_IsABreakIn() =>
        Assert.True(new LexiconSignalAnalyzer().AnalyzeText("I got a 'new login from Lagos' alert last night and none of us is in Lagos.").Security);

    [Theory]
    [InlineData("Walked the owner through Settings > Members > Reset two-factor", "Admin screen shows error 'Reset failed (code 2FA-409)'; reset not applied")]
    [InlineData("Mit dem Inhaber Einstellungen > Mitglieder > Zwei-Faktor zurücksetzen durchgegangen", "Fehlermeldung im Admin-Bereich, Zurücksetzen fehlgeschlagen")]
    [InlineData("Checked the account", "Account is suspended for an unpaid invoice")]
    public void Why_TierOneTriedTheAdminResetAndItFailed_ClosesTheWayBackToTierOne(string action, string result)
    {
        var ticket = TestWorkspace.Ticket("One of our agents lost her phone and can't get past the two-factor prompt. How do we get her back in?",
            handoff: TestWorkspace.Handoff("Agent cannot pass 2FA.", action, result, "Get the agent back in.", "Today.", "account"));

        Assert.Equal(result, TierOneBlocked.Why(ticket));
    }

    [Fact]
    public void Why_TheAdminResetWorked_LeavesTheWayToTierOneOpen() =>
        Assert.Null(TierOneBlocked.Why(TestWorkspace.Ticket("One of our agents lost her phone and can't get past the two-factor prompt.",
            handoff: TestWorkspace.Handoff("Agent cannot pass 2FA.", "Sent a password reset email", "Reset worked, still asks the 2FA code", "Get the agent back in.", "Today.", "account"))));

    [Theory]
    [InlineData("i boguht it on 16 novmeber by mistake", 11, 16)]
    [InlineData("charged on Ocotber 3 for nothing", 10, 3)]
    [InlineData("cobrado el 4 de novimbre", 11, 4)]
    [InlineData("am 3. Novmeber abgebucht", 11, 3)]
    public void FirstDate_AMonthNameMistypedNextToItsDay_IsRead(string text, int month, int day)
    {
        var found = DateParsing.FirstDate(text, new DateOnly(2026, 11, 23));

        Assert.Equal(new DateOnly(2026, month, day), found?.Date);
    }

    [Theory]
    [InlineData("Julia 3 said it was fine")]
    [InlineData("I wrote to Mayra 12 times")]
    public void FirstDate_ANameThatLooksLikeAMonth_IsNoDate(string text) => Assert.Null(DateParsing.FirstDate(text, new DateOnly(2026, 11, 23)));

    [Theory]
    [InlineData("Charged after cancellation")]
    [InlineData("Abbuchung nach Kündigung")]
    [InlineData("Prélèvement après résiliation")]
    [InlineData("Cobrança após o cancelamento")]
    public void Extract_ASubjectThatTellsTheCancellationAsDone_AsksNoNewCancellation(string subject)
    {
        var facts = new CaseFactsExtractor().Extract(TestWorkspace.Ticket("You charged us €49 on 2 November anyway. Please refund it.", "cus_100", subject), TestWorkspace.Build(), TestWorkspace.Now);

        Assert.DoesNotContain(CaseAsks.Cancel, facts.Asks);
    }
}

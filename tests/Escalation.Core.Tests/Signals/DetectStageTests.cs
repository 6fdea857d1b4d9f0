using Escalation.Core.Knowledge;
using Escalation.Core.Signals;
using Escalation.Core.Tickets;
using Escalation.Core.Tracing;

namespace Escalation.Core.Tests.Signals;

public class DetectStageTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly RoutingSettings Routing = new();
    private static readonly DetectStage Stage = new();

    private static CustomerEntity Customer(string tier = "Operator", decimal arr = 5400, DateOnly? renewal = null, bool vip = false, params CustomerHistoryEntry[] history) =>
        new() { Id = "cus_014", Name = "Dana Ruiz", Tier = tier, Arr = arr, RenewalDate = renewal, Vip = vip, History = history };

    private static CaseSignals Detect(string text, CustomerEntity? customer = null, string? subject = null) =>
        Stage.Detect([new TicketMessage { From = "customer", Text = text }], subject, customer ?? Customer(), Routing, Today);

    [Theory]
    [InlineData("Our whole site is down since 9am, nothing loads.", "P0")]
    [InlineData("We had a data loss after the import: 2,000 contacts were deleted.", "P0")]
    [InlineData("I think there was a breach, someone accessed our admin account.", "P0")]
    [InlineData("The export is broken and shows an error.", "P1")]
    [InlineData("I was charged twice this month, this is a billing issue.", "P1")]
    [InlineData("Can the date column be sorted differently?", "P2")]
    [InlineData("Feature request: it would be nice to have dark mode.", "P3")]
    public void Detect_KeywordRules_SetSeedPriority(string text, string priority) => Assert.Equal(priority, Detect(text).Priority);

    [Fact]
    public void Detect_MoreThan100AffectedUsers_IsP0()
    {
        var s = Detect("Since the update 250 users see a blank page after signing in.");
        Assert.Equal("P0", s.Priority);
        Assert.Contains("250 users", s.PriorityReason);
    }

    [Fact]
    public void Detect_EnterpriseTier_RaisesToP0()
    {
        var s = Detect("Can the date column be sorted differently?", Customer(tier: "Enterprise"));
        Assert.Equal("P0", s.Priority);
        Assert.True(s.Vip);
    }

    [Fact]
    public void Detect_BusinessTier_RaisesToP1()
    {
        var s = Detect("Can the date column be sorted differently?", Customer(tier: "Business"));
        Assert.Equal("P1", s.Priority);
        Assert.False(s.Vip);
    }

    [Fact]
    public void Detect_EnhancementFromEnterprise_IsP2NotP0() =>
        Assert.Equal("P2", Detect("Feature request: dark mode would be nice to have.", Customer(tier: "Enterprise")).Priority);

    [Fact]
    public void Detect_LegalThreat_IsAtLeastP1() => Assert.Equal("P1", Detect("Refund me or I will take you to small claims court.").Priority);

    [Fact]
    public void Detect_VipFlag_IsVip() => Assert.True(Detect("Hello", Customer(vip: true)).Vip);

    [Fact]
    public void Detect_ThreeComplaintsInWindow_IsRepeatComplainant()
    {
        var s = Detect("Again?", Customer(history:
        [
            new() { Date = Today.AddDays(-10), Kind = "complaint", Topic = "billing" },
            new() { Date = Today.AddDays(-40), Kind = "escalation", Topic = "export" },
            new() { Date = Today.AddDays(-80), Kind = "complaint", Topic = "access" },
        ]));
        Assert.True(s.RepeatComplainant);
        Assert.Contains(s.CustomerEvidence, e => e.Signal == "repeat-complainant" && e.Text.Contains("3 complaints", StringComparison.Ordinal));
        Assert.Contains(s.Trace, t => t.Kind == TraceKinds.Found && t.Text.StartsWith("repeat complainant", StringComparison.Ordinal));
    }

    [Fact]
    public void Detect_ComplaintsOutsideWindow_IsNotRepeatComplainant()
    {
        var s = Detect("Again?", Customer(history:
        [
            new() { Date = Today.AddDays(-10), Kind = "complaint", Topic = "billing" },
            new() { Date = Today.AddDays(-100), Kind = "complaint", Topic = "export" },
            new() { Date = Today.AddDays(-200), Kind = "complaint", Topic = "access" },
        ]));
        Assert.False(s.RepeatComplainant);
    }

    [Fact]
    public void Detect_SameTopicThreeTimes_IsRepeatComplainant()
    {
        var s = Detect("Again?", Customer(history:
        [
            new() { Date = Today.AddDays(-10), Kind = "complaint", Topic = "billing" },
            new() { Date = Today.AddDays(-200), Kind = "complaint", Topic = "billing" },
            new() { Date = Today.AddDays(-400), Kind = "complaint", Topic = "Billing" },
        ]));
        Assert.True(s.RepeatComplainant);
        Assert.Contains(s.CustomerEvidence, e => e.Text.Contains("'billing' 3 times", StringComparison.Ordinal));
    }

    [Fact]
    public void Detect_RenewalWithinWindow_IsCommerciallySensitive()
    {
        var s = Detect("Hello", Customer(renewal: Today.AddDays(21)));
        Assert.True(s.CommerciallySensitive);
        Assert.Contains(s.CustomerEvidence, e => e.Text == "renewal in 21 days (window 30)");
    }

    [Fact]
    public void Detect_RenewalFarAway_IsNotCommerciallySensitive() =>
        Assert.False(Detect("Hello", Customer(renewal: Today.AddDays(200))).CommerciallySensitive);

    [Fact]
    public void Detect_ChurnThreatOnLargeAccount_IsCommerciallySensitive() =>
        Assert.True(Detect("We will not be renewing unless this is fixed.", Customer(arr: 48000)).CommerciallySensitive);

    [Fact]
    public void Detect_ChurnThreatOnSmallAccount_IsNotCommerciallySensitive() =>
        Assert.False(Detect("We will not be renewing unless this is fixed.", Customer(arr: 1200)).CommerciallySensitive);

    [Fact]
    public void Detect_Trace_SaysWhatWasFoundAndDecided()
    {
        var s = Detect("I am talking to my lawyers, the export has been broken for weeks.");
        Assert.All(s.Trace, t => Assert.Equal("detect", t.Stage));
        Assert.Equal(TraceKinds.Read, s.Trace[0].Kind);
        Assert.Contains(s.Trace, t => t.Kind == TraceKinds.Found && t.Text.Contains("legal sensitivity (lawyer)", StringComparison.Ordinal) && t.Text.Contains("\"lawyers\" (message 1)", StringComparison.Ordinal));
        var decided = Assert.Single(s.Trace, t => t.Kind == TraceKinds.Decided);
        Assert.StartsWith("priority P1", decided.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_SubjectKeyword_CountsWithSubjectEvidence()
    {
        var s = Detect("Please look at this today.", subject: "Outage in EU region");
        Assert.Equal("P0", s.Priority);
        Assert.Contains(s.Text.Evidence, e => e.Signal == "outage" && e.Message == -1 && e.Start == 0);
    }

    [Theory]
    [InlineData("I honestly don't see the point of going on anymore.", "distress", "\"point of going on\" (message 1)")]
    [InlineData("Everything is down for all 150 of our users right now.", "incident", "\"is down\" (message 1)")]
    [InlineData("I've posted about this on X and it's trending, 40k views.", "public-exposure", "\"trending\" (message 1)")]
    [InlineData("This is a formal complaint.", "formal-complaint", "\"formal complaint\" (message 1)")]
    [InlineData("I demand compensation for the downtime.", "compensation-demand", "\"compensation\" (message 1)")]
    [InlineData("Please cancel my subscription.", "cancellation", "\"cancel my subscription\" (message 1)")]
    [InlineData("Third time reporting this bug.", "repeat-report", "\"Third time\" (message 1)")]
    public void Detect_NewSignal_IsFoundInTheTraceWithItsEvidence(string text, string reference, string quoted)
    {
        var s = Detect(text);

        Assert.Contains(s.Trace, t => t.Kind == TraceKinds.Found && t.Refs.Contains(reference) && t.Text.Contains(quoted, StringComparison.Ordinal));
    }

    [Fact]
    public void Detect_HablareConMiAbogado_IsLegalAndAtLeastP1()
    {
        var s = Detect("Hablaré con mi abogado y presentaré una demanda.");

        Assert.True(s.Text.Legal);
        Assert.Equal("P1", s.Priority);
    }

    [Fact]
    public void Detect_LiveIncident_FlagsIncidentAndP0()
    {
        var s = Detect("The dashboard is down right now and nobody can log in.");
        Assert.True(s.Text.LiveIncident);
        Assert.Equal("P0", s.Priority);
        Assert.Contains(s.Trace, e => e.Text.StartsWith("incident: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Detect_OutageToldAsPastAndResolved_IsContextNotP0()
    {
        var s = Detect("Email ingestion was down for 1 hour on 2026-11-17 and it is resolved. Are we eligible for a credit?");
        Assert.True(s.Text.Outage);
        Assert.False(s.Text.LiveIncident);
        Assert.NotEqual("P0", s.Priority);
    }

    [Fact]
    public void Detect_PolishMessage_LanguageInSignalsAndTrace()
    {
        var s = Detect("Dzień dobry, proszę o zwrot pieniędzy za ostatnią fakturę, dziękuję.");
        Assert.Equal("pl", s.Language.Code);
        Assert.False(s.Language.Covered);
        Assert.Contains(s.Trace, e => e.Text.StartsWith("language pl (Polish, not covered)", StringComparison.Ordinal));
    }

    private static TierOneHandoff Handoff(string summary, string result, string urgency) => new()
    {
        Summary = summary, Category = "outage", Priority = "P1",
        WhatTried = [new HandoffAttempt { Action = "Reproduced", Result = result }],
        WhatNeeded = "Engineering", CustomerExpectation = "Service back", UrgencyReason = urgency,
    };

    [Theory]
    [InlineData("Allt ligger nere sedan 10:40 idag, ingen av oss kommer in. Vad händer??", "Live outage for customer since 10:40 UTC today.", "503 errors on EU-West", "Live outage")]
    [InlineData("Is it you or us??", "App not loading for the whole team.", "502 errors on every page", "40 agents idle")]
    [InlineData("Merhaba, sistem sabahtan beri çalışmıyor, hiçbir müşteri mesajını açamıyoruz. Acil yardım lütfen!", "Whole team cannot open conversations since this morning", "Reproduced → 503 errors on the conversation view since 09:05 UTC", "E-commerce support down")]
    [InlineData("Od včerejška nám zmizely všechny přílohy z tiketů.", "Attachments missing from ~40 tickets since yesterday; data loss.", "Confirmed 40 tickets without attachments", "Data loss")]
    public void Detect_TierOneReportsALiveIncidentOrDataLoss_IsP0WhateverTheCustomerWrote(string text, string summary, string result, string urgency)
    {
        var s = Stage.Detect([new TicketMessage { From = "customer", Text = text }], null, Customer(), Routing, Today, Handoff(summary, result, urgency));

        Assert.Equal("P0", s.Priority);
        Assert.True(s.Text.LiveIncident || s.Text.DataLoss);
        Assert.Contains(s.Text.Evidence, e => e.Text.StartsWith("tier 1: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Detect_TierOneSaysThePastOutageIsOver_StaysAsTheCustomerWrote()
    {
        var handoff = Handoff("Customer asks the SLA credit for the 2 November outage.", "Status page confirms 3 hours on 2026-11-02, resolved", "None");

        var s = Stage.Detect([new TicketMessage { From = "customer", Text = "Are we due a service credit for the outage on 2 November?" }], null, Customer(), Routing, Today, handoff);

        Assert.False(s.Text.LiveIncident);
        Assert.DoesNotContain(s.Text.Evidence, e => e.Text.StartsWith("tier 1: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Detect_UncoveredLanguageWordThatIsAnEnglishInsult_IsNotAbusive()
    {
        // Swedish "vid periodens slut": at the end of the period.
        var s = Detect("Hej, vi vill säga upp vårt abonnemang vid periodens slut. Vi har gått över till ett annat system i hela koncernen. Mvh Tobias");

        Assert.False(s.Language.Covered);
        Assert.False(s.Text.Abusive);
    }

    [Fact]
    public void Detect_LoginOutageToldInThePast_IsNotP0()
    {
        var s = Detect("Hello, our team couldn't log in on Monday 2 November between roughly 9 and 12 UTC. Your status page shows the outage. Are we due a service credit?");

        Assert.NotEqual("P0", s.Priority);
    }

    [Fact]
    public void Detect_TierOneConfirmsAPastOutageForACredit_StaysBelowP0()
    {
        var handoff = new TierOneHandoff
        {
            Summary = "Cliente pide crédito SLA por la caída del 2 nov", Category = "billing", Priority = "P3",
            WhatTried =
            [
                new HandoffAttempt { Action = "Revisé la página de estado", Result = "Status page confirma la caída del 2026-11-02, 09:10-12:10 UTC, 3 horas" },
                new HandoffAttempt { Action = "Intenté aplicar crédito", Result = "Sin permisos" },
            ],
            WhatNeeded = "Aplicar crédito SLA", CustomerExpectation = "Crédito en la próxima factura", UrgencyReason = "Ninguna",
        };

        var s = Stage.Detect([new TicketMessage { From = "customer", Text = "Hola, el 2 de noviembre no pudimos usar la plataforma de 9:10 a 12:10 (UTC). Solicito el crédito del SLA." }],
            null, Customer(), Routing, Today, handoff);

        Assert.NotEqual("P0", s.Priority);
    }

    [Theory]
    [InlineData("Hola, el 2 de noviembre no pudimos usar la plataforma de 9:10 a 12:10 (UTC). Solicito el crédito del SLA.", "Crédito por la caída")]
    [InlineData("Am Freitag, 20.11., war Lumen Desk bei uns von 8 bis 11 Uhr nicht erreichbar. Wir bitten um die SLA-Gutschrift.", "Ausfall")]
    public void Detect_OutageToldInThePastWithAnOutageWordInTheSubject_IsNotP0(string text, string subject) =>
        Assert.NotEqual("P0", Detect(text, subject: subject).Priority);
}

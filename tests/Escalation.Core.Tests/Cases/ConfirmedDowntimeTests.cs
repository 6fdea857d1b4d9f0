using Escalation.Core.Cases;
using Escalation.Core.Knowledge;
using Escalation.Core.Tests.Sensitive;
using Escalation.Core.Tickets;

namespace Escalation.Core.Tests.Cases;

/// <summary>An SLA credit counts confirmed downtime only: the SLA policy's incidents, or tier 1's check.</summary>
public sealed class ConfirmedDowntimeTests
{
    private static readonly PolicyIncident[] Incidents =
    [
        new(new DateOnly(2026, 10, 12), new DateOnly(2026, 10, 16), 19, "sync engine outage, EU-West"),
        new(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 2), 3, "full outage, EU-West"),
    ];

    private static Workspace WithIncidents(IReadOnlyList<PolicyIncident> incidents) =>
        TestWorkspace.Build(TestWorkspace.Policies().Select(p => p.Category == PolicyCategories.SlaCredit ? p with { Incidents = incidents } : p));

    private static CaseFacts Extract(string text, IReadOnlyList<PolicyIncident>? incidents = null, TierOneHandoff? handoff = null) =>
        new CaseFactsExtractor().Extract(TestWorkspace.Ticket(text, handoff: handoff), WithIncidents(incidents ?? Incidents), TestWorkspace.Now);

    [Theory]
    [InlineData("We were down for 3 hours on 2 November. Please apply the SLA credit.", 3)]
    [InlineData("La caída del 2 de noviembre nos dejó sin servicio 2 horas, ¿nos aplican el crédito del SLA?", 2)]
    [InlineData("Your outage on 2 November stopped us. Please apply the SLA credit.", 3)]
    public void Extract_DowntimeOnTheDayOfAConfirmedIncident_IsConfirmedUpToItsHours(string text, double hours)
    {
        var f = Extract(text);

        Assert.Equal(hours, f.OutageHours);
        Assert.Null(f.OutageUnconfirmed);
    }

    [Theory]
    [InlineData("Your system was down for basically 6 hours on November 2nd. I want the SLA credit for the 6 hours.")]
    [InlineData("Your outage on 2 November took us offline for about 6 hours. Please apply the SLA credit.")]
    public void Extract_CustomerReportsMoreThanTheIncidentLasted_CountsTheConfirmedHoursAndSaysWhy(string text)
    {
        var f = Extract(text);

        Assert.Equal(3, f.OutageHours);
        Assert.True(f.OutageHoursConfirmed); // the held draft credits the confirmed 3 hours
        Assert.Contains("reports 6 h", f.OutageUnconfirmed, StringComparison.Ordinal);
        Assert.Contains("lasted 3 h", f.OutageUnconfirmed, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_DayNoConfirmedIncidentCovers_IsUnconfirmed()
    {
        var f = Extract("The sync was down for 3 hours on 18 November. Could we get the SLA credit?");

        Assert.Contains("no confirmed incident", f.OutageUnconfirmed, StringComparison.Ordinal);
        Assert.Contains("2026-11-18", f.OutageUnconfirmed, StringComparison.Ordinal);
        Assert.False(f.OutageHoursConfirmed); // no credit is computed from it, not even in a held draft
    }

    [Fact]
    public void Extract_DowntimeWithoutItsDay_IsUnconfirmed()
    {
        Assert.Contains("without the day", Extract("We were down for 3 hours. Please apply the SLA credit.").OutageUnconfirmed, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_PolicyListsNoIncidents_OnlyAConfirmationInTheCaseCounts()
    {
        Assert.NotNull(Extract("We were down for 3 hours on 18 November. Please apply the SLA credit.", incidents: []).OutageUnconfirmed);
        Assert.Null(Extract("We were down for 3 hours on 18 November (your status page confirmed it). Please apply the SLA credit.", incidents: []).OutageUnconfirmed);
    }

    [Fact]
    public void Extract_TierOneConfirmedTheDowntime_ItsHoursStand()
    {
        var handoff = new TierOneHandoff
        {
            Summary = "Customer claims an SLA credit for 9 hours of downtime in November", Category = "billing", Priority = "P2",
            WhatTried = [new HandoffAttempt { Action = "Checked the incident log", Result = "Both incidents confirmed: 3 h on 2026-11-02 and 6 h on 2026-11-09" }],
            WhatNeeded = "Approve the credit", CustomerExpectation = "The credit",
        };

        var f = Extract("We had 9 hours of downtime in November: 6 hours on 2026-11-09 and 3 hours on 2026-11-02. Please confirm the credit.", handoff: handoff);

        Assert.Equal(9, f.OutageHours);
        Assert.Null(f.OutageUnconfirmed);
    }

    [Theory]
    [InlineData("Checked status page", "No incident recorded on 2026-11-20")]
    [InlineData("Checked the status page", "Nothing on the status page for that day, all systems operational")]
    [InlineData("Página de estado revisada", "Sin incidencias el 20/11")]
    [InlineData("Statusseite geprüft", "Keine Störung am 20.11. verzeichnet")]
    public void Extract_TierOneCheckedAndFoundNoIncident_TheDowntimeIsUnconfirmed(string action, string result)
    {
        var handoff = new TierOneHandoff
        {
            Summary = "Customer claims 5h outage on 2026-11-20 and asks SLA credit.", Category = "outage", Priority = "P3",
            WhatTried = [new HandoffAttempt { Action = action, Result = result }],
            WhatNeeded = "Decide SLA credit", CustomerExpectation = "Credit",
        };

        var f = Extract("On Thursday 20 November we were down for 5 hours. We ask for the SLA credit.", handoff: handoff);

        Assert.Contains("2026-11-20", f.OutageUnconfirmed, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_CustomerEstimatesAndTierOneConfirmsTheHours_TierOnesHoursAreRead()
    {
        var handoff = new TierOneHandoff
        {
            Summary = "Página de estado confirma 3 horas (09:10-12:10 UTC, EU-West); cliente na região EU-West.", Category = "billing", Priority = "P3",
            WhatTried = [new HandoffAttempt { Action = "Página de estado verificada", Result = "3 horas confirmadas" }],
            WhatNeeded = "Aplicar o crédito SLA.", CustomerExpectation = "Crédito na próxima fatura.",
        };

        var f = Extract("Boa tarde, no dia 2/11 o sistema esteve em baixo de manhã (cerca de 3 horas). Temos direito a crédito SLA?", handoff: handoff);

        Assert.Equal(3, f.OutageHours);
        Assert.Null(f.OutageUnconfirmed);
    }

    [Fact]
    public void Extract_TierOneConfirmsFewerHoursThanTheCustomerClaims_TheConfirmedHoursAreCounted()
    {
        var handoff = new TierOneHandoff
        {
            Summary = "Client demande un avoir SLA pour la panne du 2 novembre (6 h selon lui)", Category = "sla-credit", Priority = "P3",
            WhatTried = [new HandoffAttempt { Action = "Vérifié la page de statut", Result = "Panne confirmée le 2 novembre, 09h10-12h10 UTC, soit 3 heures" }],
            WhatNeeded = "Appliquer l'avoir SLA", CustomerExpectation = "Avoir pour 6 heures",
        };

        var f = Extract("Bonjour, le 2 novembre votre service a été coupé pendant environ 6 heures. Je demande l'avoir SLA correspondant.", handoff: handoff);

        Assert.Equal(3, f.OutageHours);
        Assert.Contains("3 h", f.OutageUnconfirmed, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_StatusPageCheckedAndNothingPosted_ConfirmsNothingAndAClockTimeIsNoDuration()
    {
        var handoff = new TierOneHandoff
        {
            Summary = "Customer cannot log in, whole team, since 10:00", Category = "outage", Priority = "P2",
            WhatTried =
            [
                new HandoffAttempt { Action = "Reproduced", Result = "Login page returns 502 for the customer's subdomain" },
                new HandoffAttempt { Action = "Checked status page", Result = "Nothing posted" },
            ],
            WhatNeeded = "Engineering", CustomerExpectation = "Service back",
        };

        var f = Extract("Socorro, o sistema está fora do ar desde as 10h, ninguém da equipe consegue entrar!!", handoff: handoff);

        Assert.Null(f.OutageHours);
    }

    [Theory]
    [InlineData("Hello, on 2 November we lost about 4 hours of work because Lumen Desk was down. Please credit our account according to your SLA.", "Incident confirmed on 2026-11-02, 09:10-12:10 UTC, 3 hours, EU-West")]
    [InlineData("Am 2.11. war Lumen Desk bei uns ca. 5 Stunden nicht erreichbar. Bitte schreiben Sie uns die SLA-Gutschrift gut.", "Störung bestätigt: 3 Stunden am 2026-11-02, EU-West")]
    public void Extract_CustomerEstimatesMoreThanTierOneConfirms_TheConfirmedHoursAreHeldForAPerson(string text, string finding)
    {
        var handoff = new TierOneHandoff
        {
            Summary = "SLA credit request for 2026-11-02.", Category = "billing", Priority = "P3",
            WhatTried = [new HandoffAttempt { Action = "Checked the status page", Result = finding }],
            WhatNeeded = "Apply the SLA credit.", CustomerExpectation = "A credit.",
        };

        var f = Extract(text, handoff: handoff);

        Assert.Equal(3, f.OutageHours);
        Assert.Contains("confirms 3 h", f.OutageUnconfirmed, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_DayToldWithTheHoursNotWithAnOutageWord_IsMatchedAgainstTheIncidents()
    {
        var handoff = new TierOneHandoff
        {
            Summary = "Klant meldt een storing en vraagt SLA-tegoed", Category = "outage", Priority = "P3",
            WhatTried = [], WhatNeeded = "Beslissen over het tegoed", CustomerExpectation = "Tegoed",
        };

        var f = Extract("Op 20 november hadden we 2 uur lang geen toegang. Graag het SLA-tegoed.", handoff: handoff);

        Assert.Contains("2026-11-20", f.OutageUnconfirmed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Op 2 november lag het systeem bij ons 3 uur uit. Graag het SLA-tegoed voor die dag.")]
    [InlineData("Op 2 november lag alles 3 uur plat. Graag het SLA-tegoed.")]
    public void Extract_DutchSaysTheServiceLayOut_IsAnOutage(string text)
    {
        var f = Extract(text);

        Assert.Equal(3, f.OutageHours);
        Assert.Null(f.OutageUnconfirmed);
    }
}

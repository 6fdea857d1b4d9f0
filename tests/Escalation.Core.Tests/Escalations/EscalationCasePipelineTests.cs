using Escalation.Core.Decisions;
using Escalation.Core.Escalations;
using Escalation.Core.Sensitive;
using Escalation.Core.Signals;
using Escalation.Core.Tests.Sensitive;
using Escalation.Core.Tickets;

namespace Escalation.Core.Tests.Escalations;

public sealed class EscalationCasePipelineTests
{
    private static readonly TierOneHandoff Clear = new()
    {
        Summary = "Customer wants compensation for the outage", Category = "billing", Priority = "P2",
        Started = TestWorkspace.Now.AddDays(-2),
        WhatTried = [new HandoffAttempt { Action = "Confirmed the incident on the status page", Result = "Outage confirmed" }],
        WhatNeeded = "Decide the SLA credit", CustomerExpectation = "A service credit for the downtime",
    };

    private static readonly TierOneHandoff RefundHandoff = Clear with
    {
        Summary = "Customer wants a refund for a broken export", WhatNeeded = "Decide the refund", CustomerExpectation = "A refund of the $49 charge",
    };

    private static EscalationCaseResult Run(string text, CaseSignals signals, TierOneHandoff? handoff, string customer = "cus_014") =>
        new EscalationCasePipeline((_, _, _, _) => signals, new ComposerDraftWriter())
            .Run(TestWorkspace.Ticket(text, customer, handoff: handoff), TestWorkspace.Build(), TestWorkspace.Now);

    [Fact]
    public void Run_OutageCreditWithinCap_ResolvesInPlaceWithCreditFromSlaPolicy()
    {
        var r = Run("Your outage took us offline for 6 hours. We expect a credit.", TestWorkspace.Signals(new TextSignals { Outage = true }), Clear);

        Assert.Equal(Routes.ResolveInPlace, r.Decision.Route);
        var sla = r.Application.SlaCredit!;
        Assert.Equal(6, sla.BillableHours);            // 6 h down, 0.72 h allowed at 99.9 % → 6 billable hours (rounded up)
        Assert.Equal(30m, sla.CreditPercent);           // 6 × 5 % = 30 %, at the 30 % maximum
        Assert.Equal(135m, sla.Amount);                 // 30 % of MRR €450
        Assert.Contains("€135", r.Decision.Draft, StringComparison.Ordinal);
        Assert.Contains("# Resolution note", r.Decision.InternalNote, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_LongTenureRefundPastWindowWithoutAReason_ProposesTheAlternativeNotARefund()
    {
        // cus_014 has been a customer for 14 months (≥ 6): the lean toward a refund never overrides the guardrail
        // "never refund past the window without a documented reason".
        var r = Run("We were charged €450 on 8 October but hardly used the account that month. Can we get a refund?",
            TestWorkspace.Signals(), RefundHandoff with { Summary = "Customer wants October refunded; no outage or defect claimed", CustomerExpectation = "A refund of the €450 charge" });

        Assert.Equal(Recommendations.OfferAlternative, r.Application.Recommendation);
        Assert.DoesNotContain(r.Decision.Actions, a => a.Kind == Escalation.Core.Actions.ActionKinds.Refund);
        Assert.Contains("does not override the guardrail", Assert.Single(r.Application.Rules, x => x.Rule == "long-term-customer").Result, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RefundPastWindowWithOutage_EscalatesOnConflictWithExceptionRationale()
    {
        var r = Run(TestWorkspace.DelegateZeroText, TestWorkspace.Signals(new TextSignals { Outage = true, Negative = true }), Clear with { CustomerExpectation = "Full refund of €450" });

        Assert.Equal(Routes.Escalate, r.Decision.Route);
        Assert.Contains(r.Decision.Reasons, x => x.Code == ReasonCodes.PolicyConflict);
        Assert.Equal(Recommendations.RefundWithRetention, r.Application.Recommendation);
        Assert.True(r.Application.NeedsManagerApproval);
        Assert.Contains(r.Application.Rules, x => x.Status == RuleStatus.NonNegotiable && x.Rule == "guardrail");
        Assert.Contains(r.Application.Rules, x => x.Status == RuleStatus.Discretionary && x.Rule == "valid-reason");
        Assert.Contains("pr-046-day-refund", r.Decision.ExceptionRationale, StringComparison.Ordinal);
        Assert.DoesNotContain("started a refund", r.Decision.Draft, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ChargebackThreat_Escalates()
    {
        var legal = new TextSignals { Legal = true, Chargeback = true, LegalKinds = [LegalKinds.Chargeback], Negative = true };
        var r = Run("Refund the $49 or I file a chargeback with my bank.", TestWorkspace.Signals(legal), Clear, "cus_100");

        Assert.Equal(Routes.Escalate, r.Decision.Route);
        Assert.Contains(r.Decision.Reasons, x => x.Code == ReasonCodes.LegalSensitive);
    }

    [Fact]
    public void Run_EmptyWhatTriedOtherwiseClear_ReturnsToTierOneWithPlaybookSteps()
    {
        var r = Run("I want a refund, the export is broken. I was charged $49 on 2026-11-20.", TestWorkspace.Signals(), RefundHandoff with { WhatTried = [] }, "cus_100");

        Assert.Equal(Routes.ReturnToTierOne, r.Decision.Route);
        Assert.Contains(r.Decision.Reasons, x => x.Code == ReasonCodes.MissingTierOneSteps);
        Assert.Contains(r.Outcome.Guidance, g => g.StartsWith("Playbook refund-past-window step 1", StringComparison.Ordinal));
        Assert.Contains(r.Outcome.Guidance, g => g.StartsWith("Tell the customer", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_EmptyWhatTriedAndUnclearExpectation_EscalatesForAmbiguity()
    {
        var r = Run("Fix this.", TestWorkspace.Signals(), Clear with { WhatTried = [], CustomerExpectation = "?" }, "cus_100");

        Assert.Equal(Routes.Escalate, r.Decision.Route);
        Assert.Contains(r.Decision.Reasons, x => x.Code == ReasonCodes.HandoffAmbiguity);
    }

    [Fact]
    public void Run_RepeatComplainant_Escalates()
    {
        var r = Run("Third time this month the outage hit us for 2 hours.", TestWorkspace.Signals(new TextSignals { Outage = true, Negative = true }, repeat: true), Clear);

        Assert.Equal(Routes.Escalate, r.Decision.Route);
        Assert.Contains(r.Decision.Reasons, x => x.Code == ReasonCodes.RepeatComplainant);
    }

    [Fact]
    public void Run_RenewalSoonChurnThreat_EscalatesOnCommercialSensitivity()
    {
        var churn = new TextSignals { ChurnThreat = true, Competitor = "Zendesk", Negative = true };
        var r = Run("We renew in three weeks and are looking at Zendesk instead.", TestWorkspace.Signals(churn, commercial: true), Clear);

        Assert.Equal(Routes.Escalate, r.Decision.Route);
        Assert.Contains(r.Decision.Reasons, x => x.Code == ReasonCodes.CommercialSensitivity);
        Assert.Contains("renewal in 21 days", r.Decision.Reasons.First(x => x.Code == ReasonCodes.CommercialSensitivity).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Your outage took us offline for 6 hours. We expect a credit.")]
    [InlineData("We expect a credit: the outage meant 6 hours offline for us.")]
    [InlineData("We were offline for 6 hours during your downtime — please credit us.")]
    public void Run_ParaphrasedHandoffSameFacts_SameOutcome(string text)
    {
        var paraphrased = Clear with { Summary = "Outage compensation requested", WhatNeeded = "Work out the SLA credit", CustomerExpectation = "Credit on the account for the outage" };
        var r = Run(text, TestWorkspace.Signals(new TextSignals { Outage = true }), paraphrased);

        Assert.Equal(Routes.ResolveInPlace, r.Decision.Route);
        Assert.Equal(135m, r.Application.SlaCredit!.Amount);
    }

    [Fact]
    public void Run_OutageCreditInUncoveredLanguage_EscalatesInsteadOfResolvingInPlace()
    {
        var polish = TestWorkspace.Signals(new TextSignals { Outage = true }) with
        {
            Language = new CaseLanguage { Code = "pl", Name = "Polish", Covered = false },
        };

        var r = Run("Your outage took us offline for 6 hours. We expect a credit.", polish, Clear);

        Assert.Equal(Routes.Escalate, r.Decision.Route);
        Assert.Contains("pl (Polish, not covered)", Assert.Single(r.Decision.Reasons, x => x.Code == ReasonCodes.LanguageNotCovered).Text, StringComparison.Ordinal);
        Assert.Equal("pl", r.Decision.Language);
    }

    [Fact]
    public void Run_LiveIncident_EscalatesToSeniorAtP0Deadline()
    {
        var live = TestWorkspace.Signals(new TextSignals { Outage = true, LiveIncident = true });

        var r = Run("Your outage took us offline for 6 hours. We expect a credit.", live, Clear);

        Assert.Equal(Routes.Escalate, r.Decision.Route);
        Assert.Contains(r.Decision.Reasons, x => x.Code == ReasonCodes.LiveIncident);
        Assert.Equal(ReviewerQueues.Senior, r.Decision.ReviewerQueue);
        Assert.Equal(TestWorkspace.Now.AddHours(1), r.Decision.SlaDeadline);
    }

    [Fact]
    public void Run_DataLossTierOneCheckedWithoutResult_EscalatesToASeniorNotBackToTierOne()
    {
        var r = Run("All our tickets from yesterday vanished from the shared inbox, about 150 conversations.", TestWorkspace.Signals(new TextSignals { DataLoss = true }), Clear);

        Assert.Equal(Routes.Escalate, r.Decision.Route);
        Assert.Contains(r.Decision.Reasons, x => x.Code == ReasonCodes.Security);
    }

    [Fact]
    public void Run_DataLossWithNothingTried_TierOneDoesThePlaybookFirst()
    {
        var r = Run("All our tickets from yesterday vanished from the shared inbox.", TestWorkspace.Signals(new TextSignals { DataLoss = true }), Clear with { WhatTried = [] });

        Assert.NotEqual(Routes.ResolveInPlace, r.Decision.Route);
        Assert.DoesNotContain(r.Decision.Reasons, x => x.Code == ReasonCodes.Security);
    }

    [Fact]
    public void Run_SecondAbusiveMessageInTheThread_EscalatesToTheTeamLeadInsteadOfReturningIt()
    {
        var ticket = TestWorkspace.Ticket("Ihr Idioten habt schon wieder meine Bestellbestätigungen nicht verschickt.", "cus_100", handoff: Clear with { Category = "technical" }) with
        {
            Messages =
            [
                new TicketMessage { From = "customer", At = TestWorkspace.Now.AddHours(-3), Text = "Ihr Idioten habt schon wieder meine Bestellbestätigungen nicht verschickt." },
                new TicketMessage { From = "agent", At = TestWorkspace.Now.AddHours(-2), Text = "Das tut mir leid, ich prüfe das sofort und melde mich." },
                new TicketMessage { From = "customer", At = TestWorkspace.Now.AddHours(-1), Text = "Prüfen, prüfen. Ihr seid ein Haufen inkompetenter Vollidioten. Macht endlich euren Job." },
            ],
        };

        var r = new EscalationCasePipeline(CaseDetectors.From(new DetectStage()), new ComposerDraftWriter()).Run(ticket, TestWorkspace.Build(), TestWorkspace.Now);

        Assert.Equal(Routes.Escalate, r.Decision.Route);
        Assert.Contains("team lead", Assert.Single(r.Decision.Reasons, x => x.Code == ReasonCodes.Abusive).Text, StringComparison.Ordinal);
    }
}

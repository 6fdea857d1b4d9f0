using Escalation.Core.Cases;
using Escalation.Core.Tests.Sensitive;
using Escalation.Core.Tickets;

namespace Escalation.Core.Tests.Cases;

/// <summary>Money already moved, or an ask taken back, is never acted on again without a person.</summary>
public sealed class EarlierStepsTests
{
    private static TierOneHandoff Tried(string action, string result) => new()
    {
        Summary = "Customer wants the add-on removed", Category = "billing", Priority = "P3",
        WhatTried = [new HandoffAttempt { Action = action, Result = result }], WhatNeeded = "Remove the add-on", CustomerExpectation = "Add-on gone",
    };

    [Theory]
    [InlineData("Refunded €49 via the billing console", "Done, refund id re_88AB")]
    [InlineData("Applied credit €67.50", "Done, CN-1142, on the December invoice")]
    [InlineData("Reembolso de 49 € en la consola", "Hecho")]
    public void AlreadyDone_TierOneRecordsTheMoneyMoved_QuotesIt(string action, string result)
    {
        var ticket = TestWorkspace.Ticket("Can you make sure the add-on is removed?", handoff: Tried(action, result));

        Assert.Contains(result, EarlierSteps.AlreadyDone(ticket), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Tried to refund the €49", "No permission")]
    [InlineData("Refund attempted", "Failed: greyed out for tier 1")]
    [InlineData("Explained how to cancel", "She cannot find the button")]
    [InlineData("Checked for an SLA credit already applied for October", "None claimed or applied")]
    public void AlreadyDone_TierOneCouldNotDoIt_IsNull(string action, string result)
    {
        Assert.Null(EarlierSteps.AlreadyDone(TestWorkspace.Ticket("Please refund the €49 add-on.", handoff: Tried(action, result))));
    }

    [Theory]
    [InlineData("Thanks for the refund of the €49 add-on! Can you make sure it's removed?")]
    [InlineData("Danke für die Erstattung! Bitte entfernen Sie noch das Add-on.")]
    public void AlreadyDone_CustomerThanksForTheRefund_QuotesIt(string text)
    {
        Assert.NotNull(EarlierSteps.AlreadyDone(TestWorkspace.Ticket(text)));
    }

    [Fact]
    public void AlreadyDone_CustomerHadCancelledBefore_IsNotAMoneyStepDone()
    {
        Assert.Null(EarlierSteps.AlreadyDone(TestWorkspace.Ticket("We had already cancelled but you charged us €149 on 15 Nov. Refund please.")));
    }

    [Theory]
    [InlineData("Actually, scratch that - the event is back on, so we'll keep the plan.")]
    [InlineData("Olvídalo, ya no necesito el reembolso.")]
    [InlineData("Laat maar, het is al opgelost.")]
    public void Retracted_CustomerTakesTheAskBack_QuotesIt(string text)
    {
        Assert.NotNull(EarlierSteps.Retracted(TestWorkspace.Ticket(text)));
    }

    [Fact]
    public void Retracted_PlainRequest_IsNull()
    {
        Assert.Null(EarlierSteps.Retracted(TestWorkspace.Ticket("Wir brauchen es aber doch nicht. Bitte entfernen und die 49 € erstatten.")));
    }

    [Fact]
    public void Extract_CustomerTookTheRefundBack_TierOnesRefundAskIsDropped()
    {
        var handoff = new TierOneHandoff
        {
            Summary = "Customer requested refund of EUR 49 charged 2026-11-10.", Category = "billing", Priority = "P3",
            WhatNeeded = "Refund EUR 49", CustomerExpectation = "Refund",
        };
        var ticket = TestWorkspace.Ticket(
            "Hola, ayer pedí el reembolso del cargo de 49 € del 10/11, pero olvídalo, ya lo resolvimos internamente. Lo único que necesito es saber cómo añadir un agente nuevo.",
            handoff: handoff);

        var f = new CaseFactsExtractor().Extract(ticket, TestWorkspace.Build(), TestWorkspace.Now);

        Assert.DoesNotContain(CaseAsks.Refund, f.Asks);
        Assert.NotNull(f.Retracted);
    }

    [Fact]
    public void RetractedAsks_TakeBackAfterTheCancellation_TakesBackTheCancellationOnly()
    {
        var ticket = TestWorkspace.Ticket("Please refund the €49 add-on from 3 November. Please cancel the plan too. Actually, scratch that - we'll keep the plan.");

        Assert.Equal([CaseAsks.Cancel], EarlierSteps.RetractedAsks(ticket));
    }

    [Fact]
    public void RetractedAsks_ScratchTheClosingPartThenRefund_TakesBackTheClosureNotTheRefund()
    {
        var ticket = TestWorkspace.Ticket("So I'd like my money back for that charge please, and close the account.\n\n"
            + "Actually, scratch the closing part - my partner wants to try it properly in the spring, so keep the account, just refund the 49 euros from the 25th.");

        Assert.Equal([CaseAsks.Cancel], EarlierSteps.RetractedAsks(ticket));
    }

    [Fact]
    public void RetractedAsks_PortugueseForgetTheCancellation_TakesBackTheCancellationOnly()
    {
        var ticket = TestWorkspace.Ticket("Oi! Sobre o cancelamento que pedi ontem, pode esquecer, vamos continuar. Só quero o reembolso dos 49 € do add-on cobrado em 16/11.");

        Assert.Equal([CaseAsks.Cancel], EarlierSteps.RetractedAsks(ticket));
    }

    [Fact]
    public void RetractedAsks_LaterMessageScratchesTheCancellation_OnlyTheRefundStands()
    {
        var ticket = TestWorkspace.Ticket("oh that fixed it ok scratch the cancellation, keep the account. just refund the €99 please");

        Assert.Equal([CaseAsks.Cancel], EarlierSteps.RetractedAsks(ticket));
    }
}

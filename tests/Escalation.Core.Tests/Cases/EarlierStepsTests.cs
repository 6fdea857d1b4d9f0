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
}

using Escalation.Core.Escalations;
using Escalation.Core.Tests.Sensitive;
using Escalation.Core.Tickets;

namespace Escalation.Core.Tests.Escalations;

public sealed class ReceiveStageTests
{
    private static ReceivedHandoff Receive(TierOneHandoff? h) => new ReceiveStage().Receive(TestWorkspace.Ticket("help", handoff: h), TestWorkspace.Now);

    [Fact]
    public void Receive_NoHandoff_IsAmbiguous()
    {
        var r = Receive(null);

        Assert.True(r.Ambiguous);
        Assert.Contains(r.Issues, i => i.Field == "handoff");
    }

    [Fact]
    public void Receive_OnlyWhitespaceAttempts_CountsAsEmptyWhatTried()
    {
        var r = Receive(new TierOneHandoff
        {
            Summary = "s", Category = "billing", Priority = "p1", WhatNeeded = "a decision", CustomerExpectation = "A refund of the fee",
            WhatTried = [new HandoffAttempt { Action = "  ", Result = "\n" }],
        });

        Assert.True(r.WhatTriedEmpty);
        Assert.False(r.Ambiguous);
        Assert.Equal("P1", r.Handoff.Priority);
    }

    [Fact]
    public void Receive_ContradictoryNeedAndExpectation_IsAmbiguous()
    {
        var r = Receive(new TierOneHandoff
        {
            Summary = "s", Category = "billing", Priority = "P1", WhatTried = [new HandoffAttempt { Action = "a", Result = "b" }],
            WhatNeeded = "Confirm no refund is due", CustomerExpectation = "Full refund this week",
        });

        Assert.True(r.Ambiguous);
        Assert.Contains(r.Issues, i => i.Problem.Contains("point different ways", StringComparison.Ordinal));
    }
}

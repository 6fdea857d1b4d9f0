using Escalation.Core.Actions;

namespace Escalation.Core.Tests.Actions;

public sealed class ActionChangesTests
{
    private static readonly CaseAction Credit = new()
    {
        Kind = ActionKinds.Credit, Amount = 45m, Currency = "EUR", Limit = 100m, PolicyCitation = "goodwill@2026.1#ab", NeedsApproval = true,
    };

    private static readonly CaseAction Report = new() { Kind = ActionKinds.BugReport, Summary = "Exports time out", PolicyCitation = "goodwill@2026.1#ab" };

    private static readonly IReadOnlyList<CaseAction> Actions = [Credit, Report];

    [Theory]
    [InlineData(30, true)]
    [InlineData(45, true)]
    [InlineData(45.01, false)]
    [InlineData(0, false)]
    [InlineData(-5, false)]
    public void Refusal_AmountAgainstTheProposalAndLimit_OnlyLowerAndPositivePass(double amount, bool allowed)
    {
        var refusal = ActionChanges.Refusal(Actions, new ActionChange(0, false, (decimal)amount));

        Assert.Equal(allowed, refusal is null);
    }

    [Fact]
    public void Refusal_ProposalAboveThePolicyLimit_LimitIsTheCeiling()
    {
        IReadOnlyList<CaseAction> over = [Credit with { Amount = 150m }];

        Assert.NotNull(ActionChanges.Refusal(over, new ActionChange(0, false, 120m)));
        Assert.Null(ActionChanges.Refusal(over, new ActionChange(0, false, 100m)));
    }

    [Fact]
    public void Refusal_AmountOnAnActionWithoutMoney_Refused()
    {
        Assert.Contains("no amount", ActionChanges.Refusal(Actions, new ActionChange(1, false, 10m)), StringComparison.Ordinal);
        Assert.NotNull(ActionChanges.Refusal(Actions, new ActionChange(5, true, null)));
    }

    [Fact]
    public void ToExecute_NoReview_OnlyWhatThePolicyAuthorisesNow()
    {
        var run = ActionChanges.ToExecute(Actions, reviewed: false, null);

        Assert.Equal([1], run.Select(r => r.Index));
    }

    [Fact]
    public void ToExecute_ReviewerLoweredAndDropped_ReviewersAmountWithTheProposalKept()
    {
        var lowered = ActionChanges.ToExecute(Actions, reviewed: true, [new ActionChange(0, false, 30m)]);
        var dropped = ActionChanges.ToExecute(Actions, reviewed: true, [new ActionChange(0, true, null)]);

        var credit = lowered[0];
        Assert.Equal(30m, credit.Action.Amount);
        Assert.Equal(45m, credit.Proposed);
        Assert.Equal([1], dropped.Select(r => r.Index));
    }

    [Fact]
    public void ToExecute_ChangeAboveTheLimit_ProposedAmountKept()
    {
        var run = ActionChanges.ToExecute(Actions, reviewed: true, [new ActionChange(0, false, 500m)]);

        Assert.Equal(45m, run[0].Action.Amount);
        Assert.Null(run[0].Proposed);
    }
}

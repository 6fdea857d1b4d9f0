using Escalation.Core.Actions;

namespace Escalation.Core.Tests.Actions;

public sealed class ActionKeysTests
{
    [Fact]
    public void For_SameCaseIndexAndKind_SameKeyEveryTime()
    {
        Assert.Equal(ActionKeys.For("case-fd-20731-1", 0, "refund"), ActionKeys.For("case-fd-20731-1", 0, "refund"));
        Assert.Matches("^act_[0-9a-f]{32}$", ActionKeys.For("case-fd-20731-1", 0, "refund"));
    }

    [Theory]
    [InlineData("case-fd-20731-2", 0, "refund")]
    [InlineData("case-fd-20731-1", 1, "refund")]
    [InlineData("case-fd-20731-1", 0, "credit")]
    public void For_AnotherCaseIndexOrKind_AnotherKey(string caseId, int index, string kind)
    {
        Assert.NotEqual(ActionKeys.For("case-fd-20731-1", 0, "refund"), ActionKeys.For(caseId, index, kind));
    }
}

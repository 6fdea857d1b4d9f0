using Escalation.Core.Cases;

namespace Escalation.Core.Tests.Cases;

public sealed class CaseIdsTests
{
    [Fact]
    public void For_SameTicketAndRevision_IsStable() =>
        Assert.Equal(CaseIds.For("ZD-48213", 1), CaseIds.For("ZD-48213", 1));

    [Fact]
    public void For_NewRevision_IsANewCase() =>
        Assert.NotEqual(CaseIds.For("ZD-48213", 1), CaseIds.For("ZD-48213", 2));

    [Fact]
    public void For_TicketIdsThatSlugAlike_StayDistinct() =>
        Assert.NotEqual(CaseIds.For("ZD-48213", 1), CaseIds.For("zd 48213", 1));

    [Theory]
    [InlineData("ZD-48213", "zd-48213-r1-")]
    [InlineData("a/b#c?d", "a-b-c-d-r1-")]
    [InlineData("///", "ticket-r1-")]
    public void For_AnyTicketId_GivesAnIdSafeForDurableAndUrls(string ticketId, string prefix)
    {
        var id = CaseIds.For(ticketId, 1);

        Assert.StartsWith(prefix, id);
        Assert.Matches("^[a-z0-9-]{1,70}$", id);
    }
}

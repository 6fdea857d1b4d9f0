using Escalation.Core.Tracing;

namespace Escalation.Core.Tests.Tracing;

public sealed class TracePolicyCitationTests
{
    [Theory]
    [InlineData("refund@3#abc123", "refund", "3", "abc123")]
    [InlineData("refund@2026-01#", "refund", "2026-01", "")]
    [InlineData("refund@3", "refund", "3", "")]
    [InlineData("refund", "refund", "", "")]
    [InlineData("refund#abc", "refund#abc", "", "abc")]
    [InlineData("a@b@c#d#e", "a", "b", "d")]
    public void Parts_OfACitation_AreItsIdVersionAndHash(string citation, string id, string version, string sha256)
    {
        var cited = new TracePolicyCitation(citation, "Refund policy");

        Assert.Equal((id, version, sha256), (cited.Id, cited.Version, cited.Sha256));
    }
}

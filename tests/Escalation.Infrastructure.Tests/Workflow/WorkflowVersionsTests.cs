using Escalation.Core.Workflow;

namespace Escalation.Infrastructure.Tests.Workflow;

public sealed class WorkflowVersionsTests
{
    [Theory]
    [InlineData(null, 1)]
    [InlineData("", 1)]
    [InlineData("1", 1)]
    [InlineData("2", 2)]
    [InlineData("12.3", 12)]
    public void Major_Version_IsItsWholeNumberAndEmptyIsOne(string? version, int major) =>
        Assert.Equal(major, WorkflowVersions.Major(version));

    [Theory]
    [InlineData("v2")]
    [InlineData("0")]
    [InlineData("-1")]
    public void Major_NotAWholeNumber_Throws(string version) =>
        Assert.Throws<FormatException>(() => WorkflowVersions.Major(version));

    [Fact]
    public void IsAtLeast_OlderInstance_TakesTheOldPath()
    {
        Assert.False(WorkflowVersions.IsAtLeast("1", 2));
        Assert.False(WorkflowVersions.IsAtLeast("", 2));
        Assert.True(WorkflowVersions.IsAtLeast("2", 2));
        Assert.True(WorkflowVersions.IsAtLeast("3", 2));
    }
}

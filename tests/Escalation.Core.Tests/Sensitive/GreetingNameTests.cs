using Escalation.Core.Sensitive;

namespace Escalation.Core.Tests.Sensitive;

/// <summary>The greeting names a person: the first name, or a title with the surname, never a title alone ("Hello Dr.,").</summary>
public sealed class GreetingNameTests
{
    [Theory]
    [InlineData("Helen Park", "Helen")]
    [InlineData("Dr. Helen Park", "Dr. Park")]
    [InlineData("Dr Helen Park", "Dr Park")]
    [InlineData("Prof. Dr. Anna Weber", "Prof. Dr. Weber")]
    [InlineData("Frau Anna Weber", "Frau Weber")]
    [InlineData("Mme Claire Martin", "Mme Martin")]
    [InlineData("Dott.ssa Giulia Bianchi", "Dott.ssa Bianchi")]
    [InlineData("Madonna", "Madonna")]
    [InlineData("Dr.", "Dr.")]
    public void FirstName_NameWithOrWithoutATitle_GreetsAPerson(string name, string greeted) =>
        Assert.Equal(greeted, ComposerSentences.FirstName(name));
}

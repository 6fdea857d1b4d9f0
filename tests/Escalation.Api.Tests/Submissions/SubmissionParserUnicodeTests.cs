using System.Text;
using Escalation.Api.Submissions;

namespace Escalation.Api.Tests.Submissions;

public sealed class SubmissionParserUnicodeTests
{
    [Theory]
    [InlineData("""{"ticketId":"A1","customer":{"id":"cus_014"},"messages":[{"text":"\ud800"}]}""", "/messages/0/text")]
    [InlineData("""{"ticketId":"\udfff","customer":{"id":"cus_014"},"messages":[{"text":"hi"}]}""", "/ticketId")]
    [InlineData("""{"ticketId":"A1","customer":{"id":"cus_014"},"messages":[{"text":"hi"},{"text":"ok","x/y":{"a~b":"\ud800"}}]}""", "/messages/1/x~1y/a~0b")]
    [InlineData("""{"ticketId":"A1","customer":{"id":"cus_014"},"messages":[{"text":"hi"}],"extra":{"\ud800":1}}""", "/extra")]
    [InlineData("""{"\udc00":"x","ticketId":"A1","customer":{"id":"cus_014"},"messages":[{"text":"hi"}]}""", "/")]
    public void Parse_LoneSurrogateEscape_Answers400NamingTheField(string json, string field)
    {
        var result = new SubmissionParser().Parse(Encoding.UTF8.GetBytes(json), _ => true);

        Assert.False(result.IsValid);
        Assert.Equal(400, result.Problem!.Status);
        Assert.Equal(field, Assert.Single(result.Problem.Errors).Field);
    }

    [Fact]
    public void Parse_PairedSurrogatesAndEmoji_AreAccepted()
    {
        var json = """{"ticketId":"A2","customer":{"id":"cus_014"},"messages":[{"text":"thanks \ud83d\ude00 😀 é"}]}""";

        var result = new SubmissionParser().Parse(Encoding.UTF8.GetBytes(json), _ => true);

        Assert.True(result.IsValid);
        Assert.Contains("😀", result.Submission!.Messages[0].Text);
    }
}

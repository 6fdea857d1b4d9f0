using Escalation.Api.Http;
using Escalation.Core.Actions;

namespace Escalation.Api.Tests.Http;

public sealed class ReviewActionFormTests
{
    private static readonly IReadOnlyList<CaseAction> Actions =
    [
        new CaseAction { Kind = ActionKinds.Credit, Amount = 45m, Currency = "EUR", Limit = 100m, PolicyCitation = "goodwill@2026.1#ab", NeedsApproval = true },
        new CaseAction { Kind = ActionKinds.BugReport, Summary = "Exports time out", PolicyCitation = "goodwill@2026.1#ab" },
    ];

    [Fact]
    public void Parse_LoweredAmountAndUntickedAction_ChangeAndDrop()
    {
        var form = new Dictionary<string, string> { ["actions"] = "2", ["keep-0"] = "1", ["amount-0"] = "30.00" };

        var (changes, refused) = ReviewActionForm.Parse(form, Actions);

        Assert.Empty(refused);
        Assert.Equal([new ActionChange(0, false, 30m), new ActionChange(1, true, null)], changes);
    }

    [Fact]
    public void Parse_AmountUnchanged_NoChange()
    {
        var (changes, _) = ReviewActionForm.Parse(new Dictionary<string, string> { ["actions"] = "2", ["keep-0"] = "1", ["keep-1"] = "1", ["amount-0"] = "45.00" }, Actions);

        Assert.Empty(changes);
    }

    [Theory]
    [InlineData("60")]
    [InlineData("0")]
    [InlineData("forty")]
    public void Parse_AmountOutsideTheLimitsOrNotANumber_Refused(string amount)
    {
        var (_, refused) = ReviewActionForm.Parse(new Dictionary<string, string> { ["actions"] = "2", ["keep-0"] = "1", ["keep-1"] = "1", ["amount-0"] = amount }, Actions);

        Assert.Equal("amount-0", Assert.Single(refused).Field);
    }

    [Fact]
    public void Contradictions_ReplyStillStatesTheLoweredAmount_RefusedWithAReplyError()
    {
        var errors = ReviewActionForm.Contradictions("I have added a credit of €45 to your account.", Actions, [new ActionChange(0, false, 30m)]);

        Assert.Equal("reply", Assert.Single(errors).Field);
        Assert.Contains("changed it to €30", errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I have added a credit of €30 to your account.")]
    [InlineData("I have added a credit of €30 to your account; your €450 invoice is unchanged.")]
    [InlineData("Ajouté : un avoir de 30,00 € sur votre compte.")]
    public void Contradictions_ReplyStatesWhatIsDone_None(string reply)
    {
        Assert.Empty(ReviewActionForm.Contradictions(reply, Actions, [new ActionChange(0, false, 30m)]));
    }

    [Theory]
    [InlineData("Thank you. A senior colleague will look at your refund request and reply by Tuesday.")]
    [InlineData("I have added a credit of €300 to your account.")]
    public void Contradictions_ReplyNeverMentionsTheMoneyApprovingPays_RefusedWithAReplyError(string reply)
    {
        var errors = ReviewActionForm.Contradictions(reply, Actions, [new ActionChange(0, false, 30m)]);

        Assert.Contains(errors, e => e.Field == "reply" && e.Message.Contains("does not mention the credit of €30", StringComparison.Ordinal));
    }
}

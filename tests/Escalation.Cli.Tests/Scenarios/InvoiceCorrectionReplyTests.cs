using Escalation.Core.Actions;
using Escalation.Core.Decisions;

namespace Escalation.Cli.Tests.Scenarios;

/// <summary>
/// A corrected invoice asked for in any covered language is the policy's invoice-correction rule: it is carried out by a
/// reissue-invoice action that carries the customer's details, and the reply says it was issued only beside that action.
/// </summary>
public sealed class InvoiceCorrectionReplyTests
{
    [Theory]
    [InlineData("Hello, could you re-issue the invoice of 1 November with our new VAT number DE298765432? The old one has the wrong number.", "I have issued a corrected invoice", "DE298765432")]
    [InlineData("Können Sie uns die Rechnung vom 1. November mit unserer neuen USt-IdNr. DE298765432 neu ausstellen? Auf der alten steht noch die falsche Nummer.", "Ich habe eine korrigierte Rechnung", "DE298765432")]
    [InlineData("Bonjour, pourriez-vous réémettre la facture du 1er novembre avec notre nouveau numéro de TVA FR12345678901 ? Merci", "facture", "FR12345678901")]
    public void Decide_InvoiceAskedAgainWithNewDetails_IssuesItByAnActionThatCarriesTheDetails(string text, string said, string detail)
    {
        var s = ScenarioSuiteTests.Scenario("p29-01");
        s.Text = text;
        s.Customer = "cus_010";

        var d = ScenarioSuiteTests.Decide(s);

        Assert.Equal(Routes.DraftAndSend, d.Route);
        Assert.Contains(said, d.Draft, StringComparison.Ordinal);
        var reissue = Assert.Single(d.Actions, a => a.Kind == ActionKinds.ReissueInvoice);
        Assert.Contains(detail, reissue.Summary, StringComparison.Ordinal);
        Assert.False(reissue.NeedsApproval);
        Assert.StartsWith("refund@", reissue.PolicyCitation, StringComparison.Ordinal);
    }
}

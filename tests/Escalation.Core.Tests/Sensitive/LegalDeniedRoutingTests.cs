using Escalation.Core.Decisions;
using Escalation.Core.Sensitive;
using Escalation.Core.Signals;

namespace Escalation.Core.Tests.Sensitive;

/// <summary>A negated legal mention is no legal threat, but it is never auto-sent; an angry ticket in any covered language is never sent as calm.</summary>
public sealed class LegalDeniedRoutingTests
{
    private static SensitiveCaseResult Run(string text) => TestWorkspace.Decide(text);

    private const string CalmRefund = "Hello, I was charged $49 on 2026-11-20 but I changed my mind. Could I get a refund?";

    [Fact]
    public void Route_NegatedLegalMention_GoesToReviewWithLegalDeniedReason()
    {
        var r = Run(CalmRefund + " No need for lawyers here, I'm not planning to sue anyone.");

        Assert.Equal(Routes.DraftForReview, r.Decision.Route);
        var why = Assert.Single(r.Decision.Reasons, x => x.Code == ReasonCodes.LegalDenied);
        Assert.Contains("not read as a legal threat", why.Text, StringComparison.Ordinal);
        Assert.Contains("a human checks", why.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_NegatedLegalMention_IsNotEscalatedAsLegalSensitive()
    {
        var r = Run(CalmRefund + " No need for lawyers here, I'm not planning to sue anyone.");

        Assert.DoesNotContain(r.Decision.Reasons, x => x.Code == ReasonCodes.LegalSensitive);
    }

    [Fact]
    public void Route_ConditionalLegalThreat_IsEscalatedAsLegalSensitive()
    {
        var r = Run(CalmRefund + " If you don't refund it I will sue.");

        Assert.Equal(Routes.Escalate, r.Decision.Route);
        Assert.Contains(r.Decision.Reasons, x => x.Code == ReasonCodes.LegalSensitive);
        Assert.DoesNotContain(r.Decision.Reasons, x => x.Code == ReasonCodes.LegalDenied);
    }

    [Fact]
    public void Detect_NegatedLegalMention_TraceSaysItWasNegated()
    {
        var r = Run(CalmRefund + " We will not involve a lawyer.");

        Assert.Contains(r.Decision.Trace, e => e.Stage == "detect" && e.Text.Contains("legal mention negated", StringComparison.Ordinal) && e.Text.Contains("\"lawyer\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Hola, me cobraron 49 euros el 20 de noviembre y quiero un reembolso. ¡Estoy furioso, es una vergüenza!")]
    [InlineData("Hallo, mir wurden am 20. November 49 Euro abgebucht, ich will eine Erstattung. Ich bin wütend, eine Unverschämtheit!")]
    [InlineData("Bonjour, on m'a prélevé 49 euros le 20 novembre, je veux un remboursement. Je suis furieux, c'est honteux !")]
    [InlineData("Olá, cobraram 49 euros no dia 20 de novembro e quero o reembolso. Estou revoltado, que vergonha!")]
    [InlineData("Buongiorno, mi avete addebitato 49 euro il 20 novembre, voglio il rimborso. Sono furioso, che vergogna!")]
    [InlineData("Hallo, op 20 november is 49 euro afgeschreven en ik wil mijn geld terug. Ik ben woedend, dit is schandalig!")]
    public void Route_AngryRefundInAnyLanguage_IsNeverSentAndNamesTheIntensity(string text)
    {
        var r = Run(text);

        Assert.NotEqual(Routes.DraftAndSend, r.Decision.Route);
        Assert.Contains(r.Decision.Reasons, x => x.Code is ReasonCodes.ElevatedIntensity or ReasonCodes.HighIntensity);
    }
}

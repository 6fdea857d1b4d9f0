using Escalation.Core.Cases;
using Escalation.Core.Signals;
using Escalation.Core.Tests.Sensitive;

namespace Escalation.Core.Tests.Decisions;

/// <summary>
/// Health-tech and care customers (twenty-eighth probe batch): a branch that is not the account holder, a title that is no
/// manager request, "aucun remboursement n'est demandé", a Portuguese "suplemento".
/// </summary>
public sealed class CareCustomersTests
{
    [Theory]
    [InlineData("Bitte kündigen Sie unser Abo zum Laufzeitende. Wir sind nicht der Kontoinhaber, das Konto gehört der Zentrale.")]
    [InlineData("Please cancel our plan at the end of the term. We are not the account owner - the account is held by our head office.")]
    [InlineData("Merci de résilier notre abonnement. Nous ne sommes pas le titulaire du compte, c'est le siège.")]
    public void Extract_ABranchThatIsNotTheAccountHolder_IsNotTheHolder(string text) =>
        Assert.NotNull(TestWorkspace.Facts(text).NotAccountHolder);

    [Fact]
    public void Extract_ISayIAmTheBranchManager_IsNoManagerRequest() =>
        Assert.DoesNotContain(CaseAsks.Manager, TestWorkspace.Facts("Goedemiddag, ik ben de manager van de vestiging. Kunnen jullie de dubbele afschrijving van €149 van 12 november terugbetalen?").Asks);

    [Theory]
    [InlineData("¿Pueden devolvernos el cargo duplicado de 149 €? Gracias, Lucía Ferrer, gerente", false)]
    [InlineData("Grazie, Paolo Esposito, direttore", false)]
    [InlineData("Quiero hablar con el gerente ahora mismo.", true)]
    [InlineData("Voglio parlare con il direttore.", true)]
    public void Analyze_AManagersTitleOnTheSignOff_IsNoManagerRequest(string text, bool request) =>
        Assert.Equal(request, new LexiconSignalAnalyzer().AnalyzeText(text).ManagerRequest);

    [Fact]
    public void Extract_NoRefundIsAsked_IsNoRefundAsk() =>
        Assert.DoesNotContain(CaseAsks.Refund, TestWorkspace.Facts("Bonjour, merci de résilier notre abonnement à la fin de la période. Aucun remboursement n'est demandé.").Asks);

    [Fact]
    public void Extract_APortugueseSuplemento_IsTheAddOnToRemove() =>
        Assert.NotNull(TestWorkspace.Facts("Olá, podem reembolsar os 29 € do suplemento de teleconsulta comprado a 20/11 e remover o suplemento? Obrigada").RemoveAddOn);
}

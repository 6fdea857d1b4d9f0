using Escalation.Core.Cases;
using Escalation.Core.Decisions;
using Escalation.Core.Sensitive;
using Escalation.Core.Signals;
using Escalation.Core.Tests.Sensitive;
using Escalation.Core.Tickets;

namespace Escalation.Core.Tests.Decisions;

/// <summary>
/// Customers of every trade writing in their own words (twenty-third probe batch): a school's secretary while the owner is
/// away, a law firm signing its own mail, another school's pupils shown, a practice claiming the credit "you owe us".
/// </summary>
public sealed class IndustryWordsTests
{
    private static SensitiveCaseResult Decide(string text) => TestWorkspace.Decide(text);

    [Theory]
    [InlineData("hi, im the new office assistant. Mark (the account owner) is away on a tour until January, please cancel our plan and refund the €49 from 10 Nov. thanks, Jess", "Jess")]
    [InlineData("Bonjour, je suis la secrétaire de l'école. Le directeur, qui a ouvert le compte, est en arrêt maladie. Pouvez-vous résilier notre abonnement ? Cordialement, Sylvie Martin", "Sylvie")]
    [InlineData("Hallo, der Kontoinhaber ist im Urlaub. Bitte kündigen Sie unser Abo zum Laufzeitende. Viele Grüße, Jens", "Jens")]
    public void Route_AWriterWhileTheOwnerIsAway_IsConfirmedByAPersonAndGreetsTheWriter(string text, string writer)
    {
        var r = Decide(text);

        Assert.Contains(r.Decision.Reasons, x => x.Code == ReasonCodes.RequesterAuthority);
        Assert.Contains(writer, r.Decision.Draft.Split('\n')[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sehr geehrte Damen und Herren, bitte kündigen Sie unser Abonnement zum Ende der Laufzeit. Mit freundlichen Grüßen, Dr. Eva Krämer, Rechtsanwältin")]
    [InlineData("Bonjour, pourriez-vous réémettre la facture de novembre avec notre numéro de TVA ? Bien cordialement, Maître Claire Dupont, avocate associée")]
    public void Analyze_ALawyerSigningTheirOwnMail_IsNoLegalThreat(string text) =>
        Assert.False(new LexiconSignalAnalyzer().AnalyzeText(text).Legal, text);

    [Fact]
    public void Analyze_ALawyerNamedAfterTheSignOff_IsStillAThreat() =>
        Assert.True(new LexiconSignalAnalyzer().AnalyzeText("You charged us twice and ignored three emails. Kind regards, Tom. I'll be calling my attorney tomorrow.").Legal);

    [Theory]
    [InlineData("When one of our teachers opened a parent's ticket, the side panel showed another school's student records, names and class notes included.")]
    [InlineData("Eine Kollegin hat gestern in einem Elternticket die Noten und Daten eines anderen Schülers einer anderen Schule gesehen.")]
    public void Analyze_AnotherSchoolsPupilsShown_IsAPrivacyBreach(string text) =>
        Assert.Contains(LegalKinds.PrivacyBreach, new LexiconSignalAnalyzer().AnalyzeText(text).LegalKinds);

    [Fact]
    public void Extract_AJobTitleInTheSignature_IsNoManagerRequest() =>
        Assert.DoesNotContain(CaseAsks.Manager, TestWorkspace.Facts("Please re-issue our October invoice with PO-44817 so the council pays it. Fiona, School Business Manager").Asks);

    [Fact]
    public void Analyze_TheSlaCreditYouOweUs_IsAClaimNotACompensationDemand()
    {
        Assert.False(new LexiconSignalAnalyzer().AnalyzeText("Please apply the SLA credit you owe us for those 3 hours.").CompensationDemand);
        Assert.True(new LexiconSignalAnalyzer().AnalyzeText("You owe us for every booking we lost that day.").CompensationDemand);
    }

    [Theory]
    [InlineData("Bonjour, nous avons pris l'option Rapports le 14/11/2026 mais elle ne nous sert pas. Pouvez-vous nous rembourser les 29 € ?", 14)]
    [InlineData("Hallo, wij kochten op 11-11-2026 de add-on Rapporten, maar we gebruiken hem niet. Kunnen jullie de 29 euro terugstorten?", 11)]
    public void Extract_BoughtInLocalWords_ReadsTheChargeDate(string text, int day) =>
        Assert.Equal(new DateOnly(2026, 11, day), TestWorkspace.Facts(text).PurchaseDate);

    [Fact]
    public void Extract_AQuedaWithItsHours_ReadsTheOutage() =>
        Assert.Equal(3, TestWorkspace.Facts("Bom dia, devido à queda de 2 de novembro (09h10–12h10 UTC), os lembretes saíram atrasados. Solicitamos o crédito SLA.").OutageHours);

    [Fact]
    public void Asks_WhenCanIExpectIt_IsARefundStatusQuestion() =>
        Assert.True(RefundStatus.Asks("Wanneer kan ik die verwachten?"));

    [Fact]
    public void Plan_ARefundAboveTheFeeThatNoChargeIsKnownToBe_ProposesNoRefundAndStatesNone()
    {
        var r = Decide("Hey, you charged us twice on 14 November: €49 and €49, so €98 in total. Please refund the duplicate €59 asap. Tom");

        Assert.Equal(Routes.DraftForReview, r.Decision.Route);
        Assert.Contains(r.Decision.Reasons, x => x.Code == ReasonCodes.AmountAmbiguous);
        Assert.DoesNotContain(r.Decision.Actions, a => a.Kind == Escalation.Core.Actions.ActionKinds.Refund);
        Assert.DoesNotContain("I have refunded", r.Decision.Draft, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hola, el 12/11/2026 compramos un paquete de asientos extra por 99 €. ¿Me podéis reembolsar los 99 € y quitar el paquete?", "paquete de asientos extra")]
    [InlineData("Olá, fomos cobrados 79 € em 09/11/2026 por um pacote de lugares extra. Podem reembolsar os 79 € e retirar o pacote?", "pacote de lugares extra")]
    [InlineData("Hi, I bought an extra seat pack for €49 on 16 November by mistake. Could you refund the €49 and remove the pack?", "extra seat pack")]
    public void Extract_ThePackNamedInFullAfterAnIndefiniteArticle_IsTheOneRemoved(string text, string name) =>
        Assert.Equal(name, TestWorkspace.Facts(text).RemoveAddOn);
}

using Escalation.Core.Cases;
using Escalation.Core.Knowledge;
using Escalation.Core.Sensitive;
using Escalation.Core.Signals;

namespace Escalation.Core.Tests.Sensitive;

/// <summary>Issue 25: a reply in Spanish is checked with the tone guide's Spanish markers, not the English patterns.</summary>
public sealed class SpanishToneCheckTests
{
    private static readonly ReplyLanguage Spanish = new()
    {
        Code = "es",
        Months = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
        Weekdays = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
        Templates = new Dictionary<string, string> { ["number.decimal"] = ",", ["number.group"] = ".", ["format.money"] = "{amount} {symbol}" },
        Markers = new Dictionary<string, IReadOnlyList<string>>
        {
            ["greeting"] = ["hola", "buenos días"], ["acknowledgement"] = ["nos ha pedido", "entiendo", "siento"], ["action"] = ["he", "hemos"],
            ["timeline"] = ["en un plazo de", "a más tardar"], ["thanks"] = ["gracias"], ["apology"] = ["siento", "lamento"],
            ["done"] = ["he reembolsado", "he añadido"], ["holding"] = ["le responderé"], ["closing"] = ["responder a este correo"],
            ["person"] = ["una persona"], ["promise"] = ["reembolsado", "reembolsaremos"], ["refund"] = ["reembols*"], ["casual"] = ["jaja"],
            ["liability"] = ["culpa nuestra"],
        },
        BannedPhrases = [new BannedPhrase("cálmese", "Quita importancia a lo que siente el cliente.")],
    };

    private static readonly CaseFacts Refund = new()
    {
        Amount = 99, Currency = "EUR", Asks = [CaseAsks.Refund], RefundWindowDays = 30, DaysPastWindow = 0, PurchaseDate = new DateOnly(2026, 11, 10),
    };

    // Long Spanish words read as a high grade to the English formula; the reply is plain Spanish.
    private const string Body =
        "Nos ha pedido un reembolso de 99 € correspondiente a la renovación automática de su suscripción del 10 de noviembre de 2026. " +
        "He reembolsado 99 € a la tarjeta o cuenta con la que pagó. " +
        "Lo recibirá en un plazo de 5 días hábiles, dependiendo de la entidad emisora de su tarjeta. Gracias por escribirnos. " +
        "Si necesita cualquier otra aclaración administrativa, basta con responder a este correo. " +
        "Si prefiere hablarlo con una persona, dígalo en su respuesta.";

    private static ToneCheck Check(string body, TextSignals? text = null)
    {
        var workspace = TestWorkspace.Build();
        var guide = workspace.ToneGuide with { Languages = new Dictionary<string, ReplyLanguage> { ["es"] = Spanish } };
        var spanish = new Workspace(workspace.Version, workspace.Routing, guide, workspace.Customers, workspace.Policies, workspace.Precedents, workspace.Playbooks);
        var signals = TestWorkspace.Signals(text ?? new TextSignals { CustomerTone = "casual" }) with
        {
            Language = new CaseLanguage { Code = "es", Name = "Spanish", Confidence = 0.9 },
        };
        return new ToneCheckStage().Check(
            new Draft { Text = $"Hola, Dana:\n\n{body}\n\nPriya", Writer = "test" },
            new DraftRequest
            {
                TicketId = "T-1", CustomerName = "Dana Ruiz", Signals = signals, Facts = Refund, Retrieval = new PolicyRetrieval(),
                Offer = new DraftOffer("refund", 99, "EUR", "refund@2026.3#aaa"),
            },
            spanish);
    }

    [Fact]
    public void Check_CorrectSpanishReply_PassesWithoutTheEnglishReadingGrade()
    {
        Assert.True(Readability.Grade(Body) > 8, "the English formula grades this Spanish text above the guide's maximum");

        var c = Check(Body);

        Assert.True(c.Passed, string.Join("; ", c.Violations.Select(v => v.Code)));
        Assert.DoesNotContain(c.Violations, v => v.Code == ToneViolationCodes.ReadingLevel);
        Assert.Contains(c.Trace, e => e.Text.Contains("reading grade not computed for es", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_SpanishReplyNamingAnotherAmount_FailsWrongAmount()
    {
        var c = Check(Body.Replace("He reembolsado 99 €", "He reembolsado 1.990,00 €", StringComparison.Ordinal));

        Assert.False(c.Passed);
        Assert.Contains(c.Violations, v => v.Code == ToneViolationCodes.WrongAmount && v.Text.Contains("1.990,00 €", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_SpanishBannedPhrase_IsFlagged()
    {
        var c = Check("Cálmese, por favor. " + Body);

        Assert.Contains(c.Violations, v => v.Code == ToneViolationCodes.BannedPhrase && v.Text.Contains("cálmese", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_AngryCustomerSpanishReplyWithoutApology_FailsMissingApology()
    {
        var c = Check(Body, new TextSignals { CustomerTone = "angry", Negative = true, Intensity = 0.5 });

        Assert.False(c.Passed);
        Assert.Contains(c.Violations, v => v.Code == ToneViolationCodes.MissingApology);
        Assert.True(Check("Siento mucho lo ocurrido. " + Body, new TextSignals { CustomerTone = "angry", Negative = true, Intensity = 0.5 }).Passed);
    }

    [Fact]
    public void Check_SpanishReplyWithEnglishStructureOnly_MissesTheSpanishChecklist()
    {
        // An English reply to a Spanish customer is not in the customer's language: the Spanish markers find nothing.
        var c = Check("You asked for a refund of €99. I have refunded €99. It will reach you within 5 business days. Thank you.");

        Assert.Contains(c.Violations, v => v.Code == ToneViolationCodes.MissingThanks);
        Assert.Contains(c.Violations, v => v.Code == ToneViolationCodes.MissingTimeline);
    }
}

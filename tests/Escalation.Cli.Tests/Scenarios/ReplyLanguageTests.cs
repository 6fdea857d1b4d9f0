using Escalation.Core.Decisions;
using Escalation.Core.Knowledge;
using Escalation.Core.Sensitive;
using Escalation.Core.Tickets;
using Escalation.Infrastructure.Workspace;

namespace Escalation.Cli.Tests.Scenarios;

/// <summary>Issue 25: replies in the customer's language from the sample tone guide's templates.</summary>
public sealed class ReplyLanguageTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<Workspace> Sample = new(() => WorkspaceLoader.LoadFolderAsync(Path.Combine(ScenarioFile.RepoRoot(), "samples", "workspace")).GetAwaiter().GetResult());

    private static SensitiveCaseResult Run(string text, string customer = "cus_008", Workspace? workspace = null) =>
        new SensitiveCasePipeline(CaseDetectors.Embedded, new ComposerDraftWriter()).Run(
            new CaseSubmission
            {
                TicketId = "T-lang", Kind = "sensitive", Customer = new CustomerProfile { Id = customer },
                Messages = [new TicketMessage { From = "customer", At = Now.AddHours(-1), Text = text }],
            },
            workspace ?? Sample.Value, Now);

    [Theory]
    [InlineData("es", "Hola, me cobraron 99 € el 10 de noviembre por el plan Growth y no lo quería. ¿Me pueden devolver el dinero, por favor?",
        "He reembolsado 99 € a la tarjeta", "10 de noviembre de 2026", "5 días hábiles")]
    [InlineData("de", "Hallo, mir wurden am 10. November 99 € für den Growth-Tarif abgebucht, den ich nicht wollte. Bitte erstatten Sie mir das.",
        "Ich habe Ihnen 99 € auf Ihr ursprüngliches Zahlungsmittel erstattet.", "10. November 2026", "5 Werktagen")]
    [InlineData("fr", "Bonjour, vous m'avez prélevé 99 € le 10 novembre pour l'offre Growth que je ne voulais pas. Pouvez-vous me rembourser ?",
        "J'ai remboursé 99 € sur la carte", "10 novembre 2026", "5 jours ouvrés")]
    [InlineData("pt", "Olá, cobraram-me 99 € no dia 10 de novembro pelo plano Growth, que eu não queria. Podem devolver-me o dinheiro, por favor?",
        "Reembolsei 99 € no cartão", "10 de novembro de 2026", "5 dias úteis")]
    [InlineData("it", "Buongiorno, il 10 novembre mi avete addebitato 99 € per il piano Growth che non volevo. Potete rimborsarmi, per favore?",
        "Ho rimborsato 99 € sulla carta", "10 novembre 2026", "5 giorni lavorativi")]
    [InlineData("nl", "Hallo, op 10 november is er 99 € afgeschreven voor het Growth-abonnement dat ik niet wilde. Kunt u dat terugbetalen?",
        "Ik heb € 99 teruggestort", "10 november 2026", "5 werkdagen")]
    public void Run_PlainRefundInACoveredLanguage_SentInThatLanguage(string code, string text, string refunded, string date, string days)
    {
        var r = Run(text);
        var guide = Sample.Value.ToneGuide.Languages[code];

        Assert.Equal(Routes.DraftAndSend, r.Decision.Route);
        Assert.Equal(code, r.Decision.Language);
        Assert.StartsWith(guide.Templates[CustomerGreetingKey(r)].Replace("{name}", "Lea", StringComparison.Ordinal), r.Decision.Draft, StringComparison.Ordinal);
        Assert.Contains(refunded, r.Decision.Draft, StringComparison.Ordinal);
        Assert.Contains(date, r.Decision.Draft, StringComparison.Ordinal);
        Assert.Contains(days, r.Decision.Draft, StringComparison.Ordinal);
        Assert.Contains(guide.AiDisclosure!, r.Decision.Draft, StringComparison.Ordinal);
        Assert.EndsWith(guide.SignOff!, r.Decision.Draft, StringComparison.Ordinal);
        Assert.True(r.ToneCheck.Passed);
        Assert.Contains(r.Decision.Trace, e => e.Stage == "tone-check" && e.Text.Contains($"reading grade not computed for {code}", StringComparison.Ordinal));
    }

    private static string CustomerGreetingKey(SensitiveCaseResult r) =>
        r.Decision.Draft.StartsWith("Hallo", StringComparison.Ordinal) || r.Decision.Draft.StartsWith("Hola", StringComparison.Ordinal)
        || r.Decision.Draft.StartsWith("Olá", StringComparison.Ordinal) || r.Decision.Draft.StartsWith("Buongiorno", StringComparison.Ordinal)
            ? "greeting.casual" : "greeting.formal";

    [Fact]
    public void Run_GermanRefundAboveTheCap_HeldDraftAndHoldingMessageInGerman()
    {
        var r = Run("Am 15. November wurden mir 980 € für ein Upgrade abgebucht, das ich nie bestellt habe. Bitte erstatten Sie das Upgrade.", "cus_009");

        Assert.Equal(Routes.DraftForReview, r.Decision.Route);
        Assert.Contains(r.Decision.Reasons, x => x.Code == ReasonCodes.AboveCap);
        Assert.Contains("Ich habe Ihnen 980 € auf Ihr ursprüngliches Zahlungsmittel erstattet.", r.Decision.Draft, StringComparison.Ordinal);
        Assert.DoesNotContain("Diese Antwort hat unser Support-Assistent", r.Decision.Draft, StringComparison.Ordinal);
        Assert.Contains("Sie erhalten unsere vollständige Antwort bis Dienstag, 24. November 2026, 12:00 Uhr UTC.", r.Decision.Acknowledgement, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_CoveredLanguageTheToneGuideLacks_ReviewNamesTheLanguagesItHas()
    {
        var full = Sample.Value;
        var guide = full.ToneGuide with { Languages = full.ToneGuide.Languages.Where(l => l.Key == "es").ToDictionary() };
        var onlySpanish = new Workspace(full.Version, full.Routing, guide, full.Customers, full.Policies, full.Precedents, full.Playbooks, full.Documents);

        var r = Run("Hallo, mir wurden am 10. November 99 € für den Growth-Tarif abgebucht, den ich nicht wollte. Bitte erstatten Sie mir das.", workspace: onlySpanish);

        Assert.Equal(Routes.DraftForReview, r.Decision.Route);
        var why = Assert.Single(r.Decision.Reasons, x => x.Code == ReasonCodes.ReplyLanguageMissing);
        Assert.Contains("de (German)", why.Text, StringComparison.Ordinal);
        Assert.Contains("replies can be written in en, es", why.Text, StringComparison.Ordinal);
        Assert.Contains("You asked for a refund of €99", r.Decision.Draft, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SpanishCase_PromptTellsTheModelTheReplyLanguageAndGreeting()
    {
        var r = Run("Hola, me cobraron 99 € el 10 de noviembre por el plan Growth y no lo quería. ¿Me pueden devolver el dinero, por favor?");
        var template = ChatPromptTemplate.Parse(ChatPromptTemplate.WorkspacePath, Sample.Value.Documents[ChatPromptTemplate.WorkspacePath]);

        var request = new DraftRequest
        {
            TicketId = "T-lang", CustomerName = r.Customer.Name, Signals = r.Signals, Facts = r.Facts, Retrieval = r.Retrieval,
            Offer = new DraftOffer("refund", 99, "EUR", "refund@2026.3#a"),
        };

        var prompt = ChatPromptBuilder.Build(template, request, Sample.Value);

        var system = prompt.Messages[0].Text;
        Assert.Contains("Write the whole reply in Spanish (es)", system, StringComparison.Ordinal);
        Assert.Matches("first line: \"(Hola|Buenos días), Lea:\"", system);
        Assert.Contains("Priya, Soporte sénior, Lumen Desk", system, StringComparison.Ordinal);
        Assert.Contains("\"cálmese\"", system, StringComparison.Ordinal);
        Assert.Contains("written 99 €", prompt.Messages[1].Text, StringComparison.Ordinal);
    }
}

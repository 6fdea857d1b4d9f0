using Escalation.Core.Decisions;
using Escalation.Core.Sensitive;
using Escalation.Core.Signals;
using Escalation.Core.Tests.Sensitive;

namespace Escalation.Core.Tests.Signals;

/// <summary>Issue 25, optional model reading: a fixed JSON schema whose flags only add caution.</summary>
public sealed class ModelReadingTests
{
    private const string Calm = "Hello, I was charged €49 on 2026-11-20 but I changed my mind. Could I get a refund?";

    private static string Answer(bool legal = false, bool distress = false, bool chargeback = false, bool publicExposure = false, string language = "en") =>
        $$"""{"language":"{{language}}","intent":"refund","amounts":[49],"legal":{{(legal ? "true" : "false")}},"distress":{{(distress ? "true" : "false")}},"chargeback":{{(chargeback ? "true" : "false")}},"publicExposure":{{(publicExposure ? "true" : "false")}}}""";

    private static Task<SensitiveCaseResult> RunAsync(string text, IChatDraftModel model, double timeoutSeconds = 5) =>
        new SensitiveCasePipeline(CaseDetectors.From(new DetectStage()), new ComposerDraftWriter(), new ModelReader(model, TimeSpan.FromSeconds(timeoutSeconds)))
            .RunAsync(TestWorkspace.Ticket(text, "cus_100"), TestWorkspace.Build(), TestWorkspace.Now);

    [Fact]
    public void Parse_SchemaAnswerInAJsonFence_ReadsEveryField()
    {
        var m = ModelReading.Parse("```json\n" + Answer(legal: true, publicExposure: true, language: "ES") + "\n```");

        Assert.Equal("es", m.Language);
        Assert.Equal("refund", m.Intent);
        Assert.Equal([49m], m.Amounts);
        Assert.True(m.Legal);
        Assert.True(m.PublicExposure);
        Assert.False(m.Distress);
    }

    [Theory]
    [InlineData("The customer seems calm.", "not JSON")]
    [InlineData("""{"language":"en","intent":null,"amounts":[],"legal":false,"distress":false,"chargeback":false}""", "missing field 'publicExposure'")]
    [InlineData("""{"language":"en","intent":null,"amounts":[],"legal":false,"distress":false,"chargeback":false,"publicExposure":false,"angry":true}""", "unknown field 'angry'")]
    [InlineData("""{"language":"en","intent":null,"amounts":[],"legal":"yes","distress":false,"chargeback":false,"publicExposure":false}""", "'legal' must be true or false")]
    [InlineData("""{"language":"en","intent":null,"amounts":["49 EUR"],"legal":false,"distress":false,"chargeback":false,"publicExposure":false}""", "'amounts' must hold numbers")]
    public void Parse_AnswerOutsideTheSchema_IsMalformed(string answer, string why)
    {
        Assert.Contains(why, Assert.Throws<FormatException>(() => ModelReading.Parse(answer)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ModelReadsLegalTheLexiconMissed_EscalatesAndSaysWhy()
    {
        Assert.Equal(Routes.DraftAndSend, (await RunAsync(Calm, new ScriptedModel(Answer()))).Decision.Route);

        var r = await RunAsync(Calm, new ScriptedModel(Answer(legal: true)));

        Assert.Equal(Routes.Escalate, r.Decision.Route);
        Assert.Contains(r.Decision.Reasons, x => x.Code == ReasonCodes.LegalSensitive);
        Assert.Contains(r.Decision.Trace, e => e.Stage == "detect" && e.Text.Contains("added legal", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_ModelReadsDistress_EscalatesAsDistress()
    {
        var r = await RunAsync(Calm, new ScriptedModel(Answer(distress: true)));

        Assert.Equal(Routes.Escalate, r.Decision.Route);
        Assert.Equal(ReasonCodes.Distress, r.Decision.Reasons[0].Code);
    }

    [Fact]
    public async Task Run_ModelMissesWhatTheLexiconRead_CautionStays()
    {
        var r = await RunAsync("If the $49 from 2026-11-20 is not refunded I will talk to my lawyer.", new ScriptedModel(Answer()));

        Assert.Equal(Routes.Escalate, r.Decision.Route);
        Assert.Contains(r.Decision.Reasons, x => x.Code == ReasonCodes.LegalSensitive);
    }

    [Fact]
    public async Task Run_ModelReadsAnUncoveredLanguage_NeverSent()
    {
        var r = await RunAsync(Calm, new ScriptedModel(Answer(language: "pl")));

        Assert.Equal(Routes.DraftForReview, r.Decision.Route);
        Assert.Contains(r.Decision.Reasons, x => x.Code == ReasonCodes.LanguageNotCovered);
    }

    [Fact]
    public async Task Run_MalformedAnswer_EmbeddedReadingStandsWithAReason()
    {
        var r = await RunAsync(Calm, new ScriptedModel("Sure! The customer wants a refund."));

        Assert.Equal(Routes.DraftAndSend, r.Decision.Route);
        Assert.Contains(r.Decision.Trace, e => e.Stage == "detect" && e.Text.Contains("not used (malformed: not JSON", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_ModelTimesOut_EmbeddedReadingStandsWithAReason()
    {
        var r = await RunAsync(Calm, new HangingModel(), timeoutSeconds: 0.05);

        Assert.Equal(Routes.DraftAndSend, r.Decision.Route);
        Assert.Contains(r.Decision.Trace, e => e.Stage == "detect" && e.Text.Contains("not used (timeout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_ModelCallFails_EmbeddedReadingStandsWithAReason()
    {
        var r = await RunAsync(Calm, new ScriptedModel(new ChatModelException(ChatModelFailures.ServerError, "HTTP 503")));

        Assert.Equal(Routes.DraftAndSend, r.Decision.Route);
        Assert.Contains(r.Decision.Trace, e => e.Stage == "detect" && e.Text.Contains("not used (model-error: server-error: HTTP 503)", StringComparison.Ordinal));
    }

    /// <summary>A model that answers only when cancelled.</summary>
    private sealed class HangingModel : IChatDraftModel
    {
        public string ModelName => "hanging";

        public async Task<ChatDraftResult> CompleteAsync(ChatPrompt prompt, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}

using Azure;
using Escalation.Core.Signals;
using Escalation.Core.Tickets;
using Escalation.Functions.Language;
using Moq;

namespace Escalation.Functions.Tests.Language;

public sealed class AzureLanguageSignalAnalyzerTests
{
    private static readonly TicketMessage[] Thread =
    [
        new() { From = "customer", Text = "Third time asking. My lawyer will be in touch." },
        new() { From = "agent", Text = "Sorry to hear that, we are looking into it." },
    ];

    private static readonly TextSignals Embedded = new()
    {
        Sentiment = 0.1,
        Negative = false,
        Legal = true,
        LegalKinds = [LegalKinds.Lawyer],
        Evidence = [new Evidence("legal", "lawyer", 0, 27, 6)],
    };

    [Fact]
    public void Analyze_ServiceReadsNegative_OverridesSentimentAndKeepsEveryOtherSignal()
    {
        var seen = new List<string>();
        var analyzer = new AzureLanguageSignalAnalyzer(Inner(), text => { seen.Add(text); return new LanguageSentiment("negative", 0.02, 0.08, 0.9); });

        var signals = analyzer.Analyze(Thread);

        Assert.True(signals.Negative);
        Assert.Equal(-0.88, signals.Sentiment, 3);
        Assert.True(signals.Legal);
        Assert.Equal([LegalKinds.Lawyer], signals.LegalKinds);
        Assert.Equal(["legal", "sentiment"], signals.Evidence.Select(e => e.Signal));
        Assert.Contains("azure-language: negative", signals.Evidence[1].Text);
        Assert.Equal(["Third time asking. My lawyer will be in touch."], seen);
    }

    [Theory]
    [InlineData("positive", 0.9, 0.05, false)]
    [InlineData("mixed", 0.3, 0.6, true)]
    [InlineData("mixed", 0.6, 0.3, false)]
    public void Analyze_ServiceLabel_DecidesNegative(string label, double positive, double negative, bool expected)
    {
        var analyzer = new AzureLanguageSignalAnalyzer(Inner(), _ => new LanguageSentiment(label, positive, 1 - positive - negative, negative));

        Assert.Equal(expected, analyzer.Analyze(Thread).Negative);
    }

    [Fact]
    public void Analyze_NoText_DoesNotCallTheService()
    {
        var analyzer = new AzureLanguageSignalAnalyzer(Inner(), _ => throw new InvalidOperationException("service called"));

        Assert.Equal(Embedded, analyzer.Analyze([new TicketMessage { Text = "   " }]));
    }

    [Fact]
    public void Analyze_ServiceFails_KeepsTheEmbeddedSentimentAndSaysSo()
    {
        var analyzer = new AzureLanguageSignalAnalyzer(Inner(), _ => throw new RequestFailedException(503, "Service Unavailable"));

        var signals = analyzer.Analyze(Thread);

        Assert.Equal((0.1, false), (signals.Sentiment, signals.Negative));
        Assert.Contains("azure-language unavailable (503)", signals.Evidence[^1].Text);
    }

    private static ITextSignalAnalyzer Inner()
    {
        var inner = new Mock<ITextSignalAnalyzer>();
        inner.Setup(a => a.Analyze(It.IsAny<IReadOnlyList<TicketMessage>>())).Returns(Embedded);
        return inner.Object;
    }
}

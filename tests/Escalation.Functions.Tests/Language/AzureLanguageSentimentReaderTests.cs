using Azure;
using Escalation.Core.Signals;
using Escalation.Core.Tickets;
using Escalation.Functions.Language;

namespace Escalation.Functions.Tests.Language;

public sealed class AzureLanguageSentimentReaderTests
{
    private static readonly CaseSubmission Ticket = new()
    {
        TicketId = "ZD-1",
        Customer = new CustomerProfile { Id = "cus_001" },
        Messages =
        [
            new() { From = "customer", Text = "Third time asking. My lawyer will be in touch." },
            new() { From = "agent", Text = "Sorry to hear that, we are looking into it." },
        ],
    };

    internal static readonly CaseSignals Embedded = new()
    {
        Priority = "P1",
        Text = new TextSignals
        {
            Sentiment = 0.1,
            Negative = false,
            Legal = true,
            LegalKinds = [LegalKinds.Lawyer],
            Evidence = [new Evidence("legal", "lawyer", 0, 27, 6)],
        },
    };

    [Fact]
    public async Task AddTo_ServiceReadsNegative_OverridesSentimentKeepsEveryOtherSignalAndTracesIt()
    {
        var seen = new List<string>();
        var reader = new AzureLanguageSentimentReader((text, _) => { seen.Add(text); return Task.FromResult(new LanguageSentiment("negative", 0.02, 0.08, 0.9)); });

        var signals = await reader.AddToAsync(Embedded, Ticket);

        Assert.True(signals.Text.Negative);
        Assert.Equal(-0.88, signals.Text.Sentiment, 3);
        Assert.True(signals.Text.Legal);
        Assert.Equal([LegalKinds.Lawyer], signals.Text.LegalKinds);
        Assert.Equal(["legal", "sentiment"], signals.Text.Evidence.Select(e => e.Signal));
        Assert.Contains("azure-language: negative", signals.Text.Evidence[1].Text);
        Assert.Contains(signals.Trace, e => e.Text.Contains("Azure AI Language read the customer's words as negative", StringComparison.Ordinal));
        Assert.Equal(["Third time asking. My lawyer will be in touch."], seen);
    }

    [Theory]
    [InlineData("positive", 0.9, 0.05, false)]
    [InlineData("mixed", 0.3, 0.6, true)]
    [InlineData("mixed", 0.6, 0.3, false)]
    public async Task AddTo_ServiceLabel_DecidesNegative(string label, double positive, double negative, bool expected)
    {
        var reader = new AzureLanguageSentimentReader((_, _) => Task.FromResult(new LanguageSentiment(label, positive, 1 - positive - negative, negative)));

        Assert.Equal(expected, (await reader.AddToAsync(Embedded, Ticket)).Text.Negative);
    }

    [Fact]
    public async Task AddTo_NoText_DoesNotCallTheService()
    {
        var reader = new AzureLanguageSentimentReader((_, _) => throw new InvalidOperationException("service called"));

        Assert.Same(Embedded, await reader.AddToAsync(Embedded, Ticket with { Messages = [new TicketMessage { Text = "   " }] }));
    }

    [Fact]
    public async Task AddTo_ServiceFails_KeepsTheEmbeddedSentimentAndSaysSo()
    {
        var reader = new AzureLanguageSentimentReader((_, _) => Task.FromException<LanguageSentiment>(new RequestFailedException(503, "Service Unavailable")));

        var signals = await reader.AddToAsync(Embedded, Ticket);

        Assert.Equal((0.1, false), (signals.Text.Sentiment, signals.Text.Negative));
        Assert.Contains("azure-language unavailable (503)", signals.Text.Evidence[^1].Text);
        Assert.Contains(signals.Trace, e => e.Text.Contains("not used", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddTo_ServiceStillAnswering_HoldsNoThreadWhileItWaits()
    {
        var answer = new TaskCompletionSource<LanguageSentiment>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reader = new AzureLanguageSentimentReader((_, _) => answer.Task);

        var pending = reader.AddToAsync(Embedded, Ticket);

        Assert.False(pending.IsCompleted); // returned to the caller at once: the wait is an await, not a blocked thread
        answer.SetResult(new LanguageSentiment("negative", 0.1, 0.1, 0.8));
        Assert.True((await pending).Text.Negative);
    }
}

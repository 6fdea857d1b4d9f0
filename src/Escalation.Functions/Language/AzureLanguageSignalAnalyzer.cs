using Azure;
using Azure.Core;
using Escalation.Core.Signals;
using Escalation.Core.Tickets;

namespace Escalation.Functions.Language;

/// <summary>
/// Text signals with sentiment from Azure AI Language: the embedded analyser finds every other signal and its evidence;
/// the service's verdict on the customer's words replaces only <see cref="TextSignals.Sentiment"/> and
/// <see cref="TextSignals.Negative"/>, with the scores added as evidence. When the service fails, the embedded verdict
/// stands and the evidence says so: a Language outage never stops a case.
/// </summary>
public sealed class AzureLanguageSignalAnalyzer : ITextSignalAnalyzer
{
    private readonly ITextSignalAnalyzer _inner;
    private readonly Func<string, LanguageSentiment> _analyze;

    /// <summary>Uses the Language resource at <paramref name="endpoint"/> with <paramref name="credential"/> (managed identity in Azure).</summary>
    public AzureLanguageSignalAnalyzer(ITextSignalAnalyzer inner, Uri endpoint, TokenCredential credential, string language = "en", LanguageClientOptions? options = null)
        : this(inner, Sentiment(new LanguageSentimentClient(endpoint, credential, options), language))
    {
    }

    internal AzureLanguageSignalAnalyzer(ITextSignalAnalyzer inner, Func<string, LanguageSentiment> analyze)
    {
        _inner = inner;
        _analyze = analyze;
    }

    public TextSignals Analyze(IReadOnlyList<TicketMessage> messages)
    {
        var signals = _inner.Analyze(messages);
        var text = CustomerText(messages);
        if (text.Length == 0)
        {
            return signals;
        }

        LanguageSentiment sentiment;
        try
        {
            sentiment = _analyze(text);
        }
        catch (RequestFailedException ex)
        {
            var unavailable = new Evidence("sentiment", FormattableString.Invariant($"azure-language unavailable ({ex.Status}); embedded sentiment kept"), -1, -1, 0);
            return signals with { Evidence = [.. signals.Evidence, unavailable] };
        }

        var score = Math.Clamp(sentiment.Positive - sentiment.Negative, -1.0, 1.0);
        var negative = sentiment.Label == "negative" || (sentiment.Label == "mixed" && sentiment.Negative > sentiment.Positive);
        var evidence = new Evidence(
            "sentiment",
            FormattableString.Invariant($"azure-language: {sentiment.Label} (positive {sentiment.Positive:0.00}, negative {sentiment.Negative:0.00})"),
            -1, -1, 0);
        return signals with { Sentiment = score, Negative = negative, Evidence = [.. signals.Evidence, evidence] };
    }

    private static Func<string, LanguageSentiment> Sentiment(LanguageSentimentClient client, string language) => text => client.Analyze(text, language);

    /// <summary>The customer's messages (all messages when none is marked as the customer's), capped at the service's document limit.</summary>
    internal static string CustomerText(IReadOnlyList<TicketMessage> messages)
    {
        const int MaxCharacters = 5000;
        var customer = messages.Where(m => m.IsFromCustomer).ToList();
        var text = string.Join("\n\n", (customer.Count > 0 ? customer : messages).Select(m => m.Text)).Trim();
        return text.Length > MaxCharacters ? text[..MaxCharacters] : text;
    }
}

/// <summary>The service's document sentiment: label (<c>positive</c>, <c>neutral</c>, <c>negative</c>, <c>mixed</c>) and confidence scores.</summary>
public sealed record LanguageSentiment(string Label, double Positive, double Neutral, double Negative);

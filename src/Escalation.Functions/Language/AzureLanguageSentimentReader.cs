using Azure;
using Azure.Core;
using Escalation.Core.Signals;
using Escalation.Core.Tickets;
using Escalation.Core.Tracing;

namespace Escalation.Functions.Language;

/// <summary>
/// Sentiment from Azure AI Language, added to the embedded reading after it: the service's verdict on the customer's
/// words replaces only <see cref="TextSignals.Sentiment"/> and <see cref="TextSignals.Negative"/>, with the scores added
/// as evidence and a line in the detect trace; every other signal stays the embedded one. The call is awaited (no thread
/// waits on the network). When the service fails, or answers without the documented shape, the embedded verdict stands
/// and the evidence and trace say so: a Language outage never stops a case.
/// </summary>
public sealed class AzureLanguageSentimentReader : ISignalReader
{
    private const string Stage = "detect";
    private readonly Func<string, CancellationToken, Task<LanguageSentiment>> _analyze;

    /// <summary>Uses the Language resource at <paramref name="endpoint"/> with <paramref name="credential"/> (managed identity in Azure).</summary>
    public AzureLanguageSentimentReader(Uri endpoint, TokenCredential credential, string language = "en", LanguageClientOptions? options = null)
        : this(Sentiment(new LanguageSentimentClient(endpoint, credential, options), language))
    {
    }

    internal AzureLanguageSentimentReader(Func<string, CancellationToken, Task<LanguageSentiment>> analyze) => _analyze = analyze;

    public async ValueTask<CaseSignals> AddToAsync(CaseSignals embedded, CaseSubmission ticket, CancellationToken cancellationToken = default)
    {
        var text = CustomerText(ticket.Messages);
        if (text.Length == 0)
        {
            return embedded;
        }

        var signals = embedded.Text;
        LanguageSentiment sentiment;
        try
        {
            sentiment = await _analyze(text, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            var unavailable = FormattableString.Invariant($"azure-language unavailable ({ex.Status}); embedded sentiment kept");
            return embedded with
            {
                Text = signals with { Evidence = [.. signals.Evidence, new Evidence("sentiment", unavailable, -1, -1, 0)] },
                Trace = [.. embedded.Trace, TraceEntry.Found(Stage, $"Azure AI Language sentiment not used: {unavailable}.", "azure-language")],
            };
        }

        var score = Math.Clamp(sentiment.Positive - sentiment.Negative, -1.0, 1.0);
        var negative = sentiment.Label == "negative" || (sentiment.Label == "mixed" && sentiment.Negative > sentiment.Positive);
        var read = FormattableString.Invariant($"azure-language: {sentiment.Label} (positive {sentiment.Positive:0.00}, negative {sentiment.Negative:0.00})");
        return embedded with
        {
            Text = signals with { Sentiment = score, Negative = negative, Evidence = [.. signals.Evidence, new Evidence("sentiment", read, -1, -1, 0)] },
            Trace = [.. embedded.Trace, TraceEntry.Found(Stage, FormattableString.Invariant($"Azure AI Language read the customer's words as {sentiment.Label} (sentiment {score:0.00}{(negative ? ", negative" : "")}); it replaces the embedded sentiment {signals.Sentiment:0.00}."), "azure-language")],
        };
    }

    private static Func<string, CancellationToken, Task<LanguageSentiment>> Sentiment(LanguageSentimentClient client, string language) =>
        (text, cancellationToken) => client.AnalyzeAsync(text, language, cancellationToken);

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

using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Escalation.Functions.Language;

/// <summary>Retries, timeouts and transport for <see cref="LanguageSentimentClient"/> (the Azure SDK's client options).</summary>
public sealed class LanguageClientOptions : ClientOptions
{
}

/// <summary>
/// Document sentiment from Azure AI Language's text analysis REST operation (<c>POST {endpoint}/language/:analyze-text</c>,
/// kind <c>SentimentAnalysis</c>), called through the Azure SDK's HTTP pipeline with a Microsoft Entra token — retries,
/// logging and managed identity as in every Azure client, without the Text Analytics client library.
/// </summary>
public sealed class LanguageSentimentClient
{
    /// <summary>The generally available API version this client speaks.</summary>
    public const string ApiVersion = "2023-04-01";

    /// <summary>The token scope of Azure AI services (Cognitive Services).</summary>
    public const string Scope = "https://cognitiveservices.azure.com/.default";

    private readonly Uri _analyzeText;
    private readonly HttpPipeline _pipeline;

    public LanguageSentimentClient(Uri endpoint, TokenCredential credential, LanguageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        _analyzeText = new Uri(endpoint, $"language/:analyze-text?api-version={ApiVersion}");
        _pipeline = HttpPipelineBuilder.Build(options ?? new LanguageClientOptions(), new BearerTokenAuthenticationPolicy(credential, Scope));
    }

    /// <summary>The sentiment of one document; <see cref="RequestFailedException"/> when the service refuses it or fails.</summary>
    public async Task<LanguageSentiment> AnalyzeAsync(string text, string language, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(_analyzeText);
        request.Headers.Add("Content-Type", "application/json");
        request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(new
        {
            kind = "SentimentAnalysis",
            parameters = new { stringIndexType = "Utf16CodeUnit" },
            analysisInput = new { documents = new[] { new { id = "1", language, text } } },
        }));
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.IsError)
        {
            throw new RequestFailedException(response);
        }

        return Read(response.Content.ToMemory(), response.Status);
    }

    /// <summary>
    /// The one document's sentiment in an analyze-text response. A document error is a failure like any other, and so is
    /// a success answer without the documented shape (not JSON, no document, a missing or out-of-range score, an unknown
    /// label): the caller's fallback handles both, so a proxy's HTML page or a changed API never breaks a case.
    /// </summary>
    internal static LanguageSentiment Read(ReadOnlyMemory<byte> json, int status)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var results = document.RootElement.GetProperty("results");
            if (results.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                var error = errors[0].GetProperty("error");
                throw new RequestFailedException(status, $"Language refused the document: {Text(error, "code")} {Text(error, "message")}".TrimEnd());
            }

            var first = results.GetProperty("documents")[0];
            var scores = first.GetProperty("confidenceScores");
            var sentiment = new LanguageSentiment(
                Text(first, "sentiment").ToLowerInvariant(),
                Score(scores, "positive"),
                Score(scores, "neutral"),
                Score(scores, "negative"));
            return sentiment.Label is "positive" or "neutral" or "negative" or "mixed"
                ? sentiment
                : throw new FormatException($"unknown sentiment label '{sentiment.Label}'");
        }
        catch (Exception ex) when (ex is not RequestFailedException and not OutOfMemoryException)
        {
            // Whatever the parse or a lookup throws on an unexpected shape (JsonException, KeyNotFoundException,
            // InvalidOperationException, IndexOutOfRangeException, FormatException, ArgumentException…): the caller's
            // service-failure path, never a JSON error out of the detect stage.
            throw new RequestFailedException(status, $"Language answered {status} without a usable sentiment: {ex.Message}", ex);
        }
    }

    private static double Score(JsonElement scores, string name)
    {
        var value = scores.GetProperty(name).GetDouble();
        return value is >= 0 and <= 1 ? value : throw new FormatException($"{name} score {value} is outside 0-1");
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}

using System.Diagnostics;
using Escalation.Core.Decisions;
using Escalation.Core.Sensitive;
using Escalation.Core.Tracing;

namespace Escalation.Core.Signals;

/// <summary>What one model reading produced: the reading, or why the embedded reading stands alone.</summary>
public sealed record ModelReadingResult(ModelReading? Reading, string? FallbackReason, string Detail);

/// <summary>Why a model reading was not used.</summary>
public static class ModelReadingFallbacks
{
    public const string Timeout = "timeout";
    public const string Malformed = "malformed";
    public const string Failed = "model-error";
}

/// <summary>
/// Asks the configured chat model to read a ticket into <see cref="ModelReading"/>'s fixed schema, within a time
/// limit. A timeout, a failed call or an answer outside the schema is reported as a fallback, never thrown: the
/// embedded reading always stands.
/// </summary>
public sealed class ModelReader(IChatDraftModel model, TimeSpan timeout) : ISignalReader
{
    private const string System =
        "You read one customer support ticket and report what it contains. Answer with one JSON object and nothing else, " +
        "with exactly these fields: \"language\" (ISO 639-1 code of the customer's language, or null), \"intent\" (a few " +
        "words: refund, credit, cancellation, data access, bug report, question…, or null), \"amounts\" (every amount of " +
        "money in the ticket, as numbers), \"legal\" (true when the customer mentions lawyers, legal action, courts, " +
        "regulators, consumer rights or a breach of contract), \"distress\" (true when the customer shows despair or any " +
        "hint of self-harm), \"chargeback\" (true when the customer disputes or threatens to dispute the payment with a " +
        "bank, card or PayPal), \"publicExposure\" (true when the customer has gone or threatens to go public: social " +
        "media, review sites, press). When unsure about a flag, say true.";

    public string ModelName => model.ModelName;

    /// <summary>Read <paramref name="customerText"/>.</summary>
    public async Task<ModelReadingResult> ReadAsync(string customerText, CancellationToken cancellationToken = default)
    {
        var prompt = new ChatPrompt
        {
            Messages = [new ChatPromptMessage(ChatPromptRoles.System, System), new ChatPromptMessage(ChatPromptRoles.User, customerText)],
            TemplatePath = "builtin:model-reading",
            TemplateHash = ChatPromptTemplate.HashOf(System),
            RevisionTemplate = "",
        };
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var started = Stopwatch.GetTimestamp();
        ChatDraftResult answer;
        try
        {
            answer = await model.CompleteAsync(prompt, limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ModelReadingResult(null, ModelReadingFallbacks.Timeout, $"no answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (ChatModelException e) when (e.Reason == ChatModelFailures.Timeout)
        {
            return new ModelReadingResult(null, ModelReadingFallbacks.Timeout, e.Message);
        }
        catch (ChatModelException e)
        {
            return new ModelReadingResult(null, ModelReadingFallbacks.Failed, $"{e.Reason}: {e.Message}");
        }

        try
        {
            return new ModelReadingResult(ModelReading.Parse(answer.Text), null, $"answered in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms");
        }
        catch (FormatException e)
        {
            return new ModelReadingResult(null, ModelReadingFallbacks.Malformed, e.Message);
        }
    }

    /// <summary>
    /// The model's reading of <paramref name="ticket"/> added to <paramref name="embedded"/> (the lexicon reading): its
    /// caution flags are added, and a timeout, failure or unusable answer leaves the embedded reading with a trace entry
    /// saying why. The detect step awaits it after the embedded detector, so the model call holds no thread.
    /// </summary>
    public async ValueTask<CaseSignals> AddToAsync(CaseSignals embedded, Tickets.CaseSubmission ticket, CancellationToken cancellationToken = default)
    {
        var text = string.Join("\n\n", ticket.Messages.Where(m => m.IsFromCustomer).Select(m => m.Text));
        var result = await ReadAsync(string.IsNullOrWhiteSpace(text) ? ticket.Subject ?? "" : text, cancellationToken).ConfigureAwait(false);
        return ModelReadingMerge.Apply(embedded, result, ModelName);
    }
}

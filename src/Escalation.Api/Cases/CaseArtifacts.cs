using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Escalation.Core.Decisions;
using Escalation.Core.Storage;
using Escalation.Core.Tickets;

namespace Escalation.Api.Cases;

/// <summary>A submission as stored when it was accepted: the ticket, when it arrived, and its hash.</summary>
/// <param name="ReceivedAt">The instant the case is evaluated at (renewal proximity, SLA deadlines), so every stage agrees.</param>
public sealed record StoredSubmission(CaseSubmission Submission, DateTimeOffset ReceivedAt, string Hash);

/// <summary>
/// Typed access to a case's stored artifacts (submission, stage state, decision, reply texts). With a
/// <see cref="CaseArtifactCache"/> (a host that owns its storage alone), what this process wrote or read is kept as
/// objects, and a stage's working state stays in memory until the last stage stores it.
/// </summary>
public sealed class CaseArtifacts(IStageArtifactStore store, CaseArtifactCache? cache = null)
{
    public const string Submission = "submission";
    public const string State = "state";
    public const string Decision = "decision";
    public const string Draft = Core.Workflow.ReplyArtifacts.Draft;
    public const string ReviewEdit = "review-edit";

    /// <summary>How artifacts are serialised (camelCase, like every JSON the service writes).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(ArtifactJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };

    /// <summary>What <see cref="JsonSerializer.SerializeToUtf8Bytes(object?, Type, JsonSerializerOptions?)"/> would write with <see cref="Json"/>.</summary>
    private static readonly JsonWriterOptions JsonWriter = new() { Encoder = Json.Encoder, Indented = Json.WriteIndented, MaxDepth = Json.MaxDepth };

    /// <summary>The first size of the buffer an artifact is serialised into: a decided case's state (the largest) fits.</summary>
    private const int SerializeBufferBytes = 16 * 1024;

    public static string HashOf(CaseSubmission submission) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(submission, Json)));

    private readonly ConcurrentDictionary<string, TaskCompletionSource> _decisionWaiters = new(StringComparer.Ordinal);

    public async Task PutAsync<T>(string caseId, string name, T value, CancellationToken ct = default)
    {
        cache?.Remove(caseId, name); // a failed write must not leave a value that storage does not hold
        using (var utf8 = new PooledBufferWriter(SerializeBufferBytes))
        {
            // Serialised into a pooled buffer, not an exact-size array per artifact: the store has read it when its write completes.
            using (var writer = new Utf8JsonWriter(utf8, JsonWriter))
            {
                JsonSerializer.Serialize(writer, value, Json);
            }

            await store.PutUtf8Async(caseId, name, utf8.WrittenMemory, ct).ConfigureAwait(false);
        }

        Keep(caseId, name, value);
        if (name == Decision && _decisionWaiters.TryRemove(caseId, out var waiting))
        {
            waiting.TrySetResult();
        }
    }

    /// <summary>
    /// Stores a submission as received, serialising it once: its <see cref="StoredSubmission.Hash"/> is the SHA-256 of
    /// exactly the JSON stored for it (the same value <see cref="HashOf"/> gives).
    /// </summary>
    public async Task<StoredSubmission> PutSubmissionAsync(string caseId, CaseSubmission submission, DateTimeOffset receivedAt, CancellationToken ct = default)
    {
        cache?.Remove(caseId, Submission);
        using var ticket = new PooledBufferWriter(SerializeBufferBytes);
        using (var writer = new Utf8JsonWriter(ticket, JsonWriter))
        {
            JsonSerializer.Serialize(writer, submission, Json);
        }

        var stored = new StoredSubmission(submission, receivedAt, Convert.ToHexStringLower(SHA256.HashData(ticket.WrittenMemory.Span)));
        using (var utf8 = new PooledBufferWriter(SerializeBufferBytes))
        {
            // The stored document is StoredSubmission's JSON with the ticket's bytes written in as they were hashed.
            using (var writer = new Utf8JsonWriter(utf8, JsonWriter))
            {
                writer.WriteStartObject();
                writer.WritePropertyName(SubmissionProperty);
                writer.WriteRawValue(ticket.WrittenMemory.Span, skipInputValidation: true);
                writer.WriteString(ReceivedAtProperty, stored.ReceivedAt);
                writer.WriteString(HashProperty, stored.Hash);
                writer.WriteEndObject();
            }

            await store.PutUtf8Async(caseId, Submission, utf8.WrittenMemory, ct).ConfigureAwait(false);
        }

        Keep(caseId, Submission, stored);
        return stored;
    }

    private static readonly string SubmissionProperty = Json.PropertyNamingPolicy!.ConvertName(nameof(StoredSubmission.Submission));
    private static readonly string ReceivedAtProperty = Json.PropertyNamingPolicy!.ConvertName(nameof(StoredSubmission.ReceivedAt));
    private static readonly string HashProperty = Json.PropertyNamingPolicy!.ConvertName(nameof(StoredSubmission.Hash));

    /// <summary>
    /// Completes when this process stores the case's decision (another process's write does not complete it: callers
    /// also look at storage from time to time). Call <see cref="StopWaitingForDecision"/> when giving up.
    /// </summary>
    public Task DecisionStored(string caseId) =>
        _decisionWaiters.GetOrAdd(caseId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Drops the wait <see cref="DecisionStored"/> set up (a decision that never comes leaves nothing behind).</summary>
    public void StopWaitingForDecision(string caseId) => _decisionWaiters.TryRemove(caseId, out _);

    /// <summary>
    /// Stores a stage's state. The last stage's (which the trace and the review page read) is stored durably like any
    /// artifact. An earlier stage's is a working copy the next stage recomputes when it is missing: with a cache it stays
    /// in memory only (a restart recomputes it from the submission); without one it is stored without waiting for the
    /// disk (see <see cref="IStageArtifactStore.PutRecomputableAsync"/>).
    /// </summary>
    public async Task PutWorkingStateAsync<T>(string caseId, T state, bool last, CancellationToken ct = default)
    {
        if (last)
        {
            await PutAsync(caseId, State, state, ct).ConfigureAwait(false);
            return;
        }

        if (cache is null)
        {
            await store.PutRecomputableAsync(caseId, State, JsonSerializer.Serialize(state, Json), ct).ConfigureAwait(false);
            return;
        }

        cache.Set(caseId, State, state!);
    }

    public async Task<T?> GetAsync<T>(string caseId, string name, CancellationToken ct = default)
    {
        if (cache is not null && cache.TryGet<T>(caseId, name, out var kept))
        {
            return kept;
        }

        var json = await store.GetAsync(caseId, name, ct).ConfigureAwait(false);
        var value = json is null ? default : JsonSerializer.Deserialize<T>(json, Json);
        if (cache is not null && value is not null)
        {
            cache.TryAdd(caseId, name, value); // read as another type, the kept object stays
        }

        return value;
    }

    /// <summary>Drops what the cache keeps for a case that will not run another activity soon (it finished).</summary>
    public void Release(string caseId) => cache?.Forget(caseId);

    public async Task<T> RequireAsync<T>(string caseId, string name, CancellationToken ct = default) =>
        await GetAsync<T>(caseId, name, ct).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"Case {caseId} has no stored '{name}'.");

    public Task<StoredSubmission> SubmissionAsync(string caseId, CancellationToken ct = default) => RequireAsync<StoredSubmission>(caseId, Submission, ct);

    public Task<CaseDecision?> DecisionAsync(string caseId, CancellationToken ct = default) => GetAsync<CaseDecision>(caseId, Decision, ct);

    /// <summary>A stored reply text: a reviewer's edit, or <see cref="Draft"/> (the decision's draft).</summary>
    public async Task<string?> TextAsync(string caseId, string name, CancellationToken ct = default) =>
        await GetAsync<string>(caseId, name, ct).ConfigureAwait(false) // a separate "draft" artifact exists only for cases stored before the draft moved into the decision
        ?? (name == Draft ? (await DecisionAsync(caseId, ct).ConfigureAwait(false))?.Draft : null);

    public Task PutTextAsync(string caseId, string name, string text, CancellationToken ct = default) => PutAsync(caseId, name, text, ct);

    /// <summary>
    /// Stores a reviewer's edited reply under a name that holds its SHA-256 (<c>review-edit-{sha256}</c>) and returns
    /// the name: two reviewers' edits never overwrite each other, so the decision that names one sends exactly that text.
    /// </summary>
    public async Task<string> PutReviewEditAsync(string caseId, string text, CancellationToken ct = default)
    {
        var name = $"{ReviewEdit}-{TextSha256(text)}";
        await PutTextAsync(caseId, name, text, ct).ConfigureAwait(false);
        return name;
    }

    /// <summary>Lowercase hex SHA-256 of a reply text's UTF-8 bytes (what the help desk receives).</summary>
    public static string TextSha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public Task MarkDoneAsync(string caseId, string key, string detail, CancellationToken ct = default) => PutAsync(caseId, MarkerName(key), detail, ct);

    /// <summary>What was recorded when the side effect with this idempotency key was done, or null when it was not.</summary>
    public Task<string?> DoneDetailAsync(string caseId, string key, CancellationToken ct = default) => GetAsync<string>(caseId, MarkerName(key), ct);

    private void Keep<T>(string caseId, string name, T? value)
    {
        if (cache is not null && value is not null)
        {
            cache.Set(caseId, name, value);
        }
    }

    private static string MarkerName(string key)
    {
        var safe = new StringBuilder("done-");
        foreach (var c in key)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        return safe.ToString();
    }
}

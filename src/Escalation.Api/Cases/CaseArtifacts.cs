using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Escalation.Core.Decisions;
using Escalation.Core.Storage;
using Escalation.Core.Tickets;

namespace Escalation.Api.Cases;

/// <summary>A submission as stored when it was accepted: the ticket, when it arrived, and its hash.</summary>
/// <param name="ReceivedAt">The instant the case is evaluated at (renewal proximity, SLA deadlines), so every stage agrees.</param>
public sealed record StoredSubmission(CaseSubmission Submission, DateTimeOffset ReceivedAt, string Hash);

/// <summary>Typed access to a case's stored artifacts (submission, stage state, decision, reply texts).</summary>
public sealed class CaseArtifacts(IStageArtifactStore store)
{
    public const string Submission = "submission";
    public const string State = "state";
    public const string Decision = "decision";
    public const string Draft = "draft";
    public const string ReviewEdit = "review-edit";

    /// <summary>How artifacts are serialised (camelCase, like every JSON the service writes).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string HashOf(CaseSubmission submission) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(submission, Json)));

    public Task PutAsync<T>(string caseId, string name, T value, CancellationToken ct = default) =>
        store.PutAsync(caseId, name, JsonSerializer.Serialize(value, Json), ct);

    /// <summary>Stores a stage's working state, which the stages recompute when it is missing (see <see cref="IStageArtifactStore.PutRecomputableAsync"/>).</summary>
    public Task PutRecomputableAsync<T>(string caseId, string name, T value, CancellationToken ct = default) =>
        store.PutRecomputableAsync(caseId, name, JsonSerializer.Serialize(value, Json), ct);

    public async Task<T?> GetAsync<T>(string caseId, string name, CancellationToken ct = default)
    {
        var json = await store.GetAsync(caseId, name, ct).ConfigureAwait(false);
        return json is null ? default : JsonSerializer.Deserialize<T>(json, Json);
    }

    public async Task<T> RequireAsync<T>(string caseId, string name, CancellationToken ct = default) =>
        await GetAsync<T>(caseId, name, ct).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"Case {caseId} has no stored '{name}'.");

    public Task<StoredSubmission> SubmissionAsync(string caseId, CancellationToken ct = default) => RequireAsync<StoredSubmission>(caseId, Submission, ct);

    public Task<CaseDecision?> DecisionAsync(string caseId, CancellationToken ct = default) => GetAsync<CaseDecision>(caseId, Decision, ct);

    /// <summary>A stored reply text (the draft or a reviewer's edit).</summary>
    public Task<string?> TextAsync(string caseId, string name, CancellationToken ct = default) => GetAsync<string>(caseId, name, ct);

    public Task PutTextAsync(string caseId, string name, string text, CancellationToken ct = default) => PutAsync(caseId, name, text, ct);

    /// <summary>True when the side effect with this idempotency key has already been done for the case.</summary>
    public async Task<bool> IsDoneAsync(string caseId, string key, CancellationToken ct = default) =>
        await store.GetAsync(caseId, MarkerName(key), ct).ConfigureAwait(false) is not null;

    public Task MarkDoneAsync(string caseId, string key, string detail, CancellationToken ct = default) =>
        store.PutAsync(caseId, MarkerName(key), JsonSerializer.Serialize(detail, Json), ct);

    public async Task<string?> DoneDetailAsync(string caseId, string key, CancellationToken ct = default)
    {
        var json = await store.GetAsync(caseId, MarkerName(key), ct).ConfigureAwait(false);
        return json is null ? null : JsonSerializer.Deserialize<string>(json, Json);
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

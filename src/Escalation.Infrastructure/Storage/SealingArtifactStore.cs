using Escalation.Core.Privacy;
using Escalation.Core.Storage;

namespace Escalation.Infrastructure.Storage;

/// <summary>
/// Stage artifacts sealed under their case's key before they reach <paramref name="inner"/> (a submission, the stages'
/// state, drafts and decisions hold the customer's words): what is stored is a <see cref="SealedText"/> value, and after
/// the key is destroyed the artifact reads as absent (one that does not open under a key that exists was altered: an
/// error). Artifacts stored before sealing are read as they are.
/// </summary>
public sealed class SealingArtifactStore(IStageArtifactStore inner, ICaseKeyStore keys) : IStageArtifactStore
{
    public async Task PutAsync(string caseId, string name, string json, CancellationToken cancellationToken = default) =>
        await inner.PutAsync(caseId, name, SealedText.Seal(await KeyAsync(caseId, cancellationToken), Context(name), json), cancellationToken).ConfigureAwait(false);

    public async Task PutUtf8Async(string caseId, string name, ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken = default) =>
        await inner.PutAsync(caseId, name, SealedText.Seal(await KeyAsync(caseId, cancellationToken), Context(name), utf8Json.Span), cancellationToken).ConfigureAwait(false);

    public async Task PutRecomputableAsync(string caseId, string name, string json, CancellationToken cancellationToken = default) =>
        await inner.PutRecomputableAsync(caseId, name, SealedText.Seal(await KeyAsync(caseId, cancellationToken), Context(name), json), cancellationToken).ConfigureAwait(false);

    public async Task<string?> GetAsync(string caseId, string name, CancellationToken cancellationToken = default)
    {
        var stored = await inner.GetAsync(caseId, name, cancellationToken).ConfigureAwait(false);
        if (stored is null || !SealedText.IsSealed(stored))
        {
            return stored;
        }

        // No key: the case was erased, and the artifact is gone for every reader. A key that does not open it: altered.
        return await keys.FindAsync(caseId, cancellationToken).ConfigureAwait(false) is not { } key ? null
            : SealedText.Open(key, Context(name), stored)
              ?? throw new InvalidDataException($"Artifact {name} of case {caseId} does not open under the case's key: it was altered.");
    }

    public Task<IReadOnlyList<string>> ListAsync(string caseId, CancellationToken cancellationToken = default) => inner.ListAsync(caseId, cancellationToken);

    private async Task<byte[]> KeyAsync(string caseId, CancellationToken cancellationToken) =>
        await keys.GetOrCreateAsync(caseId, cancellationToken).ConfigureAwait(false);

    private static string Context(string name) => "artifact:" + name;
}

using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Escalation.Core.Privacy;
using Escalation.Core.Storage;

namespace Escalation.Infrastructure.Storage;

/// <summary>
/// Case keys as small files of the data folder (<c>case-keys/&lt;2 hex&gt;/&lt;caseId&gt;.key</c>), outside the append-only
/// record log so that destroying one really removes it. A destroyed key leaves <c>&lt;caseId&gt;.erased</c> behind.
/// </summary>
/// <remarks>
/// Keys are created create-only and flushed to disk before first use (an artifact sealed under a key that a power loss
/// took back would be unreadable). Deleting a file does not overwrite its blocks: on a disk that must forget for sure,
/// keep the data folder on an encrypted volume (docs/privacy.md).
/// </remarks>
public sealed class FileCaseKeyStore(string dataDirectory) : ICaseKeyStore
{
    private const int CacheLimit = 4096;
    private readonly ConcurrentDictionary<string, byte[]> _cache = new(StringComparer.Ordinal);

    /// <summary>The folder the keys are in.</summary>
    public string Directory { get; } = Path.Combine(dataDirectory, "case-keys");

    public async Task<byte[]> GetOrCreateAsync(string caseId, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(caseId, cancellationToken).ConfigureAwait(false) is { } key)
        {
            return key;
        }

        if (File.Exists(ErasedPath(caseId)))
        {
            throw new CaseErasedException(caseId);
        }

        var fresh = RandomNumberGenerator.GetBytes(32);
        if (!await AtomicFile.TryCreateAsync(KeyPath(caseId), fresh, cancellationToken, dataDirectory).ConfigureAwait(false))
        {
            // Another writer made it first: use theirs.
            return await FindAsync(caseId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The key of case {caseId} exists but cannot be read.");
        }

        Remember(caseId, fresh);
        return fresh;
    }

    public async Task<byte[]?> FindAsync(string caseId, CancellationToken cancellationToken = default)
    {
        if (_cache.TryGetValue(caseId, out var cached))
        {
            return cached;
        }

        var key = await AtomicFile.ReadOrNullAsync(KeyPath(caseId), cancellationToken).ConfigureAwait(false);
        if (key is { Length: 32 })
        {
            Remember(caseId, key);
            return key;
        }

        return null;
    }

    public async Task<bool> DestroyAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var path = KeyPath(caseId);
        // The marker first: from here on no new key is made for the case, even if the process dies before the delete.
        await AtomicFile.TryCreateAsync(ErasedPath(caseId), Encoding.UTF8.GetBytes("erased\n"), cancellationToken, dataDirectory).ConfigureAwait(false);
        _cache.TryRemove(caseId, out _);
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }

    public Task<bool> IsErasedAsync(string caseId, CancellationToken cancellationToken = default) => Task.FromResult(File.Exists(ErasedPath(caseId)));

    private void Remember(string caseId, byte[] key)
    {
        if (_cache.Count >= CacheLimit)
        {
            _cache.Clear();
        }

        _cache[caseId] = key;
    }

    private string KeyPath(string caseId) => Path.Combine(Folder(caseId), caseId + ".key");

    private string ErasedPath(string caseId) => Path.Combine(Folder(caseId), caseId + ".erased");

    // 256 sub-folders, so a year of cases does not make one huge folder.
    private string Folder(string caseId) =>
        Path.Combine(Directory, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(StorageNames.Require(caseId, "caseId"))))[..2]);
}

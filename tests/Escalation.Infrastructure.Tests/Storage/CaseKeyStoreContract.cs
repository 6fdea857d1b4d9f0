using System.Text;
using Escalation.Core.Privacy;
using Escalation.Core.Storage;
using Escalation.Infrastructure.Storage;

namespace Escalation.Infrastructure.Tests.Storage;

/// <summary>What every <see cref="ICaseKeyStore"/> must do; run on the data folder and on Azurite tables.</summary>
public abstract class CaseKeyStoreContract
{
    /// <summary>A store; a second call with the same <paramref name="shared"/> name sees the same keys from another instance.</summary>
    protected abstract ICaseKeyStore CreateStore(string shared);

    [SkippableFact]
    public async Task GetOrCreate_TwentyWritersRaceOnANewCase_AllGetTheSameKey()
    {
        var shared = Shared();
        var caseId = SampleTraces.NewCaseId();

        var keys = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => CreateStore(shared).GetOrCreateAsync(caseId))));

        Assert.All(keys, k => Assert.Equal(32, k.Length));
        Assert.Single(keys.Select(Convert.ToHexString).Distinct());
        Assert.Equal(keys[0], await CreateStore(shared).FindAsync(caseId));
    }

    [SkippableFact]
    public async Task GetOrCreate_TwoCases_GetDifferentKeys()
    {
        var store = CreateStore(Shared());

        var a = await store.GetOrCreateAsync(SampleTraces.NewCaseId());
        var b = await store.GetOrCreateAsync(SampleTraces.NewCaseId());

        Assert.NotEqual(a, b);
    }

    [SkippableFact]
    public async Task Destroy_KeyIsGoneForEveryInstanceAndNoNewOneIsMade()
    {
        var shared = Shared();
        var caseId = SampleTraces.NewCaseId();
        var store = CreateStore(shared);
        await store.GetOrCreateAsync(caseId);

        Assert.True(await store.DestroyAsync(caseId));

        Assert.Null(await store.FindAsync(caseId));
        Assert.Null(await CreateStore(shared).FindAsync(caseId));
        Assert.True(await CreateStore(shared).IsErasedAsync(caseId));
        await Assert.ThrowsAsync<CaseErasedException>(() => CreateStore(shared).GetOrCreateAsync(caseId));
        Assert.False(await store.DestroyAsync(caseId));
    }

    [SkippableFact]
    public async Task Find_NeverCreated_IsNullAndNotErased()
    {
        var store = CreateStore(Shared());
        var caseId = SampleTraces.NewCaseId();

        Assert.Null(await store.FindAsync(caseId));
        Assert.False(await store.IsErasedAsync(caseId));
    }

    [SkippableFact]
    public async Task SealedArtifacts_AfterTheKeyIsDestroyed_ReadAsAbsentAndWereNeverStoredInTheClear()
    {
        var shared = Shared();
        var keys = CreateStore(shared);
        var inner = new MemoryArtifacts();
        var store = new SealingArtifactStore(inner, keys);
        var caseId = SampleTraces.NewCaseId();
        const string json = """{"customer":{"email":"ines.ortega@example.com"},"message":"Mi hija Lucía usa la cuenta."}""";

        await store.PutAsync(caseId, "submission", json);
        await store.PutUtf8Async(caseId, "state", Encoding.UTF8.GetBytes(json));

        Assert.Equal(json, await store.GetAsync(caseId, "submission"));
        Assert.Equal(json, await store.GetAsync(caseId, "state"));
        Assert.All(inner.Values, v => Assert.DoesNotContain("Lucía", v));
        Assert.All(inner.Values, v => Assert.DoesNotContain("ines.ortega", v));

        await keys.DestroyAsync(caseId);

        Assert.Null(await new SealingArtifactStore(inner, CreateStore(shared)).GetAsync(caseId, "submission"));
        Assert.Null(await store.GetAsync(caseId, "state"));
        Assert.Equal(["state", "submission"], await store.ListAsync(caseId));
    }

    protected virtual string Shared() => AzuriteAccount.UniqueName("keys");

    /// <summary>An artifact store in memory: the sealed values as they would be written.</summary>
    private sealed class MemoryArtifacts : IStageArtifactStore
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string), string> _values = new();

        public IEnumerable<string> Values => _values.Values;

        public Task PutAsync(string caseId, string name, string json, CancellationToken cancellationToken = default)
        {
            _values[(caseId, name)] = json;
            return Task.CompletedTask;
        }

        public Task<string?> GetAsync(string caseId, string name, CancellationToken cancellationToken = default) =>
            Task.FromResult(_values.TryGetValue((caseId, name), out var v) ? v : null);

        public Task<IReadOnlyList<string>> ListAsync(string caseId, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<string>>([.. _values.Keys.Where(k => k.Item1 == caseId).Select(k => k.Item2).Order(StringComparer.Ordinal)]);
    }
}

/// <summary>The key contract on the data folder (the local host's store).</summary>
public sealed class FileCaseKeyStoreTests : CaseKeyStoreContract, IDisposable
{
    private readonly TempDirectory _dir = new();

    protected override ICaseKeyStore CreateStore(string shared) => new FileCaseKeyStore(Path.Combine(_dir.Path, shared));

    [Fact]
    public async Task Destroy_RemovesTheKeyFileFromDisk()
    {
        var store = new FileCaseKeyStore(_dir.Path);
        var caseId = SampleTraces.NewCaseId();
        await store.GetOrCreateAsync(caseId);
        Assert.Single(Directory.EnumerateFiles(store.Directory, "*.key", SearchOption.AllDirectories));

        await store.DestroyAsync(caseId);

        Assert.Empty(Directory.EnumerateFiles(store.Directory, "*.key", SearchOption.AllDirectories));
    }

    protected override string Shared() => "data-" + Guid.NewGuid().ToString("N")[..8];

    public void Dispose() => _dir.Dispose();
}

/// <summary>The key contract on Azurite tables (the Functions host's store), each test on a table that does not exist yet.</summary>
public sealed class AzureCaseKeyStoreTests : CaseKeyStoreContract
{
    protected override ICaseKeyStore CreateStore(string shared) => new AzureCaseKeyStore(AzuriteAccount.Require(), shared);
}

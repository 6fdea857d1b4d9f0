using Escalation.Core.Storage;
using Escalation.Infrastructure.Storage;

namespace Escalation.Infrastructure.Tests.Storage;

/// <summary>What every <see cref="IStageArtifactStore"/> must do; run against the file and the Azure adapter.</summary>
public abstract class StageArtifactStoreContract
{
    protected abstract IStageArtifactStore CreateStore();

    [SkippableFact]
    public async Task Put_ThenReplace_GetReturnsLatestAndListNamesEachOnce()
    {
        var store = CreateStore();
        var caseId = SampleTraces.NewCaseId();
        await store.PutAsync(caseId, "draft", "{\"text\":\"v1\"}");
        await store.PutAsync(caseId, "detect", "{\"priority\":\"P1\"}");
        await store.PutAsync(caseId, "draft", "{\"text\":\"v2\"}");

        Assert.Equal("{\"text\":\"v2\"}", await store.GetAsync(caseId, "draft"));
        Assert.Equal(["detect", "draft"], await store.ListAsync(caseId));
    }

    [SkippableFact]
    public async Task Get_UnknownArtifact_ReturnsNullAndListIsEmpty()
    {
        var store = CreateStore();

        Assert.Null(await store.GetAsync("case-none", "draft"));
        Assert.Empty(await store.ListAsync("case-none"));
    }

    [SkippableFact]
    public async Task Put_NameWithPathSeparators_IsRejected()
    {
        var store = CreateStore();

        await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync("case-1", "../escape", "{}"));
    }
}

/// <summary>The stage artifact contract on files.</summary>
public sealed class FileStageArtifactStoreTests : StageArtifactStoreContract, IDisposable
{
    private readonly TempDirectory _dir = new();

    protected override IStageArtifactStore CreateStore() => new FileStageArtifactStore(_dir.Path);

    public void Dispose() => _dir.Dispose();
}

/// <summary>The stage artifact contract on the data directory's record log (the local host's store).</summary>
public sealed class LogStageArtifactStoreTests : StageArtifactStoreContract, IAsyncLifetime
{
    private readonly TempRecordLog _store = new();

    protected override IStageArtifactStore CreateStore() => new LogStageArtifactStore(_store.Log, _store.Path);

    [Fact]
    public async Task Get_ArtifactStoredAsAFileByAnEarlierVersion_IsReadUntilTheLogHasANewerOne()
    {
        await new FileStageArtifactStore(_store.Path).PutAsync("case-old", "decision", "{\"route\":\"escalate\"}");
        var store = CreateStore();

        Assert.Equal("{\"route\":\"escalate\"}", await store.GetAsync("case-old", "decision"));
        await store.PutAsync("case-old", "decision", "{\"route\":\"draft-and-send\"}");
        await store.PutAsync("case-old", "state", "{}");
        Assert.Equal("{\"route\":\"draft-and-send\"}", await store.GetAsync("case-old", "decision"));
        Assert.Equal(["decision", "state"], await store.ListAsync("case-old"));
    }

    [Fact]
    public async Task Put_ThenReopen_ReadsWhatWasStoredWithoutAFilePerArtifact()
    {
        var store = CreateStore();
        await store.PutAsync("case-1", "decision", "{\"route\":\"escalate\"}");
        await store.PutRecomputableAsync("case-1", "state", "{\"stage\":2}");
        await _store.CloseAsync();

        var reopened = CreateStore();

        Assert.Equal("{\"route\":\"escalate\"}", await reopened.GetAsync("case-1", "decision"));
        Assert.Equal("{\"stage\":2}", await reopened.GetAsync("case-1", "state"));
        Assert.False(Directory.Exists(Path.Combine(_store.Path, "artifacts")));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _store.DisposeAsync().AsTask();
}

/// <summary>The stage artifact contract on Azurite blobs.</summary>
public sealed class AzureStageArtifactStoreTests : StageArtifactStoreContract
{
    protected override IStageArtifactStore CreateStore() =>
        new AzureStageArtifactStore(AzuriteAccount.Require(), AzuriteAccount.UniqueName("artifacts"));
}

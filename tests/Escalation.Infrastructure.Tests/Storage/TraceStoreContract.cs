using System.Text;
using Escalation.Core.Storage;
using Escalation.Core.Tracing;
using Escalation.Infrastructure.Storage;

namespace Escalation.Infrastructure.Tests.Storage;

/// <summary>What every <see cref="ITraceStore"/> must do; run against the file and the Azure adapter.</summary>
public abstract class TraceStoreContract
{
    /// <summary>A fresh, empty store (skips the test when its backend is unavailable).</summary>
    protected abstract ITraceStore CreateStore();

    /// <summary>Tampering from outside the port: replace a stored trace's bytes.</summary>
    protected abstract Task OverwriteTraceAsync(string traceId, byte[] bytes);

    /// <summary>Tampering from outside the port: remove a stored trace.</summary>
    protected abstract Task DeleteTraceAsync(string traceId);

    private async Task<(ITraceStore Store, string CaseId, List<AppendedTrace> Chain)> ChainOfAsync(int length)
    {
        var store = CreateStore();
        var caseId = SampleTraces.NewCaseId();
        var chain = new List<AppendedTrace>();
        for (var i = 0; i < length; i++)
        {
            chain.Add(await store.AppendAsync(SampleTraces.Decision(caseId, $"step {i}")));
        }

        return (store, caseId, chain);
    }

    [SkippableFact]
    public async Task Put_SameBytesTwice_SucceedsWithTheContentAddress()
    {
        var store = CreateStore();
        var bytes = TraceCanonicalJson.Serialize(SampleTraces.Decision(SampleTraces.NewCaseId()));

        var first = await store.PutAsync(bytes);
        var second = await store.PutAsync(bytes);

        Assert.Equal(TraceCanonicalJson.IdOf(bytes), first);
        Assert.Equal(first, second);
        Assert.Equal(bytes, await store.GetAsync(first));
    }

    [SkippableFact]
    public async Task Put_DifferentBytesAlreadyUnderTheName_ThrowsAndKeepsStoredBytes()
    {
        var store = CreateStore();
        var bytes = TraceCanonicalJson.Serialize(SampleTraces.Decision(SampleTraces.NewCaseId()));
        var id = await store.PutAsync(bytes);
        var other = Encoding.UTF8.GetBytes("{\"forged\":true}");
        await OverwriteTraceAsync(id, other);

        var ex = await Assert.ThrowsAsync<TraceConflictException>(() => store.PutAsync(bytes));

        Assert.Equal(id, ex.TraceId);
        Assert.Equal(other, await store.GetAsync(id));
    }

    [SkippableFact]
    public async Task Get_UnknownOrMalformedId_ReturnsNull()
    {
        var store = CreateStore();

        Assert.Null(await store.GetAsync("tr-" + new string('0', 64)));
        Assert.Null(await store.GetAsync("../../etc/passwd"));
    }

    [SkippableFact]
    public async Task Append_ThreeRecords_FormsAVerifiedHashChain()
    {
        var (store, caseId, chain) = await ChainOfAsync(3);

        var links = await store.ListChainAsync(caseId);
        var result = await store.VerifyCaseAsync(caseId);

        Assert.Equal([0, 1, 2], links.Select(l => l.Sequence));
        Assert.Equal(chain.Select(c => c.TraceId), links.Select(l => l.TraceId));
        Assert.Null(chain[0].Trace.PreviousHash);
        Assert.Equal(TraceCanonicalJson.HashOf(chain[1].TraceId), chain[2].Trace.PreviousHash);
        Assert.True(result.Ok, string.Join("; ", result.Breaks));
        Assert.Equal(3, result.Length);
    }

    [SkippableFact]
    public async Task Verify_OneByteFlippedInMiddleTrace_NamesThatPosition()
    {
        var (store, caseId, chain) = await ChainOfAsync(4);
        var bytes = (await store.GetAsync(chain[2].TraceId))!;
        bytes[bytes.Length / 2] ^= 0x01;
        await OverwriteTraceAsync(chain[2].TraceId, bytes);

        var result = await store.VerifyCaseAsync(caseId);

        var only = Assert.Single(result.Breaks);
        Assert.Equal(2, only.Position);
        Assert.Equal(chain[2].TraceId, only.TraceId);
        Assert.Equal(ChainBreakKind.HashMismatch, only.Kind);
    }

    [SkippableFact]
    public async Task Verify_MiddleTraceDeleted_NamesThatPosition()
    {
        var (store, caseId, chain) = await ChainOfAsync(4);
        await DeleteTraceAsync(chain[1].TraceId);

        var result = await store.VerifyCaseAsync(caseId);

        Assert.Equal(1, result.FirstBreak!.Position);
        Assert.Equal(ChainBreakKind.MissingTrace, result.FirstBreak.Kind);
        Assert.Equal(chain[1].TraceId, result.FirstBreak.TraceId);
    }

    [SkippableFact]
    public async Task Verify_TwoTracesSwapped_NamesBothPositions()
    {
        var (store, caseId, chain) = await ChainOfAsync(4);
        var one = (await store.GetAsync(chain[1].TraceId))!;
        var two = (await store.GetAsync(chain[2].TraceId))!;
        await OverwriteTraceAsync(chain[1].TraceId, two);
        await OverwriteTraceAsync(chain[2].TraceId, one);

        var result = await store.VerifyCaseAsync(caseId);

        Assert.Equal([1, 2], result.Breaks.Select(b => b.Position));
        Assert.All(result.Breaks, b => Assert.Equal(ChainBreakKind.SwappedOrder, b.Kind));
    }

    [SkippableFact]
    public async Task Append_FiftyConcurrentWriters_WriteAGapFreeForkFreeChain()
    {
        var store = CreateStore();
        var caseId = SampleTraces.NewCaseId();

        var appended = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Task.Run(() => store.AppendAsync(SampleTraces.Decision(caseId, $"writer {i}")))));

        var links = await store.ListChainAsync(caseId);
        var result = await store.VerifyCaseAsync(caseId);
        Assert.Equal(Enumerable.Range(0, 50), links.Select(l => l.Sequence));
        Assert.Equal(50, links.Select(l => l.TraceId).Distinct().Count());
        Assert.Equal(appended.Select(a => a.TraceId).Order(), links.Select(l => l.TraceId).Order());
        Assert.Equal(50, appended.Select(a => a.Trace.Entries[0].Text).Distinct().Count());
        Assert.True(result.Ok, string.Join("; ", result.Breaks));
        Assert.All(result.Superseded, id => Assert.DoesNotContain(id, links.Select(l => l.TraceId)));
        foreach (var id in result.Superseded)
        {
            Assert.NotNull(await store.GetAsync(id)); // kept, never deleted
        }
    }

    [SkippableFact]
    public async Task Append_WriterLosesTheRaceForItsSlot_ItsStoredAttemptIsListedAsSuperseded()
    {
        var store = CreateStore();
        var caseId = SampleTraces.NewCaseId();
        var attempts = new List<int>();
        AppendedTrace? rival = null;

        var appended = await store.AppendAsync(caseId, (sequence, previous) =>
        {
            attempts.Add(sequence);
            if (rival is null)
            {
                // Another writer takes slot 0 after this one read the head and before it claims.
                rival = store.AppendAsync(SampleTraces.Decision(caseId, "rival")).GetAwaiter().GetResult();
            }

            return SampleTraces.Decision(caseId, "mine") with { Sequence = sequence, PreviousHash = previous };
        });

        var lost = TraceCanonicalJson.IdOf(TraceCanonicalJson.Serialize(SampleTraces.Decision(caseId, "mine") with { Sequence = 0, PreviousHash = null }));
        var result = await store.VerifyCaseAsync(caseId);
        Assert.Equal([0, 1], attempts);
        Assert.Equal([rival!.TraceId, appended.TraceId], (await store.ListChainAsync(caseId)).Select(l => l.TraceId));
        Assert.True(result.Ok, string.Join("; ", result.Breaks));
        Assert.Equal([lost], result.Superseded);
        Assert.NotNull(await store.GetAsync(lost));
    }

    [SkippableFact]
    public async Task VerifyTrace_AfterARaceAndAWriterThatStopped_SaysWhereEachStoredTraceStands()
    {
        var store = CreateStore();
        var caseId = SampleTraces.NewCaseId();
        AppendedTrace? rival = null;
        var appended = await store.AppendAsync(caseId, (sequence, previous) =>
        {
            rival ??= store.AppendAsync(SampleTraces.Decision(caseId, "rival")).GetAwaiter().GetResult();
            return SampleTraces.Decision(caseId, "mine") with { Sequence = sequence, PreviousHash = previous };
        });
        var lost = TraceCanonicalJson.IdOf(TraceCanonicalJson.Serialize(SampleTraces.Decision(caseId, "mine") with { Sequence = 0, PreviousHash = null }));
        // A writer stored its trace and stopped before it claimed slot 2 or recorded a loss.
        var stranded = await store.PutAsync(TraceCanonicalJson.Serialize(SampleTraces.Decision(caseId, "stranded") with
        {
            Sequence = 2, PreviousHash = TraceCanonicalJson.HashOf(appended.TraceId),
        }));

        var inChain = await store.VerifyTraceAsync(caseId, appended.TraceId);
        var superseded = await store.VerifyTraceAsync(caseId, lost);
        var outside = await store.VerifyTraceAsync(caseId, stranded);

        Assert.Equal((TraceStandings.InChain, (int?)1), (inChain.Standing, inChain.Position));
        Assert.Equal((TraceStandings.Superseded, (int?)null), (superseded.Standing, superseded.Position));
        Assert.Equal((TraceStandings.OutsideChain, (int?)null), (outside.Standing, outside.Position));
        Assert.All([inChain, superseded, outside], v => Assert.True(v.Chain.Ok, string.Join("; ", v.Chain.Breaks)));
        Assert.Equal([lost], outside.Chain.Superseded);
        Assert.Equal(rival!.TraceId, (await store.ListChainAsync(caseId))[0].TraceId);
    }

    [SkippableFact]
    public async Task Append_RetryFindsItsOwnTraceInTheSlot_AppendsNothingMore()
    {
        var store = CreateStore();
        var caseId = SampleTraces.NewCaseId();
        var first = await store.AppendAsync(SampleTraces.Decision(caseId, "once"));

        // A retry after a crash that happened after the claim: the head it read is gone by now, so simulate the stale read.
        var stale = new StaleHeadStore(store, caseId);
        var again = await stale.AppendAsync(SampleTraces.Decision(caseId, "once"));

        Assert.Equal(first.TraceId, again.TraceId);
        Assert.Single(await store.ListChainAsync(caseId));
        Assert.Empty((await store.VerifyCaseAsync(caseId)).Superseded);
    }

    /// <summary>Answers the first chain listing as if the case had no trace yet (what a writer read before it crashed).</summary>
    private sealed class StaleHeadStore(ITraceStore inner, string caseId) : ITraceStore
    {
        private bool _stale = true;

        public Task<string> PutAsync(byte[] canonicalBytes, CancellationToken cancellationToken = default) => inner.PutAsync(canonicalBytes, cancellationToken);

        public Task<byte[]?> GetAsync(string traceId, CancellationToken cancellationToken = default) => inner.GetAsync(traceId, cancellationToken);

        public async Task<IReadOnlyList<ChainLink>> ListChainAsync(string id, CancellationToken cancellationToken = default)
        {
            if (_stale && id == caseId)
            {
                _stale = false;
                return [];
            }

            return await inner.ListChainAsync(id, cancellationToken);
        }

        public Task<bool> TryClaimSequenceAsync(string id, int sequence, string traceId, CancellationToken cancellationToken = default) =>
            inner.TryClaimSequenceAsync(id, sequence, traceId, cancellationToken);

        public Task RecordSupersededAsync(string id, string traceId, CancellationToken cancellationToken = default) => inner.RecordSupersededAsync(id, traceId, cancellationToken);

        public Task<IReadOnlyList<string>> ListSupersededAsync(string id, CancellationToken cancellationToken = default) => inner.ListSupersededAsync(id, cancellationToken);
    }

    [SkippableFact]
    public async Task ClaimSequence_SlotAlreadyTaken_ReturnsFalseAndKeepsTheFirst()
    {
        var (store, caseId, chain) = await ChainOfAsync(1);
        var other = await store.PutAsync(TraceCanonicalJson.Serialize(SampleTraces.Decision(caseId, "forked")));

        var claimed = await store.TryClaimSequenceAsync(caseId, 0, other);

        Assert.False(claimed);
        Assert.Equal(chain[0].TraceId, Assert.Single(await store.ListChainAsync(caseId)).TraceId);
    }

    [Fact]
    public void Port_OffersNoWayToOverwriteOrDelete()
    {
        var names = typeof(ITraceStore).GetMethods().Select(m => m.Name).ToList();

        Assert.DoesNotContain(names, n => n.Contains("Delete", StringComparison.OrdinalIgnoreCase)
            || n.Contains("Remove", StringComparison.OrdinalIgnoreCase)
            || n.Contains("Overwrite", StringComparison.OrdinalIgnoreCase)
            || n.Contains("Replace", StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>The trace store contract on files in a temporary directory.</summary>
public sealed class FileTraceStoreTests : TraceStoreContract, IDisposable
{
    private readonly TempDirectory _dir = new();
    private FileTraceStore? _store;

    protected override ITraceStore CreateStore() => _store = new FileTraceStore(_dir.Path);

    protected override Task OverwriteTraceAsync(string traceId, byte[] bytes) => File.WriteAllBytesAsync(_store!.PathOf(traceId), bytes);

    protected override Task DeleteTraceAsync(string traceId)
    {
        File.Delete(_store!.PathOf(traceId));
        return Task.CompletedTask;
    }

    public void Dispose() => _dir.Dispose();
}

/// <summary>The trace store contract on the data directory's record log (the local host's store).</summary>
public sealed class LogTraceStoreTests : TraceStoreContract, IAsyncLifetime
{
    private readonly TempRecordLog _store = new();

    protected override ITraceStore CreateStore() => new LogTraceStore(_store.Log, _store.Path);

    // Tampering from outside the port: records written straight into the log under the trace's key.
    protected override Task OverwriteTraceAsync(string traceId, byte[] bytes) => _store.Log.AppendAsync("t/" + traceId, bytes);

    protected override Task DeleteTraceAsync(string traceId) => _store.Log.AppendAsync("t/" + traceId, []);

    [Fact]
    public async Task Chain_StartedAsFilesByAnEarlierVersion_ContinuesInTheLogWithoutReusingASlot()
    {
        var caseId = SampleTraces.NewCaseId();
        var files = new FileTraceStore(_store.Path);
        var first = await files.AppendAsync(SampleTraces.Decision(caseId, "stored as a file"));
        var store = CreateStore();

        Assert.False(await store.TryClaimSequenceAsync(caseId, 0, first.TraceId));
        var second = await store.AppendAsync(SampleTraces.Decision(caseId, "stored in the log"));
        var chain = await store.ListChainAsync(caseId);

        Assert.Equal([first.TraceId, second.TraceId], chain.Select(l => l.TraceId));
        Assert.Equal(1, second.Trace.Sequence);
        Assert.True((await store.VerifyCaseAsync(caseId)).Ok);
        Assert.Single(Directory.GetFiles(Path.Combine(_store.Path, "chains", caseId))); // the new slot went to the log, not to a file
    }

    [Fact]
    public async Task Append_ThenReopen_ChainVerifies()
    {
        var caseId = SampleTraces.NewCaseId();
        var store = CreateStore();
        await store.AppendAsync(SampleTraces.Decision(caseId, "one"));
        await store.AppendAsync(SampleTraces.Decision(caseId, "two"));
        await _store.CloseAsync();

        var reopened = CreateStore();

        Assert.Equal(2, (await reopened.ListChainAsync(caseId)).Count);
        Assert.True((await reopened.VerifyCaseAsync(caseId)).Ok);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _store.DisposeAsync().AsTask();
}

/// <summary>The trace store contract on Azurite blobs.</summary>
public sealed class AzureTraceStoreTests : TraceStoreContract
{
    private Azure.Storage.Blobs.BlobContainerClient? _container;

    protected override ITraceStore CreateStore()
    {
        var account = AzuriteAccount.Require();
        _container = account.Blobs.GetBlobContainerClient(AzuriteAccount.UniqueName("traces"));
        return new Escalation.Infrastructure.Storage.AzureTraceStore(_container);
    }

    protected override async Task OverwriteTraceAsync(string traceId, byte[] bytes) =>
        await _container!.GetBlobClient(Escalation.Infrastructure.Storage.AzureTraceStore.BlobNameOf(traceId)).UploadAsync(BinaryData.FromBytes(bytes), overwrite: true);

    protected override async Task DeleteTraceAsync(string traceId) =>
        await _container!.GetBlobClient(Escalation.Infrastructure.Storage.AzureTraceStore.BlobNameOf(traceId)).DeleteAsync();
}

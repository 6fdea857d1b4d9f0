using Escalation.Core.Storage;
using Escalation.Core.Tracing;
using Escalation.Infrastructure.Storage;

namespace Escalation.Cli.Tests;

public sealed class VerifyCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("escalation-verify-").FullName;

    private static DecisionTrace Trace(string note) => new()
    {
        CaseId = "case-verify",
        Sequence = 0,
        Kind = TraceRecordKinds.Decision,
        TicketId = "ZD-1",
        CustomerId = "cus_1",
        WorkspaceVersion = "ws-1",
        Decision = new TraceDecision("escalate", [note]),
        Actor = TraceActor.Agent(),
        At = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero),
    };

    private async Task<List<AppendedTrace>> ChainAsync(int length)
    {
        var store = new FileTraceStore(_data);
        var list = new List<AppendedTrace>();
        for (var i = 0; i < length; i++)
        {
            list.Add(await store.AppendAsync(Trace($"step {i}")));
        }

        return list;
    }

    private async Task<(int Code, string Out)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var code = await CliApp.RunAsync(["verify", .. args], TextReader.Null, stdout, new StringWriter());
        return (code, stdout.ToString());
    }

    [Fact]
    public async Task Verify_IntactChain_PrintsOkWithLengthAndExitsZero()
    {
        var chain = await ChainAsync(3);

        var (code, output) = await RunAsync(chain[1].TraceId, "--data", _data);

        Assert.Equal(0, code);
        Assert.Contains("OK  case case-verify: chain of 3 traces verified", output);
    }

    [Fact]
    public async Task Verify_ChainTheServerStoredInItsRecordLog_PrintsOk()
    {
        string id;
        await using (var server = LocalCaseStore.Open(_data))
        {
            await server.Traces.AppendAsync(Trace("step 0"));
            id = (await server.Traces.AppendAsync(Trace("step 1"))).TraceId;
        }

        var (code, output) = await RunAsync(id, "--data", _data);

        Assert.Equal(0, code);
        Assert.Contains("OK  case case-verify: chain of 2 traces verified", output);
        Assert.False(Directory.Exists(Path.Combine(_data, "traces")));
    }

    [Fact]
    public async Task Verify_TraceOfAWriterThatLostTheRaceForItsSlot_SaysSupersededAndTheStoreVerifies()
    {
        string lost;
        await using (var server = LocalCaseStore.Open(_data))
        {
            var first = true;
            await server.Traces.AppendAsync("case-verify", (sequence, previous) =>
            {
                if (first)
                {
                    first = false;
                    server.Traces.AppendAsync(Trace("rival")).GetAwaiter().GetResult(); // takes slot 0 first
                }

                return Trace("mine") with { Sequence = sequence, PreviousHash = previous };
            });
            lost = TraceCanonicalJson.IdOf(TraceCanonicalJson.Serialize(Trace("mine")));
        }

        var (code, output) = await RunAsync(lost, "--data", _data);
        var (storeCode, storeOutput) = await RunAsync("--data", _data);

        Assert.Equal(0, code);
        Assert.Contains($"SUPERSEDED  {lost}", output);
        Assert.Equal(0, storeCode);
        Assert.Contains($"SUPERSEDED  case case-verify: {lost}", storeOutput);
        Assert.Contains("1 case chain verified, 0 broken", storeOutput);
    }

    [Fact]
    public async Task Verify_TamperedMiddleTrace_NamesThePositionAndExitsOne()
    {
        var chain = await ChainAsync(3);
        var path = new FileTraceStore(_data).PathOf(chain[1].TraceId);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[20] ^= 0x01;
        await File.WriteAllBytesAsync(path, bytes);

        var (code, output) = await RunAsync(chain[2].TraceId, "--data", _data);

        Assert.Equal(1, code);
        Assert.Contains($"position 1 ({chain[1].TraceId}): hash mismatch", output);
    }

    [Fact]
    public async Task Verify_ExportedFile_ChecksItsHashAgainstItsName()
    {
        var chain = await ChainAsync(1);
        var exported = Path.Combine(_data, chain[0].TraceId + ".json");
        await File.WriteAllBytesAsync(exported, chain[0].Bytes);
        var renamed = Path.Combine(_data, "tr-" + new string('0', 64) + ".json");
        await File.WriteAllBytesAsync(renamed, chain[0].Bytes);

        var ok = await RunAsync(exported);
        var broken = await RunAsync(renamed);

        Assert.Equal(0, ok.Code);
        Assert.Contains("canonical, hash matches", ok.Out);
        Assert.Equal(1, broken.Code);
        Assert.Contains("hash mismatch", broken.Out);
    }

    [Fact]
    public async Task Verify_UnknownTraceId_SaysNotFoundAndExitsOne()
    {
        var (code, output) = await RunAsync("tr-" + new string('a', 64), "--data", _data);

        Assert.Equal(1, code);
        Assert.Contains("NOT FOUND", output);
    }

    [Fact]
    public async Task Verify_WholeStoreWithAByteChangedMidLog_ListsTheDamageAndTheBrokenChainAndExitsOne()
    {
        List<AppendedTrace> chain = [];
        await using (var server = LocalCaseStore.Open(_data))
        {
            for (var i = 0; i < 3; i++)
            {
                chain.Add(await server.Traces.AppendAsync(Trace($"step {i}")));
            }

            await server.Traces.AppendAsync(Trace("other case") with { CaseId = "case-later" });
        }

        var segment = Path.Combine(_data, RecordLog.FolderName, "records-000001.log");
        var bytes = await File.ReadAllBytesAsync(segment);
        var at = bytes.AsSpan().IndexOf(chain[1].Bytes);
        bytes[at + 40] ^= 0x01; // inside the middle trace: records after it are intact
        await File.WriteAllBytesAsync(segment, bytes);

        var (code, output) = await RunAsync("--data", _data);

        Assert.Equal(1, code);
        Assert.Contains($"DAMAGED  store/records-000001.log at offset {at - 20 - ("t/" + chain[1].TraceId).Length}", output);
        Assert.Contains($"record 't/{chain[1].TraceId}'", output);
        Assert.Contains($"position 1 ({chain[1].TraceId}): missing", output);
        Assert.DoesNotContain("case case-later", output); // the chain written after the damage is intact
        Assert.Contains("1 damaged range, 2 case chains verified, 1 broken", output);
    }

    [Fact]
    public async Task Verify_WholeIntactStore_PrintsOkAndExitsZero()
    {
        await using (var server = LocalCaseStore.Open(_data))
        {
            await server.Traces.AppendAsync(Trace("step 0"));
        }

        var (code, output) = await RunAsync("--data", _data);

        Assert.Equal(0, code);
        Assert.Contains("0 damaged ranges, 1 case chain verified, 0 broken", output);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}

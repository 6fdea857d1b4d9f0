using System.Text.Json;
using Escalation.Api.Endpoints;
using Escalation.Api.Hosting;
using Escalation.Api.Http;
using Escalation.Core.Storage;
using Escalation.Core.Tracing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Escalation.Api.Tests.Http;

/// <summary>
/// Issue 30, the chain race: GET /api/audit/{traceId}/verify says whether the trace is part of its case's record, was
/// written by a writer that lost the race for its chain slot (superseded), or is stored outside the chain unexplained.
/// </summary>
public sealed class VerifyStandingTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("verify-standing-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private static string Repo()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "EscalationFunctions.sln")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }

    private static DecisionTrace Trace(string caseId, string note) => new()
    {
        CaseId = caseId, Sequence = 0, Kind = TraceRecordKinds.Decision, TicketId = "ZD-" + caseId, CustomerId = "cus_100", WorkspaceVersion = "test",
        Entries = [TraceEntry.Decided("route", note)], Decision = new TraceDecision("draft-for-review", [note]), Actor = TraceActor.Agent(),
        At = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public async Task Verify_TraceOfAWriterThatLostTheRace_SaysSupersededAndTheChainVerifies()
    {
        var settings = new Dictionary<string, string?> { ["Escalation:DataDirectory"] = _data, ["Escalation:Workspace"] = Path.Combine(Repo(), "samples", "workspace") };
        await using var services = new ServiceCollection().AddLogging().AddProblemDetails().AddEscalation(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();
        var store = services.GetRequiredService<ITraceStore>();
        var api = services.GetRequiredService<CaseApi>();
        const string caseId = "race-1";
        AppendedTrace? rival = null;
        var winner = await store.AppendAsync(caseId, (sequence, previous) =>
        {
            rival ??= store.AppendAsync(Trace(caseId, "rival")).GetAwaiter().GetResult();
            return Trace(caseId, "mine") with { Sequence = sequence, PreviousHash = previous };
        });
        var lost = TraceCanonicalJson.IdOf(TraceCanonicalJson.Serialize(Trace(caseId, "mine")));

        async Task<JsonElement> VerifyAsync(string traceId)
        {
            var context = TestHttpContext.Create("GET", $"/api/audit/{traceId}/verify", services: services);
            var (status, _, body) = await TestHttpContext.WriteAsync(context, await AuditEndpoints.VerifyTrace(context.Request, traceId, api));
            Assert.Equal(200, status);
            return JsonDocument.Parse(body).RootElement.Clone();
        }

        var superseded = await VerifyAsync(lost);
        var inChain = await VerifyAsync(winner.TraceId);

        Assert.Equal("superseded", superseded.GetProperty("standing").GetString());
        Assert.True(superseded.GetProperty("verification").GetProperty("ok").GetBoolean());
        Assert.Equal([lost], superseded.GetProperty("verification").GetProperty("superseded").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(("in-chain", 1), (inChain.GetProperty("standing").GetString(), inChain.GetProperty("position").GetInt32()));
        Assert.Equal("in-chain", (await VerifyAsync(rival!.TraceId)).GetProperty("standing").GetString());
    }
}

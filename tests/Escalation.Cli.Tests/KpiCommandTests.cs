using Escalation.Cli;
using Escalation.Core.Storage;
using Escalation.Infrastructure.Storage;

namespace Escalation.Cli.Tests;

public sealed class KpiCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "kpis-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, true);
        }
    }

    [Fact]
    public async Task Kpis_MissingDataDirectory_ExitsOneNamingIt()
    {
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(["kpis", "--data", _dir], TextReader.Null, new StringWriter(), stderr);

        Assert.Equal(1, code);
        Assert.Contains(_dir, stderr.ToString());
    }

    [Fact]
    public async Task Kpis_CaseIndex_PrintsRoutesRatesAndBreaches()
    {
        var index = new FileCaseIndex(_dir);
        var t0 = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        await index.UpsertAsync(new CaseRecord { CaseId = "c1", TicketId = "T1", CustomerId = "cus_001", Kind = "sensitive", Status = "sent", Route = "draft-and-send", Priority = "P3", Created = t0, Updated = t0 }, null);
        await index.UpsertAsync(new CaseRecord { CaseId = "c2", TicketId = "T2", CustomerId = "cus_002", Kind = "sensitive", Status = "awaiting-review", Route = "draft-for-review", Priority = "P2", Created = t0, Updated = t0, SlaDeadline = t0.AddHours(24) }, null);
        var stdout = new StringWriter();

        var code = await CliApp.RunAsync(["kpis", "--data", _dir, "--now", "2026-11-23T12:00:00Z", "--no-consistency"], TextReader.Null, stdout, new StringWriter());

        Assert.Equal(0, code);
        var text = stdout.ToString();
        Assert.Contains("2 cases, 2 decided", text);
        Assert.Contains("draft-and-send 1", text);
        Assert.Contains("SLA breaches: 1", text);
        Assert.Contains("auto-send rate: 50.0%", text);
    }

    [Fact]
    public async Task KpisRebuild_LocalDataDirectory_SaysItsCountersAreRecountedAtStart()
    {
        Directory.CreateDirectory(_dir);
        var stdout = new StringWriter();

        var code = await CliApp.RunAsync(["kpis", "rebuild", "--data", _dir], TextReader.Null, stdout, new StringWriter());

        Assert.Equal(0, code);
        Assert.Contains("recomputed from the case index at every start", stdout.ToString());
    }

    [Fact]
    public async Task KpisRebuild_NoDataDirectoryAndNoAzureAccount_ExitsOneSayingWhatToPass()
    {
        var stderr = new StringWriter();

        var code = await CliApp.RunAsync(["kpis", "rebuild", "--data", _dir], TextReader.Null, new StringWriter(), stderr);

        Assert.Equal(1, code);
        Assert.Contains("--connection-string", stderr.ToString());
    }

    [Fact]
    public void ReadSubmission_HostWrapper_DecidesAsOfReceivedAt()
    {
        var (ticket, at) = Escalation.Api.Simulations.StoredCases.ReadSubmission(
            """{"submission":{"ticketId":"ZD-1","customer":{"id":"cus_001"},"messages":[{"text":"hi"}]},"receivedAt":"2026-11-20T10:00:00+00:00","hash":"x"}""",
            DateTimeOffset.MinValue);

        Assert.Equal("ZD-1", ticket.TicketId);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), at);
    }
}

namespace Escalation.Server.Tests;

/// <summary>
/// The server whose clock starts at the sample tickets' evaluation instant (samples/tickets/README.md): renewal
/// proximity and tenure are read as of that day, whatever day the tests run.
/// </summary>
public sealed class SampleClockServerFixture : ServerFixture
{
    public const string EvaluationInstant = "2026-11-23T12:00:00Z";

    protected override IDictionary<string, string> Settings => new Dictionary<string, string> { ["Escalation__ClockStart"] = EvaluationInstant };
}

/// <summary>Every sample ticket over real HTTP, as of the day the samples were written for.</summary>
public sealed class SampleTicketRoutesTests(SampleClockServerFixture fixture) : IClassFixture<SampleClockServerFixture>
{
    [Fact]
    public async Task Submit_EverySampleTicket_ReachesTheRouteItsReadmeIntends()
    {
        var expected = SampleTickets.Expected();
        Assert.True(expected.Count >= 30, $"{expected.Count} sample tickets listed");
        var misses = new List<string>();
        foreach (var (file, route) in expected)
        {
            var submitted = await fixture.SubmitAsync(SampleTickets.Load(file, fixture.HelpDesk.Url));
            var caseId = submitted.GetProperty("caseId").GetString()!;
            var settled = await fixture.WaitForCaseAsync(caseId, ServerFixture.Settled);
            var actual = settled.GetProperty("route").GetString();
            if (actual != route)
            {
                misses.Add($"{file}: expected {route}, got {actual}");
            }

            // The case view names the customer's language; every sample is written in English.
            if (!settled.TryGetProperty("language", out var language) || language.GetString() != "en")
            {
                misses.Add($"{file}: language {(settled.TryGetProperty("language", out var l) ? l.ToString() : "missing")}, expected en");
            }
        }

        Assert.Empty(misses);
    }

    [Fact]
    public async Task GetCase_ServerClockStartedAtTheEvaluationInstant_CaseCreatedThatDay()
    {
        var submitted = await fixture.SubmitAsync(SampleTickets.Load("02-refund-within-window-seat-pack.json", ticketId: $"CLK-{Environment.ProcessId}-{Environment.TickCount64}"));

        var stored = await fixture.CaseAsync(submitted.GetProperty("caseId").GetString()!);
        var received = stored.GetProperty("created").GetDateTimeOffset();

        Assert.Equal(DateOnly.FromDateTime(DateTimeOffset.Parse(SampleClockServerFixture.EvaluationInstant).UtcDateTime), DateOnly.FromDateTime(received.UtcDateTime));
    }
}

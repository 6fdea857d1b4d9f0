using Escalation.Core.Decisions;

namespace Escalation.Cli.Tests.Scenarios;

/// <summary>On a legal case the held draft only acknowledges: it states no fault of ours (the legal policy's guardrail).</summary>
public sealed class LegalHeldDraftTests
{
    [Fact]
    public void Decide_LegalStepsAfterAnOutage_HeldDraftDoesNotSayOurOutageStoppedThem()
    {
        // "seit dem Ausfall am 2. November fehlen … 1.200 Patientenanfragen. Unsere Rechtsabteilung prüft bereits rechtliche Schritte"
        var d = SubmissionSuiteTests.Decide("p38-S22");

        Assert.Equal(Routes.Escalate, d.Route);
        Assert.DoesNotContain("Ausfall", d.Draft, StringComparison.Ordinal);
        Assert.DoesNotContain("nicht arbeiten", d.Draft, StringComparison.Ordinal);
    }
}

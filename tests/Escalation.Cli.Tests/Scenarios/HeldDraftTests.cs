using Escalation.Core.Decisions;

namespace Escalation.Cli.Tests.Scenarios;

/// <summary>
/// A draft held for a person says only what is so: a request to delete data speaks of deletion, never "a copy"; a legal
/// case states no fault of ours (the legal policy's guardrail).
/// </summary>
public sealed class HeldDraftTests
{
    [Fact]
    public void Decide_SpanishErasureRequest_HeldDraftSpeaksOfDeletionNotACopy()
    {
        // "solicito la supresión de todos mis datos personales conforme al artículo 17 del RGPD (derecho al olvido)"
        var d = SubmissionSuiteTests.Decide("p38-S19");

        Assert.NotEqual(Routes.DraftAndSend, d.Route);
        Assert.Contains("eliminemos los datos personales", d.Draft, StringComparison.Ordinal);
        Assert.DoesNotContain("copia", d.Draft, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_LegalStepsAfterAnOutage_HeldDraftDoesNotSayOurOutageStoppedThem()
    {
        // "seit dem Ausfall am 2. November fehlen … 1.200 Patientenanfragen. Unsere Rechtsabteilung prüft bereits rechtliche Schritte"
        var d = SubmissionSuiteTests.Decide("p38-S22");

        Assert.Equal(Routes.Escalate, d.Route);
        Assert.DoesNotContain("Ausfall", d.Draft, StringComparison.Ordinal);
        Assert.DoesNotContain("nicht arbeiten", d.Draft, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("p41-S25", "Vous avez demandé un remboursement")] // "quel est votre délai de remboursement ?": a question, no ask
    [InlineData("p41-E34", "U vroeg om een tegoed")] // "overgedragen aan mijn advocaat": a legal case only acknowledges
    [InlineData("p41-S08", "€1,188")] // "at least a partial refund" of the €1,188 charge: no sum was asked
    public void Decide_HeldDraft_StatesNoAskOrSumTheCustomerDidNotMake(string id, string never)
    {
        var d = SubmissionSuiteTests.Decide(id);

        Assert.NotEqual(Routes.DraftAndSend, d.Route);
        Assert.DoesNotContain(never, d.Draft, StringComparison.Ordinal);
    }
}

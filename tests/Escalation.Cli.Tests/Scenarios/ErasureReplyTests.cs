using Escalation.Core.Decisions;

namespace Escalation.Cli.Tests.Scenarios;

/// <summary>A request to delete the customer's data is held for a person with a draft that says deletion, never "a copy".</summary>
public sealed class ErasureReplyTests
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
}

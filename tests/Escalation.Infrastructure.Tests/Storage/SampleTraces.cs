using Escalation.Core.Tracing;

namespace Escalation.Infrastructure.Tests.Storage;

/// <summary>Decision traces for the storage tests.</summary>
internal static class SampleTraces
{
    public static readonly DateTimeOffset At = new(2026, 11, 20, 9, 12, 0, TimeSpan.Zero);

    public static DecisionTrace Decision(string caseId, string note = "refund within window") => new()
    {
        CaseId = caseId,
        Sequence = 0,
        Kind = TraceRecordKinds.Decision,
        TicketId = "ZD-48213",
        CustomerId = "cus_014",
        WorkspaceVersion = "ws-1",
        Entries = [TraceEntry.Decided("route", note, "refund@3#abc")],
        Decision = new TraceDecision("draft-for-review", [note]),
        Actor = TraceActor.Agent(),
        At = At,
    };

    public static string NewCaseId() => "case-" + Guid.NewGuid().ToString("N")[..12];
}

using System.Text.Json;
using CsCheck;
using Escalation.Core.Decisions;
using Escalation.Core.Knowledge;
using Escalation.Core.Sensitive;
using Escalation.Core.Signals;
using Escalation.Core.Tests.Sensitive;
using Escalation.Core.Tickets;

namespace Escalation.Core.Tests.Properties;

public sealed class RoutingPropertyTests
{
    private static readonly Workspace Ws = TestWorkspace.Build();
    private static readonly Workspace Reordered = TestWorkspace.Build(TestWorkspace.Policies().Reverse());
    private static readonly ComposerDraftWriter Writer = new();

    private static readonly string[] Phrases =
    [
        "I want a refund for the €450 charged on 8 October.", "We were charged $49 on 2026-11-20.", "Your outage took us offline for 9 hours.",
        "I changed my mind.", "The export is broken.", "Please cancel my plan.", "I want to speak to a manager.", "Send me a copy of my data under GDPR.",
        "My lawyer will be in touch.", "Thanks for the help so far.", "We renew next month.", "Charged twice this month, refund the 300 EUR.",
    ];

    private static Gen<string> Pick(params string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private sealed record Case(string Text, string Customer, TextSignals Text2, bool Vip, bool Repeat, bool Commercial, string Priority);

    private static readonly Gen<TextSignals> GenText =
        Gen.Select(Gen.Bool.Array[6], Gen.Double[0, 1], Pick("casual", "formal", "angry", "technical", "confused"))
            .Select((b, intensity, tone) => new TextSignals
            {
                Legal = b[0], LegalKinds = b[0] ? [LegalKinds.Lawyer] : [], ManagerRequest = b[1], Abusive = b[2] && b[3], Outage = b[4],
                Negative = b[5], Intensity = Math.Round(intensity, 2), CustomerTone = tone, Complaint = b[5],
            });

    private static readonly Gen<Case> GenCase =
        Gen.Select(Gen.Int[0, Phrases.Length - 1].Array[1, 4], Pick("cus_014", "cus_100"), GenText, Gen.Bool.Array[3], Pick("P0", "P1", "P2", "P3"))
            .Select((idx, customer, text, flags, priority) =>
                new Case(string.Join(" ", idx.Select(i => Phrases[i])), customer, text, flags[0], flags[1], flags[2], priority));

    private static SensitiveCaseResult Run(Case c, Workspace ws, string? text = null)
    {
        var signals = new CaseSignals { Text = c.Text2, Priority = c.Priority, Vip = c.Vip, RepeatComplainant = c.Repeat, CommerciallySensitive = c.Commercial };
        return new SensitiveCasePipeline((_, _, _, _) => signals, Writer).Run(TestWorkspace.Ticket(text ?? c.Text, c.Customer), ws, TestWorkspace.Now);
    }

    [Fact]
    public void Route_GeneratedCases_NeverAutoSendsWhenAHardRuleApplies()
    {
        GenCase.Sample(c =>
        {
            var d = Run(c, Ws).Decision;
            var hard = c.Text2.Legal || c.Text2.ManagerRequest || c.Text2.Intensity >= Ws.Routing.IntensityEscalateAt || c.Repeat || c.Commercial
                || (c.Vip && (c.Text2.Negative || c.Text2.Complaint)) || c.Text.Contains("manager", StringComparison.Ordinal);
            if (hard && d.Route == Routes.DraftAndSend)
            {
                return false;
            }

            return !(c.Text2.Legal || c.Text2.Intensity >= Ws.Routing.IntensityEscalateAt) || d.Route == Routes.Escalate;
        }, iter: 10_000);
    }

    [Fact]
    public void Run_SameCaseTwiceOrReorderedPoliciesOrReflowedWhitespace_IdenticalSerializedDecision()
    {
        GenCase.Sample(c =>
        {
            var a = JsonSerializer.Serialize(Run(c, Ws).Decision);
            var again = JsonSerializer.Serialize(Run(c, Ws).Decision);
            var reordered = JsonSerializer.Serialize(Run(c, Reordered).Decision);
            var reflowed = JsonSerializer.Serialize(Run(c, Ws, "\n  " + c.Text.Replace(" ", "  \n\t", StringComparison.Ordinal) + "   ").Decision);
            return a == again && a == reordered && a == reflowed;
        }, iter: 2_000);
    }
}

using System.Text;
using Escalation.Infrastructure.Workspace;

namespace Escalation.Infrastructure.Tests.Workspace;

/// <summary>A small valid workspace as files, to break one file at a time.</summary>
internal static class MinimalWorkspace
{
    public static Dictionary<string, string> Files() => new()
    {
        ["routing.yaml"] = """
            intensity:
              escalateAt: 0.75
              reviewAt: 0.4
            vipTiers: [Enterprise]
            repeatComplainant:
              windowDays: 90
              count: 3
            renewalProximityDays: 30
            churnArrThreshold: 10000
            autoApproveCap: 250
            defaultCurrency: EUR
            policyMatch:
              minStrength: 0.45
            reviewSlaHours:
              P0: 1
              P1: 4
              P2: 24
              P3: 72
            """,
        ["tone-guide.yaml"] = """
            brandVoice: Plain and warm.
            signOff: Sam, Support
            maxReadingGrade: 8
            calibration:
              - customerTone: angry
                matchWith: Calm, empathetic, action-oriented
                opening: I understand.
            bannedPhrases:
              - phrase: calm down
                reason: Dismissive.
            """,
        ["customers.yaml"] = """
            customers:
              - id: cus_001
                name: Ada Example
                tier: Growth
                arr: 1200
                customerSince: 2024-01-15
                history:
                  - date: 2026-10-01
                    kind: complaint
                    topic: Billing
            """,
        ["precedents.yaml"] = """
            precedents:
              - id: pr-1
                date: 2026-04-18
                title: Approved a late refund after an outage
                category: refund
                policy: refund
                facts:
                  amount: 450
                  daysPastWindow: 16
                  cause: outage
                decision: approved
                rationale: Outage confirmed.
            """,
        ["playbooks.yaml"] = """
            playbooks:
              - id: refund-past-window
                title: Refund past the window
                type: refund-past-window
                triggers:
                  words: [Refund]
                steps:
                  - Check the dates.
            """,
        ["policies/refund.md"] = """
            ---
            id: refund
            title: Refund policy
            version: "2026.3"
            effective: 2026-03-01
            category: refund
            tags: [refund]
            numbers:
              refundWindowDays: 30
              autoApproveCap: 250
            guardrails:
              - Never promise more than the cap.
            rules:
              - id: within-window
                text: Refund within the window.
            ---
            Refunds within 30 days.
            """,
    };

    public static IReadOnlyList<WorkspaceFile> AsFiles(Dictionary<string, string> files) =>
        files.Select(kv => new WorkspaceFile(kv.Key, Encoding.UTF8.GetBytes(kv.Value))).ToArray();
}

using System.Globalization;
using Escalation.Api.Views;
using Escalation.Core.Tracing;

namespace Escalation.Api.Http;

/// <summary>Turns a decision trace into the sections of the audit page (internal) or the customer's page (public).</summary>
public static class AuditViews
{
    public static TracePageModel Internal(string traceId, DecisionTrace trace, string publicAuditUrl)
    {
        var sections = new List<TraceSectionView>
        {
            new()
            {
                Heading = "Decision",
                Facts =
                [
                    new("Case", trace.CaseId), new("Ticket", trace.TicketId), new("Record", $"{trace.Kind} #{trace.Sequence}"),
                    new("Decided by", $"{trace.Actor.Kind} {trace.Actor.Id}"), new("At", trace.At.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)),
                    new("Route", trace.Decision?.Route ?? "-"), new("Workspace", trace.WorkspaceVersion),
                    new("Previous trace", trace.PreviousHash is null ? "none (first in the chain)" : "tr-" + trace.PreviousHash),
                    new("Customer view", publicAuditUrl),
                ],
                Items = trace.Decision?.Reasons ?? [],
            },
            new() { Heading = "Policies applied", Items = trace.Policies.Select(p => $"{p.Title} — {p.Citation}").ToArray() },
        };
        if (trace.Signals is { } s)
        {
            sections.Add(new TraceSectionView
            {
                Heading = "Signals",
                Facts = [new("Priority", $"{s.Priority} {s.PriorityReason}"), new("Language", s.Language ?? "not recorded"), new("Flags", string.Join(", ", s.Flags)), new("Intensity", s.Intensity.ToString("0.00", CultureInfo.InvariantCulture))],
                Items = s.Evidence.Select(e => $"{e.Signal}: \u201c{e.Text}\u201d").ToArray(),
            });
        }

        if (trace.Precedents.Count > 0 || trace.Playbook is not null)
        {
            sections.Add(new TraceSectionView { Heading = "Precedents and playbook", Items = [.. trace.Precedents, .. trace.Playbook is null ? Array.Empty<string>() : ["playbook " + trace.Playbook]] });
        }

        sections.Add(new TraceSectionView { Heading = "What each stage read, found and decided", Items = trace.Entries.Select(e => $"[{e.Stage}] {e.Kind}: {e.Text}").ToArray() });
        if (trace.InternalNotes.Count > 0)
        {
            sections.Add(new TraceSectionView { Heading = "Internal notes", Text = string.Join("\n\n", trace.InternalNotes) });
        }

        if (trace.Model is { } m)
        {
            sections.Add(new TraceSectionView { Heading = "Model", Facts = [new("Model", m.Name), new("Tokens", $"{m.PromptTokens} in, {m.CompletionTokens} out"), new("Latency", $"{m.LatencyMs} ms"), new("Prompt hash", m.PromptHash ?? "-")] });
        }

        return new TracePageModel("Decision trace " + traceId, sections, $"Immutable record {traceId}. Verify: /api/audit/{traceId}/verify");
    }

    public static TracePageModel Public(PublicTraceView view) => new(
        "How your request was decided",
        new TraceSectionView[]
        {
            new() { Heading = "Decision", Facts = [new("Request", view.TicketId), new("Decided by", view.DecidedBy), new("When", view.At.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))], Text = view.Decision },
            new() { Heading = "What you asked", Items = view.YouAsked },
            new() { Heading = "What happened", Items = view.WhatHappened },
            new() { Heading = "What we did", Items = view.WhatWasDone },
            new() { Heading = "Policy applied", Items = view.Policies.Select(p => p.Summary is null ? $"{p.Title} (version {p.Version})" : $"{p.Title} (version {p.Version}): {p.Summary}").ToArray() },
        }.Where(s => s.Items.Count > 0 || s.Text is not null || s.Facts.Count > 0).ToArray(),
        $"Reference {view.TraceId}");
}

using Escalation.Core.Cases;
using Escalation.Core.Knowledge;
using Escalation.Core.Sensitive;
using Escalation.Core.Signals;
using Escalation.Core.Tickets;
using Escalation.Core.Tracing;

namespace Escalation.Core.Escalations;

/// <summary>The one structured context of an escalation, so the next owner never starts cold.</summary>
public sealed record EscalationContext
{
    public required string TicketId { get; init; }
    public required CustomerEntity Customer { get; init; }
    public int TenureMonths { get; init; }
    public int? DaysToRenewal { get; init; }

    /// <summary>Complaints and escalations in the repeat-complainant window, newest first.</summary>
    public IReadOnlyList<CustomerHistoryEntry> RecentHistory { get; init; } = [];

    /// <summary>What was already done: tier-1 attempts and agent replies in the thread.</summary>
    public IReadOnlyList<string> PriorActions { get; init; } = [];
    public required CaseSignals Signals { get; init; }
    public required CaseFacts Facts { get; init; }
    public required PolicyRetrieval Retrieval { get; init; }
    public IReadOnlyList<TraceEntry> Trace { get; init; } = [];
}

/// <summary><c>gather-context</c>: customer entity and history, prior actions, signals, policies, precedents and playbook in one record.</summary>
public sealed class GatherContextStage
{
    private const string Stage = "gather-context";
    private readonly PolicyRetrievalStage _retrieve = new();

    /// <summary>Gather the context of one escalation.</summary>
    public EscalationContext Gather(CaseSubmission ticket, ReceivedHandoff received, CustomerEntity customer, CaseSignals signals, CaseFacts facts, Workspace workspace, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var since = today.AddDays(-workspace.Routing.RepeatComplainantWindowDays);
        var recent = customer.History.Where(h => h.Date >= since && h.Date <= today)
            .OrderByDescending(h => h.Date).ThenBy(h => h.Topic, StringComparer.Ordinal).ToArray();
        var prior = received.Handoff.WhatTried.Select(a => $"tier 1: {a.Action ?? "(no action)"} → {a.Result ?? "(no result)"}")
            .Concat(ticket.Messages.Where(m => string.Equals(m.From, "agent", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(m.Text))
                .Select(m => "agent reply: " + Clip(CaseText.Normalize(m.Text))))
            .ToArray();
        var retrieval = _retrieve.Retrieve(ticket, customer, signals, facts, workspace, now);
        var tenure = customer.TenureMonths(today);
        var renewal = customer.DaysToRenewal(today);
        var trace = new List<TraceEntry>
        {
            TraceEntry.Read(Stage, $"Customer {customer.Id} ({customer.Tier}, ARR {Money.Format(customer.Arr, customer.Currency)}, {tenure} months{(renewal is { } d ? $", renews in {d} days" : "")}); {customer.OpenIssues.Count} open issue(s)."),
            TraceEntry.Found(Stage, $"{recent.Length} complaint(s)/escalation(s) in the last {workspace.Routing.RepeatComplainantWindowDays} days; {prior.Length} prior action(s) on this ticket."),
        };
        trace.AddRange(retrieval.Trace);
        trace.Add(TraceEntry.Decided(Stage, $"Context assembled: {retrieval.Policies.Count} policies, {retrieval.Precedents.Count} precedents, playbook {retrieval.Playbook?.Id ?? "none"}.", retrieval.Citations.ToArray()));
        return new EscalationContext
        {
            TicketId = ticket.TicketId,
            Customer = customer,
            TenureMonths = tenure,
            DaysToRenewal = renewal,
            RecentHistory = recent,
            PriorActions = prior,
            Signals = signals,
            Facts = facts,
            Retrieval = retrieval,
            Trace = trace,
        };
    }

    private static string Clip(string s) => s.Length <= 160 ? s : s[..157] + "...";
}

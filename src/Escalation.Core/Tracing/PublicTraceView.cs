namespace Escalation.Core.Tracing;

/// <summary>
/// The customer's view of a decision trace (the public audit link): which request it was, the
/// policies that applied (title and version), what was decided and who decided, in words written
/// for the customer. It is built from a short list of things the customer may see, never by
/// filtering the internal record: routing reasons, signals, priority, thresholds, tenure, renewal
/// and account value, internal notes, evidence quotes, precedents, reviewer identities and model
/// internals are the support team's judgement about the customer and never reach this view.
/// </summary>
public sealed record PublicTraceView
{
    public required string TraceId { get; init; }
    public required string CaseId { get; init; }

    /// <summary>The help desk's ticket reference the customer knows their request by.</summary>
    public required string TicketId { get; init; }
    public required string Kind { get; init; }
    public required DateTimeOffset At { get; init; }

    /// <summary>Policies applied: id, version, title and, when the workspace has one, the policy in customer-facing words.</summary>
    public IReadOnlyList<PublicPolicy> Policies { get; init; } = [];

    /// <summary>What the customer asked for, in their terms ("A refund"); empty when the record does not say.</summary>
    public IReadOnlyList<string> YouAsked { get; init; } = [];

    /// <summary>What was done for the customer ("We refunded €49 …"); empty when nothing was executed by this step.</summary>
    public IReadOnlyList<string> WhatWasDone { get; init; } = [];

    /// <summary>The route taken, in plain words; null when the record carries no decision.</summary>
    public string? Decision { get; init; }

    /// <summary>What this step of the case means for the customer, in one or two sentences.</summary>
    public IReadOnlyList<string> WhatHappened { get; init; } = [];

    /// <summary>"the support agent", "a senior specialist" or "the support team" — never a person's identity.</summary>
    public required string DecidedBy { get; init; }

    /// <summary>The customer's view of a trace.</summary>
    /// <param name="traceId">The trace's id.</param>
    /// <param name="trace">The record.</param>
    /// <param name="shownToCustomer">
    /// Whether a policy id may be named to the customer (the workspace's <c>audience</c>); null names every cited policy.
    /// </param>
    /// <param name="publicSummary">
    /// The customer-facing wording of a policy id at a version (the workspace's <c>summary</c>), or null; only a summary of
    /// the very version cited is shown.
    /// </param>
    public static PublicTraceView From(string traceId, DecisionTrace trace, Func<string, bool>? shownToCustomer = null, Func<string, string, string?>? publicSummary = null) => new()
    {
        TraceId = traceId,
        CaseId = trace.CaseId,
        TicketId = trace.TicketId,
        Kind = trace.Kind,
        At = trace.At,
        Policies = [.. trace.Policies.Where(p => shownToCustomer?.Invoke(p.Id) ?? true).Select(p => new PublicPolicy(p.Id, p.Version, p.Title, publicSummary?.Invoke(p.Id, p.Version)))],
        YouAsked = [.. (trace.Asks ?? []).Select(AskWords).OfType<string>()],
        WhatWasDone = [.. (trace.Executed ?? []).Select(DoneWords).OfType<string>()],
        Decision = trace.Decision is { } d ? RouteWords(d.Route) : null,
        WhatHappened = Explain(trace),
        DecidedBy = trace.Actor.Kind switch
        {
            TraceActor.ReviewerKind => "a senior specialist",
            TraceActor.OperatorKind => "the support team",
            _ => "the support agent",
        },
    };

    /// <summary>Plain words for a route.</summary>
    public static string RouteWords(string route) => route switch
    {
        "draft-and-send" => "Answered directly",
        "draft-for-review" => "Answer reviewed by a senior specialist before sending",
        "escalate" => "Handed to a senior specialist",
        "resolve-in-place" => "Resolved",
        "return-to-tier-1" => "Returned to the support team with guidance",
        _ => "Recorded",
    };

    /// <summary>A request kind in the customer's terms; null for one the view does not name.</summary>
    public static string? AskWords(string ask) => ask switch
    {
        "refund" => "A refund",
        "credit" => "A credit on your account",
        "cancel" => "To cancel your subscription",
        "data-access" => "A copy of the personal data we hold about you",
        "manager" => "To speak with a manager",
        "fix" => "A fix for a problem with the service",
        _ => null,
    };

    /// <summary>What an executed action did, in the customer's terms; null for a kind the view does not describe.</summary>
    public static string? DoneWords(TraceExecutedAction a)
    {
        var money = a.Amount is { } amount ? Cases.Money.Format(amount, a.Currency ?? "EUR") : null;
        return a.Kind switch
        {
            "refund" => money is null ? "We refunded your payment to the card or account you paid with." : $"We refunded {money} to the card or account you paid with.",
            "credit" => money is null ? "We added a credit to your account." : $"We added a credit of {money} to your account.",
            "cancel-subscription" => "We cancelled your subscription.",
            "remove-add-on" => "We removed the add-on from your subscription.",
            "downgrade" => a.Plan is null ? "We moved your subscription to a smaller plan." : $"We moved your subscription to the {a.Plan} plan.",
            "bug-report" => "We reported the problem to our engineers.",
            "retention-discount" => "We applied a discount to your subscription.",
            _ => null,
        };
    }

    // One explanation per record kind and route. Written for the customer and fixed here, so no
    // internal wording (a reason's threshold, a score, an account's value) can pass through.
    private static IReadOnlyList<string> Explain(DecisionTrace trace)
    {
        var route = trace.Decision?.Route;
        return trace.Kind switch
        {
            TraceRecordKinds.SlaTimeout =>
                ["Your request was handed to a senior specialist so that it is answered without further delay."],
            TraceRecordKinds.ReviewOutcome when route == "escalate" =>
                ["A senior specialist reviewed the proposed answer and took your request over personally."],
            TraceRecordKinds.ReviewOutcome =>
                ["A senior specialist reviewed the proposed answer before anything was sent to you."],
            TraceRecordKinds.Delivery =>
                ["Our answer was delivered to your help-desk conversation."],
            TraceRecordKinds.Erasure =>
                ["Your personal data in this request was erased as you asked. What remains is the record of what was decided and under which policy, without your data."],
            _ => route switch
            {
                "draft-and-send" => ["We answered your request following the policy shown here."],
                "draft-for-review" => ["A senior specialist checks our answer against the policy shown here before it is sent to you."],
                "escalate" => ["Your request needs a person's judgement, so a senior specialist handles it and contacts you."],
                "resolve-in-place" => ["The support team resolved your request following the policy shown here."],
                "return-to-tier-1" => ["The support team handles your request with guidance on the next step."],
                _ => [],
            },
        };
    }
}

/// <summary>A policy as the public view names it, with its customer-facing wording when the workspace has one.</summary>
public sealed record PublicPolicy(string Id, string Version, string Title, string? Summary = null);

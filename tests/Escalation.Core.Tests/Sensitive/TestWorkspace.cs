using Escalation.Core.Cases;
using Escalation.Core.Knowledge;
using Escalation.Core.Signals;
using Escalation.Core.Tickets;

namespace Escalation.Core.Tests.Sensitive;

/// <summary>An in-memory workspace shaped like the sample one, and hand-built signals.</summary>
internal static class TestWorkspace
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static Workspace Build(IEnumerable<Policy>? policies = null) => new(
        "ws-test000000000000",
        new RoutingSettings(),
        new ToneGuide
        {
            BrandVoice = "Plain, warm and direct.",
            SignOff = "Priya, Senior Support",
            MaxReadingGrade = 8,
            Calibration =
            [
                new ToneCalibration("angry", "Calm, empathetic, action-oriented", "I understand, and I'm sorry this happened."),
                new ToneCalibration("formal", "Clear, structured", "Thank you for contacting us."),
            ],
            BannedPhrases = [new BannedPhrase("calm down", "Dismisses the customer's feelings.")],
        },
        [
            new CustomerEntity
            {
                Id = "cus_014", Name = "Dana Ruiz", Tier = "Operator", Mrr = 450, Arr = 5400, Currency = "EUR",
                CustomerSince = new DateOnly(2025, 9, 2), RenewalDate = new DateOnly(2026, 12, 14),
            },
            new CustomerEntity { Id = "cus_100", Name = "Sam Lee", Tier = "Starter", Mrr = 49, Arr = 588, CustomerSince = new DateOnly(2026, 10, 1) },
        ],
        policies ?? Policies(),
        [
            new Precedent
            {
                Id = "pr-046-day-refund", Date = new DateOnly(2026, 4, 18), Title = "Approved a 46-day refund for an annual-plan customer after a confirmed outage",
                Category = "refund", Policy = "refund", Decision = "approved",
                Facts = new PrecedentFacts { Tier = "Operator", TenureMonths = 14, Amount = 450, Currency = "EUR", DaysSincePurchase = 46, DaysPastWindow = 16, Cause = "outage" },
            },
            new Precedent
            {
                Id = "pr-changed-mind-declined", Date = new DateOnly(2026, 5, 2), Title = "Declined a refund 60 days after purchase, no issue reported",
                Category = "refund", Policy = "refund", Decision = "declined",
                Facts = new PrecedentFacts { Tier = "Starter", TenureMonths = 2, Amount = 49, DaysPastWindow = 30, Cause = "changed-mind" },
            },
        ],
        [
            new Playbook { Id = "refund-past-window", Title = "Refund past the window", Type = "refund-past-window", TriggerWords = ["refund", "money back"], Steps = ["Confirm the purchase date.", "Check for an outage or defect."] },
            new Playbook { Id = "outage-data-loss", Title = "Outage", Type = "outage", TriggerSignals = ["outage"], Steps = ["Confirm the incident window."] },
            new Playbook { Id = "legal-threat", Title = "Legal threat", Type = "legal", TriggerSignals = ["legal"], Steps = ["Do not admit liability."] },
        ]);

    public static IReadOnlyList<Policy> Policies() =>
    [
        new Policy
        {
            Id = "refund", Title = "Refund policy", Version = "2026.3", Effective = new DateOnly(2026, 3, 1), Category = "refund",
            Tags = ["refund", "money back"], Currency = "EUR", ContentHash = new string('a', 64),
            Numbers = new Dictionary<string, decimal> { ["refundWindowDays"] = 30, ["autoApproveCap"] = 250, ["refundProcessingDays"] = 5 },
            Guardrails = ["Never promise a refund above the auto-approve cap before a manager approves it."],
        },
        new Policy
        {
            Id = "sla-credit", Title = "SLA credits", Version = "2026.1", Effective = new DateOnly(2026, 1, 1), Category = "sla-credit",
            Tags = ["outage", "downtime", "sla"], ContentHash = new string('b', 64),
            Numbers = new Dictionary<string, decimal> { ["uptimeTargetPercent"] = 99.9m, ["creditPercentPerHourDown"] = 5, ["maxCreditPercent"] = 30, ["autoApproveCap"] = 250 },
        },
        new Policy
        {
            Id = "legal", Title = "Legal", Version = "2026.1", Effective = new DateOnly(2026, 1, 1), Category = "legal",
            Tags = ["lawyer", "chargeback"], ContentHash = new string('c', 64),
        },
        new Policy
        {
            Id = "escalation", Title = "Escalation thresholds", Version = "2026.2", Effective = new DateOnly(2026, 1, 1), Category = "escalation",
            Tags = ["manager"], ContentHash = new string('d', 64),
        },
    ];

    public static CaseSignals Signals(TextSignals? text = null, string priority = "P2", bool vip = false, bool repeat = false, bool commercial = false) =>
        new() { Text = text ?? new TextSignals(), Priority = priority, Vip = vip, RepeatComplainant = repeat, CommerciallySensitive = commercial };

    /// <summary>A plain customer's ticket (cus_100) through the real sensitive pipeline with the composer, as of <see cref="Now"/>.</summary>
    public static Core.Sensitive.SensitiveCaseResult Decide(string text) => Decide(Ticket(text, "cus_100"));

    /// <summary>A ticket through the real sensitive pipeline with the composer and its detectors, as of <see cref="Now"/>, in
    /// <paramref name="workspace"/> (the test workspace by default).</summary>
    public static Core.Sensitive.SensitiveCaseResult Decide(CaseSubmission ticket, Workspace? workspace = null) =>
        new Core.Sensitive.SensitiveCasePipeline(Core.Decisions.CaseDetectors.From(new DetectStage()), new Core.Sensitive.ComposerDraftWriter())
            .Run(ticket, workspace ?? Build(), Now);

    /// <summary>The facts a plain customer's ticket (cus_100) is read as, as of <see cref="Now"/>.</summary>
    public static CaseFacts Facts(string text) => new CaseFactsExtractor().Extract(Ticket(text, "cus_100"), Build(), Now);

    public static CaseSubmission Ticket(string text, string customerId = "cus_014", string? subject = null, TierOneHandoff? handoff = null) => new()
    {
        TicketId = "T-1",
        Customer = new CustomerProfile { Id = customerId },
        Subject = subject,
        Messages = [new TicketMessage { From = "customer", At = Now.AddDays(-1), Text = text }],
        Handoff = handoff,
    };

    /// <summary>A tier-1 handoff at P2 with one attempt: what tier 1 found (<paramref name="result"/>) and what it asks.</summary>
    public static TierOneHandoff Handoff(string summary, string action, string result, string needed, string expectation, string category = "billing") => new()
    {
        Summary = summary, Category = category, Priority = "P2",
        WhatTried = [new HandoffAttempt { Action = action, Result = result }],
        WhatNeeded = needed, CustomerExpectation = expectation,
    };

    /// <summary>The DelegateZero scenario: past the window, real outage, 14 months, renewal in 3 weeks.</summary>
    public const string DelegateZeroText =
        "I want a refund for the €450 we were charged on 8 October. Your outage kept us offline for 9 hours and this is unacceptable.";
}

using System.Text.Json;
using Escalation.Core.Tracing;

namespace Escalation.Core.Tests.Tracing;

public sealed class PublicTraceViewTests
{
    private static PublicTraceView View(DecisionTrace trace) => PublicTraceView.From("tr-x", trace);

    private static string Json(PublicTraceView view) => JsonSerializer.Serialize(view);

    [Fact]
    public void From_Trace_ShowsPolicyDecisionAndWhatHappened()
    {
        var view = View(TraceCanonicalJsonTests.Sample());

        Assert.Equal(new PublicPolicy("refund", "3", "Refund policy"), Assert.Single(view.Policies));
        Assert.Equal("Handed to a senior specialist", view.Decision);
        Assert.Contains("senior specialist", Assert.Single(view.WhatHappened));
        Assert.Equal("ZD-48213", view.TicketId);
    }

    // What the support team thinks of the customer and the thresholds it applies: none of it may
    // reach the customer, whatever the internal reasons say.
    public static TheoryData<string> InternalWords => new()
    {
        "Priority", "P0", "intensity", "0.45", "unhappy", "sensitive", "Commercially", "renewal", "21 days",
        "cap", "€250", "threshold", "ARR €", "5,400", "VIP", "churn", "tenure", "14 month", "Operator", "negative",
        "complainant", "account manager", "Escalation thresholds",
    };

    [Theory]
    [MemberData(nameof(InternalWords))]
    public void From_TraceWithInternalJudgement_NeverShowsIt(string word)
    {
        var trace = TraceCanonicalJsonTests.Sample() with
        {
            Signals = new TraceSignals { Priority = "P0", PriorityReason = "renewal in 21 days", Flags = ["negative", "vip", "churn-threat", "commercially-sensitive", "repeat-complainant"], Intensity = 0.45 },
            Policies = [new TracePolicyCitation("refund@3#" + new string('b', 64), "Refund policy"), new TracePolicyCitation("escalation-thresholds@2026.3#" + new string('d', 64), "Escalation thresholds")],
            Decision = new TraceDecision("draft-for-review",
            [
                "Commercially sensitive (renewal in 21 days (window 30)): human review.",
                "Amount €450 is above the auto-approve cap of €250: manager review.",
                "Negative intensity 0.45 ≥ 0.40: review before sending.",
                "VIP-tier customer with ARR €5,400: churn risk, account manager informed.",
            ]),
        };

        var json = Json(PublicTraceView.From("tr-x", trace, id => id != "escalation-thresholds"));

        Assert.DoesNotContain(word, json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void From_InternalPolicy_IsNotNamedButCustomerPoliciesAre()
    {
        var trace = TraceCanonicalJsonTests.Sample() with
        {
            Policies = [new TracePolicyCitation("refund@3#" + new string('b', 64), "Refund policy"), new TracePolicyCitation("escalation-thresholds@2026.3#" + new string('d', 64), "Escalation thresholds")],
        };

        var view = PublicTraceView.From("tr-x", trace, id => id != "escalation-thresholds");

        Assert.Equal("refund", Assert.Single(view.Policies).Id);
    }

    [Fact]
    public void From_Trace_LeavesOutNotesEmailModelPrecedentsAndEvidence()
    {
        var json = Json(View(TraceCanonicalJsonTests.Sample()));

        Assert.DoesNotContain("account manager", json);
        Assert.DoesNotContain("dana@example.com", json);
        Assert.DoesNotContain("gpt-4o-mini", json);
        Assert.DoesNotContain("812", json);
        Assert.DoesNotContain("prec-2026-011", json);
        Assert.DoesNotContain("my lawyer", json);
        Assert.DoesNotContain(new string('b', 64), json);
    }

    [Fact]
    public void From_ReviewerDecision_HidesTheReviewersIdentity()
    {
        var trace = TraceCanonicalJsonTests.Sample() with { Kind = TraceRecordKinds.ReviewOutcome, Actor = TraceActor.Reviewer("lee.senior@acme.example") };

        var view = View(trace);

        Assert.Equal("a senior specialist", view.DecidedBy);
        Assert.DoesNotContain("lee.senior", Json(view));
    }

    [Fact]
    public void From_ReasonMentioningAnEmail_DoesNotShowIt()
    {
        var trace = TraceCanonicalJsonTests.Sample() with { Decision = new TraceDecision("draft-for-review", ["Reply to dana@example.com after review"]) };

        var json = Json(View(trace));

        Assert.DoesNotContain("dana@example.com", json);
        Assert.DoesNotContain("Reply to", json);
    }

    [Fact]
    public void From_ErasureRecord_TellsTheCustomerTheirDataWasErasedAndByTheTeamNotAName()
    {
        var trace = TraceCanonicalJsonTests.Sample() with
        {
            Kind = TraceRecordKinds.Erasure,
            Decision = null,
            Actor = TraceActor.Operator("dpo@lumen.example"),
        };

        var view = PublicTraceView.From("tr-x", trace);

        Assert.Contains("erased", Assert.Single(view.WhatHappened));
        Assert.Equal("the support team", view.DecidedBy);
        Assert.Null(view.Decision);
        Assert.DoesNotContain("dpo@", System.Text.Json.JsonSerializer.Serialize(view));
    }

    [Fact]
    public void From_RefundAskedAndExecuted_SaysWhatWasAskedAndDoneInTheCustomersTerms()
    {
        var trace = TraceCanonicalJsonTests.Sample() with
        {
            Asks = ["refund", "manager"],
            Executed = [new TraceExecutedAction("refund", 49m, "EUR"), new TraceExecutedAction("downgrade", Plan: "Starter")],
        };

        var view = PublicTraceView.From("tr-x", trace);

        Assert.Equal(["A refund", "To speak with a manager"], view.YouAsked);
        Assert.Equal(2, view.WhatWasDone.Count);
        Assert.Contains("€49", view.WhatWasDone[0], StringComparison.Ordinal);
        Assert.Contains("Starter", view.WhatWasDone[1], StringComparison.Ordinal);
    }

    [Fact]
    public void From_PolicySummary_ShownOnlyForTheVersionCited()
    {
        var trace = TraceCanonicalJsonTests.Sample();
        string? Summary(string id, string version) => id == "refund" && version == "3" ? "We refund within 30 days." : null;
        string? Newer(string id, string version) => null;

        Assert.Equal("We refund within 30 days.", Assert.Single(PublicTraceView.From("tr-x", trace, publicSummary: Summary).Policies).Summary);
        Assert.Null(Assert.Single(PublicTraceView.From("tr-x", trace, publicSummary: Newer).Policies).Summary);
    }

    [Fact]
    public void From_RecordWithoutAsksOrActions_SaysNeither()
    {
        var view = PublicTraceView.From("tr-x", TraceCanonicalJsonTests.Sample());

        Assert.Empty(view.YouAsked);
        Assert.Empty(view.WhatWasDone);
    }
}

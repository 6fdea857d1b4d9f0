using System.Text.Json;
using Escalation.Core.Tracing;

namespace Escalation.Core.Tests.Tracing;

public sealed class PublicTraceViewTests
{
    private static PublicTraceView View(DecisionTrace trace) => PublicTraceView.From("tr-x", trace);

    private static string Json(PublicTraceView view) => JsonSerializer.Serialize(view);

    [Fact]
    public void From_Trace_ShowsPolicyContextReasoningAndDecision()
    {
        var view = View(TraceCanonicalJsonTests.Sample());

        Assert.Equal(new PublicPolicy("refund", "3", "Refund policy"), Assert.Single(view.Policies));
        Assert.Contains("Plan: Operator", view.Context);
        Assert.Contains("Customer for 14 months", view.Context);
        Assert.Contains("Legal or compliance matter raised", view.Context);
        Assert.Contains("Legal matter: a senior specialist answers", view.Reasoning);
        Assert.Equal("Handed to a senior specialist", view.Decision);
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
    public void From_ReasoningMentioningAnEmail_ScrubsTheAddress()
    {
        var trace = TraceCanonicalJsonTests.Sample() with { Decision = new TraceDecision("draft-for-review", ["Reply to dana@example.com after review"]) };

        var view = View(trace);

        Assert.Contains("Reply to [email] after review", view.Reasoning);
    }
}

using System.Text;
using Escalation.Core.Signals;
using Escalation.Core.Tracing;

namespace Escalation.Core.Tests.Tracing;

public sealed class TraceCanonicalJsonTests
{
    internal static DecisionTrace Sample(string caseId = "case-1", int sequence = 0, string? previous = null) => new()
    {
        CaseId = caseId,
        Sequence = sequence,
        Kind = TraceRecordKinds.Decision,
        TicketId = "ZD-48213",
        CustomerId = "cus_014",
        WorkspaceVersion = "ws-7f3a",
        Entries = [TraceEntry.Found("detect", "Customer mentions a lawyer", "legal"), TraceEntry.Decided("route", "Legal matter: a senior specialist answers")],
        Customer = new TraceCustomer { Tier = "Operator", TenureMonths = 14, Email = "dana@example.com" },
        Signals = new TraceSignals
        {
            Priority = "P1",
            Flags = ["legal", "negative"],
            Sentiment = -0.62,
            Intensity = 0.8,
            Evidence = [new Evidence("legal", "my lawyer", 0, 41, 9)],
        },
        Policies = [new TracePolicyCitation("refund@3#" + new string('b', 64), "Refund policy")],
        Precedents = ["prec-2026-011"],
        Decision = new TraceDecision("escalate", ["Legal matter: a senior specialist answers"]),
        InternalNotes = ["Dana's account manager is Lee"],
        Actor = TraceActor.Agent(),
        At = new DateTimeOffset(2026, 11, 20, 10, 12, 0, TimeSpan.FromHours(1)),
        PreviousHash = previous,
        Model = new TraceModelInfo { Name = "gpt-4o-mini", PromptTokens = 812, CompletionTokens = 210, LatencyMs = 930, PromptHash = new string('c', 64) },
    };

    [Fact]
    public void Serialize_Trace_WritesKeysInOrdinalOrderWithoutWhitespace()
    {
        var json = Encoding.UTF8.GetString(TraceCanonicalJson.Serialize(Sample()));

        Assert.StartsWith("{\"actor\":{\"id\":\"escalation-agent\",\"kind\":\"agent\"},\"at\":", json);
        Assert.DoesNotContain("\n", json);
        Assert.DoesNotContain("\": ", json);
        Assert.DoesNotContain(", \"", json);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var top = doc.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        var nested = doc.RootElement.GetProperty("model").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(top.Order(StringComparer.Ordinal), top);
        Assert.Equal(nested.Order(StringComparer.Ordinal), nested);
        Assert.Equal(["completionTokens", "latencyMs", "name", "promptHash", "promptTokens"], nested);
    }

    [Fact]
    public void Serialize_Time_IsUtcIso8601()
    {
        var json = Encoding.UTF8.GetString(TraceCanonicalJson.Serialize(Sample()));

        Assert.Contains("\"at\":\"2026-11-20T09:12:00Z\"", json);
    }

    [Fact]
    public void Serialize_NumbersAndNullMembers_AreInvariantAndLeftOut()
    {
        var json = Encoding.UTF8.GetString(TraceCanonicalJson.Serialize(Sample()));

        Assert.Contains("\"sentiment\":-0.62", json);
        Assert.DoesNotContain("previousHash", json);
        Assert.DoesNotContain("null", json);
    }

    [Fact]
    public void IdOf_SameTraceBuiltTwice_GivesTheSameBytesAndId()
    {
        var a = TraceCanonicalJson.Serialize(Sample());
        var b = TraceCanonicalJson.Serialize(Sample());

        Assert.Equal(a, b);
        Assert.Equal(TraceCanonicalJson.IdOf(Sample()), TraceCanonicalJson.IdOf(a));
        Assert.True(TraceCanonicalJson.IsTraceId(TraceCanonicalJson.IdOf(a)));
    }

    [Fact]
    public void IdOf_SameInstantInAnotherOffset_GivesTheSameId()
    {
        var utc = Sample() with { At = new DateTimeOffset(2026, 11, 20, 9, 12, 0, TimeSpan.Zero) };

        Assert.Equal(TraceCanonicalJson.IdOf(Sample()), TraceCanonicalJson.IdOf(utc));
    }

    [Fact]
    public void IdOf_OneFieldChanged_GivesAnotherId()
    {
        Assert.NotEqual(TraceCanonicalJson.IdOf(Sample()), TraceCanonicalJson.IdOf(Sample() with { WorkspaceVersion = "ws-other" }));
    }

    [Fact]
    public void Deserialize_CanonicalBytes_RoundTripsToTheSameBytes()
    {
        var bytes = TraceCanonicalJson.Serialize(Sample(previous: new string('d', 64)) with { At = Sample().At.AddTicks(1234567) });

        var again = TraceCanonicalJson.Serialize(TraceCanonicalJson.Deserialize(bytes));

        Assert.Equal(bytes, again);
        Assert.True(TraceCanonicalJson.IsCanonical(bytes));
    }

    [Fact]
    public void IsCanonical_SameTraceWithWhitespace_IsFalse()
    {
        var pretty = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(TraceCanonicalJson.Serialize(Sample())).Replace(",\"", ", \""));

        Assert.False(TraceCanonicalJson.IsCanonical(pretty));
    }

    [Fact]
    public void Serialize_NonAsciiText_IsWrittenAsUtf8()
    {
        var bytes = TraceCanonicalJson.Serialize(Sample() with { TicketId = "ZD-Zoë" });

        Assert.Contains("ZD-Zoë", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void IdOf_SampleTraces_StayTheIdsStoredTracesWereWrittenWith()
    {
        // Ids of traces stored by earlier versions must still verify: the canonical bytes may never change.
        Assert.Equal("tr-de95a9db6c53ab17fc8144e24b78d988ad8f7f4e9be173c15f8d5688ec209c73", TraceCanonicalJson.IdOf(Sample()));
        Assert.Equal("tr-2c52e92de9844f44f0a2bd46cff8bf751c34dab6154bc215547c84181ad699e2", TraceCanonicalJson.IdOf(Odd()));
    }

    private static DecisionTrace Odd() => Sample() with
    {
        TicketId = "ZD-\"q\" <b>&amp; \u00e9\u4e2d\U0001F600 \\ \t\n\u0001 \u2028",
        InternalNotes = ["caf\u00e9 \u201cquoted\u201d", "+1 'x' `y` </script>"],
        Signals = Sample().Signals! with { Sentiment = 1e-7, Intensity = 0.1 + 0.2, Competitor = "Ünïcode" },
        Entries = [TraceEntry.Found("détect", "naïve \ud83d\ude00", "x")],
    };
}

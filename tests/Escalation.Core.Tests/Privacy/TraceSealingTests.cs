using System.Security.Cryptography;
using System.Text;
using Escalation.Core.Privacy;
using Escalation.Core.Tests.Tracing;
using Escalation.Core.Tracing;

namespace Escalation.Core.Tests.Privacy;

public sealed class TraceSealingTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    // Everything in the sample trace that a person wrote, or that quotes them.
    public static TheoryData<string> PersonalWords => new() { "dana@example.com", "my lawyer", "Customer mentions a lawyer", "Dana's account manager", "Legal matter" };

    [Theory]
    [MemberData(nameof(PersonalWords))]
    public void Seal_CanonicalBytesHoldNoneOfTheCustomersWords(string words)
    {
        var json = Encoding.UTF8.GetString(TraceCanonicalJson.Serialize(TraceSealing.Seal(TraceCanonicalJsonTests.Sample(), Key)));

        Assert.DoesNotContain(words, json);
    }

    [Fact]
    public void Seal_KeepsTheDecisionsSkeletonReadable()
    {
        var sealedTrace = TraceSealing.Seal(TraceCanonicalJsonTests.Sample(), Key);

        Assert.Equal("escalate", sealedTrace.Decision!.Route);
        Assert.Equal(["legal", "negative"], sealedTrace.Signals!.Flags);
        Assert.Equal("P1", sealedTrace.Signals.Priority);
        Assert.Equal("refund", sealedTrace.Policies[0].Id);
        Assert.Equal("cus_014", sealedTrace.CustomerId);
        Assert.Equal(["detect", "route"], sealedTrace.Entries.Select(e => e.Stage));
    }

    [Fact]
    public void Open_WithTheKey_GivesBackTheTraceAsWritten()
    {
        var trace = TraceCanonicalJsonTests.Sample();
        var opened = TraceSealing.Open(TraceSealing.Seal(trace, Key), Key);

        Assert.Equal(TraceCanonicalJson.Serialize(trace), TraceCanonicalJson.Serialize(opened));
    }

    [Fact]
    public void Open_AfterTheKeyIsDestroyed_ShowsErasedWhereThePersonalDataWas()
    {
        var opened = TraceSealing.Open(TraceSealing.Seal(TraceCanonicalJsonTests.Sample(), Key), null);

        Assert.Equal(SealedText.Erased, opened.Customer!.Email);
        Assert.All(opened.Entries, e => Assert.Equal(SealedText.Erased, e.Text));
        Assert.Equal([SealedText.Erased], opened.Decision!.Reasons);
        Assert.Equal(SealedText.Erased, opened.Signals!.Evidence[0].Text);
        Assert.Equal(14, opened.Customer.TenureMonths);
    }

    [Fact]
    public void Seal_SameTraceTwice_SameIdSoARetriedAppendFindsItsOwnRecord()
    {
        var a = TraceCanonicalJson.Serialize(TraceSealing.Seal(TraceCanonicalJsonTests.Sample(), Key));
        var b = TraceCanonicalJson.Serialize(TraceSealing.Seal(TraceCanonicalJsonTests.Sample(), Key));

        Assert.Equal(TraceCanonicalJson.IdOf(a), TraceCanonicalJson.IdOf(b));
    }

    [Fact]
    public void Verify_ChainOfSealedTraces_StillVerifiesWithoutAnyKey()
    {
        var chain = new List<StoredTraceBytes>();
        string? previous = null;
        for (var i = 0; i < 3; i++)
        {
            var bytes = TraceCanonicalJson.Serialize(TraceSealing.Seal(TraceCanonicalJsonTests.Sample(sequence: i, previous: previous), Key));
            var id = TraceCanonicalJson.IdOf(bytes);
            chain.Add(new StoredTraceBytes(id, bytes));
            previous = TraceCanonicalJson.HashOf(id);
        }

        Assert.True(TraceChainVerifier.Verify(chain).Ok);
        Assert.True(TraceSealing.HasSealedFields(TraceCanonicalJson.Deserialize(chain[0].Bytes)));
    }
}

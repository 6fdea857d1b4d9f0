using System.Text;
using Escalation.Core.Tracing;

namespace Escalation.Core.Tests.Tracing;

public sealed class TraceChainVerifierTests
{
    private static List<StoredTraceBytes> Chain(int length)
    {
        var chain = new List<StoredTraceBytes>();
        string? previous = null;
        for (var i = 0; i < length; i++)
        {
            var bytes = TraceCanonicalJson.Serialize(TraceCanonicalJsonTests.Sample(sequence: i, previous: previous));
            var id = TraceCanonicalJson.IdOf(bytes);
            chain.Add(new StoredTraceBytes(id, bytes));
            previous = TraceCanonicalJson.HashOf(id);
        }

        return chain;
    }

    [Fact]
    public void Verify_IntactChain_IsOkWithItsLength()
    {
        var result = TraceChainVerifier.Verify(Chain(5));

        Assert.True(result.Ok);
        Assert.Equal(5, result.Length);
        Assert.Equal("case-1", result.CaseId);
    }

    [Fact]
    public void Verify_FlippedByte_ReportsHashMismatchAtThatPositionOnly()
    {
        var chain = Chain(4);
        var bytes = (byte[])chain[3].Bytes!.Clone();
        bytes[10] ^= 0x20;
        chain[3] = chain[3] with { Bytes = bytes };

        var only = Assert.Single(TraceChainVerifier.Verify(chain).Breaks);

        Assert.Equal((3, ChainBreakKind.HashMismatch), (only.Position, only.Kind));
    }

    [Fact]
    public void Verify_SlotRemovedFromIndex_ReportsMissingSequence()
    {
        var chain = Chain(4);
        chain.RemoveAt(2);

        var first = TraceChainVerifier.Verify(chain).FirstBreak!;

        Assert.Equal((2, ChainBreakKind.MissingSequence), (first.Position, first.Kind));
        Assert.Contains("missing sequence 2", first.Message);
    }

    [Fact]
    public void Verify_IndexEntriesSwapped_ReportsSwappedOrderAtBothPositions()
    {
        var chain = Chain(4);
        (chain[1], chain[2]) = (chain[2], chain[1]);

        var breaks = TraceChainVerifier.Verify(chain).Breaks;

        Assert.Equal([(1, ChainBreakKind.SwappedOrder), (2, ChainBreakKind.SwappedOrder)], breaks.Select(b => (b.Position, b.Kind)));
    }

    [Fact]
    public void Verify_RecordLinkedToTheWrongPredecessor_ReportsBrokenLink()
    {
        var chain = Chain(3);
        var forged = TraceCanonicalJson.Serialize(TraceCanonicalJsonTests.Sample(sequence: 2, previous: new string('e', 64)));
        chain[2] = new StoredTraceBytes(TraceCanonicalJson.IdOf(forged), forged);

        var only = Assert.Single(TraceChainVerifier.Verify(chain).Breaks);

        Assert.Equal((2, ChainBreakKind.BrokenLink), (only.Position, only.Kind));
    }

    [Fact]
    public void Verify_TraceOfAnotherCase_ReportsForeignCase()
    {
        var chain = Chain(2);
        var other = TraceCanonicalJson.Serialize(TraceCanonicalJsonTests.Sample(caseId: "case-2", sequence: 1, previous: TraceCanonicalJson.HashOf(chain[0].Id)));
        chain[1] = new StoredTraceBytes(TraceCanonicalJson.IdOf(other), other);

        Assert.Equal(ChainBreakKind.ForeignCase, Assert.Single(TraceChainVerifier.Verify(chain).Breaks).Kind);
    }

    [Fact]
    public void VerifySingle_ExportedFile_OkWhenCanonicalAndMismatchWhenIdDiffers()
    {
        var bytes = Chain(1)[0].Bytes!;

        Assert.True(TraceChainVerifier.VerifySingle(bytes).Ok);
        Assert.True(TraceChainVerifier.VerifySingle(bytes, TraceCanonicalJson.IdOf(bytes)).Ok);
        Assert.Equal(ChainBreakKind.HashMismatch, TraceChainVerifier.VerifySingle(bytes, "tr-" + new string('0', 64)).FirstBreak!.Kind);
        Assert.Equal(ChainBreakKind.Malformed, TraceChainVerifier.VerifySingle(Encoding.UTF8.GetBytes("{\"x\":")).FirstBreak!.Kind);
    }
}

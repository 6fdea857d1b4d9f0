using System.Text.Json;
using System.Text.Json.Serialization;

namespace Escalation.Core.Tracing;

/// <summary>A trace as storage holds it: the id it is stored under and its bytes (null when missing).</summary>
/// <param name="Id">The name it is stored under (its content address).</param>
/// <param name="Bytes">The stored bytes; null when the chain lists it but storage no longer has it.</param>
public sealed record StoredTraceBytes(string Id, byte[]? Bytes);

/// <summary>What is wrong at a position of a chain (in JSON its name in kebab case: <c>hash-mismatch</c>).</summary>
[JsonConverter(typeof(ChainBreakKindJsonConverter))]
public enum ChainBreakKind
{
    /// <summary>The chain lists a trace that storage no longer holds.</summary>
    MissingTrace,

    /// <summary>The stored bytes do not hash to the id they are stored under (altered content).</summary>
    HashMismatch,

    /// <summary>The stored bytes are not a readable trace.</summary>
    Malformed,

    /// <summary>The trace belongs to another case.</summary>
    ForeignCase,

    /// <summary>A sequence number is absent: the position holds a later one.</summary>
    MissingSequence,

    /// <summary>Two records are in each other's place.</summary>
    SwappedOrder,

    /// <summary>The sequence number is not the one this position needs (duplicate or out of order).</summary>
    SequenceMismatch,

    /// <summary>The previous-hash link does not point at the record before it.</summary>
    BrokenLink,
}

/// <summary>Writes a <see cref="ChainBreakKind"/> as its name (<c>missing-trace</c>), like the API's other enumerations, not its number.</summary>
public sealed class ChainBreakKindJsonConverter() : JsonStringEnumConverter<ChainBreakKind>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false);

/// <summary>Where and how a chain breaks.</summary>
/// <param name="Position">0-based position in the chain.</param>
/// <param name="TraceId">The id stored at that position.</param>
/// <param name="Kind">What is wrong.</param>
/// <param name="Message">What is wrong, in words.</param>
public sealed record ChainBreak(int Position, string TraceId, ChainBreakKind Kind, string Message)
{
    public override string ToString() => $"position {Position} ({TraceId}): {Message}";
}

/// <summary>The result of verifying a chain: OK, or every position where it breaks (first one first).</summary>
public sealed record ChainVerification(string? CaseId, int Length, IReadOnlyList<ChainBreak> Breaks)
{
    public bool Ok => Breaks.Count == 0;

    /// <summary>
    /// Traces stored for the case outside its chain: a writer lost the race for their slot and wrote again. They are not
    /// part of the record and do not break it; listed so nothing stored is unexplained.
    /// </summary>
    public IReadOnlyList<string> Superseded { get; init; } = [];

    public ChainBreak? FirstBreak => Breaks.Count > 0 ? Breaks[0] : null;
}

/// <summary>
/// Recomputes the hashes of a case's traces, in chain order, and checks each record's sequence and
/// previous-hash link; reports exactly where the chain breaks.
/// </summary>
public static class TraceChainVerifier
{
    /// <summary>Verifies the ordered traces of one case as stored.</summary>
    public static ChainVerification Verify(IReadOnlyList<StoredTraceBytes> chain)
    {
        var parsed = new DecisionTrace?[chain.Count];
        var computed = new string?[chain.Count];
        var breaks = new ChainBreak?[chain.Count];
        var positionOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < chain.Count; i++)
        {
            positionOfId.TryAdd(chain[i].Id, i);
        }

        string? caseId = null;
        for (var i = 0; i < chain.Count; i++)
        {
            var (id, bytes) = (chain[i].Id, chain[i].Bytes);
            if (bytes is null)
            {
                breaks[i] = new(i, id, ChainBreakKind.MissingTrace, "missing: the chain lists this trace but storage does not hold it");
                continue;
            }

            computed[i] = TraceCanonicalJson.IdOf(bytes);
            if (computed[i] != id)
            {
                breaks[i] = positionOfId.TryGetValue(computed[i]!, out var other) && other != i
                    ? new(i, id, ChainBreakKind.SwappedOrder, $"swapped order: holds the content of position {other} ({computed[i]})")
                    : new(i, id, ChainBreakKind.HashMismatch, $"hash mismatch: stored bytes hash to {computed[i]}");
                continue;
            }

            try
            {
                parsed[i] = TraceCanonicalJson.Deserialize(bytes);
            }
            catch (JsonException ex)
            {
                breaks[i] = new(i, id, ChainBreakKind.Malformed, $"not a readable trace: {ex.Message}");
                continue;
            }

            caseId ??= parsed[i]!.CaseId;
            if (parsed[i]!.CaseId != caseId)
            {
                breaks[i] = new(i, id, ChainBreakKind.ForeignCase, $"belongs to case '{parsed[i]!.CaseId}', not '{caseId}'");
            }
        }

        for (var i = 0; i < chain.Count; i++)
        {
            if (breaks[i] is not null || parsed[i] is not { } trace)
            {
                continue;
            }

            // A link after a broken position cannot be judged: the break is reported where it is.
            breaks[i] = SequenceBreak(i, chain[i].Id, trace.Sequence, parsed)
                ?? (i > 0 && breaks[i - 1] is not null ? null : LinkBreak(i, chain, trace));
        }

        return new ChainVerification(caseId, chain.Count, [.. breaks.Where(b => b is not null).Select(b => b!)]);
    }

    /// <summary>Verifies one exported trace: its bytes must be canonical and, when given, hash to <paramref name="expectedId"/>.</summary>
    public static ChainVerification VerifySingle(byte[] bytes, string? expectedId = null)
    {
        var id = TraceCanonicalJson.IdOf(bytes);
        if (expectedId is not null && expectedId != id)
        {
            return new(null, 1, [new(0, expectedId, ChainBreakKind.HashMismatch, $"hash mismatch: bytes hash to {id}")]);
        }

        DecisionTrace trace;
        try
        {
            trace = TraceCanonicalJson.Deserialize(bytes);
        }
        catch (JsonException ex)
        {
            return new(null, 1, [new(0, id, ChainBreakKind.Malformed, $"not a readable trace: {ex.Message}")]);
        }

        return TraceCanonicalJson.IsCanonical(bytes)
            ? new(trace.CaseId, 1, [])
            : new(trace.CaseId, 1, [new(0, id, ChainBreakKind.Malformed, "not in canonical form (re-serialising gives different bytes)")]);
    }

    private static ChainBreak? SequenceBreak(int i, string id, int sequence, DecisionTrace?[] parsed)
    {
        if (sequence == i)
        {
            return null;
        }

        var holderOfMine = Array.FindIndex(parsed, t => t?.Sequence == i);
        if (sequence >= 0 && sequence < parsed.Length && holderOfMine == sequence)
        {
            return new(i, id, ChainBreakKind.SwappedOrder, $"swapped order: holds sequence {sequence}, and position {sequence} holds sequence {i}");
        }

        if (sequence > i && holderOfMine < 0)
        {
            return new(i, id, ChainBreakKind.MissingSequence, $"missing sequence {i}: this position holds sequence {sequence}");
        }

        return new(i, id, ChainBreakKind.SequenceMismatch, $"sequence {sequence} where {i} was expected");
    }

    private static ChainBreak? LinkBreak(int i, IReadOnlyList<StoredTraceBytes> chain, DecisionTrace trace)
    {
        if (i == 0)
        {
            return trace.PreviousHash is null
                ? null
                : new(0, chain[0].Id, ChainBreakKind.BrokenLink, $"broken link: the first record points at a previous record ({trace.PreviousHash})");
        }

        var previousId = chain[i - 1].Id;
        var expected = TraceCanonicalJson.IsTraceId(previousId) ? TraceCanonicalJson.HashOf(previousId) : previousId;
        return trace.PreviousHash == expected
            ? null
            : new(i, chain[i].Id, ChainBreakKind.BrokenLink,
                $"broken link: previous hash is {trace.PreviousHash ?? "absent"}, but position {i - 1} is {previousId}");
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Escalation.Core.Tracing;

/// <summary>
/// The canonical JSON form of a <see cref="DecisionTrace"/>: camelCase keys sorted ordinally at every level,
/// UTF-8, no insignificant whitespace, null members left out, invariant numbers, times as ISO-8601 UTC
/// (<c>2026-11-20T09:12:00Z</c>). The same trace always gives the same bytes, hence the same id.
/// </summary>
public static class TraceCanonicalJson
{
    /// <summary>Prefix of every trace id.</summary>
    public const string IdPrefix = "tr-";

    // The serializer writes the canonical form in one pass: every object's members in ordinal order of their names (set
    // on each type's metadata once), null members left out, characters escaped only where JSON requires it.
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new UtcTimeConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { MembersInOrdinalOrder } },
    };

    /// <summary>The canonical bytes of a trace.</summary>
    public static byte[] Serialize(DecisionTrace trace) => JsonSerializer.SerializeToUtf8Bytes(trace, Options);

    /// <summary>Reads a trace from its stored bytes; throws <see cref="JsonException"/> when they are not a trace.</summary>
    public static DecisionTrace Deserialize(ReadOnlySpan<byte> bytes) =>
        JsonSerializer.Deserialize<DecisionTrace>(bytes, Options) ?? throw new JsonException("empty trace");

    /// <summary>True when <paramref name="bytes"/> are exactly the canonical form of the trace they hold.</summary>
    public static bool IsCanonical(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return Serialize(Deserialize(bytes)).AsSpan().SequenceEqual(bytes);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Lowercase hex SHA-256 of the bytes.</summary>
    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The content address of stored bytes: <c>tr-</c> + hex SHA-256.</summary>
    public static string IdOf(ReadOnlySpan<byte> bytes) => IdPrefix + Hash(bytes);

    /// <summary>The id of a trace (the content address of its canonical bytes).</summary>
    public static string IdOf(DecisionTrace trace) => IdOf(Serialize(trace));

    /// <summary>The hash part of a trace id (what <see cref="DecisionTrace.PreviousHash"/> holds).</summary>
    public static string HashOf(string traceId) =>
        IsTraceId(traceId) ? traceId[IdPrefix.Length..] : throw new ArgumentException($"not a trace id: '{traceId}'", nameof(traceId));

    /// <summary>The trace id a hash belongs to.</summary>
    public static string IdFromHash(string hash) => IdPrefix + hash;

    /// <summary>True for <c>tr-</c> followed by 64 lowercase hex digits.</summary>
    public static bool IsTraceId(string? value) =>
        value is { Length: 67 } && value.StartsWith(IdPrefix, StringComparison.Ordinal)
        && value.AsSpan(3).IndexOfAnyExcept("0123456789abcdef") < 0;

    private static void MembersInOrdinalOrder(JsonTypeInfo type)
    {
        if (type.Kind == JsonTypeInfoKind.Dictionary)
        {
            throw new NotSupportedException($"{type.Type.Name}: a dictionary's keys would be written in insertion order, which is not canonical.");
        }

        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var members = type.Properties.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        for (var i = 0; i < members.Count; i++)
        {
            members[i].Order = i;
        }
    }

    /// <summary>Times as ISO-8601 UTC with only as many fraction digits as needed.</summary>
    private sealed class UtcTimeConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
    }
}

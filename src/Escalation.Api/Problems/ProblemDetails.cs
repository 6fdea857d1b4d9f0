using System.Text.Json;
using System.Text.Json.Serialization;

namespace Escalation.Api.Problems;

/// <summary>
/// An RFC 7807 problem report (<c>application/problem+json</c>): what went wrong with a request, and
/// for bad input which fields, each named as a JSON pointer into the request body.
/// </summary>
public sealed record ProblemDetails
{
    /// <summary>The media type a host sends a problem with.</summary>
    public const string ContentType = "application/problem+json";

    /// <summary>A URI naming the kind of problem, e.g. <c>urn:escalation:problem:invalid-submission</c>.</summary>
    public required string Type { get; init; }

    /// <summary>A short summary of the kind of problem; the same for every occurrence.</summary>
    public required string Title { get; init; }

    /// <summary>The HTTP status code the host answers with.</summary>
    public required int Status { get; init; }

    /// <summary>What went wrong this time, in a sentence a help-desk admin can act on.</summary>
    public string? Detail { get; init; }

    /// <summary>The request path the problem is about.</summary>
    public string? Instance { get; init; }

    /// <summary>The fields at fault; empty when the problem is not about one field.</summary>
    public IReadOnlyList<ProblemFieldError> Errors { get; init; } = [];

    /// <summary>The problem as compact camelCase JSON (no nulls).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ProblemJson.Options);

    /// <summary>The problem as UTF-8 JSON bytes, ready to write to a response body.</summary>
    public byte[] ToUtf8Bytes() => JsonSerializer.SerializeToUtf8Bytes(this, ProblemJson.Options);

    /// <summary>Reads a problem back from JSON (used by clients and tests).</summary>
    public static ProblemDetails? FromJson(string json) => JsonSerializer.Deserialize<ProblemDetails>(json, ProblemJson.Options);
}

/// <summary>One field at fault: a JSON pointer (<c>/customer/arr</c>, <c>/messages/2/text</c>) and why.</summary>
public sealed record ProblemFieldError(string Field, string Message);

/// <summary>Serialiser settings for problem documents.</summary>
public static class ProblemJson
{
    /// <summary>camelCase, nulls omitted.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

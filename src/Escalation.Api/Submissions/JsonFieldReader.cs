using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Escalation.Api.Problems;

namespace Escalation.Api.Submissions;

/// <summary>
/// Reads typed fields out of a JSON object and collects every problem with its JSON pointer, so one
/// answer names all the fields at fault. Absent and <c>null</c> both mean "not given".
/// </summary>
internal sealed class JsonFieldReader(int maxErrors, DateTimeOffset? now = null, int dateRangeYears = 0)
{
    // Control characters (C0 but tab, line feed and carriage return; DEL; C1) are dropped from every string at intake:
    // a NUL or an escape sequence has no place in a ticket and would be stored and shown to the reviewer.
    private static readonly SearchValues<char> Controls = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Concat(Enumerable.Range(0x7F, 0x21)).Select(c => (char)c)));

    private readonly List<ProblemFieldError> _errors = [];

    public IReadOnlyList<ProblemFieldError> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    public void Add(string pointer, string message)
    {
        if (_errors.Count < maxErrors)
        {
            _errors.Add(new ProblemFieldError(pointer, message));
        }
    }

    /// <summary>The property, or null when absent or JSON null.</summary>
    public static JsonElement? Get(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public JsonElement? Object(JsonElement obj, string parent, string name, bool required)
    {
        var pointer = JsonPointer.Append(parent, name);
        switch (Get(obj, name))
        {
            case null:
                if (required)
                {
                    Add(pointer, "is required");
                }

                return null;
            case { ValueKind: JsonValueKind.Object } value:
                return value;
            case var other:
                Add(pointer, $"must be an object, not {Describe(other.Value)}");
                return null;
        }
    }

    public JsonElement? Array(JsonElement obj, string parent, string name, bool required, int maxItems)
    {
        var pointer = JsonPointer.Append(parent, name);
        switch (Get(obj, name))
        {
            case null:
                if (required)
                {
                    Add(pointer, "is required");
                }

                return null;
            case { ValueKind: JsonValueKind.Array } value:
                var count = value.GetArrayLength();
                if (count > maxItems)
                {
                    Add(pointer, $"must have at most {maxItems} items (has {count})");
                    return null;
                }

                return value;
            case var other:
                Add(pointer, $"must be an array, not {Describe(other.Value)}");
                return null;
        }
    }

    /// <summary>A string of at most <paramref name="maxLength"/> characters; empty is allowed and returned as null.</summary>
    public string? String(JsonElement obj, string parent, string name, int maxLength, bool required = false)
    {
        var pointer = JsonPointer.Append(parent, name);
        var value = Get(obj, name);
        if (value is null)
        {
            if (required)
            {
                Add(pointer, "is required");
            }

            return null;
        }

        if (value.Value.ValueKind != JsonValueKind.String)
        {
            Add(pointer, $"must be a string, not {Describe(value.Value)}");
            return null;
        }

        var text = WithoutControls(value.Value.GetString()!);
        if (text.Length > maxLength)
        {
            Add(pointer, $"must be at most {maxLength} characters (has {text.Length})");
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                Add(pointer, "must not be empty");
            }

            return null;
        }

        return text.Trim();
    }

    /// <summary>Free text of at most <paramref name="maxBytes"/> bytes of UTF-8, kept as sent (not trimmed).</summary>
    public string? Text(JsonElement obj, string parent, string name, int maxBytes)
    {
        var pointer = JsonPointer.Append(parent, name);
        var value = Get(obj, name);
        if (value is null)
        {
            return null;
        }

        if (value.Value.ValueKind != JsonValueKind.String)
        {
            Add(pointer, $"must be a string, not {Describe(value.Value)}");
            return null;
        }

        var text = WithoutControls(value.Value.GetString()!);
        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > maxBytes)
        {
            Add(pointer, $"must be at most {maxBytes / 1024} KB (is {bytes} bytes)");
            return null;
        }

        return text;
    }

    public decimal? NonNegativeNumber(JsonElement obj, string parent, string name)
    {
        var pointer = JsonPointer.Append(parent, name);
        var value = Get(obj, name);
        if (value is null)
        {
            return null;
        }

        if (value.Value.ValueKind != JsonValueKind.Number || !value.Value.TryGetDecimal(out var number))
        {
            Add(pointer, $"must be a number, not {Describe(value.Value)}");
            return null;
        }

        if (number < 0)
        {
            Add(pointer, "must not be negative");
            return null;
        }

        return number;
    }

    public int? PositiveInteger(JsonElement obj, string parent, string name)
    {
        var pointer = JsonPointer.Append(parent, name);
        var value = Get(obj, name);
        if (value is null)
        {
            return null;
        }

        if (value.Value.ValueKind != JsonValueKind.Number || !value.Value.TryGetInt32(out var number) || number < 1)
        {
            Add(pointer, $"must be a positive integer, not {Describe(value.Value)}");
            return null;
        }

        return number;
    }

    public bool? Boolean(JsonElement obj, string parent, string name)
    {
        var pointer = JsonPointer.Append(parent, name);
        var value = Get(obj, name);
        switch (value?.ValueKind)
        {
            case null: return null;
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
            default:
                Add(pointer, $"must be true or false, not {Describe(value!.Value)}");
                return null;
        }
    }

    /// <summary>A calendar date, <c>YYYY-MM-DD</c>.</summary>
    public DateOnly? Date(JsonElement obj, string parent, string name)
    {
        var pointer = JsonPointer.Append(parent, name);
        var value = Get(obj, name);
        if (value is null)
        {
            return null;
        }

        if (value.Value.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(value.Value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return InRange(pointer, new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), value.Value) ? date : null;
        }

        Add(pointer, $"must be a date as YYYY-MM-DD, not {Describe(value.Value)}");
        return null;
    }

    /// <summary>An ISO 8601 date and time with its UTC offset (<c>Z</c> or <c>+01:00</c>); one without is refused, not guessed.</summary>
    public DateTimeOffset? DateTime(JsonElement obj, string parent, string name)
    {
        var pointer = JsonPointer.Append(parent, name);
        var value = Get(obj, name);
        if (value is null)
        {
            return null;
        }

        if (value.Value.ValueKind == JsonValueKind.String && TryParseTimestamp(value.Value.GetString()!, out var at))
        {
            if (!HasOffset(value.Value.GetString()!))
            {
                Add(pointer, $"must give its UTC offset, as in 2026-11-20T09:12:00Z or 2026-11-20T10:12:00+01:00; {Describe(value.Value)} has none");
                return null;
            }

            return InRange(pointer, at, value.Value) ? at : null;
        }

        Add(pointer, $"must be an ISO 8601 date and time such as 2026-11-20T09:12:00Z, not {Describe(value.Value)}");
        return null;
    }

    /// <summary>Parses an ISO 8601 timestamp (<c>2026-11-20T09:12:00Z</c>, with or without offset or fraction).</summary>
    public static bool TryParseTimestamp(string text, out DateTimeOffset at)
    {
        at = default;
        return text.Length >= 16 && text[4] == '-' && text[7] == '-' && (text[10] == 'T' || text[10] == 't' || text[10] == ' ')
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at);
    }

    /// <summary>True when a timestamp ends with <c>Z</c> or a <c>±hh:mm</c> (or <c>±hhmm</c>, <c>±hh</c>) offset.</summary>
    public static bool HasOffset(string text)
    {
        var time = text.AsSpan(11);
        if (time.EndsWith("Z") || time.EndsWith("z"))
        {
            return true;
        }

        var sign = time.LastIndexOfAny('+', '-');
        return sign > 0 && time[(sign + 1)..] is { Length: 2 or 4 or 5 } offset && offset.ContainsAnyExcept(':') && !offset.ContainsAnyExcept("0123456789:");
    }

    /// <summary>Within the date range around the service's clock; otherwise records the error.</summary>
    private bool InRange(string pointer, DateTimeOffset at, JsonElement value)
    {
        if (now is not { } clock || dateRangeYears <= 0)
        {
            return true;
        }

        var (from, to) = (clock.AddYears(-dateRangeYears), clock.AddYears(dateRangeYears));
        if (at >= from && at <= to)
        {
            return true;
        }

        Add(pointer, $"must be within {dateRangeYears} years of the service's clock ({from:yyyy-MM-dd} to {to:yyyy-MM-dd}), not {Describe(value)}");
        return false;
    }

    /// <summary><paramref name="text"/> without control characters (tabs and line breaks kept).</summary>
    public static string WithoutControls(string text)
    {
        if (text.AsSpan().IndexOfAny(Controls) < 0)
        {
            return text;
        }

        var kept = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!Controls.Contains(c))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    /// <summary>A short description of a JSON value for an error message (never echoes long input).</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() is { Length: <= 40 } s ? $"the string \"{s}\"" : "a long string",
        JsonValueKind.Number => value.GetRawText().Length <= 40 ? $"the number {value.GetRawText()}" : "a number",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };
}

using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Escalation.Api.Problems;
using Escalation.Core.Tickets;

namespace Escalation.Api.Submissions;

/// <summary>
/// Turns a request body into a <see cref="CaseSubmission"/> (docs/design.md, camelCase JSON), or into the
/// RFC 7807 problem that names every field at fault. Pure: the workspace is asked only through the
/// "is this a known customer id" predicate, so nothing is stored or started for a bad body.
/// </summary>
public sealed class SubmissionParser(SubmissionLimits? limits = null, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    private static readonly string[] MessageAuthors = ["customer", "agent", "internal"];

    /// <summary>The limits this parser enforces.</summary>
    public SubmissionLimits Limits { get; } = limits ?? SubmissionLimits.Default;

    /// <summary>
    /// Parses and validates a UTF-8 JSON body.
    /// </summary>
    /// <param name="body">The raw body bytes.</param>
    /// <param name="isKnownCustomer">True when the workspace has a profile for this customer id.</param>
    /// <param name="instance">The request path, reported as the problem's <c>instance</c>.</param>
    /// <param name="contentType">The request's Content-Type; when given it must be JSON (415 otherwise). Null skips the check (queue messages, files).</param>
    public SubmissionParseResult Parse(ReadOnlyMemory<byte> body, Func<string, bool> isKnownCustomer, string? instance = "/api/cases", string? contentType = null)
    {
        if (CheckEnvelope(body, instance, contentType) is { } problem)
        {
            return SubmissionParseResult.Invalid(problem);
        }

        if (!TryParseJson(body, instance, out var document, out problem))
        {
            return SubmissionParseResult.Invalid(problem);
        }

        using (document)
        {
            return Validate(document.RootElement, isKnownCustomer, instance);
        }
    }

    /// <summary>The checks before JSON parsing: media type, size, emptiness. Null when they pass.</summary>
    public ProblemDetails? CheckEnvelope(ReadOnlyMemory<byte> body, string? instance, string? contentType)
    {
        if (contentType is not null && !IsJsonMediaType(contentType))
        {
            return Problems.Problems.UnsupportedMediaType(contentType, instance);
        }

        if (body.Length > Limits.MaxBodyBytes)
        {
            return Problems.Problems.BodyTooLarge(Limits.MaxBodyBytes, instance);
        }

        return body.Span.Trim(" \t\r\n"u8).IsEmpty ? Problems.Problems.MalformedJson("The body is empty; send the submission as a JSON object.", instance) : null;
    }

    /// <summary>Parses JSON, or describes where it is malformed (line and byte, both counted from 1).</summary>
    public static bool TryParseJson(ReadOnlyMemory<byte> body, string? instance, out JsonDocument document, out ProblemDetails problem)
    {
        try
        {
            // A key given twice would be read as its last value, which the sender may not have meant: refused.
            document = ParseWithoutDuplicates(body);
            if (FindInvalidText(document.RootElement) is { } pointer)
            {
                document.Dispose();
                document = null!;
                problem = Problems.Problems.InvalidSubmission([new ProblemFieldError(pointer, InvalidTextMessage(body.Span))], instance);
                return false;
            }

            problem = null!;
            return true;
        }
        catch (JsonException) when (DuplicateKey(body) is { } duplicate)
        {
            document = null!;
            problem = Problems.Problems.InvalidSubmission(
                [new ProblemFieldError(duplicate.Pointer, $"the key \"{duplicate.Name}\" appears more than once in this object; send each key once")], instance);
            return false;
        }
        catch (JsonException ex)
        {
            var reason = ex.Message;
            var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0)
            {
                reason = reason[..cut];
            }

            var where = ex.LineNumber is { } line
                ? $" at line {line + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}"
                : "";
            document = null!;
            problem = Problems.Problems.MalformedJson($"The body is not valid JSON{where}: {reason.TrimEnd('.')}.", instance);
            return false;
        }
    }

    /// <summary>Parses refusing duplicate keys; a key name that does not decode is left to the text check after it.</summary>
    private static JsonDocument ParseWithoutDuplicates(ReadOnlyMemory<byte> body)
    {
        try
        {
            return JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32, AllowDuplicateProperties = false });
        }
        catch (InvalidOperationException)
        {
            return JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 });
        }
    }

    /// <summary>
    /// Why a string did not decode: bytes that are not UTF-8 (said with the first such byte and where it is), or else a
    /// lone UTF-16 surrogate escape.
    /// </summary>
    private static string InvalidTextMessage(ReadOnlySpan<byte> body)
    {
        for (var at = 0; at < body.Length;)
        {
            if (Rune.DecodeFromUtf8(body[at..], out _, out var length) != OperationStatus.Done)
            {
                return $"is not valid UTF-8: the byte 0x{body[at]:X2} at offset {at} of the body does not belong in UTF-8 text; send the body as UTF-8";
            }

            at += length;
        }

        return "is not valid Unicode text (it contains a lone UTF-16 surrogate escape such as \\ud800)";
    }

    /// <summary>The first key given twice in one object (its name and JSON pointer), or null when the body has none or is not JSON.</summary>
    private static (string Name, string Pointer)? DuplicateKey(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 });
            return DuplicateBelow(document.RootElement, "");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static (string Name, string Pointer)? DuplicateBelow(JsonElement element, string at)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                if (DuplicateBelow(item, JsonPointer.Append(at, index++)) is { } found)
                {
                    return found;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                var pointer = JsonPointer.Append(at, property.Name);
                if (!seen.Add(property.Name))
                {
                    return (property.Name, pointer);
                }

                if (DuplicateBelow(property.Value, pointer) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    /// <summary>The JSON pointer of the first string or property name that is not valid Unicode (bad UTF-8, a lone surrogate escape), or null.</summary>
    private static string? FindInvalidText(JsonElement element)
    {
        if (InvalidTextBelow(element) is not { } segments)
        {
            return null;
        }

        segments.Reverse();
        var found = string.Concat(segments);
        return found.Length == 0 ? "/" : found;
    }

    /// <summary>
    /// Null when every string and property name decodes; otherwise the JSON Pointer segments from the node at fault up to
    /// <paramref name="element"/>, innermost first. The pointer is built only for a body at fault, not for every node.
    /// </summary>
    private static List<string>? InvalidTextBelow(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                try
                {
                    _ = element.GetString();
                    return null;
                }
                catch (InvalidOperationException)
                {
                    return [];
                }

            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return []; // the name itself: the pointer names the object that holds it
                    }

                    if (InvalidTextBelow(property.Value) is { } below)
                    {
                        below.Add("/" + name.Replace("~", "~0").Replace("/", "~1"));
                        return below;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (InvalidTextBelow(item) is { } below)
                    {
                        below.Add("/" + index.ToString(CultureInfo.InvariantCulture));
                        return below;
                    }

                    index++;
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>True for <c>application/json</c> and any <c>+json</c> type, with or without parameters.</summary>
    public static bool IsJsonMediaType(string contentType)
    {
        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Validates an already parsed body.</summary>
    public SubmissionParseResult Validate(JsonElement root, Func<string, bool> isKnownCustomer, string? instance)
    {
        var reader = new JsonFieldReader(Limits.MaxErrors, _time.GetUtcNow(), Limits.DateRangeYears);
        if (root.ValueKind != JsonValueKind.Object)
        {
            reader.Add("", $"the body must be a JSON object, not {JsonFieldReader.Describe(root)}");
            return SubmissionParseResult.Invalid(Problems.Problems.InvalidSubmission(reader.Errors, instance));
        }

        var ticketId = reader.String(root, "", "ticketId", Limits.MaxTicketIdLength, required: true);
        var revision = reader.PositiveInteger(root, "", "revision");
        var source = reader.String(root, "", "source", Limits.MaxIdLength);
        var kind = ReadKind(root, reader);
        var customer = ReadCustomer(root, reader);
        var subject = reader.String(root, "", "subject", Limits.MaxLineLength);
        var messages = ReadMessages(root, reader);
        var handoff = ReadHandoff(root, reader);
        var callbackUrl = ReadCallbackUrl(root, reader);

        if (reader.HasErrors)
        {
            return SubmissionParseResult.Invalid(Problems.Problems.InvalidSubmission(reader.Errors, instance));
        }

        if (!isKnownCustomer(customer!.Id) && !customer.CanStandAlone)
        {
            return SubmissionParseResult.Invalid(Problems.Problems.UnknownCustomer(customer.Id, "/customer/id", instance));
        }

        return SubmissionParseResult.Valid(new CaseSubmission
        {
            TicketId = ticketId!,
            Revision = revision ?? 1,
            Source = source,
            Kind = kind,
            Customer = customer,
            Subject = subject,
            Messages = messages,
            Handoff = handoff,
            CallbackUrl = callbackUrl,
        });
    }

    private static string? ReadKind(JsonElement root, JsonFieldReader reader)
    {
        var value = reader.String(root, "", "kind", 64);
        if (value is null)
        {
            return null;
        }

        if (!CaseKindNames.TryParse(value, out var kind))
        {
            reader.Add("/kind", $"must be '{CaseKindNames.Sensitive}' or '{CaseKindNames.Escalation}', not \"{Shorten(value)}\"");
            return null;
        }

        return kind.ToName();
    }

    private CustomerProfile? ReadCustomer(JsonElement root, JsonFieldReader reader)
    {
        if (reader.Object(root, "", "customer", required: true) is not { } c)
        {
            return null;
        }

        const string at = "/customer";
        var id = reader.String(c, at, "id", Limits.MaxIdLength, required: true);
        var email = reader.String(c, at, "email", Limits.MaxLineLength);
        if (email is not null && (!email.Contains('@', StringComparison.Ordinal) || email.Any(char.IsWhiteSpace)))
        {
            reader.Add("/customer/email", "must be an e-mail address");
        }

        var currency = reader.String(c, at, "currency", 3);
        if (currency is not null && (currency.Length != 3 || !currency.All(char.IsAsciiLetter)))
        {
            reader.Add("/customer/currency", "must be a three-letter ISO 4217 code such as EUR");
        }

        var profile = new CustomerProfile
        {
            Id = id ?? "",
            Name = reader.String(c, at, "name", Limits.MaxLineLength),
            Email = email,
            Company = reader.String(c, at, "company", Limits.MaxLineLength),
            Tier = reader.String(c, at, "tier", Limits.MaxIdLength),
            Mrr = reader.NonNegativeNumber(c, at, "mrr"),
            Arr = reader.NonNegativeNumber(c, at, "arr"),
            Currency = currency?.ToUpperInvariant(),
            CustomerSince = reader.Date(c, at, "customerSince"),
            RenewalDate = reader.Date(c, at, "renewalDate"),
            Vip = reader.Boolean(c, at, "vip"),
        };
        return id is null ? null : profile;
    }

    private List<TicketMessage> ReadMessages(JsonElement root, JsonFieldReader reader)
    {
        var messages = new List<TicketMessage>();
        var errorsBefore = reader.Errors.Count;
        if (reader.Array(root, "", "messages", required: true, Limits.MaxMessages) is not { } array)
        {
            return messages;
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var at = JsonPointer.Append("/messages", index++);
            if (item.ValueKind != JsonValueKind.Object)
            {
                reader.Add(at, $"must be an object, not {JsonFieldReader.Describe(item)}");
                continue;
            }

            var from = reader.String(item, at, "from", Limits.MaxIdLength)?.ToLowerInvariant();
            if (from is not null && !MessageAuthors.Contains(from))
            {
                reader.Add(JsonPointer.Append(at, "from"), $"must be one of {string.Join(", ", MessageAuthors)}, not \"{Shorten(from)}\"");
            }

            messages.Add(new TicketMessage
            {
                From = from ?? "customer",
                At = reader.DateTime(item, at, "at"),
                Text = reader.Text(item, at, "text", Limits.MaxTextBytes) ?? "",
            });
        }

        if (reader.Errors.Count == errorsBefore && !messages.Any(m => !string.IsNullOrWhiteSpace(m.Text)))
        {
            reader.Add("/messages", "must contain at least one message with text");
        }

        return messages;
    }

    private TierOneHandoff? ReadHandoff(JsonElement root, JsonFieldReader reader)
    {
        if (reader.Object(root, "", "handoff", required: false) is not { } h)
        {
            return null;
        }

        const string at = "/handoff";
        var tried = new List<HandoffAttempt>();
        if (reader.Array(h, at, "whatTried", required: false, Limits.MaxHandoffAttempts) is { } array)
        {
            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                var itemAt = JsonPointer.Append("/handoff/whatTried", index++);
                if (item.ValueKind != JsonValueKind.Object)
                {
                    reader.Add(itemAt, $"must be an object with action and result, not {JsonFieldReader.Describe(item)}");
                    continue;
                }

                tried.Add(new HandoffAttempt
                {
                    Action = reader.Text(item, itemAt, "action", Limits.MaxTextBytes),
                    Result = reader.Text(item, itemAt, "result", Limits.MaxTextBytes),
                });
            }
        }

        return new TierOneHandoff
        {
            Summary = reader.Text(h, at, "summary", Limits.MaxTextBytes),
            Category = reader.String(h, at, "category", Limits.MaxIdLength),
            Priority = reader.String(h, at, "priority", Limits.MaxIdLength),
            Started = reader.DateTime(h, at, "started"),
            WhatTried = tried,
            WhatNeeded = reader.Text(h, at, "whatNeeded", Limits.MaxTextBytes),
            CustomerExpectation = reader.Text(h, at, "customerExpectation", Limits.MaxTextBytes),
            UrgencyReason = reader.Text(h, at, "urgencyReason", Limits.MaxTextBytes),
        };
    }

    private string? ReadCallbackUrl(JsonElement root, JsonFieldReader reader)
    {
        var url = reader.String(root, "", "callbackUrl", Limits.MaxUrlLength);
        if (url is null)
        {
            return null;
        }

        if (!IsHttpUrl(url))
        {
            reader.Add("/callbackUrl", "must be an absolute http or https URL");
            return null;
        }

        return url;
    }

    /// <summary>True for an absolute <c>http</c>/<c>https</c> URL with a host.</summary>
    public static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Escalation.Api.Problems;

namespace Escalation.Api.Submissions;

/// <summary>
/// Maps a Zendesk-style webhook body (<c>POST /api/webhooks/zendesk</c>) to the submission shape, then
/// validates it with the same rules and limits as <c>POST /api/cases</c>; errors name the field of the
/// webhook body (<c>/ticket/comments/2/body</c>), not of the mapped submission.
/// </summary>
/// <remarks>
/// The accepted body (snake_case, as Zendesk's ticket API and webhook placeholders spell it):
/// <code>
/// {
///   "ticket": {
///     "id": 48213,                      // number or string; required → ticketId "ZD-48213" (a non-numeric string is kept as is)
///     "revision": 2,                    // optional positive integer (e.g. an update counter) → revision, default 1
///     "subject": "Refund for the outage week",
///     "description": "…",               // the first customer message, used when comments is absent or empty
///     "priority": "urgent|high|normal|low",   // → handoff priority P1|P2|P3|P4
///     "type": "problem",                // → handoff category
///     "tags": ["vip", "escalation"],    // "vip" → customer.vip; "escalation"/"escalated"/"tier2" → kind escalation with a handoff
///     "created_at": "2026-11-20T09:12:00Z",
///     "requester": { "id": 991, "name": "Dana Ruiz", "email": "dana@example.com",
///                    "external_id": "cus_014",   // the workspace customer id; else "zd-user-{id}"
///                    "tier": "Operator" },       // optional (a user-field placeholder)
///     "comments": [ { "author_id": 991, "public": true, "body": "…", "created_at": "…" } ]
///   },
///   "kind": "sensitive",                // optional override
///   "callback_url": "https://helpdesk.example.com/hooks/escalation"
/// }
/// </code>
/// A comment by the requester is a <c>customer</c> message, a private one <c>internal</c>, any other <c>agent</c>.
/// <c>plain_body</c> is read when <c>body</c> is absent.
/// </remarks>
public sealed class ZendeskWebhookMapper(SubmissionParser? parser = null)
{
    private static readonly string[] EscalationTags = ["escalation", "escalated", "tier2", "tier_2"];

    private readonly SubmissionParser _parser = parser ?? new SubmissionParser();

    /// <summary>The source name mapped submissions carry.</summary>
    public const string Source = "zendesk";

    /// <summary>Parses, maps and validates a webhook body.</summary>
    public SubmissionParseResult Map(ReadOnlyMemory<byte> body, Func<string, bool> isKnownCustomer, string? instance = "/api/webhooks/zendesk", string? contentType = null)
    {
        if (_parser.CheckEnvelope(body, instance, contentType) is { } problem)
        {
            return SubmissionParseResult.Invalid(problem);
        }

        if (!SubmissionParser.TryParseJson(body, instance, out var document, out problem))
        {
            return SubmissionParseResult.Invalid(problem);
        }

        using (document)
        {
            var pointers = new Dictionary<string, string>(StringComparer.Ordinal);
            var reader = new JsonFieldReader(_parser.Limits.MaxErrors);
            var mapped = MapToSubmission(document.RootElement, reader, pointers);
            if (reader.HasErrors || mapped is null)
            {
                return SubmissionParseResult.Invalid(Problems.Problems.InvalidSubmission(reader.Errors, instance));
            }

            using var mappedDocument = JsonDocument.Parse(mapped.ToJsonString());
            var result = _parser.Validate(mappedDocument.RootElement, isKnownCustomer, instance);
            return result.IsValid ? result : SubmissionParseResult.Invalid(Translate(result.Problem, pointers));
        }
    }

    private JsonObject? MapToSubmission(JsonElement root, JsonFieldReader reader, Dictionary<string, string> pointers)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            reader.Add("", $"the body must be a JSON object, not {JsonFieldReader.Describe(root)}");
            return null;
        }

        if (reader.Object(root, "", "ticket", required: true) is not { } ticket)
        {
            return null;
        }

        var ticketId = ReadId(ticket, "/ticket", "id", reader);
        var requester = reader.Object(ticket, "/ticket", "requester", required: true);
        var requesterId = requester is { } r ? ReadId(r, "/ticket/requester", "id", reader) : null;
        var tags = ReadTags(ticket, reader);
        if (reader.HasErrors)
        {
            return null;
        }

        var submission = new JsonObject
        {
            ["ticketId"] = ticketId!.All(char.IsAsciiDigit) ? "ZD-" + ticketId : ticketId,
            ["source"] = Source,
        };
        pointers["/ticketId"] = "/ticket/id";
        Copy(ticket, "revision", submission, "revision", "/ticket/revision", pointers);
        Copy(ticket, "subject", submission, "subject", "/ticket/subject", pointers);
        Copy(root, "kind", submission, "kind", "/kind", pointers);
        Copy(root, "callback_url", submission, "callbackUrl", "/callback_url", pointers);

        submission["customer"] = MapCustomer(requester!.Value, requesterId!, tags, pointers);
        submission["messages"] = MapMessages(ticket, requesterId!, reader, pointers);

        if (tags.Any(t => EscalationTags.Contains(t)) && JsonFieldReader.Get(root, "kind") is null)
        {
            submission["kind"] = "escalation";
            submission["handoff"] = MapHandoff(ticket, pointers);
        }

        return reader.HasErrors ? null : submission;
    }

    private static JsonObject MapCustomer(JsonElement requester, string requesterId, IReadOnlyList<string> tags, Dictionary<string, string> pointers)
    {
        var customer = new JsonObject();
        if (JsonFieldReader.Get(requester, "external_id") is { ValueKind: JsonValueKind.String } external && !string.IsNullOrWhiteSpace(external.GetString()))
        {
            customer["id"] = external.GetString();
            pointers["/customer/id"] = "/ticket/requester/external_id";
        }
        else
        {
            customer["id"] = "zd-user-" + requesterId;
            pointers["/customer/id"] = "/ticket/requester/id";
        }

        Copy(requester, "name", customer, "name", "/ticket/requester/name", pointers, "/customer");
        Copy(requester, "email", customer, "email", "/ticket/requester/email", pointers, "/customer");
        Copy(requester, "tier", customer, "tier", "/ticket/requester/tier", pointers, "/customer");
        if (tags.Contains("vip"))
        {
            customer["vip"] = true;
        }

        return customer;
    }

    private static JsonArray MapMessages(JsonElement ticket, string requesterId, JsonFieldReader reader, Dictionary<string, string> pointers)
    {
        var messages = new JsonArray();
        var comments = reader.Array(ticket, "/ticket", "comments", required: false, int.MaxValue);
        if (comments is { } array && array.GetArrayLength() > 0)
        {
            pointers["/messages"] = "/ticket/comments";
            var index = 0;
            foreach (var comment in array.EnumerateArray())
            {
                var at = JsonPointer.Append("/ticket/comments", index);
                var mappedAt = JsonPointer.Append("/messages", index);
                pointers[mappedAt] = at;
                index++;
                if (comment.ValueKind != JsonValueKind.Object)
                {
                    reader.Add(at, $"must be an object, not {JsonFieldReader.Describe(comment)}");
                    continue;
                }

                var author = JsonFieldReader.Get(comment, "author_id") is { } a && a.ValueKind is JsonValueKind.Number or JsonValueKind.String
                    ? IdText(a) : null;
                var isPublic = JsonFieldReader.Get(comment, "public") is not { ValueKind: JsonValueKind.False };
                var message = new JsonObject
                {
                    ["from"] = author == requesterId ? "customer" : isPublic ? "agent" : "internal",
                };
                var textField = JsonFieldReader.Get(comment, "body") is not null ? "body" : "plain_body";
                Copy(comment, textField, message, "text", JsonPointer.Append(at, textField), pointers, mappedAt);
                Copy(comment, "created_at", message, "at", JsonPointer.Append(at, "created_at"), pointers, mappedAt);
                messages.Add(message);
            }

            return messages;
        }

        pointers["/messages"] = "/ticket/description";
        pointers["/messages/0/text"] = "/ticket/description";
        pointers["/messages/0/at"] = "/ticket/created_at";
        var first = new JsonObject { ["from"] = "customer" };
        Copy(ticket, "description", first, "text", "/ticket/description", pointers, "/messages/0");
        Copy(ticket, "created_at", first, "at", "/ticket/created_at", pointers, "/messages/0");
        messages.Add(first);
        return messages;
    }

    private static JsonObject MapHandoff(JsonElement ticket, Dictionary<string, string> pointers)
    {
        var handoff = new JsonObject();
        Copy(ticket, "subject", handoff, "summary", "/ticket/subject", pointers, "/handoff");
        Copy(ticket, "type", handoff, "category", "/ticket/type", pointers, "/handoff");
        Copy(ticket, "created_at", handoff, "started", "/ticket/created_at", pointers, "/handoff");
        if (JsonFieldReader.Get(ticket, "priority") is { ValueKind: JsonValueKind.String } priority)
        {
            handoff["priority"] = priority.GetString()!.ToLowerInvariant() switch
            {
                "urgent" => "P1",
                "high" => "P2",
                "normal" => "P3",
                "low" => "P4",
                var other => other,
            };
            pointers["/handoff/priority"] = "/ticket/priority";
        }

        return handoff;
    }

    private static List<string> ReadTags(JsonElement ticket, JsonFieldReader reader)
    {
        var tags = new List<string>();
        if (reader.Array(ticket, "/ticket", "tags", required: false, 500) is not { } array)
        {
            return tags;
        }

        var index = 0;
        foreach (var tag in array.EnumerateArray())
        {
            if (tag.ValueKind != JsonValueKind.String)
            {
                reader.Add(JsonPointer.Append("/ticket/tags", index), $"must be a string, not {JsonFieldReader.Describe(tag)}");
            }
            else
            {
                tags.Add(tag.GetString()!.Trim().ToLowerInvariant());
            }

            index++;
        }

        return tags;
    }

    private static string? ReadId(JsonElement obj, string parent, string name, JsonFieldReader reader)
    {
        var pointer = JsonPointer.Append(parent, name);
        switch (JsonFieldReader.Get(obj, name))
        {
            case null:
                reader.Add(pointer, "is required");
                return null;
            case { ValueKind: JsonValueKind.Number } number when number.TryGetInt64(out _):
            case { ValueKind: JsonValueKind.String } text when !string.IsNullOrWhiteSpace(text.GetString()):
                return IdText(JsonFieldReader.Get(obj, name)!.Value);
            case var other:
                reader.Add(pointer, $"must be an integer or a non-empty string, not {JsonFieldReader.Describe(other.Value)}");
                return null;
        }
    }

    private static string IdText(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n)
            ? n.ToString(CultureInfo.InvariantCulture)
            : (value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : value.GetRawText());

    /// <summary>Copies a field as it is (so the submission rules judge its type) and records where it came from.</summary>
    private static void Copy(JsonElement from, string fromName, JsonObject to, string toName, string sourcePointer, Dictionary<string, string> pointers, string mappedParent = "")
    {
        if (JsonFieldReader.Get(from, fromName) is { } value)
        {
            to[toName] = JsonNode.Parse(value.GetRawText());
            pointers[JsonPointer.Append(mappedParent, toName)] = sourcePointer;
        }
    }

    private static ProblemDetails Translate(ProblemDetails problem, Dictionary<string, string> pointers)
    {
        var errors = problem.Errors.Select(e => e with { Field = TranslatePointer(e.Field, pointers) }).ToArray();
        var detail = problem.Detail;
        if (errors.Length == 1 && problem.Errors.Count == 1 && detail is not null)
        {
            detail = detail.Replace(problem.Errors[0].Field + ":", errors[0].Field + ":", StringComparison.Ordinal);
        }

        return problem with { Errors = errors, Detail = detail };
    }

    private static string TranslatePointer(string pointer, Dictionary<string, string> pointers)
    {
        for (var candidate = pointer; candidate.Length > 0; candidate = candidate[..candidate.LastIndexOf('/')])
        {
            if (pointers.TryGetValue(candidate, out var source))
            {
                return source + pointer[candidate.Length..];
            }
        }

        return pointer;
    }
}

using System.Text.Json;
using Escalation.Api.Endpoints;
using Escalation.Api.Privacy;
using Escalation.Api.Problems;
using Microsoft.AspNetCore.Http;

namespace Escalation.Api.Http;

public sealed partial class CaseApi
{
    private const int MaxRequesterChars = 128;
    private const int MaxReferenceChars = 64;

    /// <summary>
    /// <c>POST /api/customers/{customerId}/erasure</c> with <c>{ "requestedBy": "…", "reference": "…" }</c>: erases the
    /// customer's personal data from all their cases (docs/privacy.md). 200 with what was erased; 404 when no case is
    /// stored for the customer; 409 naming the cases still open (nothing changed); 400 naming the field at fault.
    /// </summary>
    public async Task<IResult> EraseCustomerAsync(HttpRequest request, string customerId, CustomerErasure erasure, CancellationToken ct = default)
    {
        var errors = new List<ProblemFieldError>();
        if (customerId.Length is 0 or > 200 || customerId.Any(char.IsControl))
        {
            errors.Add(new("customerId", "a customer id of 1 to 200 characters, without control characters"));
        }

        string? requestedBy = null, reference = null;
        var bytes = await HttpBody.ReadAsync(request).ConfigureAwait(false);
        try
        {
            using var body = JsonDocument.Parse(bytes.Length == 0 ? "{}"u8.ToArray() : bytes);
            if (body.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Answers.Problem(Problems.Problems.MalformedJson("The body must be a JSON object.", request.Instance()));
            }

            requestedBy = StringField(body.RootElement, "requestedBy");
            reference = StringField(body.RootElement, "reference");
        }
        catch (JsonException ex)
        {
            return Answers.Problem(Problems.Problems.MalformedJson(ex.Message, request.Instance()));
        }

        if (requestedBy is not { Length: > 0 and <= MaxRequesterChars } || requestedBy.Any(char.IsControl))
        {
            errors.Add(new("/requestedBy", $"who asks for the erasure (recorded on each case's trace): 1 to {MaxRequesterChars} characters"));
        }

        // The reference is written in the clear on the immutable chain: a reference, never a person's words.
        if (reference is not null && (reference.Length is 0 or > MaxReferenceChars || !reference.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '#' or '/')))
        {
            errors.Add(new("/reference", $"a reference such as a ticket id: 1 to {MaxReferenceChars} letters, digits or - _ . : # /"));
        }

        if (errors.Count > 0)
        {
            return Answers.Problem(Problems.Problems.Create("invalid-erasure-request", "The erasure request is not valid", 400,
                "Nothing was erased: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")), request.Instance(), errors));
        }

        var result = await erasure.EraseAsync(new ErasureRequest(customerId, requestedBy!, reference), ct).ConfigureAwait(false);
        if (result.Refused)
        {
            return Answers.Problem(Problems.Problems.Create("open-cases", "The customer has open cases", 409,
                $"Nothing was erased: {string.Join(", ", result.OpenCases.Select(c => $"{c.CaseId} is {c.Status}"))}. Decide them (or let their review run out) and ask again.",
                request.Instance(), [.. result.OpenCases.Select(c => new ProblemFieldError(c.CaseId, c.Status))]));
        }

        return result.Cases.Count == 0
            ? Answers.Problem(Problems.Problems.NotFound($"No case is stored for customer {customerId}: there is nothing to erase.", request.Instance()))
            : Answers.Json(200, result);
    }

    private static string? StringField(JsonElement body, string name) =>
        !body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString() : "";
}

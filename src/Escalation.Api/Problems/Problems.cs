namespace Escalation.Api.Problems;

/// <summary>The kinds of problem the API reports, with their type URI, title and status.</summary>
public static class Problems
{
    private const string Prefix = "urn:escalation:problem:";

    /// <summary>The body is not well-formed JSON (400).</summary>
    public static ProblemDetails MalformedJson(string detail, string? instance) =>
        Create("malformed-json", "The request body is not valid JSON", 400, detail, instance, [new ProblemFieldError("", detail)]);

    /// <summary>The body is larger than the limit (413).</summary>
    public static ProblemDetails BodyTooLarge(long limitBytes, string? instance) =>
        Create("body-too-large", "The request body is too large", 413,
            $"The body must be at most {limitBytes} bytes ({limitBytes / 1024} KB).", instance);

    /// <summary>The body is not JSON by its Content-Type (415).</summary>
    public static ProblemDetails UnsupportedMediaType(string? contentType, string? instance) =>
        Create("unsupported-media-type", "The request body must be JSON", 415,
            $"Send the body as application/json; the request said '{contentType ?? "(none)"}'.", instance);

    /// <summary>The JSON is well formed but fields are missing, wrong-typed or too large (400).</summary>
    public static ProblemDetails InvalidSubmission(IReadOnlyList<ProblemFieldError> errors, string? instance) =>
        Create("invalid-submission", "The submission has invalid fields", 400,
            errors.Count == 1 ? $"{Describe(errors[0].Field)}: {errors[0].Message}" : $"{errors.Count} fields are invalid; see errors.",
            instance, errors);

    /// <summary>The customer id is not in the workspace and the body has no inline profile to stand in (422).</summary>
    public static ProblemDetails UnknownCustomer(string customerId, string pointer, string? instance) =>
        Create("unknown-customer", "Unknown customer", 422,
            $"Customer '{customerId}' is not in the workspace; send an inline profile with at least name and tier to handle a new customer.",
            instance, [new ProblemFieldError(pointer, "unknown customer id and no inline profile (name and tier)")]);

    /// <summary>A review or public-audit link that does not check out (403 or 410 by reason).</summary>
    public static ProblemDetails BadLink(int status, string detail, string? instance) =>
        Create("bad-link", "The link is not valid", status, detail, instance, [new ProblemFieldError("token", detail)]);

    /// <summary>The API key is missing or wrong (401).</summary>
    public static ProblemDetails Unauthorized(string? instance) =>
        Create("unauthorized", "An API key is required", 401, "Send the help desk's API key in the x-functions-key header.", instance);

    /// <summary>Nothing at this id (404).</summary>
    public static ProblemDetails NotFound(string what, string? instance) =>
        Create("not-found", "Not found", 404, what, instance);

    /// <summary>Builds a problem of a kind named by <paramref name="slug"/>.</summary>
    public static ProblemDetails Create(string slug, string title, int status, string? detail, string? instance, IReadOnlyList<ProblemFieldError>? errors = null) =>
        new()
        {
            Type = Prefix + slug,
            Title = title,
            Status = status,
            Detail = detail,
            Instance = instance,
            Errors = errors ?? [],
        };

    private static string Describe(string pointer) => pointer.Length == 0 ? "body" : pointer;
}

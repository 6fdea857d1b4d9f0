using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Escalation.Functions.Language;

/// <summary><c>Escalation:Language</c> (Functions app only): Azure AI Language sentiment for the detect stage.</summary>
public sealed class LanguageOptions : IValidatableObject
{
    public const string Section = "Escalation:Language";

    /// <summary>The Language resource's endpoint; empty keeps the embedded analyser alone.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The endpoint, or null when it is not set (or not a URL, which the validation reports at start).</summary>
    public Uri? EndpointUri => Uri.TryCreate(Endpoint?.Trim(), UriKind.Absolute, out var uri) ? uri : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Endpoint) && !(Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            yield return new ValidationResult($"{Section}:Endpoint must be an absolute http(s) URL (got '{Endpoint}').");
        }
    }
}

[OptionsValidator] public sealed partial class LanguageOptionsValidator : IValidateOptions<LanguageOptions>;

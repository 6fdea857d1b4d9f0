using System.ComponentModel.DataAnnotations;

namespace Escalation.Api.Hosting;

/// <summary><c>Escalation:Actions</c>: where approved actions are executed.</summary>
public sealed class ActionsOptions : IValidatableObject
{
    public const string Section = "Escalation:Actions";
    public const int DefaultMaxRetries = 3;

    /// <summary>An operator's endpoint that executes actions; empty sends them to the help desk's callback.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Retries of a failed action request (3 when not set).</summary>
    public int? MaxRetries { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (EscalationOptions.Set(WebhookUrl) is { } hook && !OptionRules.IsHttpUrl(hook))
        {
            yield return OptionRules.Fail($"{Section}:WebhookUrl must be an absolute http(s) URL (got '{hook}').");
        }

        if (MaxRetries is < 1 or > 10)
        {
            yield return OptionRules.Fail($"{Section}:MaxRetries must be 1 to 10 (got '{MaxRetries}').");
        }
    }
}

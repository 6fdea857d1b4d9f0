using System.ComponentModel.DataAnnotations;
using Escalation.Infrastructure.Callbacks;

namespace Escalation.Api.Hosting;

/// <summary><c>Escalation:Callbacks</c>: help-desk callbacks' signing key and the private hosts they may reach.</summary>
public sealed class CallbacksOptions : IValidatableObject
{
    public const string Section = "Escalation:Callbacks";

    /// <summary>HMAC key of the <c>X-Escalation-Signature</c> header (<c>base64:…</c> accepted); generated into the data folder when empty on the local host.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Comma-separated host names, addresses or CIDR ranges let through although not public.</summary>
    public string? AllowedHosts { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (EscalationOptions.Set(SigningKey) is { } key && key.StartsWith("base64:", StringComparison.Ordinal)
            && !Convert.TryFromBase64String(key["base64:".Length..], new byte[key.Length], out _))
        {
            yield return OptionRules.Fail($"{Section}:SigningKey starts with 'base64:' but the rest is not base64.");
        }

        if (OptionRules.Fails(() => _ = new CallbackAddressPolicy(OptionRules.List(AllowedHosts, ""))) is { } hosts)
        {
            yield return OptionRules.Fail(hosts);
        }
    }
}

using Escalation.Infrastructure.Drafting;
using Microsoft.Extensions.Options;

namespace Escalation.Api.Hosting;

// Generated at compile time from each class's attributes and its IValidatableObject checks.
[OptionsValidator] public sealed partial class EscalationOptionsValidator : IValidateOptions<EscalationOptions>;
[OptionsValidator] public sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>;
[OptionsValidator] public sealed partial class EmailOptionsValidator : IValidateOptions<EmailOptions>;
[OptionsValidator] public sealed partial class CallbacksOptionsValidator : IValidateOptions<CallbacksOptions>;
[OptionsValidator] public sealed partial class ActionsOptionsValidator : IValidateOptions<ActionsOptions>;
[OptionsValidator] public sealed partial class SubmissionsOptionsValidator : IValidateOptions<SubmissionsOptions>;

/// <summary><c>Escalation:Drafting</c>: the checks <see cref="DraftingOptions.Validate"/> makes, and no negative numbers.</summary>
public sealed class DraftingOptionsValidator : IValidateOptions<DraftingOptions>
{
    public ValidateOptionsResult Validate(string? name, DraftingOptions options)
    {
        var failures = new List<string>();
        foreach (var (key, value) in new (string, double)[]
        {
            (nameof(DraftingOptions.TimeoutSeconds), options.TimeoutSeconds), (nameof(DraftingOptions.MaxRetries), options.MaxRetries),
            (nameof(DraftingOptions.MaxRetryAfterSeconds), options.MaxRetryAfterSeconds), (nameof(DraftingOptions.Temperature), options.Temperature),
            (nameof(DraftingOptions.MaxOutputTokens), options.MaxOutputTokens), (nameof(DraftingOptions.ReadTimeoutSeconds), options.ReadTimeoutSeconds),
        })
        {
            if (value < 0)
            {
                failures.Add($"{DraftingOptions.Section}:{key} must be a non-negative number, not '{value}'");
            }
        }

        try
        {
            options.Validate();
        }
        catch (DraftingConfigurationException ex)
        {
            failures.Add(ex.Message);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

using Escalation.Infrastructure.Drafting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Escalation.Api.Hosting;

/// <summary>
/// Every section of the <c>Escalation</c> settings bound to its class and validated when the host starts, so a wrong
/// setting stops the host at once with the setting's name; <see cref="EscalationSettings"/> is built from them.
/// </summary>
public static class EscalationOptionsRegistration
{
    public static IServiceCollection AddEscalationOptions(this IServiceCollection services, IConfiguration configuration)
    {
        Add<EscalationOptions, EscalationOptionsValidator>(services, configuration, EscalationOptions.Section);
        Add<StorageOptions, StorageOptionsValidator>(services, configuration, StorageOptions.Section);
        Add<EmailOptions, EmailOptionsValidator>(services, configuration, EmailOptions.Section);
        Add<CallbacksOptions, CallbacksOptionsValidator>(services, configuration, CallbacksOptions.Section);
        Add<ActionsOptions, ActionsOptionsValidator>(services, configuration, ActionsOptions.Section);
        Add<SubmissionsOptions, SubmissionsOptionsValidator>(services, configuration, SubmissionsOptions.Section);
        Add<DraftingOptions, DraftingOptionsValidator>(services, configuration, DraftingOptions.Section)
            .PostConfigure(o =>
            {
                // As DraftingOptions.From reads them: the provider in lower case, no stray spaces.
                o.Provider = o.Provider.Trim().ToLowerInvariant();
                o.Endpoint = o.Endpoint.Trim();
                o.Model = o.Model.Trim();
                o.ApiKey = o.ApiKey.Trim();
                o.ManagedIdentityClientId = o.ManagedIdentityClientId.Trim();
            });
        services.TryAddSingleton(sp => EscalationSettings.From(
            Value<EscalationOptions>(sp), Value<StorageOptions>(sp), Value<EmailOptions>(sp),
            Value<CallbacksOptions>(sp), Value<ActionsOptions>(sp), Value<SubmissionsOptions>(sp)));
        return services;
    }

    /// <summary>
    /// Validates every section now, as the host does when it starts, and throws one <see cref="OptionsValidationException"/>
    /// listing every wrong setting. A value that cannot be converted (a word where a number goes) throws the binder's
    /// <see cref="InvalidOperationException"/> instead, which names the setting too.
    /// </summary>
    public static void ValidateSettings(this IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (AggregateException all) when (all.InnerExceptions.All(e => e is OptionsValidationException))
        {
            throw new OptionsValidationException(EscalationOptions.Section, typeof(EscalationOptions),
                [.. all.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures).Distinct()]);
        }
    }

    // Bound from the configuration the host passed in (tests build one without registering it), read once at start.
    private static OptionsBuilder<T> Add<T, TValidator>(IServiceCollection services, IConfiguration configuration, string section)
        where T : class
        where TValidator : class, IValidateOptions<T>
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, TValidator>());
        return services.AddOptions<T>().Bind(WithoutEmptyValues(configuration, section)).ValidateOnStart();
    }

    /// <summary>
    /// The section as it stands now, less its empty values: environment files carry empty settings
    /// (<c>Escalation__Drafting__TimeoutSeconds=</c>), which mean "not set", not a number the binder cannot read.
    /// Keys keep their full path, so a binder error still names the setting.
    /// </summary>
    private static IConfigurationSection WithoutEmptyValues(IConfiguration configuration, string section) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(configuration.GetSection(section).AsEnumerable().Where(kv => !string.IsNullOrEmpty(kv.Value)))
            .Build()
            .GetSection(section);

    private static T Value<T>(IServiceProvider services) where T : class => services.GetRequiredService<IOptions<T>>().Value;
}

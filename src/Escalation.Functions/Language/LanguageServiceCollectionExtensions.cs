using Azure.Identity;
using Escalation.Api.Hosting;
using Escalation.Core.Signals;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Escalation.Functions.Language;

/// <summary>Adds Azure AI Language sentiment to the configured readers of tickets when an endpoint is configured.</summary>
public static class LanguageServiceCollectionExtensions
{
    /// <summary>App setting with the Language resource endpoint; empty keeps the embedded analyser alone.</summary>
    public const string EndpointSetting = "Escalation:Language:Endpoint";

    public static IServiceCollection AddAzureLanguageSentiment(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IValidateOptions<LanguageOptions>, LanguageOptionsValidator>();
        services.AddOptions<LanguageOptions>().Bind(configuration.GetSection(LanguageOptions.Section)).ValidateOnStart();
        var language = configuration.GetSection(LanguageOptions.Section).Get<LanguageOptions>() ?? new();
        if (language.EndpointUri is not { } uri)
        {
            return services;
        }

        // The sentiment is awaited after the embedded reading (and before a chat model's reading, when one is configured).
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(ConfiguredSignalReader) && !d.IsKeyedService)
            ?? throw new InvalidOperationException($"{EndpointSetting} is set but no {nameof(ConfiguredSignalReader)} is registered to add to.");
        services.Remove(registered);
        services.AddSingleton(sp => new ConfiguredSignalReader(SignalReaders.Chain(
            new AzureLanguageSentimentReader(uri, new DefaultAzureCredential()),
            Resolve(sp, registered).Reader)));
        return services;
    }

    private static ConfiguredSignalReader Resolve(IServiceProvider services, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance as ConfiguredSignalReader
        ?? descriptor.ImplementationFactory?.Invoke(services) as ConfiguredSignalReader
        ?? (ConfiguredSignalReader)ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);
}

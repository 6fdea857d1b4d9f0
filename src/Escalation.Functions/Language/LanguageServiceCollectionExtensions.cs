using Azure.Identity;
using Escalation.Core.Signals;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Escalation.Functions.Language;

/// <summary>Wraps the registered <see cref="ITextSignalAnalyzer"/> with Azure AI Language sentiment when an endpoint is configured.</summary>
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

        var registered = services.LastOrDefault(d => d.ServiceType == typeof(ITextSignalAnalyzer) && !d.IsKeyedService)
            ?? throw new InvalidOperationException($"{EndpointSetting} is set but no {nameof(ITextSignalAnalyzer)} is registered to wrap.");
        services.Remove(registered);
        services.Add(new ServiceDescriptor(
            typeof(ITextSignalAnalyzer),
            sp => new AzureLanguageSignalAnalyzer(Resolve(sp, registered), uri, new DefaultAzureCredential()),
            registered.Lifetime));
        return services;
    }

    private static ITextSignalAnalyzer Resolve(IServiceProvider services, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance as ITextSignalAnalyzer
        ?? descriptor.ImplementationFactory?.Invoke(services) as ITextSignalAnalyzer
        ?? (ITextSignalAnalyzer)ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);
}

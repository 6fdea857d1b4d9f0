using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Identity;
using Escalation.Core.Sensitive;
using Escalation.Core.Signals;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using OpenAI;

namespace Escalation.Infrastructure.Drafting;

/// <summary>
/// Builds the drafting side from <c>Escalation:Drafting</c>: nothing for <c>composer</c>, otherwise a
/// <see cref="GuardedDraftingService"/> over an <see cref="OpenAiChatDraftModel"/> for an OpenAI-compatible
/// endpoint or Azure OpenAI (key or managed identity).
/// </summary>
public static class DraftingSetup
{
    /// <summary>The guarded service for the configured model, or null when the provider is <c>composer</c>.</summary>
    public static GuardedDraftingService? CreateDraftingService(IConfiguration configuration, TimeProvider? time = null) =>
        CreateDraftingService(DraftingOptions.FromConfiguration(configuration), time);

    /// <summary>The guarded service for the configured model, or null when the provider is <c>composer</c>.</summary>
    /// <exception cref="DraftingConfigurationException">A setting is missing or wrong.</exception>
    public static GuardedDraftingService? CreateDraftingService(DraftingOptions options, TimeProvider? time = null) =>
        CreateChatModel(options, time) is { } model
            ? new GuardedDraftingService(model, new GuardedDraftingOptions
            {
                MaxRetries = Math.Max(0, options.MaxRetries),
                MaxRetryAfter = TimeSpan.FromSeconds(options.MaxRetryAfterSeconds),
            }, time)
            : null;

    /// <summary>The draft writer for the in-memory pipeline: the deterministic composer, or the guarded chat model.</summary>
    public static IDraftWriter CreateDraftWriter(DraftingOptions options, TimeProvider? time = null) =>
        CreateDraftingService(options, time) is { } service ? new GuardedDraftWriter(service) : new ComposerDraftWriter();

    /// <summary>
    /// The chat model's reading of tickets for the configured options: null (the embedded reading alone) unless
    /// <c>ReadTickets</c> is on with a model provider. The detect and gather-context steps await it after the embedded
    /// reading (its flags only add caution; a timeout or malformed answer leaves the embedded reading with a trace entry
    /// saying why).
    /// </summary>
    public static ModelReader? CreateModelReader(DraftingOptions options, TimeProvider? time = null) =>
        options.ReadTickets && CreateChatModel(options, time) is { } model
            ? new ModelReader(model, TimeSpan.FromSeconds(options.ReadTimeoutSeconds))
            : null;

    /// <summary>The chat model for <paramref name="options"/>, or null for <c>composer</c>.</summary>
    /// <exception cref="DraftingConfigurationException">A setting is missing or wrong.</exception>
    public static IChatDraftModel? CreateChatModel(DraftingOptions options, TimeProvider? time = null)
    {
        options.Validate();
        if (!options.UsesModel)
        {
            return null;
        }

        var timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        var client = CreateChatClient(options);
        return new OpenAiChatDraftModel(client, options.Model, timeout, options, time);
    }

    /// <summary>The Microsoft.Extensions.AI chat client for the provider, with the SDK's own retries switched off.</summary>
    public static IChatClient CreateChatClient(DraftingOptions options)
    {
        var networkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds + 5);
        var noRetries = new ClientRetryPolicy(maxRetries: 0);
        if (string.Equals(options.Provider, DraftingProviders.AzureOpenAi, StringComparison.OrdinalIgnoreCase))
        {
            var azureOptions = new AzureOpenAIClientOptions { RetryPolicy = noRetries, NetworkTimeout = networkTimeout };
            var endpoint = new Uri(options.Endpoint);
            var azure = options.ApiKey.Length > 0
                ? new AzureOpenAIClient(endpoint, new ApiKeyCredential(options.ApiKey), azureOptions)
                : new AzureOpenAIClient(endpoint, new DefaultAzureCredential(new DefaultAzureCredentialOptions
                {
                    ManagedIdentityClientId = options.ManagedIdentityClientId.Length > 0 ? options.ManagedIdentityClientId : null,
                }), azureOptions);
            return azure.GetChatClient(options.Model).AsIChatClient();
        }

        var openAiOptions = new OpenAIClientOptions { RetryPolicy = noRetries, NetworkTimeout = networkTimeout };
        if (options.Endpoint.Length > 0)
        {
            openAiOptions.Endpoint = new Uri(options.Endpoint);
        }

        // Self-hosted OpenAI-compatible servers often need no key; the SDK still wants a non-empty one.
        var key = options.ApiKey.Length > 0 ? options.ApiKey : "not-needed";
        return new OpenAIClient(new ApiKeyCredential(key), openAiOptions).GetChatClient(options.Model).AsIChatClient();
    }
}

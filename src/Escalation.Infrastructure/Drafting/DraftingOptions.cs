using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Escalation.Infrastructure.Drafting;

/// <summary>
/// The <c>Escalation:Drafting</c> settings (docs/drafting.md): which writer drafts customer replies and
/// how to reach the chat model. Environment form: <c>Escalation__Drafting__Provider</c> and so on.
/// </summary>
public sealed class DraftingOptions
{
    public const string Section = "Escalation:Drafting";

    /// <summary><c>composer</c> (default, deterministic, no model), <c>openai</c> or <c>azure-openai</c>.</summary>
    public string Provider { get; set; } = DraftingProviders.Composer;

    /// <summary>
    /// <c>openai</c>: an OpenAI-compatible base URL such as <c>http://127.0.0.1:8080/v1</c> (empty = api.openai.com).
    /// <c>azure-openai</c>: the resource endpoint, e.g. <c>https://my-resource.openai.azure.com/</c>.
    /// </summary>
    public string Endpoint { get; set; } = "";

    /// <summary>Model name (<c>openai</c>) or deployment name (<c>azure-openai</c>).</summary>
    public string Model { get; set; } = "";

    /// <summary>API key. For <c>azure-openai</c>, empty means managed identity / DefaultAzureCredential.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Client id of a user-assigned managed identity (<c>azure-openai</c> without a key); empty = system-assigned or developer login.</summary>
    public string ManagedIdentityClientId { get; set; } = "";

    /// <summary>Per-call timeout.</summary>
    public double TimeoutSeconds { get; set; } = 30;

    /// <summary>Retries after a timeout, 429, 5xx or network error, per call.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The longest Retry-After the service waits for; longer means fall back at once.</summary>
    public double MaxRetryAfterSeconds { get; set; } = 20;

    /// <summary>Sampling temperature.</summary>
    public float Temperature { get; set; } = 0.2f;

    /// <summary>Cap on the reply length, in tokens.</summary>
    public int MaxOutputTokens { get; set; } = 700;

    /// <summary>
    /// Issue 25, optional model reading: the chat model also reads each ticket into a fixed JSON schema (language,
    /// intent, amounts, legal, distress, chargeback, public exposure); its flags only add caution. Off by default.
    /// </summary>
    public bool ReadTickets { get; set; }

    /// <summary>How long a model reading may take before the embedded reading stands alone.</summary>
    public double ReadTimeoutSeconds { get; set; } = 10;

    public bool UsesModel => !string.Equals(Provider.Trim(), DraftingProviders.Composer, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads <c>Escalation:Drafting</c> from configuration; absent keys keep their defaults.</summary>
    public static DraftingOptions FromConfiguration(IConfiguration configuration) =>
        From(key => configuration[$"{Section}:{key}"]);

    /// <summary>Reads <c>Escalation__Drafting__*</c> environment variables (for the CLI).</summary>
    public static DraftingOptions FromEnvironment() =>
        From(key => Environment.GetEnvironmentVariable($"{Section.Replace(":", "__", StringComparison.Ordinal)}__{key}"));

    /// <summary>Reads each setting through <paramref name="lookup"/> (setting name → value or null).</summary>
    public static DraftingOptions From(Func<string, string?> lookup)
    {
        var o = new DraftingOptions();
        string? Get(string key) => lookup(key) is { Length: > 0 } v ? v.Trim() : null;
        double Number(string key, double fallback) => Get(key) is { } v
            ? double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= 0 ? d
                : throw new DraftingConfigurationException($"{Section}:{key} must be a non-negative number, not '{v}'")
            : fallback;
        o.Provider = Get(nameof(Provider))?.ToLowerInvariant() ?? o.Provider;
        o.Endpoint = Get(nameof(Endpoint)) ?? o.Endpoint;
        o.Model = Get(nameof(Model)) ?? o.Model;
        o.ApiKey = Get(nameof(ApiKey)) ?? o.ApiKey;
        o.ManagedIdentityClientId = Get(nameof(ManagedIdentityClientId)) ?? o.ManagedIdentityClientId;
        o.TimeoutSeconds = Number(nameof(TimeoutSeconds), o.TimeoutSeconds);
        o.MaxRetries = (int)Number(nameof(MaxRetries), o.MaxRetries);
        o.MaxRetryAfterSeconds = Number(nameof(MaxRetryAfterSeconds), o.MaxRetryAfterSeconds);
        o.Temperature = (float)Number(nameof(Temperature), o.Temperature);
        o.MaxOutputTokens = (int)Number(nameof(MaxOutputTokens), o.MaxOutputTokens);
        o.ReadTickets = Get(nameof(ReadTickets)) is { } read
            ? bool.TryParse(read, out var b) ? b : throw new DraftingConfigurationException($"{Section}:ReadTickets must be true or false, not '{read}'")
            : o.ReadTickets;
        o.ReadTimeoutSeconds = Number(nameof(ReadTimeoutSeconds), o.ReadTimeoutSeconds);
        return o;
    }

    /// <summary>Throws a <see cref="DraftingConfigurationException"/> naming the first setting at fault.</summary>
    public void Validate()
    {
        var provider = Provider.Trim().ToLowerInvariant();
        if (!DraftingProviders.All.Contains(provider))
        {
            throw new DraftingConfigurationException(
                $"{Section}:Provider '{Provider}' is not one of {string.Join(", ", DraftingProviders.All)}");
        }

        if (provider == DraftingProviders.Composer)
        {
            if (ReadTickets)
            {
                throw new DraftingConfigurationException($"{Section}:ReadTickets needs a chat model: set {Section}:Provider to openai or azure-openai");
            }

            return;
        }

        if (ReadTickets && ReadTimeoutSeconds <= 0)
        {
            throw new DraftingConfigurationException($"{Section}:ReadTimeoutSeconds must be above 0");
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            throw new DraftingConfigurationException($"{Section}:Model is required for provider '{provider}' (the model or deployment name)");
        }

        if (Endpoint.Length > 0 && (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            throw new DraftingConfigurationException($"{Section}:Endpoint '{Endpoint}' is not an http(s) URL");
        }

        if (provider == DraftingProviders.AzureOpenAi && Endpoint.Length == 0)
        {
            throw new DraftingConfigurationException($"{Section}:Endpoint is required for provider 'azure-openai' (https://<resource>.openai.azure.com/)");
        }

        if (TimeoutSeconds <= 0)
        {
            throw new DraftingConfigurationException($"{Section}:TimeoutSeconds must be above 0");
        }
    }
}

/// <summary>Values of <c>Escalation:Drafting:Provider</c>.</summary>
public static class DraftingProviders
{
    public const string Composer = "composer";
    public const string OpenAi = "openai";
    public const string AzureOpenAi = "azure-openai";

    public static readonly IReadOnlyList<string> All = [Composer, OpenAi, AzureOpenAi];
}

/// <summary>A drafting setting is missing or wrong.</summary>
public sealed class DraftingConfigurationException(string message) : Exception(message);

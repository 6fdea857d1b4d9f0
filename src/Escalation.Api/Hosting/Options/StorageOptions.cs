using System.ComponentModel.DataAnnotations;

namespace Escalation.Api.Hosting;

/// <summary><c>Escalation:Storage</c>: files in the data folder, or Azure Storage (Tables, Blobs, Queues).</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Escalation:Storage";

    /// <summary><c>file</c> (default) or <c>azure</c>.</summary>
    public string? Provider { get; set; }

    /// <summary>An Azure Storage connection string, e.g. <c>UseDevelopmentStorage=true</c> for Azurite.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Identity-based access: the three service URIs, or the account name.</summary>
    public string? BlobServiceUri { get; set; }
    public string? QueueServiceUri { get; set; }
    public string? TableServiceUri { get; set; }
    public string? AccountName { get; set; }

    /// <summary>A user-assigned managed identity's client id; empty = the system-assigned one or the developer's login.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>
    /// Local store only: days after its last update that a finished case keeps its working artifacts (stage state,
    /// markers); unset keeps them for ever. Case records and traces are never deleted (docs/storage.md).
    /// </summary>
    public int? RetainArtifactsDays { get; set; }

    /// <summary>The provider in lower case, <c>file</c> when not set.</summary>
    public string ProviderName => (EscalationOptions.Set(Provider) ?? "file").Trim().ToLowerInvariant();

    public bool UsesAzure => ProviderName == "azure";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ProviderName is not ("file" or "azure"))
        {
            yield return OptionRules.Fail($"{Section}:Provider must be 'file' or 'azure' (got '{ProviderName}').");
        }

        foreach (var (name, value) in new[] { (nameof(BlobServiceUri), BlobServiceUri), (nameof(QueueServiceUri), QueueServiceUri), (nameof(TableServiceUri), TableServiceUri) })
        {
            if (EscalationOptions.Set(value) is { } uri && !Uri.TryCreate(uri, UriKind.Absolute, out _))
            {
                yield return OptionRules.Fail($"{Section}:{name} must be an absolute URL (got '{uri}').");
            }
        }

        if (RetainArtifactsDays is < 1 or > 36500)
        {
            yield return OptionRules.Fail($"{Section}:RetainArtifactsDays must be a whole number of days from 1 to 36500 (got '{RetainArtifactsDays}').");
        }

        if (UsesAzure && EscalationOptions.Set(ConnectionString) is null && EscalationOptions.Set(AccountName) is null
            && new[] { BlobServiceUri, QueueServiceUri, TableServiceUri }.Any(u => EscalationOptions.Set(u) is null))
        {
            yield return OptionRules.Fail($"{Section}:Provider is 'azure' but neither {Section}:ConnectionString nor the Blob/Queue/TableServiceUri settings (or AccountName) are set.");
        }
    }
}

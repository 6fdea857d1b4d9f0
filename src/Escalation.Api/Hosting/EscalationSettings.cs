using System.Security.Cryptography;
using Escalation.Api.Cases;
using Escalation.Api.Links;
using Escalation.Api.Submissions;
using Escalation.Infrastructure.Callbacks;
using Escalation.Infrastructure.Email;
using Escalation.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Escalation.Api.Hosting;

/// <summary>
/// The <c>Escalation</c> configuration section as the service reads it, built once from the bound and validated option
/// classes (<see cref="EscalationOptions"/> and its sections). Every setting is documented in docs/configuration.md and shown
/// in <c>local.settings.example.json</c>; secrets left empty are generated and kept in the data folder for the local host.
/// </summary>
public sealed class EscalationSettings
{
    public const string Section = "Escalation";

    public required string DataDirectory { get; init; }
    public required string Workspace { get; init; }
    public required CaseServiceOptions CaseService { get; init; }
    public string? LinkSigningKey { get; init; }
    public string? CallbackKey { get; init; }

    /// <summary><c>Escalation:Actions:WebhookUrl</c>: where actions are executed instead of the help desk; null for the help desk.</summary>
    public Uri? ActionsWebhookUrl { get; init; }

    /// <summary><c>Escalation:Actions:MaxRetries</c>: retries of a failed action request (default 3).</summary>
    public int ActionsMaxRetries { get; init; } = 3;

    /// <summary>
    /// <c>Escalation:Storage:RetainArtifactsDays</c>: days after its last update that a finished case keeps its working
    /// artifacts in the local store (null: kept for ever). Case records and traces are never deleted (docs/storage.md).
    /// </summary>
    public int? RetainArtifactsDays { get; init; }

    /// <summary>Where help-desk callbacks may go: public addresses and <c>Escalation:Callbacks:AllowedHosts</c>.</summary>
    public CallbackAddressPolicy CallbackAddresses { get; init; } = CallbackAddressPolicy.PublicOnly;

    /// <summary>What a submission must keep to (<c>Escalation:Submissions:DateRangeYears</c>; sizes are fixed).</summary>
    public SubmissionLimits Submissions { get; init; } = SubmissionLimits.Default;
    public string StorageProvider { get; init; } = "file";
    public string? StorageConnectionString { get; init; }
    public Uri? BlobServiceUri { get; init; }
    public Uri? QueueServiceUri { get; init; }
    public Uri? TableServiceUri { get; init; }
    public string? StorageAccountName { get; init; }
    public string? ManagedIdentityClientId { get; init; }
    public string EmailFrom { get; init; } = "Escalation <escalation@localhost>";
    public SmtpSettings? Smtp { get; init; }

    public bool UsesAzureStorage => StorageProvider == "azure";

    /// <summary>The blob container of the workspace when <c>Escalation:Workspace</c> is <c>blob:CONTAINER</c>.</summary>
    public string? WorkspaceBlobContainer => Workspace.StartsWith("blob:", StringComparison.Ordinal) ? Workspace["blob:".Length..] : null;

    /// <summary>Binds and validates every section of <paramref name="configuration"/> (the hosts use the options pattern instead).</summary>
    /// <exception cref="OptionsValidationException">A setting is wrong; the failures name each.</exception>
    public static EscalationSettings From(IConfiguration configuration)
    {
        T Bind<T>(string section, IValidateOptions<T> validator) where T : class, new()
        {
            var options = configuration.GetSection(section).Get<T>() ?? new T();
            var result = validator.Validate(Options.DefaultName, options);
            return result.Failed ? throw new OptionsValidationException(section, typeof(T), result.Failures) : options;
        }

        return From(
            Bind(EscalationOptions.Section, new EscalationOptionsValidator()),
            Bind(StorageOptions.Section, new StorageOptionsValidator()),
            Bind(EmailOptions.Section, new EmailOptionsValidator()),
            Bind<CallbacksOptions>(CallbacksOptions.Section, new CallbacksOptionsValidator()),
            Bind(ActionsOptions.Section, new ActionsOptionsValidator()),
            Bind(SubmissionsOptions.Section, new SubmissionsOptionsValidator()));
    }

    /// <summary>The facade over the bound (and already validated) sections.</summary>
    public static EscalationSettings From(
        EscalationOptions root, StorageOptions storage, EmailOptions email, CallbacksOptions callbacks, ActionsOptions actions, SubmissionsOptions submissions)
    {
        static string? Set(string? value) => EscalationOptions.Set(value);
        static Uri? UriOrNull(string? value) => Set(value) is { } v ? new Uri(v) : null;
        var from = Set(email.From) ?? "Escalation <escalation@localhost>";
        return new EscalationSettings
        {
            DataDirectory = ResolveDataDirectory(Set(root.DataDirectory) ?? ".data"),
            Workspace = Set(root.Workspace) ?? (storage.UsesAzure && Set(storage.ConnectionString) is null ? "blob:workspace" : "samples/workspace"),
            CaseService = new CaseServiceOptions
            {
                PublicBaseUrl = Set(root.PublicBaseUrl) ?? "http://localhost:7071",
                ApiKey = Set(root.ApiKey) ?? "",
                Reviewers = OptionRules.List(email.Reviewers, "reviewer@example.com"),
                SeniorReviewers = OptionRules.List(email.SeniorReviewers, "senior@example.com"),
            },
            LinkSigningKey = Set(root.LinkSigningKey),
            CallbackKey = Set(callbacks.SigningKey),
            ActionsWebhookUrl = UriOrNull(actions.WebhookUrl),
            ActionsMaxRetries = actions.MaxRetries ?? ActionsOptions.DefaultMaxRetries,
            CallbackAddresses = new CallbackAddressPolicy(OptionRules.List(callbacks.AllowedHosts, "")),
            Submissions = SubmissionLimits.Default with { DateRangeYears = submissions.DateRangeYears ?? SubmissionLimits.Default.DateRangeYears },
            RetainArtifactsDays = storage.RetainArtifactsDays,
            StorageProvider = storage.ProviderName,
            StorageConnectionString = Set(storage.ConnectionString),
            BlobServiceUri = UriOrNull(storage.BlobServiceUri),
            QueueServiceUri = UriOrNull(storage.QueueServiceUri),
            TableServiceUri = UriOrNull(storage.TableServiceUri),
            StorageAccountName = Set(storage.AccountName),
            ManagedIdentityClientId = Set(storage.ManagedIdentityClientId),
            EmailFrom = from,
            Smtp = email.SmtpSettings(from),
        };
    }

    /// <summary>
    /// An absolute path as is; a relative one against the repository root when running from a checkout (so
    /// <c>dotnet run --project src/Escalation.Server</c> keeps its data in the root's <c>.data/</c>), else the current directory.
    /// </summary>
    private static string ResolveDataDirectory(string configured)
    {
        if (Path.IsPathRooted(configured))
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EscalationFunctions.sln")))
            {
                return Path.Combine(dir.FullName, configured);
            }
        }

        return Path.GetFullPath(configured);
    }

    /// <summary>The Azure Storage account from a connection string, or service URIs with managed identity.</summary>
    public AzureStorageAccount AzureAccount()
    {
        if (StorageConnectionString is { } cs)
        {
            return AzureStorageAccount.FromConnectionString(cs);
        }

        var credential = AzureStorageAccount.Credential(ManagedIdentityClientId);
        if (BlobServiceUri is not null && QueueServiceUri is not null && TableServiceUri is not null)
        {
            return AzureStorageAccount.FromUris(BlobServiceUri, QueueServiceUri, TableServiceUri, credential);
        }

        return StorageAccountName is { } name
            ? AzureStorageAccount.FromAccountName(name, credential)
            : throw new InvalidOperationException("Escalation:Storage:Provider is 'azure' but neither Escalation:Storage:ConnectionString nor the Blob/Queue/TableServiceUri settings (or AccountName) are set.");
    }

    /// <summary>The review-link key: configured, or (local host only) generated once and kept in the data folder.</summary>
    public ReviewLinkSigner CreateLinkSigner(TimeProvider time) =>
        ReviewLinkSigner.FromConfiguration(LinkSigningKey ?? LocalSecret("link-signing.key", "Escalation:LinkSigningKey"), time);

    /// <summary>The key that signs help-desk callbacks: configured, or generated once for the local host.</summary>
    public byte[] CallbackSigningKey()
    {
        var key = CallbackKey ?? LocalSecret("callback-signing.key", "Escalation:Callbacks:SigningKey");
        return key.StartsWith("base64:", StringComparison.Ordinal) ? Convert.FromBase64String(key["base64:".Length..]) : System.Text.Encoding.UTF8.GetBytes(key);
    }

    private string LocalSecret(string file, string setting)
    {
        if (UsesAzureStorage)
        {
            throw new InvalidOperationException($"{setting} is not set. In Azure it comes from Key Vault (see infra/); set it to at least 32 random bytes.");
        }

        // Whoever reads a key can mint review links or forge callbacks: keys and their folder are the service user's alone.
        var dir = Path.Combine(DataDirectory, "keys");
        var path = Path.Combine(dir, file);
        if (!File.Exists(path))
        {
            CreatePrivateDirectory(dir);
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = OwnerOnly & ~UnixFileMode.UserExecute;
                }

                using var stream = new FileStream(path, options);
                stream.Write(System.Text.Encoding.UTF8.GetBytes("base64:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first; use theirs.
            }
        }
        else
        {
            Restrict(dir, OwnerOnly); // created by an earlier version, readable by everyone
            Restrict(path, OwnerOnly & ~UnixFileMode.UserExecute);
        }

        return File.ReadAllText(path).Trim();
    }

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>
    /// Creates the data folder readable by the service's user only (0700): it holds the link-signing and callback keys
    /// and every case. A folder that exists already is made so too, unless it is a shared one (sticky, like /tmp).
    /// </summary>
    public void CreateDataDirectory()
    {
        if (!Directory.Exists(DataDirectory))
        {
            CreatePrivateDirectory(DataDirectory);
        }
        else if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(DataDirectory).HasFlag(UnixFileMode.StickyBit))
        {
            Restrict(DataDirectory, OwnerOnly);
        }
    }

    private static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, OwnerOnly);
        }
    }

    /// <summary>Takes group and other permissions away from <paramref name="path"/>, if it has any.</summary>
    private static void Restrict(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & GroupOrOther) != 0)
        {
            File.SetUnixFileMode(path, mode);
        }
    }
}

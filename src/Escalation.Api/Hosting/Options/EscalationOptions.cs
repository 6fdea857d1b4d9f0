using System.ComponentModel.DataAnnotations;
using Escalation.Api.Links;

namespace Escalation.Api.Hosting;

/// <summary>
/// The top of the <c>Escalation</c> section (appsettings, <c>Escalation__Name</c> environment variables or
/// <c>--Escalation:Name=value</c>). Its sub-sections have classes of their own (<see cref="StorageOptions"/>,
/// <see cref="EmailOptions"/>, …); each is bound and validated when the host starts. Empty values count as not set.
/// </summary>
public sealed class EscalationOptions : IValidatableObject
{
    public const string Section = "Escalation";

    /// <summary>Where the file storage, keys and the outbox live; relative paths from the repository root (or the current directory).</summary>
    public string? DataDirectory { get; set; }

    /// <summary>The knowledge workspace folder, or <c>blob:CONTAINER</c>.</summary>
    public string? Workspace { get; set; }

    /// <summary>Base of emailed review links and audit URLs.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The help desk's key (<c>x-functions-key</c>); empty = none required (the local server allows that on loopback only).</summary>
    public string? ApiKey { get; set; }

    /// <summary>HMAC key of review and public-audit links; generated into the data folder when empty on the local host.</summary>
    public string? LinkSigningKey { get; set; }

    /// <summary>Local server only: the instant the service's clock reads at start (ISO 8601 with Z or an offset).</summary>
    public string? ClockStart { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Set(PublicBaseUrl) is { } url && !OptionRules.IsHttpUrl(url))
        {
            yield return OptionRules.Fail($"{Section}:PublicBaseUrl must be an absolute http(s) URL (got '{url}').");
        }

        if (Set(LinkSigningKey) is { } key && OptionRules.Fails(() => ReviewLinkSigner.FromConfiguration(key)) is { } keyError)
        {
            yield return OptionRules.Fail(keyError);
        }

        if (Set(ClockStart) is { } clock && OptionRules.Fails(() => StartedClock.FromSetting(clock)) is { } clockError)
        {
            yield return OptionRules.Fail(clockError);
        }
    }

    /// <summary>The value, or null when it is empty (environment files often carry empty settings).</summary>
    internal static string? Set(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

/// <summary>Shared pieces of the options' checks.</summary>
internal static class OptionRules
{
    /// <summary>A failure that names the setting itself (no member prefix in front of the message).</summary>
    public static ValidationResult Fail(string message) => new(message);

    public static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    /// <summary>The message of the exception <paramref name="check"/> throws, or null when it passes.</summary>
    public static string? Fails(Action check)
    {
        try
        {
            check();
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException)
        {
            return ex.Message;
        }
    }

    /// <summary>A comma- or semicolon-separated list.</summary>
    public static IReadOnlyList<string> List(string? value, string fallback) =>
        (EscalationOptions.Set(value) ?? fallback).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

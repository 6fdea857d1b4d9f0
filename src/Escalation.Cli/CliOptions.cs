using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Escalation.Cli;

/// <summary>The options several commands share, made once here so each command says the same thing about them.</summary>
internal static class CliOptions
{
    public const string DefaultDataDirectory = ".data";
    public const string DefaultWorkspace = "samples/workspace";
    public const string DefaultBaseUrl = "http://localhost:7071";

    /// <summary><c>--data DIR</c>: a local store's data directory (default <c>.data</c>).</summary>
    public static Option<string> Data(string description = "the data directory of the local store") =>
        new("--data") { Description = description, HelpName = "DIR", DefaultValueFactory = _ => DefaultDataDirectory };

    /// <summary><c>--workspace DIR</c> (default the sample workspace).</summary>
    public static Option<string> Workspace(string description = "the workspace folder") =>
        new("--workspace") { Description = description, HelpName = "DIR", DefaultValueFactory = _ => DefaultWorkspace };

    public static Option<bool> Json(string description) => new("--json") { Description = description };

    /// <summary><c>--base-url URL</c>: where the audit links in a report point.</summary>
    public static Option<string> BaseUrl() =>
        new("--base-url") { Description = "the service address the report's audit links start with", HelpName = "URL", DefaultValueFactory = _ => DefaultBaseUrl };

    /// <summary>An ISO date or instant (UTC when it names no offset); a value that is neither is a usage error naming the option.</summary>
    public static Option<DateTimeOffset?> Instant(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "ISO",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
            {
                return value;
            }

            result.AddError($"{name}: not an ISO date or instant: {text}");
            return null;
        },
    };

    /// <summary><c>--server URL</c>: the running service a command asks to act; only an http(s) address parses.</summary>
    public static Option<Uri> Server() => new("--server")
    {
        Description = "the running service",
        HelpName = "URL",
        DefaultValueFactory = _ => new Uri(DefaultBaseUrl),
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                return uri;
            }

            result.AddError($"--server: not an http(s) address: {text}");
            return null;
        },
    };

    /// <summary><c>--api-key KEY</c>; without it the key comes from <c>ESCALATION_API_KEY</c>.</summary>
    public static Option<string> ApiKey() =>
        new("--api-key") { Description = "the service's function key (default: the ESCALATION_API_KEY environment variable)", HelpName = "KEY" };
}

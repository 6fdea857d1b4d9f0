using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Escalation.Core.Sensitive;

/// <summary>
/// The drafting prompt template of a workspace (<c>prompts/draft-reply.md</c>, docs/drafting.md):
/// Markdown with a <c>## System</c> and a <c>## User</c> section and an optional <c>## Revision</c>
/// section, using <c>{{placeholder}}</c>s from <see cref="Placeholders"/>. Text before the first
/// section is a comment for the people who edit the file.
/// </summary>
public sealed partial class ChatPromptTemplate
{
    /// <summary>Where the template lives in a workspace.</summary>
    public const string WorkspacePath = "prompts/draft-reply.md";

    /// <summary>Used when the template has no Revision section.</summary>
    public const string DefaultRevision =
        "The draft above was rejected by our guardrails for these reasons:\n{{violations}}\n\n" +
        "Rewrite the whole reply so that none of these problems remain. Follow every rule of the first message. Reply with the email text only.";

    /// <summary>Placeholders the template may use.</summary>
    public static readonly IReadOnlySet<string> Placeholders = new HashSet<string>(StringComparer.Ordinal)
    {
        "customer_name", "first_name", "subject", "customer_tone", "tone_register", "tone_opening", "brand_voice",
        "sign_off", "max_reading_grade", "case_facts", "policies", "precedents", "playbook", "offer", "review",
        "must_not_promise", "banned_phrases", "violations", "reply_language", "greeting", "ai_disclosure",
    };

    private ChatPromptTemplate(string path, string hash, string system, string user, string revision)
    {
        Path = path;
        Hash = hash;
        System = system;
        User = user;
        Revision = revision;
    }

    public string Path { get; }

    /// <summary>Lowercase hex SHA-256 of the template text.</summary>
    public string Hash { get; }
    public string System { get; }
    public string User { get; }
    public string Revision { get; }

    /// <summary>Lowercase hex SHA-256 of <paramref name="text"/> (UTF-8).</summary>
    public static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Parse and validate a template.</summary>
    /// <exception cref="FormatException">A section is missing or a placeholder is unknown.</exception>
    public static ChatPromptTemplate Parse(string path, string text)
    {
        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var sections = new Dictionary<string, StringBuilder>(StringComparer.OrdinalIgnoreCase);
        StringBuilder? current = null;
        foreach (var line in normalised.Split('\n'))
        {
            var heading = SectionHeading().Match(line);
            if (heading.Success)
            {
                var name = heading.Groups["name"].Value;
                if (sections.ContainsKey(name))
                {
                    throw new FormatException($"{path}: section '## {name}' appears twice");
                }

                current = sections[name] = new StringBuilder();
                continue;
            }

            current?.Append(line).Append('\n');
        }

        string Section(string name, string? fallback = null) =>
            sections.TryGetValue(name, out var sb) && sb.ToString().Trim() is { Length: > 0 } s
                ? s
                : fallback ?? throw new FormatException($"{path}: the '## {name}' section is missing or empty");

        var system = Section("System");
        var user = Section("User");
        var revision = Section("Revision", DefaultRevision);
        foreach (var (name, body) in new[] { ("System", system), ("User", user), ("Revision", revision) })
        {
            foreach (Match m in Placeholder().Matches(body))
            {
                var key = m.Groups["key"].Value;
                if (!Placeholders.Contains(key))
                {
                    throw new FormatException($"{path}: unknown placeholder {{{{{key}}}}} in the {name} section");
                }

                if (key == "violations" && name != "Revision")
                {
                    throw new FormatException($"{path}: {{{{violations}}}} may only be used in the Revision section");
                }
            }
        }

        return new ChatPromptTemplate(path, HashOf(normalised), system, user, revision);
    }

    /// <summary>Replace every <c>{{key}}</c> that has a value; others are left as they are.</summary>
    public static string Substitute(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups["key"].Value, out var v) ? v : m.Value);

    [GeneratedRegex(@"^##\s+(?<name>System|User|Revision)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"\{\{\s*(?<key>[a-z_]+)\s*\}\}")]
    private static partial Regex Placeholder();
}

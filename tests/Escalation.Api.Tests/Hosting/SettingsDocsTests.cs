using System.Reflection;
using System.Text.RegularExpressions;
using Escalation.Api.Hosting;
using Escalation.Infrastructure.Drafting;

namespace Escalation.Api.Tests.Hosting;

/// <summary>The README's settings table and the option classes name the same settings.</summary>
public sealed partial class SettingsDocsTests
{
    private static string Repo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EscalationFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("repository root not found");
    }

    /// <summary>Rows such as <c>| `Escalation:Email:Smtp:Host`, `Port` | …</c>: the later names share the first one's section.</summary>
    private static SortedSet<string> Documented()
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(Repo(), "README.md")).Where(l => l.StartsWith("| `Escalation:", StringComparison.Ordinal)))
        {
            var names = Code().Matches(line.Split('|')[1]).Select(m => m.Groups[1].Value).ToList();
            var section = names[0][..names[0].LastIndexOf(':')];
            keys.UnionWith(names.Select(n => n.StartsWith("Escalation:", StringComparison.Ordinal) ? n : $"{section}:{n}"));
        }

        return keys;
    }

    private static IEnumerable<string> Settings(Type options, string section) =>
        options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && (p.PropertyType == typeof(string) || p.PropertyType.IsValueType))
            .Select(p => $"{section}:{p.Name}");

    private static SortedSet<string> Bound() =>
    [
        .. Settings(typeof(EscalationOptions), EscalationOptions.Section),
        .. Settings(typeof(StorageOptions), StorageOptions.Section),
        .. Settings(typeof(EmailOptions), EmailOptions.Section),
        .. Settings(typeof(SmtpOptions), EmailOptions.Section + ":Smtp"),
        .. Settings(typeof(CallbacksOptions), CallbacksOptions.Section),
        .. Settings(typeof(ActionsOptions), ActionsOptions.Section),
        .. Settings(typeof(SubmissionsOptions), SubmissionsOptions.Section),
        .. Settings(typeof(DraftingOptions), DraftingOptions.Section),
    ];

    [Fact]
    public void ReadmeSettingsTable_EveryBoundSetting_IsDocumented()
    {
        Assert.Empty(Bound().Except(Documented()));
    }

    [Fact]
    public void ReadmeSettingsTable_EveryDocumentedSetting_IsBound()
    {
        // Escalation:Language is the Functions app's (LanguageOptions, tested there).
        Assert.Empty(Documented().Where(k => !k.StartsWith("Escalation:Language:", StringComparison.Ordinal)).Except(Bound()));
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();
}

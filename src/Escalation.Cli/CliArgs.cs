namespace Escalation.Cli;

/// <summary>Minimal option parsing shared by the sub-commands.</summary>
public static class CliArgs
{
    /// <summary>The value after <paramref name="name"/> (<c>--name value</c> or <c>--name=value</c>), or null.</summary>
    public static string? Option(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == name && i + 1 < args.Count)
            {
                return args[i + 1];
            }

            if (args[i].StartsWith(name + "=", StringComparison.Ordinal))
            {
                return args[i][(name.Length + 1)..];
            }
        }

        return null;
    }

    public static bool Flag(IReadOnlyList<string> args, string name) => args.Contains(name);

    /// <summary>Arguments that are neither options nor option values.</summary>
    public static IReadOnlyList<string> Positional(IReadOnlyList<string> args, params string[] optionsWithValues)
    {
        var list = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (optionsWithValues.Contains(args[i]))
            {
                i++;
                continue;
            }

            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                list.Add(args[i]);
            }
        }

        return list;
    }
}

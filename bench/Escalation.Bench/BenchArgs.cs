namespace Escalation.Bench;

/// <summary>
/// The bench's option parsing: a developer's tool with long, free-form drill arguments, so it keeps a few lines of its own
/// rather than the user-facing CLI's System.CommandLine definitions.
/// </summary>
public static class BenchArgs
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

    /// <summary>
    /// The lines of a usage text for one command (every form of it), under the text's first line, or null for an
    /// unknown command: commands are indented by two spaces, their continuation lines by more.
    /// </summary>
    public static string? CommandUsage(string usage, string command)
    {
        var lines = usage.Split('\n');
        var picked = new List<string>();
        var taking = false;
        foreach (var line in lines)
        {
            var trimmed = line.TrimStart();
            var indent = line.Length - trimmed.Length;
            if (indent == 2 && trimmed.Length > 0)
            {
                taking = trimmed.StartsWith(command + " ", StringComparison.Ordinal) || trimmed == command;
            }
            else if (indent < 2)
            {
                taking = false;
            }

            if (taking)
            {
                picked.Add(line.TrimEnd());
            }
        }

        return picked.Count == 0 ? null : lines[0].TrimEnd() + "\n" + string.Join("\n", picked);
    }

    /// <summary>
    /// Answers a request for help from <paramref name="usage"/>: no arguments or <c>help</c> (the whole text), or a command
    /// followed by <c>-h</c>/<c>--help</c> (that command's lines). Returns the exit code then, null when the arguments
    /// ask for no help. "kpis rebuild --help" or "bench --help" must print how to use them, not start them.
    /// </summary>
    public static async Task<int?> HelpAsync(string usage, string[] args, TextWriter stdout)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await stdout.WriteLineAsync(usage);
            return args.Length == 0 ? 2 : 0;
        }

        if (args[1..].Any(a => a is "-h" or "--help") && CommandUsage(usage, args[0]) is { } help)
        {
            await stdout.WriteLineAsync(help);
            return 0;
        }

        return null;
    }
}

namespace Escalation.Cli;

/// <summary>The <c>escalation</c> command: one verb per sub-command.</summary>
public static class CliApp
{
    public const string Usage = """
        usage: escalation <command> [options]

        commands:
          workspace [--workspace DIR]   load and validate a workspace, print its version
          triage FILE... [--json] [--now ISO] [--workspace DIR] [--drafter composer|model]
                                        decide each ticket file and print its route and reasons
          signals [--input FILE] [--evidence]
                                        JSON Lines {"id","text"} in (stdin or FILE), one JSON line of signals out per input
          kpis [--data DIR] [--now ISO] [--json] [--no-consistency]
                                        KPI summary from a data directory's case index
          kpis rebuild (--connection-string CS | --account NAME) [--table cases]
                                        recompute the Azure index's KPI counters from its case rows (docs/kpis.md)
          verify <traceId|file> [--data DIR]
                                        recompute a case's trace hash chain (or one exported trace); exit 1 where it breaks
          verify --data DIR             the whole store: damaged ranges of the record log, every case's chain
          simulate --candidate DIR [--baseline DIR] (--data DIR | --tickets GLOB) [--since DATE] [--now ISO]
                   [--json] [--html FILE] [--base-url URL] [--fail-on new-auto-sends,risky-flips,flips]
                                        decide past cases again with a changed workspace: what flips, and why
          gaps [--data DIR] [--since DATE] [--json] [--base-url URL]
                                        where reviewers overrule the agent: by policy, reason code, playbook, priority
          resume CASE_ID... | --all [--server URL] [--api-key KEY]
                                        a running service tries the failed step of needs-attention cases now
                                        (key also from ESCALATION_API_KEY; default server http://localhost:7071)
          erase --customer ID --by NAME [--reference REF] [--server URL] [--api-key KEY]
                                        a running service erases a customer's personal data from all their cases;
                                        every trace chain still verifies (docs/privacy.md)

        bench, drill and cost are commands of escalation-bench (bench/Escalation.Bench).
        """;

    /// <summary>The commands that moved to <c>escalation-bench</c>: asked here, they say where they went.</summary>
    public static readonly IReadOnlySet<string> MovedToBench = new HashSet<string>(StringComparer.Ordinal) { "bench", "drill", "cost" };

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

    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        if (await HelpAsync(Usage, args, stdout) is { } helped)
        {
            return helped;
        }

        var rest = args[1..];

        switch (args[0])
        {
            case "workspace":
                return await WorkspaceCommand.RunAsync(rest, stdout, stderr);
            case "triage":
                return await TriageCommand.RunAsync(rest, stdout, stderr, TriageDetector.Default, !Console.IsErrorRedirected);
            case "signals":
                return await SignalsCommand.RunAsync(rest, stdin, stdout, stderr);
            case "kpis":
                return await KpiCommand.RunAsync(rest, stdout, stderr);
            case "verify":
                return await VerifyCommand.RunAsync(rest, stdout, stderr);
            case "simulate":
                return await SimulateCommand.RunAsync(rest, stdout, stderr, !Console.IsErrorRedirected);
            case "gaps":
                return await GapsCommand.RunAsync(rest, stdout, stderr);
            case "resume":
                return await ResumeCommand.RunAsync(rest, stdout, stderr);
            case "erase":
                return await EraseCommand.RunAsync(rest, stdout, stderr);
            case var moved when MovedToBench.Contains(moved):
                await stderr.WriteLineAsync($"'{moved}' moved to escalation-bench: dotnet run --project bench/Escalation.Bench -c Release -- {moved} ...");
                return 2;
            default:
                await stderr.WriteLineAsync($"unknown command '{args[0]}'\n{Usage}");
                return 2;
        }
    }
}

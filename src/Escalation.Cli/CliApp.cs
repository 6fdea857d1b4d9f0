using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using Escalation.Core.Decisions;

namespace Escalation.Cli;

/// <summary>
/// The <c>escalation</c> command: one sub-command per verb, defined with System.CommandLine, so every command has
/// <c>--help</c>, every option is checked before anything runs, and a usage error exits 2 with what was wrong and the
/// command's help on standard error.
/// </summary>
public static class CliApp
{
    /// <summary>The commands that moved to <c>escalation-bench</c>: asked here, they say where they went.</summary>
    public static readonly IReadOnlySet<string> MovedToBench = new HashSet<string>(StringComparer.Ordinal) { "bench", "drill", "cost" };

    /// <summary>The command tree.</summary>
    public static RootCommand Build(CliHost host)
    {
        var root = new RootCommand(
            "Escalation Functions from the command line: decide ticket files, read a data folder's KPIs and review gaps, "
            + "verify trace chains, simulate a workspace change, and ask a running service to resume or erase. "
            + "bench, drill and cost are commands of escalation-bench (bench/Escalation.Bench).")
        {
            WorkspaceCommand.Create(),
            TriageCommand.Create(host),
            SignalsCommand.Create(host),
            KpiCommand.Create(),
            VerifyCommand.Create(),
            SimulateCommand.Create(host),
            GapsCommand.Create(),
            ResumeCommand.Create(host),
            EraseCommand.Create(host),
        };
        root.HelpName = "escalation"; // the help says how to call it however it was started (dotnet run, the apphost, a test)
        return root;
    }

    /// <summary>Runs a command line with the embedded reading and no terminal (no progress bars).</summary>
    public static Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, stdout, stderr, new CliHost(stdin, CaseDetectors.Embedded, Interactive: false));

    /// <summary>
    /// Runs a command line: 0 or the command's own exit code; 2 on a usage error (each error, then the command's help,
    /// on <paramref name="stderr"/>) or for a command that moved to <c>escalation-bench</c>.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CliHost host)
    {
        if (args.Length > 0 && MovedToBench.Contains(args[0]))
        {
            await stderr.WriteLineAsync($"'{args[0]}' moved to escalation-bench: dotnet run --project bench/Escalation.Bench -c Release -- {args[0]} ...");
            return 2;
        }

        var root = Build(host);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not HelpAction)
        {
            foreach (var error in parsed.Errors)
            {
                await stderr.WriteLineAsync(error.Message);
            }

            await stderr.WriteLineAsync();
            await root.Parse([.. CommandPath(parsed.CommandResult), "--help"]).InvokeAsync(new InvocationConfiguration { Output = stderr });
            return 2;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
    }

    /// <summary>The sub-command names from the root to <paramref name="result"/> ("kpis", "rebuild").</summary>
    private static IEnumerable<string> CommandPath(CommandResult result)
    {
        var names = new Stack<string>();
        for (var r = result; r.Parent is CommandResult parent; r = parent)
        {
            names.Push(r.Command.Name);
        }

        return names;
    }
}

using System.CommandLine;
using Escalation.Core.Knowledge;
using Escalation.Infrastructure.Hosting;
using Escalation.Infrastructure.Workspace;

namespace Escalation.Cli;

/// <summary><c>escalation workspace</c>: load, validate and summarise a workspace.</summary>
public static class WorkspaceCommand
{
    public static Command Create()
    {
        var workspace = CliOptions.Workspace();
        var command = new Command("workspace", "load and validate a workspace, print its version and policies") { workspace };
        command.SetAction(parse => RunAsync(parse.GetValue(workspace)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    public static async Task<int> RunAsync(string dir, TextWriter stdout, TextWriter stderr)
    {
        var path = WorkspaceLocator.Resolve(dir);
        try
        {
            var ws = await WorkspaceLoader.LoadFolderAsync(path);
            await stdout.WriteLineAsync($"{ws.Version}  {ws.Policies.Count} policies, {ws.Customers.Count} customers, {ws.Precedents.Count} precedents, {ws.Playbooks.Count} playbooks");
            foreach (var p in ws.Policies)
            {
                await stdout.WriteLineAsync($"  {p.Id}@{p.Version}  {p.Title}");
            }

            return 0;
        }
        catch (Exception ex) when (ex is WorkspaceValidationException or DirectoryNotFoundException)
        {
            await stderr.WriteLineAsync(ex.Message);
            return 1;
        }
    }
}

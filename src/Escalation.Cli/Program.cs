using Escalation.Cli;

return await CliApp.RunAsync(args, Console.Out, Console.Error, CliHost.FromConsole());

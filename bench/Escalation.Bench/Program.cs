using Escalation.Bench;

return await BenchApp.RunAsync(args, Console.Out, Console.Error);

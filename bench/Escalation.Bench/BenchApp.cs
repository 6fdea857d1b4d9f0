
namespace Escalation.Bench;

/// <summary>The <c>escalation-bench</c> command: the performance bench, the fault drills' client and the Azure cost model.</summary>
public static class BenchApp
{
    public const string Usage = """
        usage: escalation-bench <command> [options]

        commands:
          bench [--seconds N] [--http-seconds N] [--quick] [--server URL | --no-http] [--signals-only | --http-only]
                                        signals/s, pipeline µs/case, durable cases/s vs an fsync loop, engine overhead,
                                        trace writes/s, memory per 1,000 waiting cases, HTTP latency at 1/10/50 clients
                                        (--http-seconds: window per client count, default 10)
          bench --scale N [--minutes M] [--clients C] [--data DIR]
                                        N finished cases in a data folder, then the local server on it: start-up, working
                                        set, list-page and summary latency under C clients (default 10) for M minutes (10)
          cost [--model-tokens IN,OUT]  € per case per route on Azure (counts from the real case workflow; docs/costs.md)
          drill receiver|submit|verify|fuzz|tokens|store-seed|store-flip|store-check|reviewers ...
                                        client side of the fault drills in bench/drills/
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (await BenchArgs.HelpAsync(Usage, args, stdout) is { } helped)
        {
            return helped; // "bench --help" prints how to use the bench, not a run of several minutes
        }

        var rest = args[1..];

        switch (args[0])
        {
            case "bench":
                return await BenchCommand.RunAsync(rest, stdout, stderr);
            case "cost":
                return await CostCommand.RunAsync(rest, stdout, stderr);
            case "drill":
                return await BenchDrill.RunAsync(rest, stdout, stderr);
            default:
                await stderr.WriteLineAsync($"unknown command '{args[0]}'\n{Usage}");
                return 2;
        }
    }
}

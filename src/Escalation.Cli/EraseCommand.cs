using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Escalation.Cli;

/// <summary>
/// <c>escalation erase --customer ID --by NAME [--reference REF] [--server URL] [--api-key KEY]</c>: asks a running service
/// (the local server or the Functions app) to erase a customer's personal data from all their cases
/// (<c>POST /api/customers/{id}/erasure</c>, docs/privacy.md) and prints each case erased with its erasure record's audit id.
/// Exit 0 when erased, 1 when refused (cases still open, no case of the customer), 2 on bad usage or when the service
/// cannot be reached.
/// </summary>
public static class EraseCommand
{
    private const string Usage = "usage: escalation erase --customer ID --by NAME [--reference REF] [--server URL] [--api-key KEY]";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, HttpMessageHandler? handler = null)
    {
        var customer = CliArgs.Option(args, "--customer");
        var by = CliArgs.Option(args, "--by");
        if (customer is not { Length: > 0 } || by is not { Length: > 0 } || CliArgs.Positional(args, "--customer", "--by", "--reference", "--server", "--api-key").Count > 0)
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        using var http = await ServiceClient.CreateAsync(args, stderr, handler);
        if (http is null)
        {
            return 2;
        }

        try
        {
            var body = new Dictionary<string, string> { ["requestedBy"] = by };
            if (CliArgs.Option(args, "--reference") is { } reference)
            {
                body["reference"] = reference;
            }

            using var response = await http.PostAsJsonAsync($"/api/customers/{Uri.EscapeDataString(customer)}/erasure", body);
            switch (response.StatusCode)
            {
                case HttpStatusCode.Unauthorized:
                    throw ServiceClient.KeyWanted();
                case HttpStatusCode.OK:
                    var result = await response.Content.ReadFromJsonAsync<JsonElement>();
                    var cases = result.GetProperty("cases").EnumerateArray().ToList();
                    foreach (var c in cases)
                    {
                        var fresh = c.GetProperty("keyDestroyed").GetBoolean() ? "erased" : "already erased";
                        await stdout.WriteLineAsync($"{c.GetProperty("caseId").GetString()}: {fresh}; record {c.GetProperty("traceId").GetString()}; {c.GetProperty("outboxMessagesRemoved").GetInt32()} outbox message(s) removed");
                    }

                    await stdout.WriteLineAsync($"customer {customer}: personal data erased from {cases.Count} case(s); every trace chain still verifies");
                    return 0;
                case HttpStatusCode.BadRequest:
                    await stderr.WriteLineAsync($"erase: refused: {await ServiceClient.DetailAsync(response)}");
                    return 2;
                default:
                    await stdout.WriteLineAsync($"customer {customer}: not erased ({(int)response.StatusCode}) {await ServiceClient.DetailAsync(response)}");
                    return 1;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"erase: {http.BaseAddress}: {ex.Message}");
            return 2;
        }
    }
}

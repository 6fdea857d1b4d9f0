using System.CommandLine;
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
    public static Command Create(CliHost host)
    {
        var customer = NonEmpty(new Option<string>("--customer") { Description = "the customer id whose personal data is erased", HelpName = "ID", Required = true });
        var by = NonEmpty(new Option<string>("--by") { Description = "who asked for the erasure (recorded in every erasure trace)", HelpName = "NAME", Required = true });
        var reference = new Option<string>("--reference") { Description = "the request's reference (a ticket or DSAR number)", HelpName = "REF" };
        var server = CliOptions.Server();
        var apiKey = CliOptions.ApiKey();
        var command = new Command("erase", "a running service erases a customer's personal data from all their cases; every trace chain still verifies (docs/privacy.md)")
        {
            customer, by, reference, server, apiKey,
        };
        command.SetAction(async parse =>
        {
            using var http = ServiceClient.Create(parse.GetValue(server)!, parse.GetValue(apiKey), host.Http);
            return await RunAsync(http, new ErasureAsk(parse.GetValue(customer)!, parse.GetValue(by)!, parse.GetValue(reference)), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        });
        return command;
    }

    /// <summary>Whose data, asked by whom, under which reference.</summary>
    public sealed record ErasureAsk(string Customer, string By, string? Reference);

    private static Option<string> NonEmpty(Option<string> option)
    {
        option.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError($"{option.Name}: must not be empty");
            }
        });
        return option;
    }

    public static async Task<int> RunAsync(HttpClient http, ErasureAsk ask, TextWriter stdout, TextWriter stderr)
    {
        var customer = ask.Customer;
        try
        {
            var body = new Dictionary<string, string> { ["requestedBy"] = ask.By };
            if (ask.Reference is { } reference)
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

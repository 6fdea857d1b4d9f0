using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MimeKit;

namespace Escalation.Server.Tests;

/// <summary>The same service on Azure Storage (Azurite started by test.sh): case index in Tables, traces, artifacts and workflow history in Blobs.</summary>
public sealed class AzureStorageEndToEndTests
{
    [SkippableFact]
    public async Task Server_OnAzureStorage_DecidesReviewsAndVerifiesACase()
    {
        var connection = Environment.GetEnvironmentVariable("ESCALATION_TEST_AZURITE");
        Skip.If(string.IsNullOrEmpty(connection), "ESCALATION_TEST_AZURITE is not set (test.sh starts Azurite and sets it).");
        using var helpDesk = new CallbackReceiver(); // the approved refund is executed through the help desk before the reply
        await using var server = await ServerProcess.StartAsync(settings: new Dictionary<string, string>
        {
            ["Escalation__Storage__Provider"] = "azure",
            ["Escalation__Storage__ConnectionString"] = connection!,
            ["Escalation__LinkSigningKey"] = "base64:" + Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 7 + 3)).ToArray()),
            ["Escalation__Callbacks__SigningKey"] = "a-shared-secret-for-the-test-help-desk",
            [CallbackReceiver.AllowLoopback.Key] = CallbackReceiver.AllowLoopback.Value,
        });
        var ticketId = $"AZ-{Guid.NewGuid():N}"[..16];

        var submitted = await server.Client.PostAsync("/api/cases?wait=10", new StringContent(SampleTickets.Load("07-refund-within-window-above-cap.json", helpDesk.Url, ticketId), Encoding.UTF8, "application/json"));
        var caseId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()!;
        var link = await ReviewLinkAsync(server, caseId);
        var token = Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
        var approved = await server.Client.PostAsync($"/api/review/{caseId}", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["action"] = "approve" }));
        approved.EnsureSuccessStatusCode();

        JsonElement settled = default;
        for (var i = 0; i < 200; i++)
        {
            settled = await server.Client.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
            if (settled.GetProperty("status").GetString() == "sent")
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal("sent", settled.GetProperty("status").GetString());
        var events = helpDesk.Received.Select(r => r.Note.TryGetProperty("event", out var e) ? e.GetString() : null).ToList();
        Assert.True(events.IndexOf("actions") >= 0 && events.IndexOf("actions") < events.IndexOf("reply-sent"), string.Join(", ", events));
        var traceId = settled.GetProperty("auditUrl").GetString()!.Split('/')[^1];
        var verify = await server.Client.GetFromJsonAsync<JsonElement>($"/api/audit/{traceId}/verify");
        Assert.True(verify.GetProperty("verification").GetProperty("ok").GetBoolean());
        Assert.Equal(2, verify.GetProperty("verification").GetProperty("length").GetInt32());
        Assert.False(Directory.Exists(Path.Combine(server.DataDirectory, "cases")), "the case index must be in Azure Tables, not in files");
    }

    [SkippableFact]
    public async Task EraseCommand_OnAzureStorage_BlobsHoldNothingReadableOfTheCustomerAndTheChainVerifies()
    {
        var connection = Environment.GetEnvironmentVariable("ESCALATION_TEST_AZURITE");
        Skip.If(string.IsNullOrEmpty(connection), "ESCALATION_TEST_AZURITE is not set (test.sh starts Azurite and sets it).");
        await using var server = await ServerProcess.StartAsync(settings: new Dictionary<string, string>
        {
            ["Escalation__Storage__Provider"] = "azure",
            ["Escalation__Storage__ConnectionString"] = connection!,
            ["Escalation__ClockStart"] = SampleClockServerFixture.EvaluationInstant,
            ["Escalation__LinkSigningKey"] = "base64:" + Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 5 + 1)).ToArray()),
            ["Escalation__Callbacks__SigningKey"] = "a-shared-secret-for-the-test-help-desk",
        });
        var marker = "Hollerbeck" + Guid.NewGuid().ToString("N")[..6];
        var customerId = "cus-az-" + Guid.NewGuid().ToString("N")[..10];
        var submitted = await server.Client.PostAsync("/api/cases?wait=10", new StringContent(
            ErasureTests.Ticket("10-legal-threat-small-claims-regulator.json", customerId, marker, $"AZE-{Guid.NewGuid():N}"[..16]), Encoding.UTF8, "application/json"));
        var caseId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()!;
        for (var i = 0; i < 200 && (await server.Client.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}")).GetProperty("status").GetString() != "escalated"; i++)
        {
            await Task.Delay(100);
        }

        var blobs = new Azure.Storage.Blobs.BlobServiceClient(connection);
        async Task<List<string>> BlobsOfTheCaseAsync(Func<string, bool> holds)
        {
            var found = new List<string>();
            await foreach (var container in blobs.GetBlobContainersAsync())
            {
                var client = blobs.GetBlobContainerClient(container.Name);
                await foreach (var blob in client.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix: null, cancellationToken: default))
                {
                    if (blob.Name.Contains(caseId, StringComparison.Ordinal) && holds((await client.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString()))
                    {
                        found.Add($"{container.Name}/{blob.Name}");
                    }
                }
            }

            return found;
        }

        // The case's blobs are there, and none of them holds the customer's name in the clear: sealed from the start.
        Assert.NotEmpty(await BlobsOfTheCaseAsync(_ => true));
        Assert.Empty(await BlobsOfTheCaseAsync(text => text.Contains(marker, StringComparison.OrdinalIgnoreCase)));
        var before = await server.Client.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Contains(marker, before.GetProperty("draft").GetString(), StringComparison.Ordinal);

        var stdout = new StringWriter();
        var exit = await Escalation.Cli.CliApp.RunAsync(["erase", "--customer", customerId, "--by", "dpo@lumen.example", "--reference", "AZ-REQ-1", "--server", server.BaseUrl], TextReader.Null, stdout, new StringWriter());

        Assert.True(exit == 0, stdout.ToString());
        Assert.Contains($"{caseId}: erased", stdout.ToString(), StringComparison.Ordinal);
        var after = await server.Client.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.False(after.TryGetProperty("draft", out var draft) && draft.ValueKind == JsonValueKind.String, after.ToString());
        var traceId = after.GetProperty("auditUrl").GetString()!.Split('/')[^1];
        var verify = await server.Client.GetFromJsonAsync<JsonElement>($"/api/audit/{traceId}/verify");
        Assert.True(verify.GetProperty("verification").GetProperty("ok").GetBoolean(), verify.ToString());
        var keyRow = await new Azure.Data.Tables.TableClient(connection, "casekeys").GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>(caseId, "key");
        Assert.False(keyRow.HasValue, "the case key must be deleted from the casekeys table");
    }

    private static async Task<string> ReviewLinkAsync(ServerProcess server, string caseId)
    {
        for (var i = 0; i < 200; i++)
        {
            var file = Directory.Exists(server.OutboxDirectory) ? Directory.GetFiles(server.OutboxDirectory, caseId + "*review*.eml", SearchOption.AllDirectories).FirstOrDefault() : null;
            if (file is not null)
            {
                var message = await MimeMessage.LoadAsync(file);
                return System.Text.RegularExpressions.Regex.Match(message.TextBody ?? "", @"https?://\S+/api/review/\S+").Value;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("no review email for " + caseId);
    }
}

using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Escalation.Server.Tests;

public sealed class PublicBaseUrlTests
{
    [Fact]
    public async Task AuditUrl_WithoutPublicBaseUrl_PointsAtTheAddressTheServerListensOn()
    {
        await using var server = await ServerProcess.StartAsync(settings: new Dictionary<string, string> { ["Escalation__PublicBaseUrl"] = "" });
        var json = SampleTickets.Load("13-chargeback-threat.json", ticketId: "BASE-1");

        var submitted = await server.Client.PostAsync("/api/cases", new StringContent(json, Encoding.UTF8, "application/json"));
        var caseId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString();
        JsonElement view;
        var until = DateTime.UtcNow.AddSeconds(30);
        do
        {
            await Task.Delay(100);
            view = await server.Client.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        }
        while (!view.TryGetProperty("auditUrl", out _) && DateTime.UtcNow < until);

        Assert.StartsWith($"http://127.0.0.1:{server.Port}/api/audit/", view.GetProperty("auditUrl").GetString());
        Assert.StartsWith($"http://127.0.0.1:{server.Port}/api/public/audit/", view.GetProperty("publicAuditUrl").GetString());
    }
}

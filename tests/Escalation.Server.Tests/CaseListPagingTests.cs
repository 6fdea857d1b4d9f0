using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Escalation.Server.Tests;

/// <summary>GET /api/cases a page at a time.</summary>
public sealed class CaseListPagingTests
{
    [Fact]
    public async Task ListCases_WithLimit_PagesNewestFirstWithAContinuationAndRejectsBadParameters()
    {
        await using var server = await ServerProcess.StartAsync();
        foreach (var id in new[] { "PAGE-1", "PAGE-2", "PAGE-3" })
        {
            var json = SampleTickets.Load("13-chargeback-threat.json", ticketId: id);
            Assert.True((await server.Client.PostAsync("/api/cases", new StringContent(json, Encoding.UTF8, "application/json"))).IsSuccessStatusCode);
        }

        var first = await server.Client.GetFromJsonAsync<JsonElement>("/api/cases?limit=2");
        var token = first.GetProperty("continuation").GetString();
        Assert.NotNull(token);
        var second = await server.Client.GetFromJsonAsync<JsonElement>($"/api/cases?limit=2&continuation={token}");

        var ids = first.GetProperty("cases").EnumerateArray().Concat(second.GetProperty("cases").EnumerateArray())
            .Select(c => c.GetProperty("ticketId").GetString()).ToArray();
        Assert.Equal(2, first.GetProperty("cases").GetArrayLength());
        Assert.Equal(["PAGE-1", "PAGE-2", "PAGE-3"], ids.Order());
        Assert.False(second.TryGetProperty("continuation", out _)); // the last page

        var badLimit = await server.Client.GetAsync("/api/cases?limit=0");
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
        Assert.Contains("limit", await badLimit.Content.ReadAsStringAsync());
        var badToken = await server.Client.GetAsync("/api/cases?continuation=nonsense");
        Assert.Equal(HttpStatusCode.BadRequest, badToken.StatusCode);
        Assert.Contains("continuation", await badToken.Content.ReadAsStringAsync());
    }
}

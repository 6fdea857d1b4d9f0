using System.Text.Json.Nodes;

namespace Escalation.Server.Tests;

/// <summary>The sample tickets and the route samples/tickets/README.md says each should reach.</summary>
public static class SampleTickets
{
    public static string Folder => Path.Combine(ServerProcess.RepoRoot(), "samples", "tickets");

    /// <summary>(file name, intended route) from the README's table.</summary>
    public static IReadOnlyList<(string File, string Route)> Expected() =>
        File.ReadAllLines(Path.Combine(Folder, "README.md"))
            .Where(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains(".json", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .Select(cells => (cells[1], cells[4]))
            .ToArray();

    /// <summary>A sample ticket with its callback pointed at <paramref name="callbackUrl"/> and, optionally, a new ticket id.</summary>
    public static string Load(string file, string? callbackUrl = null, string? ticketId = null)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, file)))!.AsObject();
        if (callbackUrl is not null)
        {
            node["callbackUrl"] = callbackUrl;
        }
        else
        {
            node.Remove("callbackUrl");
        }

        if (ticketId is not null)
        {
            node["ticketId"] = ticketId;
        }

        return node.ToJsonString();
    }
}

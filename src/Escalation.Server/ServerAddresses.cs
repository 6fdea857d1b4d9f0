using System.Net;

namespace Escalation.Server;

/// <summary>What the server's listening addresses mean for the API key and for the links it hands out.</summary>
internal static class ServerAddresses
{
    /// <summary>True when <paramref name="url"/> (as in <c>--urls</c> or as bound) accepts connections from this machine only.</summary>
    public static bool IsLoopback(string url)
    {
        var host = Host(url);
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip));
    }

    /// <summary>
    /// The base of links when <c>Escalation:PublicBaseUrl</c> is not set: the first address, with a wildcard or
    /// unspecified host (<c>0.0.0.0</c>, <c>[::]</c>, <c>*</c>, <c>+</c>) written as <c>localhost</c>.
    /// </summary>
    public static string PublicBase(IEnumerable<string> urls)
    {
        if (!Uri.TryCreate(Normalized(urls.First()), UriKind.Absolute, out var uri))
        {
            return "http://localhost:7071"; // not a URL: Kestrel refuses it at start with its own message
        }

        var host = uri.Host.Trim('[', ']');
        var shown = IPAddress.TryParse(host, out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)) ? "localhost" : uri.Host;
        return new UriBuilder(uri) { Host = shown }.Uri.GetLeftPart(UriPartial.Authority);
    }

    private static string Host(string url) => new Uri(Normalized(url)).Host.Trim('[', ']');

    // Kestrel's wildcard hosts are not URI hosts; both mean every interface.
    private static string Normalized(string url) => url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
}

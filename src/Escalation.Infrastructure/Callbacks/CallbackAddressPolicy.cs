using System.Net;
using System.Net.Sockets;

namespace Escalation.Infrastructure.Callbacks;

/// <summary>
/// Which addresses a help-desk callback may connect to. A callback URL comes from the submitter, so by default only
/// public addresses are reached: loopback, link-local (cloud metadata at 169.254.169.254), private, shared, multicast
/// and reserved ranges are refused, judged on the address the host name resolved to (a name that resolves to
/// 127.0.0.1 is refused like 127.0.0.1). <c>Escalation:Callbacks:AllowedHosts</c> lets a help desk on a private
/// network through: host names (matched as written in the URL), addresses, and ranges such as <c>10.2.0.0/16</c>.
/// </summary>
public sealed class CallbackAddressPolicy
{
    // Never a help desk's address. IPv6 forms that embed an IPv4 address (mapped, NAT64, 6to4) are judged by that address.
    private static readonly IPNetwork[] Refused =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("224.0.0.0/3"),
        IPNetwork.Parse("168.63.129.16/32"), // Azure's host endpoint (DHCP, DNS, health probes) seen from every VM
        IPNetwork.Parse("::/96") /* unspecified, loopback, IPv4-compatible */, IPNetwork.Parse("100::/64"), IPNetwork.Parse("fc00::/7"),
        IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("fec0::/10"), IPNetwork.Parse("ff00::/8"),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    private readonly HashSet<string> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<IPNetwork> _networks = [];

    /// <param name="allowedHosts">Host names, IP addresses or CIDR ranges let through although not public.</param>
    public CallbackAddressPolicy(IEnumerable<string>? allowedHosts = null)
    {
        foreach (var entry in allowedHosts ?? [])
        {
            var value = entry.Trim().Trim('[', ']');
            if (value.Length == 0)
            {
                continue;
            }

            if (IPNetwork.TryParse(value, out var network))
            {
                _networks.Add(network);
            }
            else if (IPAddress.TryParse(value, out var address))
            {
                _networks.Add(new IPNetwork(Normalize(address), Normalize(address).AddressFamily == AddressFamily.InterNetwork ? 32 : 128));
            }
            else if (Uri.CheckHostName(value) == UriHostNameType.Dns)
            {
                _hosts.Add(value.TrimEnd('.'));
            }
            else
            {
                throw new InvalidOperationException($"Escalation:Callbacks:AllowedHosts: \"{entry}\" is neither a host name, an IP address nor a range such as 10.0.0.0/8.");
            }
        }
    }

    /// <summary>Only public addresses.</summary>
    public static CallbackAddressPolicy PublicOnly { get; } = new();

    /// <summary>Whether a connection to <paramref name="address"/>, resolved from the URL's <paramref name="host"/>, may be made.</summary>
    public bool Allows(string host, IPAddress address)
    {
        var ip = Normalize(address);
        return _hosts.Contains(host.TrimEnd('.')) || _networks.Any(n => n.Contains(ip)) || IsPublic(ip);
    }

    /// <summary>False for loopback, link-local, private, shared, multicast and reserved addresses.</summary>
    public static bool IsPublic(IPAddress address)
    {
        var ip = Normalize(address);
        if (ip.AddressFamily == AddressFamily.InterNetworkV6 && (Nat64.Contains(ip) || SixToFour.Contains(ip)))
        {
            var bytes = ip.GetAddressBytes();
            var embedded = SixToFour.Contains(ip) ? bytes[2..6] : bytes[12..16];
            return IsPublic(new IPAddress(embedded));
        }

        return !Refused.Any(n => n.Contains(ip));
    }

    /// <summary>IPv4-mapped IPv6 (<c>::ffff:127.0.0.1</c>) as the IPv4 address it stands for.</summary>
    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}

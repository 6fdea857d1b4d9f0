using System.Net;
using System.Net.Sockets;

namespace Escalation.Infrastructure.Callbacks;

/// <summary>
/// The HTTP handler help-desk callbacks are sent through. The address is checked when the connection is made, on the
/// address the name resolved to, so a name that resolves to a public address for a check and to an internal one for
/// the connection (DNS rebinding) gains nothing. Redirects are not followed (a public host could point the POST back
/// inside), and no proxy is used (the check would then judge the proxy, not the help desk).
/// </summary>
public static class CallbackHttpHandler
{
    /// <summary>A handler that connects only where <paramref name="policy"/> allows.</summary>
    public static SocketsHttpHandler Create(CallbackAddressPolicy policy) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = (context, ct) => ConnectAsync(policy, context.DnsEndPoint, ct),
    };

    private static async ValueTask<Stream> ConnectAsync(CallbackAddressPolicy policy, DnsEndPoint endpoint, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, ct).ConfigureAwait(false);
        var allowed = addresses.Where(a => policy.Allows(endpoint.Host, a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new CallbackAddressRefusedException(endpoint.Host, addresses);
        }

        Exception? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), ct).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last!;
    }
}

/// <summary>A callback whose host resolved only to addresses the <see cref="CallbackAddressPolicy"/> refuses.</summary>
public sealed class CallbackAddressRefusedException(string host, IReadOnlyList<IPAddress> addresses)
    : IOException($"The callback host '{host}' resolves to {(addresses.Count == 0 ? "no address" : string.Join(", ", addresses))}, which is not a public address; add it to Escalation:Callbacks:AllowedHosts if the help desk is there.");

using System.Net;

namespace Escalation.Bench;

/// <summary>
/// A help desk on loopback for the review drills: answers every callback (actions, replies) with 200, so an approved
/// refund is executed and its reply sent, as with a real help desk. The server must allow 127.0.0.1 callbacks.
/// </summary>
public sealed class DrillHelpDesk : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();

    public DrillHelpDesk()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/hook";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _ = Task.Run(AnswerAsync);
    }

    /// <summary>The callback URL to put on the drill's tickets.</summary>
    public string Url { get; }

    /// <summary>Callbacks answered so far.</summary>
    public int Received => Volatile.Read(ref _received);

    private int _received;

    private async Task AnswerAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Interlocked.Increment(ref _received);
            ctx.Response.StatusCode = 200;
            ctx.Response.Close();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }
}

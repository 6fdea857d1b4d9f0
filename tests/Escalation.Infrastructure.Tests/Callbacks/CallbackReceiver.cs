using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Escalation.Infrastructure.Tests.Callbacks;

/// <summary>A real HTTP endpoint on 127.0.0.1 standing in for the help desk; answers each request as told.</summary>
internal sealed class CallbackReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<int, (int Status, string? RetryAfter)> _answer;
    private readonly Task _loop;

    public CallbackReceiver(Func<int, (int Status, string? RetryAfter)> answer)
    {
        _answer = answer;
        for (var tries = 0; ; tries++)
        {
            var port = FreePort();
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                _listener.Start();
                Url = $"http://127.0.0.1:{port}/hooks/escalation";
                break;
            }
            catch (HttpListenerException) when (tries < 5)
            {
            }
        }

        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; private set; } = "";

    /// <summary>The <c>Location</c> header sent with each answer, for a help desk that redirects.</summary>
    public string? Location { get; init; }

    public ConcurrentQueue<ReceivedCallback> Received { get; } = new();

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            Received.Enqueue(new ReceivedCallback(
                DateTimeOffset.UtcNow,
                context.Request.HttpMethod,
                context.Request.ContentType,
                context.Request.Headers["X-Escalation-Signature"],
                context.Request.Headers["Idempotency-Key"],
                body.ToArray()));
            var (status, retryAfter) = _answer(Received.Count);
            context.Response.StatusCode = status;
            if (retryAfter is not null)
            {
                context.Response.Headers["Retry-After"] = retryAfter;
            }

            if (Location is not null)
            {
                context.Response.RedirectLocation = Location;
            }

            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose()
    {
        try
        {
            _listener.Stop();
            _listener.Close();
        }
        catch (HttpListenerException)
        {
            // Close binds the freed port again to remove its prefix; another process may have taken it (see the server
            // tests' receiver). The listener is stopped: nothing is left to free.
        }

        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}

internal sealed record ReceivedCallback(DateTimeOffset At, string Method, string? ContentType, string? Signature, string? IdempotencyKey, byte[] Body);

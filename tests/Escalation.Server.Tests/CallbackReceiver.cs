using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace Escalation.Server.Tests;

/// <summary>A help desk's webhook endpoint on loopback: records every internal note the service posts.</summary>
public sealed class CallbackReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public CallbackReceiver()
    {
        Port = ServerProcess.FreePort();
        Url = $"http://127.0.0.1:{Port}/hooks/escalation/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }
    public string Url { get; }

    /// <summary>Every POST received: idempotency key, signature header and the JSON note.</summary>
    public ConcurrentQueue<(string Key, string? Signature, JsonElement Note)> Received { get; } = new();

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            Received.Enqueue((context.Request.Headers["Idempotency-Key"] ?? "", context.Request.Headers["X-Escalation-Signature"], JsonDocument.Parse(body).RootElement.Clone()));
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }
}

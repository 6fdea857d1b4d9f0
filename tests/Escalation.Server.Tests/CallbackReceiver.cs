using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace Escalation.Server.Tests;

/// <summary>A help desk's webhook endpoint on loopback: records every internal note the service posts.</summary>
public sealed class CallbackReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly string? _redirectTo;

    /// <summary>The server setting that lets callbacks reach a receiver on loopback (refused by default).</summary>
    public static readonly KeyValuePair<string, string> AllowLoopback = new("Escalation__Callbacks__AllowedHosts", "127.0.0.1");

    /// <param name="redirectTo">When given, every POST is answered 307 to this URL instead of 200.</param>
    public CallbackReceiver(string? redirectTo = null)
    {
        _redirectTo = redirectTo;
        Port = ServerProcess.FreePort();
        Url = $"http://127.0.0.1:{Port}/hooks/escalation/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>The status every POST is answered with (when not redirecting): 200 unless a test makes the receiver fail.</summary>
    public int AnswerStatus { get; set; } = 200;

    public int Port { get; }
    public string Url { get; }

    /// <summary>Every POST received: idempotency key, signature header and the JSON note.</summary>
    public ConcurrentQueue<(string Key, string? Signature, JsonElement Note)> Received { get; } = new();

    /// <summary>Awaited with each note before it is answered: a test holds a callback (the service waits on it) this way.</summary>
    public Func<JsonElement, Task>? BeforeAnswer { get; set; }

    /// <summary>When each idempotency key was first answered with 200 (<see cref="TimeProvider.GetTimestamp"/>).</summary>
    public ConcurrentDictionary<string, long> FirstAnswered { get; } = new();

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

            // Each request on its own task, as a help desk's web endpoint answers them: a slow one never queues the rest.
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var key = context.Request.Headers["Idempotency-Key"] ?? "";
            var note = JsonDocument.Parse(body).RootElement.Clone();
            Received.Enqueue((key, context.Request.Headers["X-Escalation-Signature"], note));
            if (BeforeAnswer is { } hold)
            {
                await hold(note);
            }

            context.Response.StatusCode = _redirectTo is null ? AnswerStatus : 307;
            if (_redirectTo is not null)
            {
                context.Response.RedirectLocation = _redirectTo;
            }

            context.Response.Close();
            if (context.Response.StatusCode == 200)
            {
                FirstAnswered.TryAdd(key, TimeProvider.System.GetTimestamp());
            }
        }
        catch (Exception) when (!_listener.IsListening)
        {
        }
        catch (HttpListenerException)
        {
            // The sender went away before its answer (a server killed mid-request).
        }
        catch (IOException)
        {
        }
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
            // The managed HttpListener binds the port again while it removes its prefix on Close; when another process has
            // taken the freed port in the meantime (test assemblies run side by side) that fails with "address already in
            // use". The listener was stopped already: nothing is left to free.
        }
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Escalation.Server.Tests;

/// <summary>
/// The real server, started as its own process on a free loopback port with a fresh data folder, so tests talk to
/// it over real HTTP exactly as a help desk would — and can kill it with SIGKILL.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process, string dataDirectory, int port)
    {
        _process = process;
        DataDirectory = dataDirectory;
        Port = port;
        BaseUrl = $"http://127.0.0.1:{port}";
        Client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        process.OutputDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string DataDirectory { get; }
    public int Port { get; }
    public string BaseUrl { get; }
    public HttpClient Client { get; }
    public string Output { get { lock (_output) { return _output.ToString(); } } }
    public string OutboxDirectory => Path.Combine(DataDirectory, "outbox");

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EscalationFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Starts the server; <paramref name="dataDirectory"/> reuses a folder (a restart), else a new temp one. A free port
    /// chosen here can be taken by another process before the server binds it: then the start is retried on another.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(string? dataDirectory = null, int? port = null, IDictionary<string, string>? settings = null, bool bindAll = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(dataDirectory, port, settings, bindAll);
            }
            catch (InvalidOperationException ex) when (port is null && attempt < 3 && ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
            }
        }
    }

    private static async Task<ServerProcess> StartOnceAsync(string? dataDirectory, int? port, IDictionary<string, string>? settings, bool bindAll)
    {
        dataDirectory ??= Path.Combine(Path.GetTempPath(), "esc-e2e-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var p = port ?? FreePort();
        var serverDll = Path.Combine(AppContext.BaseDirectory, "Escalation.Server.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RepoRoot() };
        info.ArgumentList.Add(serverDll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(bindAll ? $"http://0.0.0.0:{p}" : $"http://127.0.0.1:{p}");
        info.Environment["Escalation__DataDirectory"] = dataDirectory;
        info.Environment["Escalation__Workspace"] = Path.Combine(RepoRoot(), "samples", "workspace");
        info.Environment["Escalation__PublicBaseUrl"] = $"http://127.0.0.1:{p}";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (k, v) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[k] = v;
        }

        var server = new ServerProcess(Process.Start(info)!, dataDirectory, p);
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            if (server._process.HasExited)
            {
                server._process.WaitForExit(); // without a timeout it also waits until the redirected output is read to its end
                throw new InvalidOperationException("The server exited at start:\n" + server.Output);
            }

            try
            {
                // Up: healthy, or up and reporting a storage problem (damage it found at start), which tests look at.
                if ((await server.Client.GetAsync("/api/health")).StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        await server.DisposeAsync();
        throw new TimeoutException("The server did not answer /api/health within 60 s:\n" + server.Output);
    }

    /// <summary>kill -9: no shutdown hooks, no flushing.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    /// <summary>SIGTERM, as systemd, a container runtime or a deploy stops it: a graceful stop. Returns the exit code.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))!;
            await kill.WaitForExitAsync();
        }

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
